"""The workspace's input files as they are now: each one's cache key (name, size, time,
content hash), and all of them together (`cache.Jejak`), which is what a kept result is
checked against. Light on purpose: a run that finds its kept result imports only this."""

from __future__ import annotations

import contextlib
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from asnkinerja.baca import cache
from asnkinerja.baca.batas import BATAS_UKURAN
from asnkinerja.baca.temukan import Berkas, temukan

T = TypeVar("T")


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


def kunci_sekarang(b: Berkas) -> cache.Kunci | None:
    """The cache key of the file as it is now (None if it cannot be read)."""
    ingat = _sidik_terbaca
    try:
        if ingat:
            st = b.jalur.stat()
            hash_ = ingat.get((str(b.jalur), st.st_size, st.st_mtime_ns))
            if hash_ is not None:
                return cache.kunci_bersidik(b.nama, hash_, st.st_size, st.st_mtime_ns)
        with b.jalur.open("rb") as f:
            st = os.fstat(f.fileno())
            if st.st_size <= BATAS_UKURAN:
                k = cache.kunci(b.nama, f.read(), st.st_size, st.st_mtime_ns)
            else:  # an oversized file (refused when read): hashed in pieces, memory flat
                h = hashlib.blake2b(digest_size=20)  # as cache.sidik
                while potong := f.read(1 << 20):
                    h.update(potong)
                k = cache.kunci_bersidik(b.nama, h.hexdigest(), st.st_size, st.st_mtime_ns)
    except OSError:
        return None  # reading it again reports it
    if ingat is not None:
        ingat[(str(b.jalur), k.ukuran, k.mtime_ns)] = k.hash
    return k


def jejak_sekarang(folder: Path) -> cache.Jejak | None:
    """The workspace's inputs as they are now, as `muat` records them in `Muatan.jejak`:
    every file read and hashed again (None if one cannot be read)."""
    daftar, masalah = temukan(folder)
    return cache.jejak_dari(masalah, tiap_berkas(kunci_sekarang, daftar))


def sidik_data(kunci: Iterable[cache.Kunci | None]) -> str:
    """One hash over every input file's name and content hash, in name order: the same
    for the same data however it was read (cache or not), different when any file's
    content, name or presence differs. Unreadable files count as absent."""
    h = hashlib.blake2b(digest_size=16)
    for nama, hash_ in sorted((k.nama, k.hash) for k in kunci if k is not None):
        h.update(f"{nama}\0{hash_}\n".encode())
    return h.hexdigest()


def tiap_berkas(fungsi: Callable[[Berkas], T], daftar: list[Berkas]) -> list[T]:
    """`fungsi` of every file, on a thread per core when there are more than a few
    (reading and hashing release the GIL)."""
    if len(daftar) <= 8:
        return [fungsi(b) for b in daftar]
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=inti_prosesor()) as pool:
        return list(pool.map(fungsi, daftar))


def inti_prosesor() -> int:
    # Windows' process pools take at most 61 workers.
    return max(1, min(61, os.cpu_count() or 1))
