"""Finding a workspace's input files: which file holds what, in a fixed order.

Every path that looks like input is either listed for reading or named in a problem
(a file that is not YAML, a name that is not UTF-8, a YAML file in the wrong place, a
folder that cannot be read, a broken or looping link, a link leaving the workspace).
Links inside the workspace are followed, a linked folder once (docs/keandalan.md).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
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


def tujuan_tautan(p: Path, akar: Path, nama: str) -> tuple[Path | None, Masalah | None]:
    """Where a path really is: itself, or for a link its target when that is inside the
    workspace `akar` (resolved). A broken link, a link loop and a link leaving the
    workspace are problems that say what the link points to; such a target is never read."""
    if not p.is_symlink():
        return p, None
    try:
        ditulis = str(p.readlink())
    except OSError:
        ditulis = "?"
    try:
        asli = p.resolve(strict=True)
    except FileNotFoundError:
        return None, galat(Lokasi(nama), (
            f"tautan (symlink) rusak: menunjuk ke {ditulis}, yang tidak ada; hapus tautannya "
            "atau salin berkas aslinya ke sini"))  # fmt: skip
    except (RuntimeError, OSError):  # a loop: RuntimeError up to 3.12, OSError (ELOOP) after
        return None, galat(Lokasi(nama), (
            f"tautan (symlink) berputar: menunjuk ke {ditulis}, yang akhirnya kembali ke "
            "dirinya sendiri; hapus tautannya"))  # fmt: skip
    if not asli.is_relative_to(akar):
        return None, galat(Lokasi(nama), (
            f"tautan (symlink) ini menunjuk ke luar ruang kerja ({asli}); tidak dibaca. Salin "
            "berkasnya ke dalam ruang kerja bila memang bagian dari data"))  # fmt: skip
    return asli, None


def _dalam_folder(
    folder: Path, akar: Path, nama: Callable[[Path], str], masalah: list[Masalah]
) -> Iterator[Path]:
    """Every input-looking file below `folder`, in name order. A linked folder inside the
    workspace is followed once (a folder reached again is a loop and is named); a folder
    that cannot be read, a broken or outside link, and what is not a plain file are named
    in `masalah`: nothing below the workspace is dropped without a word."""
    dikunjungi: set[Path] = set()
    ditemukan: list[Path] = []

    def jalan(d: Path, asli: Path) -> None:
        if asli in dikunjungi:
            masalah.append(peringatan(Lokasi(nama(d)), (
                f"tautan ke folder {asli.relative_to(akar).as_posix()} yang sudah dibaca; "
                "isinya dibaca sekali saja. Hapus tautannya bila tidak perlu")))  # fmt: skip
            return
        dikunjungi.add(asli)
        try:
            with os.scandir(d) as it:
                entri = sorted(it, key=lambda e: e.name)
        except OSError as gagal:
            sebab = gagal.strerror or str(gagal)
            masalah.append(galat(Lokasi(nama(d) + "/"), (
                f"folder tidak dapat dibaca ({sebab}); berkas di dalamnya tidak dihitung. "
                "Perbaiki izin foldernya (atau pindahkan isinya) lalu ulangi")))  # fmt: skip
            return
        for ent in entri:
            p = d / ent.name
            if ent.name.startswith("."):
                continue
            if ent.is_symlink():
                tujuan, m = tujuan_tautan(p, akar, nama(p))
                if m is not None:
                    masalah.append(m)
                elif tujuan is not None and tujuan.is_dir():
                    if asli.is_relative_to(tujuan):  # a folder above: the walk would not end
                        masalah.append(galat(Lokasi(nama(p)), (
                            f"tautan (symlink) folder ini menunjuk ke folder di atasnya "
                            f"({tujuan.relative_to(akar).as_posix() or '.'}) sehingga "
                            "berputar; hapus tautannya")))  # fmt: skip
                    else:
                        jalan(p, tujuan)
                elif tujuan is not None and tujuan.is_file() and _bukan_sampah(p):
                    ditemukan.append(p)
            elif ent.is_dir(follow_symlinks=False):
                nyata = p.resolve()  # a Windows junction is a folder that leads elsewhere
                if nyata != asli / ent.name and asli.is_relative_to(nyata):
                    masalah.append(galat(Lokasi(nama(p)), (
                        "folder ini menunjuk ke folder di atasnya sehingga berputar; "
                        "hapus sambungannya")))  # fmt: skip
                else:
                    jalan(p, nyata)
            elif ent.is_file(follow_symlinks=False):
                if _bukan_sampah(p):
                    ditemukan.append(p)
            else:
                masalah.append(peringatan(Lokasi(nama(p)), (
                    "bukan berkas biasa (pipa, soket atau perangkat); tidak dibaca")))  # fmt: skip

    jalan(folder, folder.resolve())
    yield from sorted(ditemukan)


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

    akar = folder.resolve()

    def ada(p: Path, folder_: bool) -> bool:
        """Whether `p` is a file (or folder) to read; a bad link is a problem instead."""
        if not p.is_symlink():
            return p.is_dir() if folder_ else p.is_file()
        tujuan, m = tujuan_tautan(p, akar, nama(p))
        if m is not None:
            masalah.append(m)
            return False
        assert tujuan is not None
        return tujuan.is_dir() if folder_ else tujuan.is_file()

    for jenis in ("kebijakan", "pegawai", "laporan", "pelatihan", "penetapan"):
        for akhiran in AKHIRAN:
            tunggal = folder / f"{jenis}{akhiran}"
            if jenis != "laporan" and ada(tunggal, False):
                daftar.append(Berkas(tunggal, nama(tunggal), jenis))
        sub = folder / jenis
        if jenis == "kebijakan" or not ada(sub, True):
            continue
        for p in _dalam_folder(sub, akar, nama, masalah):
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
    logo = [folder / f"logo{a}" for a in AKHIRAN_LOGO if ada(folder / f"logo{a}", False)]
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
    # The known names not read are links already named above (broken, looping, outside).
    nama_dikenal = {f"{j}{a}" for j in ("kebijakan", "pegawai", "pelatihan", "penetapan")
                    for a in AKHIRAN}  # fmt: skip
    for p in sorted(folder.iterdir()):
        if p.name in nama_dikenal and p.is_symlink():
            continue
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
