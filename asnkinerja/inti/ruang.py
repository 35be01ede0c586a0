"""A loaded workspace as the rules see it: typed records with their locations, and the
reports scored. Built from what `baca` read; nothing here reads or writes a file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from asnkinerja.inti import model
from asnkinerja.inti.laporan import NilaiLaporan
from asnkinerja.masalah import Lokasi

T = TypeVar("T")


@dataclass(frozen=True)
class Entri(Generic[T]):
    """A typed record and where it was written."""

    data: T
    lokasi: Lokasi


@dataclass
class RuangKerja:
    """Every record of a workspace, the reports scored under its policy."""

    kebijakan: model.Kebijakan
    kebijakan_lokasi: Lokasi | None
    pegawai: list[Entri[model.Pegawai]]
    laporan: list[NilaiLaporan]
    # None when the workspace has no pelatihan file at all (not the same as none held).
    pelatihan: list[Entri[model.Pelatihan]] | None
    berkas: list[str] = field(default_factory=list)
    # NIPs of roster entries that could not be typed, and whether a whole roster file
    # was unreadable: both keep one broken entry from flooding the output with
    # "not in the roster" errors for every report that names it.
    nip_cacat: set[str] = field(default_factory=set)
    pegawai_tak_terbaca: bool = False
    sidik_data: str = ""  # one hash over every input file, printed on every document
    logo: str = ""  # the kop's logo as a data: URI (documents embed it), or ""
    # The penilai's decisions on annual ratings (penetapan.yaml): final where given.
    penetapan: list[Entri[model.Penetapan]] = field(default_factory=list)


def nama_dan_nip(roster: dict[str, Entri[model.Pegawai]], n: str | int) -> str:
    """An employee named in a message: "Nama, NIP n", or the NIP alone if not in the roster."""
    e = roster.get(str(n))
    return f"{e.data.nama}, NIP {n}" if e is not None else str(n)
