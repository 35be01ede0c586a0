"""BerAKHLAK per aspect for a group of employees: which core values are weak where, and
whether Adaptif and Kolaboratif rise or fall over the period (the policy's signal of
resistance to change). Scores are summed per report period as reports are walked
(`Skor`), joined across units, then averaged and rounded as shown."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from asnkinerja.inti.angka import bagi, bulat2
from asnkinerja.inti.regulasi import BERAKHLAK

# The two values the policy watches for resistance to change.
ASPEK_PERUBAHAN = ("adaptif", "kolaboratif")
_I_PERUBAHAN = tuple(BERAKHLAK.index(a) for a in ASPEK_PERUBAHAN)


@dataclass
class Skor:
    """Sums of each aspect's scores, and how many rated reports, per report period."""

    per_periode: dict[str, list[int]] = field(default_factory=dict)  # kode -> 7 sums + count

    def tambah(self, kode: str, skor: tuple[int, ...]) -> None:
        jumlah = self.per_periode.get(kode)
        if jumlah is None:
            self.per_periode[kode] = [*skor, 1]
            return
        for i, s in enumerate(skor):
            jumlah[i] += s
        jumlah[-1] += 1

    def gabung(self, lain: Skor) -> None:
        for kode, jumlah in lain.per_periode.items():
            if kode not in self.per_periode:
                self.per_periode[kode] = list(jumlah)
            else:
                self.per_periode[kode] = [a + b for a, b in zip(self.per_periode[kode], jumlah,
                                                                 strict=True)]  # fmt: skip


@dataclass(frozen=True)
class Perubahan:
    """One aspect's mean in the first and the second half of the group's report periods."""

    aspek: str
    awal: Decimal
    akhir: Decimal

    turun: bool  # fell by at least the policy's `ambang_perubahan_perilaku`

    @property
    def selisih(self) -> Decimal:
        return self.akhir - self.awal


@dataclass(frozen=True)
class PerilakuKelompok:
    rata: dict[str, Decimal]  # aspect -> mean score (1-5), rounded as shown
    lemah: tuple[str, ...]  # aspects below the policy's Di Atas threshold, weakest first
    perubahan: tuple[Perubahan, ...]  # Adaptif, Kolaboratif; empty with one period only


def _rata(daftar: list[list[int]], i: int) -> Decimal:
    return bulat2(bagi(Decimal(sum(j[i] for j in daftar)), Decimal(sum(j[-1] for j in daftar))))


def ringkas_perilaku(
    skor: Skor, ambang_di_atas: Decimal, ambang_turun: Decimal
) -> PerilakuKelompok | None:
    """Weak: below the policy's Di Atas threshold. Falling: the second half's mean is
    `ambang_turun` or more below the first half's. None when no report was rated."""
    if not skor.per_periode:
        return None
    semua = list(skor.per_periode.values())
    rata = {a: _rata(semua, i) for i, a in enumerate(BERAKHLAK)}
    lemah = tuple(sorted((a for a in BERAKHLAK if rata[a] < ambang_di_atas), key=rata.__getitem__))
    urut = [skor.per_periode[k] for k in sorted(skor.per_periode)]
    perubahan: tuple[Perubahan, ...] = ()
    if len(urut) >= 2:
        tengah = len(urut) // 2
        awal, akhir = urut[:tengah], urut[len(urut) - tengah :]
        for a, i in zip(ASPEK_PERUBAHAN, _I_PERUBAHAN, strict=True):
            dulu, kini = _rata(awal, i), _rata(akhir, i)
            turun = kini < dulu and dulu - kini >= ambang_turun
            perubahan += (Perubahan(a, dulu, kini, turun),)
    return PerilakuKelompok(rata, lemah, perubahan)
