"""Problems found in a workspace: values, not exceptions.

Every stage (parse, schema, cross-checks) returns what it built plus a list of
`Masalah`. A problem first knows *where* as a `Lokasi` (file, record, path inside
the record); line and column are filled in later, only for the files that have
problems, by re-reading them with a parser that keeps positions.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from asnkinerja.teks import json_aman, tampak

Tingkat = Literal["galat", "peringatan"]
GALAT: Tingkat = "galat"
PERINGATAN: Tingkat = "peringatan"

# One step of a path inside a record: a mapping key or a list index.
Langkah = str | int


@dataclass(frozen=True)
class Lokasi:
    """Where in the workspace: a file, a record in it, a path inside that record.

    `rekaman` is the index of the record in the file (documents and top-level
    list items flattened in order); None means the file as a whole.
    `di_kunci` points at the key itself rather than its value (unknown keys).
    """

    berkas: str
    rekaman: int | None = None
    jalur: tuple[Langkah, ...] = ()
    di_kunci: bool = False
    baris: int | None = None
    kolom: int | None = None

    def turun(self, *langkah: Langkah) -> Lokasi:
        """The location of a value nested below this one."""
        return Lokasi(self.berkas, self.rekaman, self.jalur + langkah)

    def kunci(self, nama: str) -> Lokasi:
        """The location of the key `nama` itself (not its value)."""
        return Lokasi(self.berkas, self.rekaman, (*self.jalur, nama), di_kunci=True)

    def teks(self) -> str:
        """`berkas:baris:kolom`, leaving out what is unknown (a file name's line breaks and
        control characters shown as signs: a problem is one line)."""
        berkas = tampak(self.berkas, satu_baris=True)
        if self.baris is None:
            return berkas
        if self.kolom is None:
            return f"{berkas}:{self.baris}"
        return f"{berkas}:{self.baris}:{self.kolom}"


@dataclass(frozen=True)
class Masalah:
    """One problem: where, how bad, and a message that says what to do."""

    lokasi: Lokasi
    tingkat: Tingkat
    pesan: str
    # Another place the message refers to (the first of two duplicates).
    lihat_juga: Lokasi | None = field(default=None)
    # What caused it, when many problems share one cause: "asing:<nip>:<peran>" for a NIP
    # not in the roster (grouped under that NIP by `inti.periksa`).
    sebab: str | None = field(default=None)

    def teks_pesan(self) -> str:
        # One problem, one line, whatever a name holds; control characters shown, not obeyed.
        pesan = tampak(" ".join(self.pesan.split()))
        if self.lihat_juga is None:
            return pesan
        return f"{pesan} (lihat juga {self.lihat_juga.teks()})"

    def baris_teks(self) -> str:
        return f"{self.lokasi.teks()}: {self.tingkat}: {self.teks_pesan()}"

    def sebagai_dict(self) -> dict[str, object]:
        return {
            "berkas": self.lokasi.berkas,
            "baris": self.lokasi.baris,
            "kolom": self.lokasi.kolom,
            "tingkat": self.tingkat,
            "pesan": self.teks_pesan(),
        }


def mirip(kata: str, pilihan: Iterable[str], n: int = 1, cutoff: float = 0.6) -> list[str]:
    """The choices closest to a mistyped word, best first (none if nothing is close)."""
    return difflib.get_close_matches(kata, list(pilihan), n=n, cutoff=cutoff)


def maksudnya(saran: Sequence[str], kutip: bool = True) -> str:
    """A message's ending that offers the likely meant words: `; maksudnya "x"?`, or ""."""
    if not saran:
        return ""
    kata = [f'"{s}"' for s in saran] if kutip else list(saran)
    return f"; maksudnya {' atau '.join(kata)}?"


def galat(lokasi: Lokasi, pesan: str, lihat_juga: Lokasi | None = None) -> Masalah:
    return Masalah(lokasi, GALAT, pesan, lihat_juga)


def asing(lokasi: Lokasi, nip: str, peran: str, pesan: str) -> Masalah:
    """An error naming a NIP that is not in the roster, in the role `peran` ("NIP laporan",
    "penilai", "atasan", "peserta"): grouped when one NIP causes many."""
    return Masalah(lokasi, GALAT, pesan, None, f"asing:{nip}:{peran}")


def peringatan(lokasi: Lokasi, pesan: str, lihat_juga: Lokasi | None = None) -> Masalah:
    return Masalah(lokasi, PERINGATAN, pesan, lihat_juga)


def urutkan(masalah: Iterable[Masalah]) -> list[Masalah]:
    """Grouped by file (files in name order), then by line and column."""
    return sorted(
        masalah,
        key=lambda m: (
            m.lokasi.berkas,
            m.lokasi.baris if m.lokasi.baris is not None else 0,
            m.lokasi.kolom if m.lokasi.kolom is not None else 0,
            m.tingkat,
            m.pesan,
        ),
    )


def ada_galat(masalah: Iterable[Masalah]) -> bool:
    return any(m.tingkat == GALAT for m in masalah)


def ringkasan(masalah: list[Masalah]) -> str:
    """One closing line: how many errors and warnings in how many files."""
    n_galat = sum(1 for m in masalah if m.tingkat == GALAT)
    n_peringatan = len(masalah) - n_galat
    n_berkas = len({m.lokasi.berkas for m in masalah})
    if not masalah:
        return "Tidak ada masalah."
    return f"{n_galat} galat, {n_peringatan} peringatan dalam {n_berkas} berkas."


def sebagai_json(masalah: list[Masalah]) -> str:
    import json

    return json_aman(
        json.dumps(
            {"masalah": [m.sebagai_dict() for m in urutkan(masalah)]},
            ensure_ascii=False,
            indent=2,
        )
    )
