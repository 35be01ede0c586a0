"""The cache: each input file's parsed, checked and scored content, kept between runs.

An officer re-runs `evaluasi` many times while fixing data; most files have not
changed since the last run. For every input file the cache keeps what the
worker made of it (`workspace.IsiBerkas`, encoded as MessagePack: data, never
code; decoding checks every value's type again, so a damaged or planted file
can only be a miss). An entry is used only when its key matches the file as it
is now, byte for byte:

- the workspace folder and the file's name in it,
- the file's size, modification time (ns) and a BLAKE2b hash of its content,
- the policy values the per-file work depends on (`workspace.Parameter`),
- the cache format and the tool's version.

The content hash makes the key exact: a file changed twice within one clock
tick, or restored with an old modification time, still misses. Entries live in
the user's cache folder, never in the workspace (set ASNKINERJA_CACHE to move
them); the entries of files that are gone are removed after each run.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import os
import sys
from pathlib import Path

import msgspec

from asnkinerja import __version__

FORMAT = 2
VARIABEL = "ASNKINERJA_CACHE"
# The modules whose code decides what an entry holds: a change to any of them (or to the
# parser and msgspec) makes every old entry a miss, even without a new version number.
_MODUL = ("angka", "cache", "laporan", "masalah", "model", "nip", "periode", "regulasi",
          "skema", "workspace", "yamlio")  # fmt: skip


@functools.cache
def sidik_kode() -> str:
    """A fingerprint of the code and libraries that make the cache's entries."""
    import yaml_rs

    h = hashlib.blake2b(digest_size=12)
    h.update(f"{__version__} {msgspec.__version__} {getattr(yaml_rs, '__version__', '')}".encode())
    folder = Path(__file__).resolve().parent
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
    parameter: tuple[float, int] | None


class Entri(msgspec.Struct, array_like=True):
    kunci: Kunci
    sidik_isi: str  # the content's own hash: a damaged entry is a miss, never served
    isi: msgspec.Raw


_KODE = msgspec.msgpack.Encoder()
_BACA = msgspec.msgpack.Decoder(Entri)


def sidik(data: bytes) -> str:
    """The content hash of a file's bytes."""
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def kunci(
    nama: str, data: bytes, ukuran: int, mtime_ns: int, parameter: tuple[float, int] | None
) -> Kunci:
    return Kunci(FORMAT, sidik_kode(), nama, ukuran, mtime_ns, sidik(data), parameter)


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

    def _jalur(self, nama: str) -> Path:
        return self.folder / f"{_nama_berkas(nama)}.msgpack"

    def ambil(self, k: Kunci) -> bytes | None:
        """The entry's content for this key, or None (missing, stale or damaged)."""
        jalur = self._jalur(k.nama)
        self._dipakai.add(jalur.name)
        try:
            data = jalur.read_bytes()
            entri = _BACA.decode(data)
        except (OSError, msgspec.DecodeError):
            return None
        isi = bytes(entri.isi)
        if entri.kunci != k or sidik(isi) != entri.sidik_isi:
            return None
        return isi

    def simpan(self, k: Kunci, isi: bytes) -> None:
        """Write an entry atomically; a cache that cannot be written is simply not used."""
        if not self._bisa_tulis:
            return
        jalur = self._jalur(k.nama)
        self._dipakai.add(jalur.name)
        sementara = jalur.with_name(f"{jalur.name}.{os.getpid()}.tmp")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            with sementara.open("wb") as f:
                f.write(_KODE.encode(Entri(k, sidik(isi), msgspec.Raw(isi))))
            os.replace(sementara, jalur)
        except OSError:
            self._bisa_tulis = False
            with contextlib.suppress(OSError):
                sementara.unlink()

    def rapikan(self) -> None:
        """Remove the entries of files this run did not see (deleted or renamed)."""
        try:
            ada = list(self.folder.iterdir())
        except OSError:
            return
        for p in ada:
            if p.name not in self._dipakai:
                with contextlib.suppress(OSError):
                    p.unlink()
