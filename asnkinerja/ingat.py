"""Remembering a command's whole result while none of its inputs changes.

An officer re-runs the same command many times; when no input file, option, date or
part of the program has changed since, the kept result is shown again without
loading, checking or evaluating anything. Called once, by `api`, around the use cases
whose results are worth keeping; the stages inside never know. The keys and the
storage (data, never code, checked type by type) are `baca.cache`'s.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import msgspec

from asnkinerja.baca import cache
from asnkinerja.baca.sidik import jejak_sekarang, satu_perintah
from asnkinerja.errors import FolderTidakAda

T = TypeVar("T")


def diingat(
    folder: Path,
    perintah: str,
    pilihan: tuple[Any, ...],
    jenis: type[T],
    hitung: Callable[[], tuple[T, cache.Jejak | None]],
    *,
    pakai_cache: bool,
) -> T:
    """The command's result: the one kept from an earlier run if no input has changed since,
    else `hitung()`'s (the result and the exact inputs it read), kept for the next run.
    Within it, each file is read and hashed once (`sidik.satu_perintah`)."""
    with satu_perintah():
        if pakai_cache:
            lama: T | None = _tersimpan(folder, perintah, pilihan, jenis)
            if lama is not None:
                return lama
        nilai, jejak = hitung()
        if jejak is not None:  # no jejak without the cache
            _simpan(folder, perintah, pilihan, jejak, nilai, jenis)
        return nilai


def _tersimpan(folder: Path, perintah: str, pilihan: tuple[Any, ...], jenis: Any) -> Any:
    """The result this command gave with these options, if no input has changed since;
    None otherwise. Checking costs reading and hashing every file, so it is done only
    when such a result was kept."""
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


def _simpan(
    folder: Path, perintah: str, pilihan: tuple[Any, ...], jejak: cache.Jejak, nilai: Any,
    jenis: Any,
) -> None:  # fmt: skip
    data = cache.sandikan_nilai(nilai, jenis)
    if data is None:
        return
    with contextlib.suppress(OSError, RuntimeError, ValueError):
        cache.Cache(folder).simpan_hasil(perintah, pilihan, jejak, data)
