"""Evaluation and report periods: months, triwulan, semesters and years."""

from __future__ import annotations

import datetime
import functools
import re
from dataclasses import dataclass, field
from typing import Literal

JenisPeriode = Literal["bulan", "triwulan", "semester", "tahun"]
# Months in each kind of period, from fine to coarse.
PANJANG: dict[JenisPeriode, int] = {"bulan": 1, "triwulan": 3, "semester": 6, "tahun": 12}
# kebijakan `periode_laporan` -> the kind of period one report covers.
JENIS_LAPORAN: dict[str, JenisPeriode] = {
    "bulanan": "bulan",
    "triwulanan": "triwulan",
    "semesteran": "semester",
}
CONTOH: dict[JenisPeriode, str] = {
    "bulan": "2026-10",
    "triwulan": "2026-T3",
    "semester": "2026-S2",
    "tahun": "2026",
}
NAMA_BULAN = (
    "Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli",
    "Agustus", "September", "Oktober", "November", "Desember",
)  # fmt: skip


def tanggal_teks(d: datetime.date) -> str:
    """A date as people write it: `10 Maret 2025` (messages and documents alike)."""
    return f"{d.day} {NAMA_BULAN[d.month - 1]} {d.year}"


_ROMAWI = ("I", "II", "III", "IV")

_POLA = re.compile(r"^(\d{4})(?:-(?:(\d{2})|T([1-4])|S([12])))?$")


@dataclass(frozen=True, order=True)
class Periode:
    """A calendar span: `tahun`, then the months `bulan_awal`..`bulan_awal + panjang - 1`."""

    tahun: int
    bulan_awal: int
    jenis: JenisPeriode
    # Computed once: these are read hundreds of thousands of times in a large run.
    awal: datetime.date = field(init=False, compare=False, repr=False)
    akhir: datetime.date = field(init=False, compare=False, repr=False)
    _kode: str = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "awal", datetime.date(self.tahun, self.bulan_awal, 1))
        object.__setattr__(self, "akhir", self._akhir())
        object.__setattr__(self, "_kode", self._buat_kode())

    @classmethod
    def urai(cls, teks: str) -> Periode | None:
        """`2026-10`, `2026-T3`, `2026-S2` or `2026`; None when it is none of them."""
        return _urai(teks)

    @classmethod
    def _urai(cls, teks: str) -> Periode | None:
        cocok = _POLA.match(teks.strip())
        if not cocok:
            return None
        tahun = int(cocok.group(1))
        if not 1900 <= tahun <= 2200:
            return None
        bulan, triwulan, semester = cocok.group(2), cocok.group(3), cocok.group(4)
        if bulan is not None:
            if not 1 <= int(bulan) <= 12:
                return None
            return cls(tahun, int(bulan), "bulan")
        if triwulan is not None:
            return cls(tahun, (int(triwulan) - 1) * 3 + 1, "triwulan")
        if semester is not None:
            return cls(tahun, (int(semester) - 1) * 6 + 1, "semester")
        return cls(tahun, 1, "tahun")

    @classmethod
    def urai_pasti(cls, teks: str) -> Periode:
        """A period already checked to be valid (by periksa)."""
        p = _urai(teks)
        if p is None:  # pragma: no cover - a programming error, not a data problem
            raise ValueError(f"periode tidak sah: {teks!r}")
        return p

    @property
    def panjang(self) -> int:
        return PANJANG[self.jenis]

    def _akhir(self) -> datetime.date:
        bulan_akhir = self.bulan_awal + self.panjang - 1
        if bulan_akhir == 12:
            return datetime.date(self.tahun, 12, 31)
        return datetime.date(self.tahun, bulan_akhir + 1, 1) - datetime.timedelta(days=1)

    @classmethod
    def memuat_bulan(cls, tahun: int, bulan: int, jenis: JenisPeriode) -> Periode:
        """The period of kind `jenis` that contains month `bulan` of `tahun`."""
        panjang = PANJANG[jenis]
        return cls(tahun, (bulan - 1) // panjang * panjang + 1, jenis)

    def berisi(self, lain: Periode) -> bool:
        """Whether `lain` lies wholly inside this period."""
        return self.awal <= lain.awal and lain.akhir <= self.akhir

    def kode(self) -> str:
        return self._kode

    def _buat_kode(self) -> str:
        if self.jenis == "bulan":
            return f"{self.tahun}-{self.bulan_awal:02d}"
        if self.jenis == "triwulan":
            return f"{self.tahun}-T{(self.bulan_awal - 1) // 3 + 1}"
        if self.jenis == "semester":
            return f"{self.tahun}-S{(self.bulan_awal - 1) // 6 + 1}"
        return str(self.tahun)

    def label(self) -> str:
        """In words, as on the forms: `Oktober 2026`, `Triwulan III 2026`."""
        if self.jenis == "bulan":
            return f"{NAMA_BULAN[self.bulan_awal - 1]} {self.tahun}"
        if self.jenis == "triwulan":
            return f"Triwulan {_ROMAWI[(self.bulan_awal - 1) // 3]} {self.tahun}"
        if self.jenis == "semester":
            return f"Semester {_ROMAWI[(self.bulan_awal - 1) // 6]} {self.tahun}"
        return f"Tahun {self.tahun}"

    def rentang(self) -> str:
        """The span as the regulation's form writes it: `1 Januari s.d. 31 Desember 2025`."""
        return f"{self.awal.day} {NAMA_BULAN[self.awal.month - 1]} s.d. {tanggal_teks(self.akhir)}"

    def sebelumnya(self) -> Periode:
        """The previous period of the same length."""
        bulan = self.bulan_awal - self.panjang
        tahun = self.tahun
        if bulan < 1:
            bulan += 12
            tahun -= 1
        return Periode(tahun, bulan, self.jenis)

    def __str__(self) -> str:
        return self.kode()


# A year of reports names a dozen periods 60,000 times: parse and bound each once.
@functools.lru_cache(maxsize=4096)
def _urai(teks: str) -> Periode | None:
    return Periode._urai(teks)
