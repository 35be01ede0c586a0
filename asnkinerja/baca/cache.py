"""The cache: what reading made of each input file, kept between runs.

An officer re-runs `evaluasi` many times while fixing data; most files have not
changed since the last run. For every input file the cache keeps its typed records
(`berkas.IsiBerkas`) or, for a report file, its scored reports (`berkas.NilaiBerkas`),
encoded as MessagePack: data, never code; decoding checks every value's type again,
so a damaged or planted file can only be a miss. An entry is used only when its key
matches the file as it is now, byte for byte:

- the workspace folder and the file's name in it,
- the file's size, modification time (ns) and a BLAKE2b hash of its content,
- for scored reports, the two policy values scoring uses (`inti.laporan.AturanNilai`);
  under other values the entry is the input of scoring again (`ambil_sebelumnya`),
- the cache format and a fingerprint of the code and parsers that make the entries.

The content hash makes the key exact: a file changed twice within one clock
tick, or restored with an old modification time, still misses. Entries live in
the user's cache folder, never in the workspace (set ASNKINERJA_CACHE to move
them); the entries of files that are gone are removed after each run.

Beside them, `hasil/` keeps the last few whole results of commands (`simpan_hasil`,
`ambil_hasil`, used by `asnkinerja.ingat`): a re-run with nothing changed shows them
again without typing or evaluating anything. Such an entry is
used only when its key matches all of: every input file's name, size, modification
time and content hash (the files read again to check), the layout problems of the
folder, the command's options and date, and every module of the tool; the result's
own bytes are checked by their hash, and a value is stored only if it decodes back
to exactly itself.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import hashlib
import os
import sys
import time
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

import msgspec

from asnkinerja.atomik import sapu, tulis_atomik
from asnkinerja.sumber import folder_templates
from asnkinerja.versi import __version__

FORMAT = 3
VARIABEL = "ASNKINERJA_CACHE"
# The modules whose code decides what an entry holds: a change to any of them (or to the
# parser and msgspec) makes every old entry a miss, even without a new version number.
_MODUL = ("baca/berkas", "baca/cache", "baca/skema", "baca/yamlio", "inti/angka",
          "inti/laporan", "inti/model", "inti/nip", "inti/periode", "inti/regulasi",
          "masalah")  # fmt: skip


# The parsers whose work the cache keeps: yaml-rs reads every file; PyYAML finds the lines
# and columns of problems (and, with its C loader or without, may differ between releases).
PENGURAI = ("yaml_rs", "yaml")


def sidik_pustaka(*paket: str) -> str:
    """Installed packages' files (name, size, modification time): another release or build
    is another package. Found without importing them: importing is slower than a warm run's
    other work."""
    import importlib.util

    bagian = []
    for nama in paket:
        spec = importlib.util.find_spec(nama)
        if spec is None or spec.origin is None:  # not installed: that command fails anyway
            bagian.append(f"{nama}:-")
            continue
        for p in sorted(Path(spec.origin).parent.iterdir()):
            if p.is_file():
                st = p.stat()
                bagian.append(f"{nama}/{p.name}:{st.st_size}:{st.st_mtime_ns}")
    return " ".join(bagian)


@functools.cache
def sidik_kode() -> str:
    """A fingerprint of the code and libraries that make the cache's entries."""
    h = hashlib.blake2b(digest_size=12)
    h.update(f"{__version__} {msgspec.__version__} {sidik_pustaka(*PENGURAI)}".encode())
    folder = Path(__file__).resolve().parents[1]
    for nama in _MODUL:
        try:
            h.update((folder / f"{nama}.py").read_bytes())
        except OSError:  # pragma: no cover - an installation without sources
            h.update(nama.encode())
    return h.hexdigest()


class Kunci(msgspec.Struct, frozen=True, array_like=True):
    """What an entry was made from; an entry is used only for an equal key."""

    format: int
    versi: str
    nama: str
    ukuran: int
    mtime_ns: int
    hash: str
    tahap: str = "baca"  # "baca": typed records; "nilai": reports scored under `parameter`
    parameter: tuple[float, int] | None = None


class Entri(msgspec.Struct, array_like=True):
    kunci: Kunci
    sidik_isi: str  # the content's own hash: a damaged entry is a miss, never served
    isi: msgspec.Raw


_KODE = msgspec.msgpack.Encoder()
_BACA = msgspec.msgpack.Decoder(Entri)


def sidik(data: bytes) -> str:
    """The content hash of a file's bytes."""
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def kunci(nama: str, data: bytes, ukuran: int, mtime_ns: int) -> Kunci:
    return kunci_bersidik(nama, sidik(data), ukuran, mtime_ns)


def kunci_bersidik(nama: str, hash_: str, ukuran: int, mtime_ns: int) -> Kunci:
    """The key of a file whose content hash is already known."""
    return Kunci(FORMAT, sidik_kode(), nama, ukuran, mtime_ns, hash_)


def kunci_nilai(k: Kunci, parameter: tuple[float, int]) -> Kunci:
    """The key of the scored reports made from a file's records under policy values."""
    return msgspec.structs.replace(k, tahap="nilai", parameter=parameter)


def folder_bawaan() -> Path:
    """The user's cache folder, as each system keeps it."""
    if os.environ.get(VARIABEL):
        return Path(os.environ[VARIABEL])
    if sys.platform == "win32":
        dasar = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
        return Path(dasar) / "asnkinerja" / "cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "asnkinerja"
    dasar = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")  # may raise
    return Path(dasar) / "asnkinerja"


def _nama_berkas(teks: str) -> str:
    return hashlib.blake2b(teks.encode("utf-8"), digest_size=12).hexdigest()


class Cache:
    """The entries of one workspace folder."""

    def __init__(self, workspace: Path, akar: Path | None = None) -> None:
        tempat = str(workspace.resolve())
        self.folder = (akar or folder_bawaan()) / _nama_berkas(tempat)
        self._dipakai: set[str] = set()
        self._bisa_tulis = True
        # What a killed run left half-written here goes, whether or not this run writes.
        sapu(self.folder)
        sapu(self.folder / HASIL)

    @classmethod
    def pada(cls, folder: Path) -> Cache:
        """The entries in `folder` (a worker process writing what it made)."""
        tembolok = cls.__new__(cls)
        tembolok.folder = folder
        tembolok._dipakai = set()
        tembolok._bisa_tulis = True
        return tembolok

    def _jalur(self, k: Kunci) -> Path:
        nama = k.nama if k.tahap == "baca" else f"{k.nama}\0{k.tahap}"
        return self.folder / f"{_nama_berkas(nama)}.msgpack"

    def ambil(self, k: Kunci) -> bytes | None:
        """The entry's content for this key, or None (missing, stale or damaged)."""
        entri = self._entri(k)
        return entri[1] if entri is not None and entri[0] == k else None

    def ambil_sebelumnya(self, k: Kunci) -> tuple[Kunci, bytes] | None:
        """An entry made from the same bytes under other policy values (its key and content):
        the input of scoring them again under `k`'s."""
        entri = self._entri(k)
        if entri is None or msgspec.structs.replace(entri[0], parameter=k.parameter) != k:
            return None
        return entri

    def _entri(self, k: Kunci) -> tuple[Kunci, bytes] | None:
        jalur = self._jalur(k)
        self._dipakai.add(jalur.name)
        try:
            entri = _BACA.decode(jalur.read_bytes())
        except (OSError, msgspec.DecodeError):
            return None
        isi = bytes(entri.isi)
        return (entri.kunci, isi) if sidik(isi) == entri.sidik_isi else None

    def simpan(self, k: Kunci, isi: bytes) -> None:
        """Write an entry atomically; a cache that cannot be written is simply not used."""
        if not self._bisa_tulis:
            return
        jalur = self._jalur(k)
        self._dipakai.add(jalur.name)
        self._bisa_tulis = _tulis_atomik(
            jalur, _KODE.encode(Entri(k, sidik(isi), msgspec.Raw(isi)))
        )

    def pakai(self, k: Kunci) -> None:
        """Keep an entry this process did not write or read (a worker wrote it): `rapikan`
        removes only the entries of files gone."""
        self._dipakai.add(self._jalur(k).name)

    def rapikan(self) -> None:
        """Remove the entries of files this run did not see (deleted or renamed)."""
        try:
            ada = list(self.folder.iterdir())
        except OSError:
            return
        for p in ada:
            if p.name not in self._dipakai and p.name != HASIL:
                with contextlib.suppress(OSError):
                    p.unlink()

    def _jalur_hasil(self, perintah: str, pilihan: tuple[Any, ...]) -> Path:
        return self.folder / HASIL / f"{_nama_berkas(repr((perintah, pilihan)))}.msgpack"

    def ada_hasil(self, perintah: str, pilihan: tuple[Any, ...]) -> bool:
        """Whether a result of this command and options was kept (cheap: no file is read)."""
        return self._jalur_hasil(perintah, pilihan).is_file()

    def ambil_hasil(self, perintah: str, pilihan: tuple[Any, ...], jejak: Jejak) -> bytes | None:
        """The kept result for this command, options and inputs as they are now, or None.
        A result used is marked as recent: the ones pruned are those least recently used."""
        jalur = self._jalur_hasil(perintah, pilihan)
        try:
            entri = _BACA_HASIL.decode(jalur.read_bytes())
            kunci = kunci_hasil(perintah, pilihan, jejak)
        except (OSError, ValueError, msgspec.DecodeError):
            return None
        isi = bytes(entri.isi)
        if entri.kunci != kunci or sidik(isi) != entri.sidik_isi:
            return None
        _sentuh(jalur)
        return isi

    def simpan_hasil(
        self, perintah: str, pilihan: tuple[Any, ...], jejak: Jejak, isi: bytes
    ) -> None:
        """Keep a result atomically, and only the `SIMPAN_HASIL` most recently used ones."""
        jalur = self._jalur_hasil(perintah, pilihan)
        try:
            kunci = kunci_hasil(perintah, pilihan, jejak)
        except ValueError:  # a name that cannot be written as UTF-8: this result is not kept
            return
        if not _tulis_atomik(jalur, _KODE.encode(EntriHasil(kunci, sidik(isi), msgspec.Raw(isi)))):
            return
        _sentuh(jalur)
        with contextlib.suppress(OSError):  # another process may be pruning too
            lama = sorted(jalur.parent.iterdir(), key=lambda p: p.stat().st_mtime_ns)
            for p in lama[:-SIMPAN_HASIL]:
                p.unlink()


def _tulis_atomik(jalur: Path, data: bytes) -> bool:
    """Write a cache file whole or not at all; False if it could not be written."""
    try:
        tulis_atomik(jalur, data, pribadi=True)
    except OSError:
        return False
    return True


def _sentuh(jalur: Path) -> None:
    """Mark an entry as just used, to the nanosecond the clock gives (a file system's own
    "now" may be a few milliseconds coarse, and the order of use decides what is pruned)."""
    sekarang = time.time_ns()
    with contextlib.suppress(OSError):
        os.utime(jalur, ns=(sekarang, sekarang))


HASIL = "hasil"
SIMPAN_HASIL = 8  # results kept per workspace: a few periods, with and without --samarkan


class Jejak(msgspec.Struct, array_like=True):
    """What a run read: the folder's layout problems and every input file's key
    (name, size, modification time in ns, content hash), in the order read."""

    masalah: list[Any]
    berkas: list[tuple[str, int, int, str]]


class EntriHasil(msgspec.Struct, array_like=True):
    kunci: str
    sidik_isi: str
    isi: msgspec.Raw


_BACA_HASIL = msgspec.msgpack.Decoder(EntriHasil)


@functools.cache
def sidik_program() -> str:
    """A fingerprint of every module of the tool and the libraries a result depends on."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"{sidik_kode()} {sys.version}".encode())
    paket = Path(__file__).resolve().parents[1]
    for p in sorted(paket.rglob("*.py")):
        h.update(p.relative_to(paket).as_posix().encode())
        h.update(p.read_bytes())
    # The templates make the kept reports' text too: a changed template is a new program.
    templates = folder_templates()
    for p in sorted(templates.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(templates).as_posix().encode())
            h.update(p.read_bytes())
    return h.hexdigest()


def kunci_hasil(perintah: str, pilihan: tuple[Any, ...], jejak: Jejak) -> str:
    """The key of a whole result: the inputs, the options and the program that made it."""
    h = hashlib.blake2b(digest_size=20)
    h.update(_KODE.encode([FORMAT, sidik_program(), perintah, list(pilihan)]))
    h.update(_KODE.encode(jejak))
    return h.hexdigest()


# A result as data: msgpack with decimals and dates tagged, so they come back as they were.
_DESIMAL, _TANGGAL = 1, 2


def _baca_nilai(kode: int, data: memoryview) -> Any:
    try:
        teks = bytes(data).decode()
        if kode == _DESIMAL:
            return Decimal(teks)
        if kode == _TANGGAL:
            return datetime.date.fromisoformat(teks)
    except (ValueError, ArithmeticError) as e:  # a damaged or forged value: a miss
        raise msgspec.DecodeError(f"nilai rusak: {e}") from e
    raise msgspec.DecodeError(f"unknown extension {kode}")


def _tandai(x: Any) -> Any:
    """Decimals and dates as extensions (msgspec would write decimals as plain text)."""
    if isinstance(x, dict):
        return {k: _tandai(v) for k, v in x.items()}
    if isinstance(x, list):
        return [_tandai(v) for v in x]
    if isinstance(x, msgspec.Struct):
        return type(x)(*(_tandai(getattr(x, f)) for f in x.__struct_fields__))
    if isinstance(x, Decimal):
        return msgspec.msgpack.Ext(_DESIMAL, str(x).encode())
    if type(x) is datetime.date:
        return msgspec.msgpack.Ext(_TANGGAL, x.isoformat().encode())
    return x


def sama_persis(a: Any, b: Any) -> bool:
    """Equal and of the same types all the way down (1 and 1.0, "1.0" and "1.00", a tuple
    and a list differ)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return list(a) == list(b) and all(sama_persis(v, b[k]) for k, v in a.items())
    if isinstance(a, list):
        return len(a) == len(b) and all(sama_persis(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, Decimal):
        return str(a) == str(b)
    if isinstance(a, msgspec.Struct):
        return all(sama_persis(getattr(a, f), getattr(b, f)) for f in a.__struct_fields__)
    return bool(a == b)


def sandikan_nilai(x: Any, jenis: Any = Any) -> bytes | None:
    """A result as bytes: plain values (dict, list, str, int, float, bool, None, Decimal,
    date) or, with `jenis`, a value of that type. None when it would not decode back to
    exactly itself (a tuple, a set, an object of another type): then it is not kept."""
    try:
        data = _KODE.encode(_tandai(x))
        kembali = buka_nilai(data, jenis)
    except (TypeError, ValueError, msgspec.EncodeError, msgspec.DecodeError):
        return None
    return data if sama_persis(kembali, x) else None


def buka_nilai(data: bytes, jenis: Any = Any) -> Any:
    """The value `sandikan_nilai` encoded (raises msgspec.DecodeError if damaged)."""
    return _pembaca(jenis).decode(data)


@functools.cache
def _pembaca(jenis: Any) -> msgspec.msgpack.Decoder[Any]:
    return msgspec.msgpack.Decoder(jenis, ext_hook=_baca_nilai)


def jejak_dari(masalah: Iterable[Any], kunci_berkas: Iterable[Kunci | None]) -> Jejak | None:
    """The inputs of a run; None when one file had no key (it could not be read)."""
    berkas = []
    for k in kunci_berkas:
        if k is None:
            return None
        berkas.append((k.nama, k.ukuran, k.mtime_ns, k.hash))
    return Jejak(list(masalah), berkas)
