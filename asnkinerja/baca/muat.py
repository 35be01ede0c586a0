"""Reading a workspace folder: finding its files, parsing and typing every record.

This is the only module that touches the input files, and it only reads them.
Each file is loaded on its own by `muat_berkas` (a plain function of a path, so
files can later be parsed in parallel processes); `muat` gathers the results.
"""

from __future__ import annotations

import collections
import contextlib
import datetime
import gc
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

import msgspec

from asnkinerja.baca import cache
from asnkinerja.errors import BerkasBerubah, FolderTidakAda
from asnkinerja.inti import model
from asnkinerja.inti.laporan import NilaiLaporan, Penilai, kode_periode
from asnkinerja.inti.nip import normalkan
from asnkinerja.masalah import Lokasi, Masalah, galat, peringatan

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
    laporan: list[NilaiLaporan]
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
    # The exact inputs this run used, for keeping its result (None: no cache, or a
    # file that could not be read).
    jejak: cache.Jejak | None = None


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

    for jenis in ("kebijakan", "pegawai", "laporan", "pelatihan"):
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


class Parameter(msgspec.Struct, frozen=True, array_like=True):
    """The policy values that per-file work depends on (report scoring, lateness)."""

    batas_capaian: float
    batas_lapor_hari: int

    @classmethod
    def dari(cls, k: model.Kebijakan) -> Parameter:
        return cls(k.penilaian.batas_capaian, k.batas_lapor_hari)


class IsiBerkas(msgspec.Struct, array_like=True, omit_defaults=True):
    """What one input file holds, typed and scored: the unit of parallel work and of the cache.

    Records that could not be typed at all are left out (their problems say why);
    the others keep their number in the file, which is how lines are found later.
    """

    masalah: list[Masalah] = []
    terbaca: bool = True
    nip_cacat: list[str] = []
    jumlah_rekaman: int | None = None
    kebijakan: list[tuple[int, model.Kebijakan]] = []
    pegawai: list[tuple[int, model.Pegawai]] = []
    pelatihan: list[tuple[int, model.Pelatihan]] = []
    laporan: list[NilaiLaporan] = []


_KODE = msgspec.msgpack.Encoder()
_BACA_ISI = msgspec.msgpack.Decoder(IsiBerkas)


def olah_berkas(
    jalur: Path, nama: str, jenis: JenisBerkas, parameter: Parameter
) -> tuple[bytes, cache.Kunci | None]:
    """Read, parse, type and score one file: its encoded `IsiBerkas` and the cache key
    of the exact bytes read (None if the file could not be read).

    A plain function of plain values, run in worker processes; never raises for
    anything inside the file.
    """
    return olah_berkas_di_sini(jalur, nama, jenis, parameter)[1:]


def olah_berkas_di_sini(
    jalur: Path, nama: str, jenis: JenisBerkas, parameter: Parameter, simpan: bool = True
) -> tuple[IsiBerkas, bytes, cache.Kunci | None]:
    """`olah_berkas` in this process: the content itself as well, so it need not be decoded.
    Without `simpan` (no cache to store it in) nothing is encoded: no bytes, no key."""
    try:
        with jalur.open("rb") as f:
            data = f.read()
            st = os.fstat(f.fileno())
    except OSError as e:
        isi = IsiBerkas([galat(Lokasi(nama), f"berkas tidak dapat dibaca: {e.strerror}")])
        isi.terbaca = False
        return isi, _KODE.encode(isi), None
    isi = _isi(data, nama, jenis, parameter)
    if not simpan:
        return isi, b"", None
    try:
        hasil = _KODE.encode(isi)
    except (msgspec.EncodeError, OverflowError, UnicodeEncodeError) as e:  # pragma: no cover
        # Every value is typed and bounded by the schema; this is a safety net only.
        pesan = f"isi berkas tidak dapat diproses ({e}); periksa angka yang sangat panjang"
        isi = IsiBerkas([galat(Lokasi(nama), pesan)], terbaca=False)
        return isi, _KODE.encode(isi), None
    par = (parameter.batas_capaian, parameter.batas_lapor_hari) if jenis == "laporan" else None
    return isi, hasil, cache.kunci(nama, data, st.st_size, st.st_mtime_ns, par)


def _isi(data: bytes, nama: str, jenis: JenisBerkas, parameter: Parameter) -> IsiBerkas:
    from asnkinerja.baca import (
        skema,  # parsing: workers and the sequential path
        yamlio,
    )

    teks, masalah = yamlio.dekode(data, nama)
    if teks is None:
        return IsiBerkas(masalah, terbaca=False)
    rekaman, masalah = yamlio.urai(teks, nama)
    if rekaman is None:
        return IsiBerkas(masalah, terbaca=False)
    if jenis == "kebijakan":
        return _ketik_kebijakan(nama, rekaman)
    if not rekaman:
        masalah.append(peringatan(Lokasi(nama), f"berkas kosong: tidak berisi data {jenis}"))
    struktur = JENIS_STRUCT[jenis]
    hasil: list[tuple[int, Any]] = []
    cacat: set[str] = set()
    try:  # a clean file (nearly all of them) is typed in one call
        semua = msgspec.convert(rekaman, list[struktur])  # type: ignore[valid-type]
    except msgspec.ValidationError:
        semua = None
    if semua is not None:
        isi = IsiBerkas(masalah, jumlah_rekaman=len(rekaman))
        if jenis == "laporan":
            isi.laporan = _penilai(parameter).nilai_semua(semua, nama)
        elif jenis == "pegawai":
            isi.pegawai = [(i, _normalkan(obj)) for i, obj in enumerate(semua)]
        else:
            isi.pelatihan = [(i, _normalkan(obj)) for i, obj in enumerate(semua)]
        return isi
    for i, nilai in enumerate(rekaman):
        lokasi = Lokasi(nama, i)
        if not isinstance(nilai, dict):
            masalah.append(
                galat(
                    lokasi,
                    f"setiap butir {jenis} harus berupa pemetaan (baris-baris "
                    f"'kunci: nilai'), bukan {skema.tampil(nilai)}",
                )
            )
            continue
        obj, m = skema.ubah(nilai, struktur, lokasi)
        masalah.extend(m)
        if obj is not None:
            hasil.append((i, _normalkan(obj)))
        elif isinstance(nilai.get("nip"), (str, int)) and not isinstance(nilai["nip"], bool):
            cacat.add(normalkan(nilai["nip"]))
        elif isinstance(nilai.get("nip"), float) and 1e17 <= nilai["nip"] < 1e18:
            # Excel's 1.98609262010052E+17: the last digits are lost, but other files
            # that name this person should not all be reported as strangers.
            cacat.add(f"~{nilai['nip']!r}")
    isi = IsiBerkas(masalah, nip_cacat=sorted(cacat), jumlah_rekaman=len(rekaman))
    if jenis == "pegawai":
        isi.pegawai = hasil
    elif jenis == "pelatihan":
        isi.pelatihan = hasil
    else:
        penilai = _penilai(parameter)
        isi.laporan = [penilai.nilai(lap, nama, i) for i, lap in hasil]
    return isi


_PENILAI: dict[Parameter, Penilai] = {}


def _penilai(parameter: Parameter) -> Penilai:
    """One scorer per policy in each process: its remembered arithmetic serves every file."""
    penilai = _PENILAI.get(parameter)
    if penilai is None:
        penilai = _PENILAI[parameter] = Penilai(parameter.batas_capaian, parameter.batas_lapor_hari)
    return penilai


def _ketik_kebijakan(nama: str, rekaman: list[Any]) -> IsiBerkas:
    from asnkinerja.baca import skema

    lokasi = Lokasi(nama, 0)
    if not rekaman:
        return IsiBerkas(kebijakan=[(0, model.bawaan())], jumlah_rekaman=0)
    if len(rekaman) > 1 or not isinstance(rekaman[0], dict):
        pesan = (
            "kebijakan.yaml harus berisi satu pemetaan (baris-baris 'kunci: nilai'), "
            "bukan daftar atau beberapa dokumen"
        )
        return IsiBerkas([galat(lokasi, pesan)], jumlah_rekaman=len(rekaman))
    obj, masalah = skema.ubah(rekaman[0], model.Kebijakan, lokasi)
    return IsiBerkas(
        masalah, kebijakan=[(0, _normalkan(obj))] if obj is not None else [], jumlah_rekaman=1
    )


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
    elif (
        isinstance(obj, model.Kebijakan)
        and obj.penandatangan is not None
        and obj.penandatangan.nip is not None
    ):
        obj.penandatangan.nip = normalkan(obj.penandatangan.nip)
    return obj


def muat(
    folder: Path,
    *,
    pakai_cache: bool = True,
    progres: Progres | None = None,
) -> tuple[RuangKerja, list[Masalah]]:
    """Every file of the workspace, typed and scored; problems without line numbers yet.

    Files unchanged since the last run come from the cache; the others are parsed,
    in parallel worker processes when there is enough to parse. The reports' detail
    (indicators, feedback) is left out: `lengkapi_rinci` reads it when it is shown.
    """
    daftar, masalah = temukan(folder)
    masalah_tata = list(masalah)
    ruang = RuangKerja(
        folder=folder,
        kebijakan=model.bawaan(),
        kebijakan_lokasi=None,
        pegawai=[],
        laporan=[],
        pelatihan=None,
        berkas=[b.nama for b in daftar],
    )
    tembolok = None
    if pakai_cache and daftar:
        try:
            tembolok = cache.Cache(folder)
        except (OSError, RuntimeError, ValueError):  # no home folder (a service account), or
            tembolok = None  # a folder name not in UTF-8: no cache
    # The policy first: the reports are scored under its values.
    berkas_kebijakan = [b for b in daftar if b.jenis == "kebijakan"]
    awal = Parameter.dari(ruang.kebijakan)  # not in the policy file's own key
    kunci: dict[str, cache.Kunci | None] = {}
    data_kebijakan = _olah_semua(berkas_kebijakan, awal, tembolok, None, kunci)
    isi = {b.nama: _baca_isi(data_kebijakan[b.nama], b, awal) for b in berkas_kebijakan}
    if berkas_kebijakan and isi[berkas_kebijakan[0].nama].kebijakan:
        ruang.kebijakan = isi[berkas_kebijakan[0].nama].kebijakan[0][1]
    parameter = Parameter.dari(ruang.kebijakan)
    lain = [b for b in daftar if b.jenis != "kebijakan"]
    data_lain = _olah_semua(lain, parameter, tembolok, progres, kunci)
    kebijakan_dimuat = False
    for b in daftar:
        hasil = isi.pop(b.nama) if b.nama in isi else _baca_isi(data_lain.pop(b.nama), b, parameter)
        masalah.extend(hasil.masalah)
        if hasil.jumlah_rekaman is not None:
            ruang.jumlah_rekaman[b.nama] = hasil.jumlah_rekaman
        if b.jenis == "kebijakan":
            if hasil.kebijakan and not kebijakan_dimuat:
                ruang.kebijakan = hasil.kebijakan[0][1]
                ruang.kebijakan_lokasi = Lokasi(b.nama, 0)
            kebijakan_dimuat = True
        elif b.jenis == "pegawai":
            ruang.pegawai.extend(Entri(p, Lokasi(b.nama, i)) for i, p in hasil.pegawai)
            ruang.nip_cacat.update(hasil.nip_cacat)
            ruang.pegawai_tak_terbaca |= not hasil.terbaca
        elif b.jenis == "laporan":
            ruang.laporan.extend(hasil.laporan)
        else:
            ruang.pelatihan = (ruang.pelatihan or []) + [
                Entri(p, Lokasi(b.nama, i)) for i, p in hasil.pelatihan
            ]
    if tembolok is not None:
        tembolok.rapikan()
        ruang.jejak = cache.jejak_dari(masalah_tata, (kunci.get(b.nama) for b in daftar))
    return ruang, masalah


def _baca_isi(data: bytes | IsiBerkas, b: Berkas, parameter: Parameter) -> IsiBerkas:
    """Decode a file's content; should it not decode (it cannot, short of a bug or a
    damaged disk), the file is read again from scratch rather than trusted. Content
    made in this process comes as it is."""
    if isinstance(data, IsiBerkas):
        return data
    try:
        return _BACA_ISI.decode(data)
    except msgspec.DecodeError:
        return _BACA_ISI.decode(olah_berkas(b.jalur, b.nama, b.jenis, parameter)[0])


# Content hashes computed within one command (`satu_perintah`), by (path, size, mtime).
_sidik_terbaca: dict[tuple[str, int, int], str] | None = None


@contextlib.contextmanager
def satu_perintah() -> Iterator[None]:
    """Within one command, a file hashed once is not read and hashed again while its size
    and time are the same: a run that finds its kept result stale then loads from the
    cache at no second cost. Should a file change unseen in between, the entry used and
    the result kept both belong to the bytes hashed, and the next command hashes again."""
    global _sidik_terbaca
    _sidik_terbaca = {}
    try:
        yield
    finally:
        _sidik_terbaca = None


def _kunci_sekarang(b: Berkas, parameter: Parameter | None) -> cache.Kunci | None:
    """The cache key of the file as it is now (None if it cannot be read)."""
    par = None
    if parameter is not None and b.jenis == "laporan":
        par = (parameter.batas_capaian, parameter.batas_lapor_hari)
    ingat = _sidik_terbaca
    try:
        if ingat:
            st = b.jalur.stat()
            hash_ = ingat.get((str(b.jalur), st.st_size, st.st_mtime_ns))
            if hash_ is not None:
                return cache.kunci_bersidik(b.nama, hash_, st.st_size, st.st_mtime_ns, par)
        with b.jalur.open("rb") as f:
            data = f.read()
            st = os.fstat(f.fileno())
    except OSError:
        return None  # olah_berkas reports it
    k = cache.kunci(b.nama, data, st.st_size, st.st_mtime_ns, par)
    if ingat is not None:
        ingat[(str(b.jalur), k.ukuran, k.mtime_ns)] = k.hash
    return k


def _dari_cache(
    b: Berkas, parameter: Parameter, tembolok: cache.Cache | None
) -> tuple[bytes | None, cache.Kunci | None]:
    if tembolok is None:
        return None, None
    k = _kunci_sekarang(b, parameter)
    return (tembolok.ambil(k) if k is not None else None), k


def jejak_sekarang(folder: Path) -> cache.Jejak | None:
    """The workspace's inputs as they are now, as `muat` records them in `RuangKerja.jejak`:
    every file read and hashed again (None if one cannot be read)."""
    daftar, masalah = temukan(folder)
    return cache.jejak_dari(masalah, _tiap_berkas(lambda b: _kunci_sekarang(b, None), daftar))


def _tiap_berkas(fungsi: Callable[[Berkas], T], daftar: list[Berkas]) -> list[T]:
    """`fungsi` of every file, on a thread per core when there are more than a few
    (reading and hashing release the GIL)."""
    if len(daftar) <= 8:
        return [fungsi(b) for b in daftar]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=_inti()) as pool:
        return list(pool.map(fungsi, daftar))


def hasil_tersimpan(folder: Path, perintah: str, pilihan: tuple[Any, ...], jenis: Any = Any) -> Any:
    """The result this command gave with these options, if no input has changed since
    (see `cache`); None otherwise. Checking costs reading and hashing every file, so it
    is done only when such a result was kept."""
    try:
        tembolok = cache.Cache(folder)
        if not tembolok.ada_hasil(perintah, pilihan):
            return None
        jejak = jejak_sekarang(folder)
    except (OSError, RuntimeError, ValueError, FolderTidakAda):  # the normal run reports it
        return None
    isi = tembolok.ambil_hasil(perintah, pilihan, jejak) if jejak is not None else None
    if isi is None:
        return None
    try:
        return cache.buka_nilai(isi, jenis)
    except msgspec.DecodeError:
        return None


def hasil_diingat(
    folder: Path,
    perintah: str,
    pilihan: tuple[Any, ...],
    jenis: type[T],
    hitung: Callable[[], tuple[RuangKerja, T]],
    *,
    pakai_cache: bool,
) -> T:
    """A command's result: the one kept from an earlier run if no input has changed since,
    else `hitung()`'s (the workspace it read and the result), kept for the next run.
    Within it, each file is read and hashed once (`satu_perintah`)."""
    with satu_perintah():
        if pakai_cache:
            lama: T | None = hasil_tersimpan(folder, perintah, pilihan, jenis)
            if lama is not None:
                return lama
        ruang, nilai = hitung()
        simpan_hasil(ruang, perintah, pilihan, nilai, jenis)  # no jejak without the cache
        return nilai


def simpan_hasil(
    ruang: RuangKerja, perintah: str, pilihan: tuple[Any, ...], nilai: Any, jenis: Any = Any
) -> None:
    """Keep a command's result under the exact inputs this run read (`ruang.jejak`)."""
    if ruang.jejak is None:
        return
    data = cache.sandikan_nilai(nilai, jenis)
    if data is None:
        return
    with contextlib.suppress(OSError, RuntimeError, ValueError):
        cache.Cache(ruang.folder).simpan_hasil(perintah, pilihan, ruang.jejak, data)


# Below this much YAML to parse, starting worker processes costs more than it saves.
AMBANG_PARALEL = 4_000_000
Progres = Callable[[int, int], None]  # (bytes done, bytes in all)


def _olah_semua(
    daftar: list[Berkas], parameter: Parameter, tembolok: cache.Cache | None,
    progres: Progres | None, kunci: dict[str, cache.Kunci | None],
) -> dict[str, bytes | IsiBerkas]:  # fmt: skip
    """Every file's content: the cache's where current, the rest parsed, on every core.

    The cache gives encoded bytes (decoded by `_baca_isi`); what this process parses
    itself stays as it is. `kunci` receives the key of the exact bytes each file's
    content came from.
    """
    hasil: dict[str, bytes | IsiBerkas] = {}
    perlu: list[tuple[Berkas, int]] = []
    if tembolok is not None:
        ada = _tiap_berkas(lambda b: _dari_cache(b, parameter, tembolok), daftar)
    else:  # nothing to look up: no threads
        ada = [_dari_cache(b, parameter, None) for b in daftar]
    for b, (isi, k) in zip(daftar, ada, strict=True):
        if isi is not None:
            hasil[b.nama] = isi
            kunci[b.nama] = k
        else:
            perlu.append((b, _ukuran(b.jalur)))
    total = sum(u for _, u in perlu)
    selesai = 0
    if progres is not None:  # parsing starts (or, with nothing to parse, loading is done)
        progres(0, total)

    def terima(
        b: Berkas, ukuran: int, isi: bytes | IsiBerkas, data: bytes, k: cache.Kunci | None
    ) -> None:
        nonlocal selesai
        hasil[b.nama] = isi
        kunci[b.nama] = k
        if tembolok is not None and k is not None:
            tembolok.simpan(k, data)
        selesai += ukuran
        if progres is not None:
            progres(selesai, total)

    def di_sini(b: Berkas, ukuran: int) -> None:
        isi = olah_berkas_di_sini(b.jalur, b.nama, b.jenis, parameter, tembolok is not None)
        terima(b, ukuran, *isi)

    perlu.sort(key=lambda x: -x[1])  # the largest first: the workers finish together
    inti = min(_inti(), len(perlu))
    if inti > 1 and total >= AMBANG_PARALEL:
        from concurrent.futures.process import BrokenProcessPool

        sisa = collections.deque(perlu)
        with contextlib.suppress(OSError, BrokenProcessPool):
            _paralel(sisa, parameter, inti - 1, terima, di_sini)
    for b, ukuran in perlu:  # what is left: all of it, or what the workers could not do
        if b.nama not in hasil:
            di_sini(b, ukuran)
    return hasil


def _paralel(
    sisa: collections.deque[tuple[Berkas, int]], parameter: Parameter, pekerja: int,
    terima: Callable[[Berkas, int, bytes, bytes, cache.Kunci | None], None],
    di_sini: Callable[[Berkas, int], None],
) -> None:  # fmt: skip
    """Parse in `pekerja` spawned processes (as on Windows: nothing relies on fork) and in
    this one: the workers take the largest files first, this process the smallest, until
    none is left. This process is one of the cores; it needs no start-up and its results
    no decoding."""
    import multiprocessing  # only for large runs: start-up time
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    konteks = multiprocessing.get_context("spawn")
    tugas: dict[Future[tuple[bytes, cache.Kunci | None]], tuple[Berkas, int]] = {}

    def ambil(selesai: set[Future[tuple[bytes, cache.Kunci | None]]]) -> None:
        for f in selesai:
            b, u = tugas.pop(f)
            data, k = f.result()
            terima(b, u, data, data, k)

    tersisa = sum(u for _, u in sisa)  # bytes not yet taken by anyone
    with ProcessPoolExecutor(max_workers=pekerja, mp_context=konteks) as pool:

        def kirim() -> None:
            # One file per worker, and a second queued behind it (so a worker is not idle
            # while this process finishes a file) only if what stays for this process is
            # at least as large: a few large files are never all queued to one worker.
            nonlocal tersisa
            while sisa and len(tugas) < 2 * pekerja:
                b, u = sisa[0]
                if len(tugas) >= pekerja and tersisa - u < u:
                    return
                sisa.popleft()
                tersisa -= u
                tugas[pool.submit(olah_berkas, b.jalur, b.nama, b.jenis, parameter)] = (b, u)

        kirim()
        while sisa:
            b, u = sisa.pop()
            tersisa -= u
            di_sini(b, u)
            ambil({f for f in tugas if f.done()})
            kirim()
        while tugas:
            ambil(wait(tugas, return_when=FIRST_COMPLETED).done)


def _inti() -> int:
    # Windows' process pools take at most 61 workers.
    return max(1, min(61, os.cpu_count() or 1))


def _ukuran(jalur: Path) -> int:
    try:
        return jalur.stat().st_size
    except OSError:
        return 0


def lengkapi_rinci(
    folder: Path, kebijakan: model.Kebijakan, laporan: Iterable[NilaiLaporan]
) -> None:
    """Attach each report's detail (indicators, feedback, plans) for jelaskan and the rapor.

    Only the files holding these reports are read again (one employee: a dozen
    files), so the evaluation itself never carries the detail of 60,000 reports.
    """
    from asnkinerja.baca import skema, yamlio

    per_berkas: dict[str, list[NilaiLaporan]] = {}
    for n in laporan:
        if n.rinci is None:
            per_berkas.setdefault(n.berkas, []).append(n)
    penilai = Penilai(kebijakan.penilaian.batas_capaian, kebijakan.batas_lapor_hari)
    for nama, daftar in per_berkas.items():
        try:
            teks = _teks((folder / nama).read_bytes(), nama)
        except OSError:
            teks = None
        rekaman = yamlio.urai(teks, nama)[0] if teks is not None else None
        for n in daftar:
            lap = None
            if rekaman is not None and n.indeks < len(rekaman):
                obj, _ = skema.ubah(rekaman[n.indeks], model.Laporan, Lokasi(nama, n.indeks))
                lap = _normalkan(obj) if obj is not None else None
            if lap is None or str(lap.nip) != n.nip or _kode_periode(lap) != n.kode_periode:
                raise BerkasBerubah(
                    f"berkas {nama} berubah atau hilang sejak dibaca; jalankan perintah ini lagi"
                )
            n.rinci = penilai.rinci(lap)


def _kode_periode(lap: model.Laporan) -> str:
    return kode_periode(lap.periode)


def baca_teks(ruang: RuangKerja, nama: str) -> str | None:
    """A workspace file's text by its relative name, for finding line numbers.

    Should the file no longer be what this run loaded (changed while it ran), the
    run's result is not kept (`ruang.jejak` is dropped): its lines come from another text.
    """
    try:
        data = (ruang.folder / nama).read_bytes()
    except OSError:
        ruang.jejak = None
        return None
    if ruang.jejak is not None and cache.sidik(data) not in {
        h for n, _, _, h in ruang.jejak.berkas if n == nama
    }:
        ruang.jejak = None
    return _teks(data, nama)


def _teks(data: bytes, nama: str) -> str | None:
    from asnkinerja.baca import yamlio

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
