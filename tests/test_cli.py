"""The commands as a user runs them, through typer.testing.CliRunner."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from asnkinerja.cli import app

from conftest import WANGGAR, bangun_skenario

runner = CliRunner()


def test_periksa_sampel_wanggar_lolos() -> None:
    hasil = runner.invoke(app, ["periksa", str(WANGGAR)])
    assert hasil.exit_code == 0, hasil.output
    assert "0 galat" in hasil.output
    assert "50 pegawai" in hasil.output
    assert "Traceback" not in hasil.output


def test_periksa_folder_saat_ini_bawaan(ruang_dasar: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ruang_dasar)
    hasil = runner.invoke(app, ["periksa"])
    assert hasil.exit_code == 0, hasil.output
    assert "Tidak ada masalah." in hasil.output


def test_periksa_rusak_semua_masalah_keluar_1(tmp_path: Path) -> None:
    ruang = bangun_skenario(tmp_path / "r", "banyak-masalah-satu-berkas")
    hasil = runner.invoke(app, ["periksa", str(ruang)])
    assert hasil.exit_code == 1
    baris = [b for b in hasil.output.splitlines() if ": galat: " in b]
    assert baris == [
        "laporan/2025-10.yaml:7:18: galat: realisasi harus paling kecil 0, bukan -3",
        "laporan/2025-10.yaml:17:18: galat: tanggal_lapor harus tanggal dengan format "
        'TTTT-BB-HH (mis. 2026-11-05), bukan "05-11-2025"',
        "laporan/2025-10.yaml:23:13: galat: arah harus salah satu dari: naik, turun; "
        'bukan "keatas"',
    ]
    assert "3 galat, 0 peringatan dalam 1 berkas." in hasil.output


def test_periksa_json_hanya_json(tmp_path: Path) -> None:
    ruang = bangun_skenario(tmp_path / "r", "laporan-ganda")
    hasil = runner.invoke(app, ["periksa", str(ruang), "--json"])
    assert hasil.exit_code == 1
    data = json.loads(hasil.stdout)
    assert data == {
        "masalah": [
            {
                "berkas": "laporan/susulan.yaml",
                "baris": 2,
                "kolom": 10,
                "tingkat": "galat",
                "pesan": "laporan NIP 198609262010052002 periode 2025-10 sudah ada; hapus salah "
                "satu atau perbaiki periodenya (lihat juga laporan/2025-10.yaml:2:12)",
            }
        ]
    }


def test_periksa_folder_tidak_ada_keluar_2(tmp_path: Path) -> None:
    hasil = runner.invoke(app, ["periksa", str(tmp_path / "tidak-ada")])
    assert hasil.exit_code == 2
    assert "tidak ada atau bukan folder" in hasil.stderr
    assert hasil.exception is None or isinstance(hasil.exception, SystemExit)


def test_opsi_salah_keluar_2() -> None:
    hasil = runner.invoke(app, ["periksa", "--tidak-ada"])
    assert hasil.exit_code == 2


def test_periksa_tidak_mengubah_berkas(tmp_path: Path) -> None:
    ruang = bangun_skenario(tmp_path / "r", "banyak-masalah-satu-berkas")
    sebelum = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in ruang.rglob("*") if p.is_file()}
    runner.invoke(app, ["periksa", str(ruang)])
    sesudah = {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in ruang.rglob("*") if p.is_file()}
    assert sebelum == sesudah


def test_contoh_menulis_sampel_yang_lolos_periksa(tmp_path: Path) -> None:
    tujuan = tmp_path / "latihan"
    hasil = runner.invoke(app, ["contoh", str(tujuan)])
    assert hasil.exit_code == 0, hasil.output
    asli = sorted(p.relative_to(WANGGAR) for p in WANGGAR.rglob("*") if p.is_file())
    ditulis = sorted(p.relative_to(tujuan) for p in tujuan.rglob("*") if p.is_file())
    assert ditulis == asli
    assert (tujuan / "pegawai.yaml").read_bytes() == (WANGGAR / "pegawai.yaml").read_bytes()
    assert runner.invoke(app, ["periksa", str(tujuan)]).exit_code == 0


def test_contoh_menolak_folder_berisi(ruang_dasar: Path) -> None:
    sebelum = (ruang_dasar / "pegawai.yaml").read_bytes()
    hasil = runner.invoke(app, ["contoh", str(ruang_dasar)])
    assert hasil.exit_code == 2
    assert "sudah berisi berkas" in hasil.stderr and "--timpa" in hasil.stderr
    assert (ruang_dasar / "pegawai.yaml").read_bytes() == sebelum


def test_contoh_timpa_mencadangkan_berkas_lama(ruang_dasar: Path) -> None:
    lama = (ruang_dasar / "pegawai.yaml").read_bytes()
    hasil = runner.invoke(app, ["contoh", str(ruang_dasar), "--timpa"])
    assert hasil.exit_code == 0, hasil.output
    [cadangan] = list((ruang_dasar / ".cadangan").rglob("pegawai.yaml"))
    assert cadangan.read_bytes() == lama
    assert (ruang_dasar / "pegawai.yaml").read_bytes() == (WANGGAR / "pegawai.yaml").read_bytes()
    assert "disalin ke" in hasil.output
    # The backup folder is hidden from the loader: the workspace still checks.
    assert "berkas lama" in hasil.output


def test_contoh_sintetis_deterministik_dan_sah(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    for tujuan in (a, b):
        hasil = runner.invoke(app, ["contoh", str(tujuan), "--pegawai", "60", "--benih", "7"])
        assert hasil.exit_code == 0, hasil.output
    isi_a = {p.relative_to(a): p.read_bytes() for p in a.rglob("*") if p.is_file()}
    isi_b = {p.relative_to(b): p.read_bytes() for p in b.rglob("*") if p.is_file()}
    assert isi_a == isi_b
    hasil = runner.invoke(app, ["periksa", str(a)])
    assert hasil.exit_code == 0, hasil.output
    assert "60 pegawai" in hasil.output


def test_versi() -> None:
    hasil = runner.invoke(app, ["--versi"])
    assert hasil.exit_code == 0 and hasil.output.startswith("asnkinerja ")


def test_bantuan_berbahasa_indonesia() -> None:
    hasil = runner.invoke(app, ["periksa", "--help"])
    assert hasil.exit_code == 0
    assert "Periksa semua berkas ruang kerja" in hasil.output


# Every command the tool has (a new one is covered without being listed here).
PERINTAH = sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]
INGGRIS = ["Usage", "Options", "Arguments", "Commands", "Show this message", "default:",
           "required", "<str>", "<path>", "<int", "OPTIONS", "COMMAND", "ARGS",
           "<=x<="]  # fmt: skip


@pytest.mark.parametrize("perintah", [[], *([p] for p in PERINTAH)])
def test_bantuan_tanpa_kata_inggris(perintah: list[str]) -> None:
    """Every help screen, headings and notes included, in Bahasa Indonesia."""
    hasil = runner.invoke(app, [*perintah, "--help"], terminal_width=120)
    assert hasil.exit_code == 0
    assert hasil.output.startswith("Pemakaian: asnkinerja")
    assert "Pilihan:" in hasil.output
    assert "Tampilkan bantuan ini lalu keluar." in hasil.output
    for kata in INGGRIS:
        assert kata not in hasil.output, kata
    if not perintah:
        assert "Perintah:" in hasil.output and "[PILIHAN] PERINTAH [ARGUMEN]..." in hasil.output
    elif perintah != ["contoh"]:
        assert "Argumen:" in hasil.output and "[bawaan: (folder saat ini)]" in hasil.output


def test_bantuan_rentang_dan_wajib() -> None:
    hasil = runner.invoke(app, ["contoh", "--help"], terminal_width=120)
    assert "[wajib]" in hasil.output and "[bawaan: 2025; 1990 sampai 2200]" in hasil.output


def test_ruang_kerja_tidak_terganggu_folder_tersembunyi(ruang_dasar: Path) -> None:
    (ruang_dasar / "laporan" / ".cadangan").mkdir()
    shutil.copy(ruang_dasar / "laporan" / "2025-10.yaml", ruang_dasar / "laporan" / ".cadangan")
    (ruang_dasar / "laporan" / "~$2025-10.yaml").write_text("x", encoding="utf-8")
    hasil = runner.invoke(app, ["periksa", str(ruang_dasar)])
    assert hasil.exit_code == 0, hasil.output


def test_berkas_bukan_yaml_di_laporan_diperingatkan(ruang_dasar: Path) -> None:
    (ruang_dasar / "laporan" / "2025-12.yaml.txt").write_text("x", encoding="utf-8")
    hasil = runner.invoke(app, ["periksa", str(ruang_dasar)])
    assert hasil.exit_code == 0
    assert (
        "laporan/2025-12.yaml.txt: peringatan: bukan berkas YAML (.yaml/.yml), diabaikan"
        in hasil.output
    )


def test_contoh_timpa_dua_kali_tidak_menghilangkan_cadangan(tmp_path: Path) -> None:
    tujuan = tmp_path / "x"
    tujuan.mkdir()
    (tujuan / "pegawai.yaml").write_text("MILIK SAYA\n", encoding="utf-8")
    for _ in range(2):
        assert runner.invoke(app, ["contoh", str(tujuan), "--timpa"]).exit_code == 0
    cadangan = [p.read_text(encoding="utf-8") for p in (tujuan / ".cadangan").rglob("pegawai.yaml")]
    assert "MILIK SAYA\n" in cadangan and len(cadangan) == 2


def test_keluaran_berupa_berkas_keluar_2(tmp_path: Path) -> None:
    berkas = tmp_path / "f.txt"
    berkas.write_text("x", encoding="utf-8")
    hasil = runner.invoke(
        app, ["evaluasi", str(WANGGAR), "--format", "md", "--keluaran", str(berkas)]
    )
    assert hasil.exit_code == 2 and "bukan folder" in hasil.stderr
