"""Indonesian number, money and date formats: "87,50", "Rp 1.500.000", "27 November 2026".

Small pure functions used as template filters (render.py) and in messages; numbers
are written by `inti.bilangan`, as the rules' own reasons write them.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from asnkinerja.inti.bilangan import angka, angka_pendek, rupiah
from asnkinerja.inti.periode import NAMA_BULAN

__all__ = ["angka", "angka_pendek", "persen", "rupiah", "tanggal"]

# How many of each list the terminal summary shows (it counts the rest); the reports
# list everyone.
RINGKAS_PERHATIAN = 15
RINGKAS_DAFTAR = {"nyaris": 3, "mentoring": 10, "tanpa_mentor": 0, "pengembangan": 0,
                  "_pengembangan_kurang": 10, "_pengembangan_lebih": 10}  # fmt: skip


def tanggal(x: datetime.date | str | None) -> str:
    """`2026-11-27` -> `27 November 2026`."""
    if x is None:
        return "-"
    d = datetime.date.fromisoformat(x) if isinstance(x, str) else x
    return f"{d.day} {NAMA_BULAN[d.month - 1]} {d.year}"


def persen(x: Decimal | float | None) -> str:
    return "-" if x is None else f"{angka(x)}%"
