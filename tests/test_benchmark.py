"""benchmarks/kinerja.py runs end to end (tiny sizes) and prints its table; not a timed test."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import REPO


def test_skrip_benchmark_mencetak_tabel(tmp_path: Path) -> None:
    hasil = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "kinerja.py"), "--pegawai-w1", "20",
         "--tanpa-w2", "--ulang", "1", "--ulang-naif", "1", "--ulang-mulai", "1",
         "--folder", str(tmp_path)],
        capture_output=True, text=True, encoding="utf-8", timeout=600, check=False,
    )  # fmt: skip
    assert hasil.returncode == 0, hasil.stderr
    baris = hasil.stdout.splitlines()
    assert "| Pengukuran | Median (s) | Rasio | Target | Tercapai | RSS puncak (MB) |" in baris
    for awal in ("| W1 lantai F", "| W1 cara naif", "| W1 evaluasi dingin |",
                 "| W1 evaluasi hangat |", "| W1 evaluasi --json hangat |", "| W1 periksa hangat |",
                 "| W1 evaluasi --format md,html,json hangat |",
                 "| W1 evaluasi --json, satu berkas berubah |", "| W1 evaluasi --json dingin |",
                 "| `asnkinerja --help` |", "| W1 RSS puncak"):  # fmt: skip
        assert any(b.startswith(awal) for b in baris), awal


def test_skrip_tahap_mencetak_setiap_tahap() -> None:
    hasil = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "tahap.py"), str(REPO / "data" / "wanggar"),
         "--ulang", "1"],
        capture_output=True, text=True, encoding="utf-8", timeout=300, check=False,
    )  # fmt: skip
    assert hasil.returncode == 0, hasil.stderr
    tahap = [b.split("|")[1].strip() for b in hasil.stdout.splitlines()[2:]]
    assert tahap == [
        "utama: impor (proses utuh)",
        *(f"per berkas: {k}" for k in ("baca", "urai", "validasi", "nilai", "sandi")),
        *(
            f"utama: {k}"
            for k in (
                "muat_cache",
                "periksa",
                "evaluasi",
                "sajikan_ringkas",
                "tampil",
                "sajikan_dan_json_lengkap",
            )
        ),
        "per pegawai: menilai_semua_pegawai",
        "per pegawai: dekode_nilai_tersimpan",
        *(f"hangat: {k}" for k in ("sidik_semua_berkas", "sidik_dan_ambil_hasil", "tampil_hasil")),
    ]
    for b in hasil.stdout.splitlines()[2:]:
        assert float(b.split("|")[2]) >= 0


def test_skrip_ab_membandingkan_dua_pemasangan(tmp_path: Path) -> None:
    """The same installation on both sides: every scenario measured, ratios printed."""
    import shutil

    ruang = Path(shutil.copytree(REPO / "data" / "wanggar", tmp_path / "ruang"))
    asli = {p: p.read_bytes() for p in ruang.rglob("*.yaml")}
    skrip = shutil.which("asnkinerja", path=str(Path(sys.executable).parent))
    assert skrip is not None
    hasil = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "ab.py"), str(ruang), "--lama", skrip,
         "--baru", skrip, "--ulang", "1"],
        capture_output=True, text=True, encoding="utf-8", timeout=300, check=False,
    )  # fmt: skip
    assert hasil.returncode == 0, hasil.stderr
    baris = hasil.stdout.splitlines()
    assert baris[0] == "| skenario | lama (s) | baru (s) | baru / lama |"
    assert [b.split("|")[1].strip() for b in baris[2:]] == [
        "evaluasi dingin", "evaluasi hangat", "evaluasi --json dingin", "evaluasi --json hangat",
        "evaluasi, satu berkas berubah", "evaluasi --json, satu berkas berubah",
        "periksa dingin", "periksa hangat",
    ]  # fmt: skip
    assert {p: p.read_bytes() for p in ruang.rglob("*.yaml")} == asli  # the edit is undone


def test_skrip_pengurai_mencetak_ketiga_tabel() -> None:
    hasil = subprocess.run(
        [sys.executable, str(REPO / "benchmarks" / "pengurai.py"), "--pegawai", "20",
         "--ulang", "1"],
        capture_output=True, text=True, encoding="utf-8", timeout=300, check=False,
    )  # fmt: skip
    assert hasil.returncode == 0, hasil.stderr
    for judul in ("### Mengurai YAML", "### Validasi dan pengetikan",
                  "### Mencari baris:kolom (1 masalah tiap 10 laporan)"):  # fmt: skip
        assert judul in hasil.stdout.splitlines()
    assert "| potong per rekaman + pindai baris (dipakai) |" in hasil.stdout
