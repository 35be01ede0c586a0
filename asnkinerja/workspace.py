"""Reading a workspace folder: finding its files, parsing and typing every record.

This is the only module that touches the input files, and it only reads them.
Each file is loaded on its own by `muat_berkas` (a plain function of a path, so
files can later be parsed in parallel processes); `muat` gathers the results.
"""

from __future__ import annotations

import contextlib
import datetime
import gc
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

import msgspec

from asnkinerja import model, skema, yamlio
from asnkinerja.errors import FolderTidakAda
from asnkinerja.masalah import Lokasi, Masalah, galat, peringatan
from asnkinerja.nip import normalkan

T = TypeVar("T")
JenisBerkas = Literal["kebijakan", "pegawai", "laporan", "pelatihan"]
AKHIRAN = (".yaml", ".yml")
JENIS_STRUCT: dict[JenisBerkas, type[msgspec.Struct]] = {
    "kebijakan": model.Kebijakan,
    "pegawai": model.Pegawai,
    "laporan": model.Laporan,
    "pelatihan": model.Pelatihan,
}


@dataclass(frozen=True)
class Entri(Generic[T]):
    """A typed record and where it was written."""

    data: T
    lokasi: Lokasi


@dataclass
class RuangKerja:
    """Everything read from a workspace folder."""

    folder: Path
    kebijakan: model.Kebijakan
    kebijakan_lokasi: Lokasi | None
    pegawai: list[Entri[model.Pegawai]]
    laporan: list[Entri[model.Laporan]]
    # None when the workspace has no pelatihan file at all (not the same as none held).
    pelatihan: list[Entri[model.Pelatihan]] | None
    berkas: list[str] = field(default_factory=list)
    # NIPs of roster entries that could not be typed, and whether a whole roster
    # file was unreadable: both keep one broken entry from flooding the output
    # with "not in the roster" errors for every report that names it.
    nip_cacat: set[str] = field(default_factory=set)
    pegawai_tak_terbaca: bool = False
    # Records found per file, to check the cheap slicing that finds line numbers.
    jumlah_rekaman: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Berkas:
    """One input file: its path, its name relative to the workspace, its kind."""

    jalur: Path
    nama: str
    jenis: JenisBerkas


@dataclass
class HasilBerkas:
    berkas: Berkas
    rekaman: list[Entri[Any]]
    masalah: list[Masalah]
    terbaca: bool = True
    nip_cacat: set[str] = field(default_factory=set)
    jumlah_rekaman: int | None = None


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


def temukan(folder: Path) -> tuple[list[Berkas], list[Masalah]]:
    """The workspace's input files in a fixed order, and problems with its layout."""
    if not folder.is_dir():
        raise FolderTidakAda(f"folder {folder} tidak ada atau bukan folder")
    daftar: list[Berkas] = []
    masalah: list[Masalah] = []

    def nama(p: Path) -> str:
        return p.relative_to(folder).as_posix()

    for jenis in ("kebijakan", "pegawai", "laporan", "pelatihan"):
        for akhiran in AKHIRAN:
            tunggal = folder / f"{jenis}{akhiran}"
            if tunggal.is_file() and jenis != "laporan":
                daftar.append(Berkas(tunggal, nama(tunggal), jenis))
        sub = folder / jenis
        if jenis == "kebijakan" or not sub.is_dir():
            continue
        for p in _dalam_folder(sub):
            if p.suffix.lower() in AKHIRAN:
                daftar.append(Berkas(p, nama(p), jenis))
            else:
                masalah.append(
                    peringatan(
                        Lokasi(nama(p)),
                        "bukan berkas YAML (.yaml/.yml), diabaikan; jika ini laporan, "
                        "ganti akhiran namanya menjadi .yaml",
                    )
                )
    dikenal = {b.jalur for b in daftar}
    for p in sorted(folder.iterdir()):
        if p.is_file() and p.suffix.lower() in AKHIRAN and _bukan_sampah(p) and p not in dikenal:
            masalah.append(
                peringatan(
                    Lokasi(nama(p)),
                    "berkas YAML ini tidak dibaca: nama yang dikenal di folder utama hanya "
                    "kebijakan.yaml, pegawai.yaml dan pelatihan.yaml; laporan disimpan di folder "
                    "laporan/",
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


def muat_berkas(berkas: Berkas) -> HasilBerkas:
    """Read, parse and type one file. Never raises for anything inside the file."""
    try:
        data = berkas.jalur.read_bytes()
    except OSError as e:
        return HasilBerkas(
            berkas,
            [],
            [galat(Lokasi(berkas.nama), f"berkas tidak dapat dibaca: {e.strerror}")],
            terbaca=False,
        )
    teks, masalah = yamlio.dekode(data, berkas.nama)
    if teks is None:
        return HasilBerkas(berkas, [], masalah, terbaca=False)
    rekaman, masalah = yamlio.urai(teks, berkas.nama)
    if rekaman is None:
        return HasilBerkas(berkas, [], masalah, terbaca=False)
    if berkas.jenis == "kebijakan":
        hasil_kebijakan = _ketik_kebijakan(berkas, rekaman)
        hasil_kebijakan.jumlah_rekaman = len(rekaman)
        return hasil_kebijakan
    if not rekaman:
        masalah.append(
            peringatan(Lokasi(berkas.nama), f"berkas kosong: tidak berisi data {berkas.jenis}")
        )
    jenis = JENIS_STRUCT[berkas.jenis]
    hasil: list[Entri[Any]] = []
    cacat: set[str] = set()
    for i, nilai in enumerate(rekaman):
        lokasi = Lokasi(berkas.nama, i)
        if not isinstance(nilai, dict):
            masalah.append(
                galat(
                    lokasi,
                    f"setiap butir {berkas.jenis} harus berupa pemetaan (baris-baris "
                    f"'kunci: nilai'), bukan {skema.tampil(nilai)}",
                )
            )
            continue
        obj, m = skema.ubah(nilai, jenis, lokasi)
        masalah.extend(m)
        if obj is not None:
            hasil.append(Entri(_normalkan(obj), lokasi))
        elif isinstance(nilai.get("nip"), (str, int)) and not isinstance(nilai["nip"], bool):
            cacat.add(normalkan(nilai["nip"]))
        elif isinstance(nilai.get("nip"), float) and 1e17 <= nilai["nip"] < 1e18:
            # Excel's 1.98609262010052E+17: the last digits are lost, but other files
            # that name this person should not all be reported as strangers.
            cacat.add(f"~{nilai['nip']!r}")
    return HasilBerkas(berkas, hasil, masalah, nip_cacat=cacat, jumlah_rekaman=len(rekaman))


def _ketik_kebijakan(berkas: Berkas, rekaman: list[Any]) -> HasilBerkas:
    lokasi = Lokasi(berkas.nama, 0)
    if not rekaman:
        return HasilBerkas(berkas, [Entri(model.bawaan(), lokasi)], [])
    if len(rekaman) > 1 or not isinstance(rekaman[0], dict):
        return HasilBerkas(
            berkas,
            [],
            [
                galat(
                    lokasi,
                    "kebijakan.yaml harus berisi satu pemetaan (baris-baris 'kunci: nilai'), "
                    "bukan daftar atau beberapa dokumen",
                )
            ],
        )
    obj, masalah = skema.ubah(rekaman[0], model.Kebijakan, lokasi)
    return HasilBerkas(berkas, [Entri(obj, lokasi)] if obj is not None else [], masalah)


def _normalkan(obj: Any) -> Any:
    """NIPs written as bare numbers become text, so one NIP has one spelling."""
    if isinstance(obj, model.Pegawai):
        obj.nip = normalkan(obj.nip)
        if obj.atasan is not None:
            obj.atasan = normalkan(obj.atasan)
    elif isinstance(obj, model.Laporan):
        obj.nip = normalkan(obj.nip)
        obj.periode = obj.periode.strip()
        if obj.penilaian is not None:
            obj.penilaian.penilai = normalkan(obj.penilaian.penilai)
    elif isinstance(obj, model.Pelatihan):
        obj.peserta = [normalkan(n) for n in obj.peserta]
    return obj


def muat(folder: Path) -> tuple[RuangKerja, list[Masalah]]:
    """Every file of the workspace, typed; problems without line numbers yet."""
    daftar, masalah = temukan(folder)
    ruang = RuangKerja(
        folder=folder,
        kebijakan=model.bawaan(),
        kebijakan_lokasi=None,
        pegawai=[],
        laporan=[],
        pelatihan=None,
        berkas=[b.nama for b in daftar],
    )
    kebijakan_dimuat = False
    for b in daftar:
        hasil = muat_berkas(b)
        masalah.extend(hasil.masalah)
        if hasil.jumlah_rekaman is not None:
            ruang.jumlah_rekaman[b.nama] = hasil.jumlah_rekaman
        if b.jenis == "kebijakan":
            if hasil.rekaman and not kebijakan_dimuat:
                ruang.kebijakan = hasil.rekaman[0].data
                ruang.kebijakan_lokasi = hasil.rekaman[0].lokasi
            kebijakan_dimuat = True
        elif b.jenis == "pegawai":
            ruang.pegawai.extend(hasil.rekaman)
            ruang.nip_cacat |= hasil.nip_cacat
            ruang.pegawai_tak_terbaca |= not hasil.terbaca
        elif b.jenis == "laporan":
            ruang.laporan.extend(hasil.rekaman)
        else:
            ruang.pelatihan = (ruang.pelatihan or []) + hasil.rekaman
    return ruang, masalah


def baca_teks(folder: Path, nama: str) -> str | None:
    """A workspace file's text by its relative name, for finding line numbers."""
    try:
        data = (folder / nama).read_bytes()
    except OSError:
        return None
    teks, _ = yamlio.dekode(data, nama)
    return teks


@contextlib.contextmanager
def jeda_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large, long-lived data.

    Loading 60,000 reports makes millions of objects that all stay alive; each
    automatic collection would walk them all again (measured: line-number
    lookup on 5,000 pegawai went from 7.4 s to 2.6 s without it). Our records
    hold no reference cycles, so nothing is lost; the previous state is restored.
    """
    aktif = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aktif:
            gc.enable()


def hari_ini() -> datetime.date:
    return datetime.date.today()
