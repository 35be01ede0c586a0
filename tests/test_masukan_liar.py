"""Hostile and accidental workspaces that files alone cannot hold (links, permissions, pipes,
oversized files): each gives its exact message at its place, nothing is silently dropped,
nothing outside the workspace is read. Static cases live in tests/data/invalid."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asnkinerja import api
from asnkinerja.cli import app

from conftest import DASAR, HARI_INI

runner = CliRunner()
POSIX = pytest.mark.skipif(os.name == "nt", reason="symbolic links and pipes as on POSIX")
RAHASIA = "RAHASIA-JANGAN-DIBACA"


def _baris(ruang: Path) -> list[str]:
    return [m.baris_teks() for m in api.periksa(ruang, HARI_INI, pakai_cache=False).masalah]


def _luar(ruang: Path) -> Path:
    """A file outside the workspace whose content must never be read or quoted."""
    p = ruang.parent / "luar" / "rahasia.yaml"
    p.parent.mkdir(exist_ok=True)
    p.write_text(f'- nip: "{RAHASIA}"\n', encoding="utf-8")
    return p


def _tautan_keluar(r: Path) -> None:
    (r / "laporan" / "rahasia.yaml").symlink_to(_luar(r))


def _tautan_folder_keluar(r: Path) -> None:
    (r / "laporan" / "luar").symlink_to(_luar(r).parent, target_is_directory=True)


def _pegawai_keluar(r: Path) -> None:
    (r / "pegawai.yaml").unlink()
    (r / "pegawai.yaml").symlink_to(_luar(r))


def _tautan_rusak(r: Path) -> None:
    (r / "laporan" / "2025-12.yaml").symlink_to("tidak-ada.yaml")


def _tautan_berputar(r: Path) -> None:
    (r / "laporan" / "a.yaml").symlink_to("b.yaml")
    (r / "laporan" / "b.yaml").symlink_to("a.yaml")


def _tautan_folder_ke_atas(r: Path) -> None:
    (r / "laporan" / "atas").symlink_to("..", target_is_directory=True)


def _tautan_folder_ganda(r: Path) -> None:
    (r / "laporan" / "salinan").symlink_to(".", target_is_directory=True)


def _pipa(r: Path) -> None:
    os.mkfifo(r / "laporan" / "pipa.yaml")


def _terlalu_besar(r: Path) -> None:
    with (r / "laporan" / "besar.yaml").open("wb") as f:
        f.truncate(40 * 1024 * 1024)  # sparse: 40 MB on paper, nothing on disk


def _terlalu_banyak_baris(r: Path) -> None:
    (r / "laporan" / "banyak.yaml").write_text("[" + "1," * 2_100_000 + "1]", encoding="utf-8")


def _terlalu_banyak_rekaman(r: Path) -> None:
    (r / "laporan" / "rekaman.yaml").write_text("- 1\n" * 250_000, encoding="utf-8")


KASUS: dict[str, tuple[Callable[[Path], None], list[str]]] = {
    "tautan-ke-luar": (_tautan_keluar, [
        "laporan/rahasia.yaml: galat: tautan (symlink) ini menunjuk ke luar ruang kerja "
        "({luar}/rahasia.yaml); tidak dibaca. Salin berkasnya ke dalam ruang kerja bila memang "
        "bagian dari data"]),
    "tautan-folder-ke-luar": (_tautan_folder_keluar, [
        "laporan/luar: galat: tautan (symlink) ini menunjuk ke luar ruang kerja ({luar}); "
        "tidak dibaca. Salin berkasnya ke dalam ruang kerja bila memang bagian dari data"]),
    "pegawai-ke-luar": (_pegawai_keluar, [
        "pegawai.yaml: galat: daftar pegawai tidak ditemukan; buat pegawai.yaml (atau folder "
        "pegawai/) di folder ini, atau jalankan perintah di folder ruang kerja yang benar",
        "pegawai.yaml: galat: tautan (symlink) ini menunjuk ke luar ruang kerja "
        "({luar}/rahasia.yaml); tidak dibaca. Salin berkasnya ke dalam ruang kerja bila memang "
        "bagian dari data"]),
    "tautan-rusak": (_tautan_rusak, [
        "laporan/2025-12.yaml: galat: tautan (symlink) rusak: menunjuk ke tidak-ada.yaml, yang "
        "tidak ada; hapus tautannya atau salin berkas aslinya ke sini"]),
    "tautan-berputar": (_tautan_berputar, [
        "laporan/a.yaml: galat: tautan (symlink) berputar: menunjuk ke b.yaml, yang akhirnya "
        "kembali ke dirinya sendiri; hapus tautannya",
        "laporan/b.yaml: galat: tautan (symlink) berputar: menunjuk ke a.yaml, yang akhirnya "
        "kembali ke dirinya sendiri; hapus tautannya"]),
    "tautan-folder-ke-atas": (_tautan_folder_ke_atas, [
        "laporan/atas: galat: tautan (symlink) folder ini menunjuk ke folder di atasnya (.) "
        "sehingga berputar; hapus tautannya"]),
    "tautan-folder-ke-dirinya": (_tautan_folder_ganda, [
        "laporan/salinan: galat: tautan (symlink) folder ini menunjuk ke folder di atasnya "
        "(laporan) sehingga berputar; hapus tautannya"]),
    "pipa": (_pipa, [
        "laporan/pipa.yaml: peringatan: bukan berkas biasa (pipa, soket atau perangkat); "
        "tidak dibaca"]),
    "berkas-terlalu-besar": (_terlalu_besar, [
        "laporan/besar.yaml: galat: berkas terlalu besar (40,0 MB; paling besar 32,0 MB per "
        "berkas) dan tidak dibaca; bagi isinya ke beberapa berkas, mis. satu berkas per unit "
        "atau per bulan"]),
    "baris-terlalu-banyak": (_terlalu_banyak_baris, [
        "laporan/banyak.yaml: galat: berkas berisi 2.100.000 baris dan butir (paling banyak "
        "2.000.000 per berkas) dan tidak dibaca; bagi isinya ke beberapa berkas, mis. satu "
        "berkas per unit atau per bulan"]),
    "rekaman-terlalu-banyak": (_terlalu_banyak_rekaman, [
        "laporan/rekaman.yaml: galat: berkas berisi 250.000 rekaman (paling banyak 200.000 per "
        "berkas); bagi isinya ke beberapa berkas, mis. satu berkas per unit"]),
}  # fmt: skip


@POSIX
@pytest.mark.parametrize("kasus", sorted(KASUS))
def test_kasus_liar_disebut_dengan_pesannya(kasus: str, tmp_path: Path) -> None:
    ruang = Path(shutil.copytree(DASAR, tmp_path / "ruang"))
    bangun, harapan = KASUS[kasus]
    bangun(ruang)
    luar = str((tmp_path / "luar").resolve())
    baris = _baris(ruang)
    assert baris == [h.replace("{luar}", luar) for h in harapan]
    hasil = runner.invoke(app, ["periksa", str(ruang), "--tanggal", "2026-11-28"])
    assert RAHASIA not in hasil.output  # nothing outside the workspace is read or quoted
    galat = any(": galat: " in b for b in baris)
    assert hasil.exit_code == (1 if galat else 0)


@POSIX
def test_folder_bertautan_di_dalam_diikuti_sama_dengan_aslinya(tmp_path: Path) -> None:
    """Reports kept in an archive folder inside the workspace and linked into laporan/:
    read, with the same result as the files themselves."""
    ruang = Path(shutil.copytree(DASAR, tmp_path / "ruang"))
    asli = api.evaluasi(ruang, "2025-11", HARI_INI).hasil
    arsip = ruang / "arsip"
    (ruang / "laporan").rename(arsip)
    (ruang / "laporan").mkdir()
    (ruang / "laporan" / "2025").symlink_to(arsip, target_is_directory=True)
    assert _baris(ruang) == []
    ev = api.evaluasi(ruang, "2025-11", HARI_INI)
    assert ev.hasil is not None and asli is not None
    assert [p.nilai_akhir for p in ev.hasil.pegawai] == [p.nilai_akhir for p in asli.pegawai]


def test_folder_yang_tidak_dapat_dibaca_disebut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A report folder the tool may not read is an error, never "no reports submitted"
    (the test stands in for chmod, which root, as CI runs, would ignore)."""
    ruang = Path(shutil.copytree(DASAR, tmp_path / "ruang"))
    (ruang / "laporan" / "opd").mkdir()
    shutil.move(ruang / "laporan" / "2025-11.yaml", ruang / "laporan" / "opd" / "2025-11.yaml")
    asli_scandir = os.scandir

    def scandir(p: object) -> object:
        if Path(str(p)).name == "opd":
            raise PermissionError(13, "Permission denied", str(p))
        return asli_scandir(p)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "scandir", scandir)
    assert _baris(ruang) == [
        "laporan/opd/: galat: folder tidak dapat dibaca (Permission denied); berkas di "
        "dalamnya tidak dihitung. Perbaiki izin foldernya (atau pindahkan isinya) lalu ulangi"
    ]


@pytest.mark.skipif(os.name == "nt" or os.geteuid() == 0, reason="chmod binds non-root only")
def test_folder_tanpa_izin_sungguhan(tmp_path: Path) -> None:
    ruang = Path(shutil.copytree(DASAR, tmp_path / "ruang"))
    sub = ruang / "laporan" / "opd"
    sub.mkdir()
    sub.chmod(0)
    try:
        assert any("laporan/opd/: galat: folder tidak dapat dibaca" in b for b in _baris(ruang))
    finally:
        sub.chmod(0o755)


@POSIX
def test_nama_berkas_berbaris_baru_tetap_satu_baris(tmp_path: Path) -> None:
    """A file name holding a line break and an escape stays on its problem's line."""
    ruang = Path(shutil.copytree(DASAR, tmp_path / "ruang"))
    (ruang / "laporan" / "x\x1b[31m\nA.yaml").write_text("- 1\n", encoding="utf-8")
    baris = _baris(ruang)
    assert baris and all("\n" not in b and "\x1b" not in b for b in baris)
    assert baris[0].startswith("laporan/x␛[31m␊A.yaml:1:3: galat: ")
