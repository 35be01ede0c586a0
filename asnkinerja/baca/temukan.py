"""Finding a workspace's input files: which file holds what, in a fixed order.

Every path that looks like input is either listed for reading or named in a problem
(a file that is not YAML, a name that is not UTF-8, a YAML file in the wrong place).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from asnkinerja.errors import FolderTidakAda
from asnkinerja.masalah import Lokasi, Masalah, galat, peringatan

JenisBerkas = Literal["kebijakan", "pegawai", "laporan", "pelatihan", "penetapan", "logo"]
AKHIRAN = (".yaml", ".yml")
# The kop's logo: an image beside the policy, embedded in every document (never fetched).
AKHIRAN_LOGO = (".png", ".jpg", ".jpeg", ".svg")


@dataclass(frozen=True)
class Berkas:
    """One input file: its path, its name relative to the workspace, its kind."""

    jalur: Path
    nama: str
    jenis: JenisBerkas


def _bukan_sampah(p: Path) -> bool:
    # Hidden files and the lock files Excel and Word leave behind.
    return not (p.name.startswith(".") or p.name.startswith("~$"))


def _dalam_folder(folder: Path) -> Iterator[Path]:
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder)
        if any(bagian.startswith(".") for bagian in rel.parts):
            continue
        if p.is_file() and _bukan_sampah(p):
            yield p


def _nama_terbaca(nama: str) -> bool:
    try:
        nama.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def temukan(folder: Path) -> tuple[list[Berkas], list[Masalah]]:
    """The workspace's input files in a fixed order, and problems with its layout."""
    if not folder.is_dir():
        raise FolderTidakAda(f"folder {folder} tidak ada atau bukan folder")
    daftar: list[Berkas] = []
    masalah: list[Masalah] = []

    def nama(p: Path) -> str:
        return p.relative_to(folder).as_posix()

    for jenis in ("kebijakan", "pegawai", "laporan", "pelatihan", "penetapan"):
        for akhiran in AKHIRAN:
            tunggal = folder / f"{jenis}{akhiran}"
            if tunggal.is_file() and jenis != "laporan":
                daftar.append(Berkas(tunggal, nama(tunggal), jenis))
        sub = folder / jenis
        if jenis == "kebijakan" or not sub.is_dir():
            continue
        for p in _dalam_folder(sub):
            if not _nama_terbaca(nama(p)):
                masalah.append(
                    galat(
                        Lokasi(nama(p).encode("utf-8", "replace").decode("utf-8")),
                        "nama berkas ini memuat huruf yang tidak terbaca (bukan UTF-8, biasanya "
                        "dari ZIP buatan Windows); ganti namanya dengan huruf biasa",
                    )
                )
            elif p.suffix.lower() in AKHIRAN:
                daftar.append(Berkas(p, nama(p), jenis))
            else:
                masalah.append(
                    peringatan(
                        Lokasi(nama(p)),
                        "bukan berkas YAML (.yaml/.yml), diabaikan; jika ini laporan, "
                        "ganti akhiran namanya menjadi .yaml",
                    )
                )
    logo = [folder / f"logo{a}" for a in AKHIRAN_LOGO if (folder / f"logo{a}").is_file()]
    if logo:
        daftar.append(Berkas(logo[0], nama(logo[0]), "logo"))
        for lain in logo[1:]:
            masalah.append(
                peringatan(
                    Lokasi(nama(lain)),
                    f"ada lebih dari satu logo; yang dipakai {nama(logo[0])}, hapus yang lain",
                )
            )
    dikenal = {b.jalur for b in daftar}
    for p in sorted(folder.iterdir()):
        if p.is_file() and p.suffix.lower() in AKHIRAN and _bukan_sampah(p) and p not in dikenal:
            masalah.append(
                peringatan(
                    Lokasi(nama(p)),
                    "berkas YAML ini tidak dibaca: nama yang dikenal di folder utama hanya "
                    "kebijakan.yaml, pegawai.yaml, pelatihan.yaml dan penetapan.yaml; laporan "
                    "disimpan di folder laporan/",
                )
            )
        elif p.is_dir() and p.name == "kebijakan":
            masalah.append(
                peringatan(
                    Lokasi(nama(p)),
                    "folder kebijakan/ tidak dibaca; kebijakan ditulis di satu berkas "
                    "kebijakan.yaml",
                )
            )
    kebijakan = [b for b in daftar if b.jenis == "kebijakan"]
    if len(kebijakan) > 1:
        masalah.append(
            galat(
                Lokasi(kebijakan[1].nama),
                f"ada dua berkas kebijakan ({kebijakan[0].nama} dan {kebijakan[1].nama}); "
                "simpan satu saja",
            )
        )
    if not any(b.jenis == "pegawai" for b in daftar):
        masalah.append(
            galat(
                Lokasi("pegawai.yaml"),
                "daftar pegawai tidak ditemukan; buat pegawai.yaml (atau folder pegawai/) "
                "di folder ini, atau jalankan perintah di folder ruang kerja yang benar",
            )
        )
    return daftar, masalah
