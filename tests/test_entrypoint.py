"""The installed tool as a process: the entry point and `python -m asnkinerja`."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import WANGGAR

ENV = {**os.environ, "PYTHONIOENCODING": "utf-8"}


def _jalankan(perintah: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        perintah, cwd=cwd, capture_output=True, text=True, encoding="utf-8", env=ENV,
        timeout=120, check=False,
    )  # fmt: skip


def test_python_m_dari_folder_lain(tmp_path: Path) -> None:
    hasil = _jalankan([sys.executable, "-m", "asnkinerja", "periksa", str(WANGGAR)], tmp_path)
    assert hasil.returncode == 0, hasil.stderr
    assert "0 galat" in hasil.stdout


def test_skrip_terpasang_contoh_lalu_periksa(tmp_path: Path) -> None:
    skrip = shutil.which("asnkinerja", path=str(Path(sys.executable).parent))
    if skrip is None:
        pytest.fail("the asnkinerja entry point is not installed next to this Python")
    hasil = _jalankan([skrip, "contoh", "latihan"], tmp_path)
    assert hasil.returncode == 0, hasil.stderr
    hasil = _jalankan([skrip, "periksa", "latihan"], tmp_path)
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    rusak = tmp_path / "latihan" / "laporan" / "2025-01.yaml"
    rusak.write_text(rusak.read_text(encoding="utf-8") + "- nip: [\n", encoding="utf-8")
    hasil = _jalankan([skrip, "periksa", "latihan"], tmp_path)
    assert hasil.returncode == 1
    assert "laporan/2025-01.yaml:" in hasil.stdout
    assert "Traceback" not in hasil.stdout + hasil.stderr


def test_salah_pakai_dalam_bahasa_indonesia(tmp_path: Path) -> None:
    skrip = shutil.which("asnkinerja", path=str(Path(sys.executable).parent))
    assert skrip is not None
    hasil = _jalankan([skrip, "periksa", "--tidak-ada"], tmp_path)
    assert hasil.returncode == 2
    assert hasil.stderr == (
        "galat: opsi --tidak-ada tidak dikenal\nLihat bantuan: asnkinerja periksa --help\n"
    )
    hasil = _jalankan([skrip, "contoh", "x", "--pegawai", "nol"], tmp_path)
    assert hasil.returncode == 2 and "nilai untuk --pegawai harus bilangan bulat" in hasil.stderr
    hasil = _jalankan([skrip, "periksa", "tidak-ada"], tmp_path)
    assert hasil.returncode == 2 and "folder tidak-ada tidak ada" in hasil.stderr


@pytest.mark.parametrize(
    ("argumen", "stderr"),
    [
        (["--verison"], "opsi --verison tidak dikenal; maksudnya --versi atau --version?\n"
         "Lihat bantuan: asnkinerja --help"),
        (["contoh", "x", "--pegawai", "0"], "nilai untuk --pegawai harus bilangan bulat dari 1 "
         "sampai 1000000\nLihat bantuan: asnkinerja contoh --help"),
        (["evaluasi", "a", "b", "c"],
         "argumen berlebih: b c\nLihat bantuan: asnkinerja evaluasi --help"),
        (["tidak-ada"], "perintah tidak-ada tidak dikenal\nLihat bantuan: asnkinerja --help"),
        (["contoh"], "argumen FOLDER belum diisi\nLihat bantuan: asnkinerja contoh --help"),
    ],
)  # fmt: skip
def test_pesan_salah_pakai_tanpa_bahasa_inggris(
    argumen: list[str], stderr: str, tmp_path: Path
) -> None:
    hasil = _jalankan([sys.executable, "-m", "asnkinerja", *argumen], tmp_path)
    assert (hasil.returncode, hasil.stderr) == (2, f"galat: {stderr}\n")


@pytest.mark.parametrize("opsi", ["--versi", "--version", "-V"])
def test_versi(opsi: str, tmp_path: Path) -> None:
    hasil = _jalankan([sys.executable, "-m", "asnkinerja", opsi], tmp_path)
    assert (hasil.returncode, hasil.stdout, hasil.stderr) == (0, "asnkinerja 0.1.0\n", "")


def test_pekerja_tidak_memuat_typer() -> None:
    """Spawned workers import the starting script again: it must not pull in the CLI."""
    kode = (
        "import sys, asnkinerja.masuk, asnkinerja.__main__, asnkinerja.baca.muat,"
        " asnkinerja.baca.berkas\n"
        "assert not {'typer', 'rich', 'asnkinerja.cli'} & set(sys.modules), sorted(sys.modules)"
    )
    hasil = subprocess.run(
        [sys.executable, "-c", kode], capture_output=True, text=True, check=False, timeout=60
    )
    assert hasil.returncode == 0, hasil.stderr
