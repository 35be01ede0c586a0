"""Indonesian number, money and date formats: "87,50", "Rp 1.500.000", "27 November 2026".

Small pure functions used as template filters (render.py) and in messages. Rounding
is `inti.angka.bulat`'s, the one rule for numbers shown.
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

from asnkinerja.inti.angka import bulat
from asnkinerja.inti.periode import tanggal_teks

# How many of each list the terminal summary shows (it counts the rest); the reports
# list everyone.
RINGKAS_PERHATIAN = 15
RINGKAS_DAFTAR = {"nyaris": 3, "mentoring": 10, "tanpa_mentor": 0, "pengembangan": 0,
                  "_pengembangan_kurang": 10, "_pengembangan_lebih": 10}  # fmt: skip


def tanggal(x: datetime.date | str | None) -> str:
    """`2026-11-27` -> `27 November 2026`."""
    if x is None:
        return "-"
    return tanggal_teks(datetime.date.fromisoformat(x) if isinstance(x, str) else x)


def persen(x: Decimal | float | None) -> str:
    return "-" if x is None else f"{angka(x)}%"


def angka(x: Decimal | float | int | None, desimal: int = 2) -> str:
    """`87.5` -> `87,50`; thousands with dots: `1234.5` -> `1.234,50`; None -> `-`."""
    if x is None:
        return "-"
    d = bulat(Decimal(str(x)), desimal)
    teks = f"{d:,.{desimal}f}"
    return teks.replace(",", "_").replace(".", ",").replace("_", ".")


def rupiah(x: Decimal | int | None) -> str:
    """Whole rupiah with dots: `1500000` -> `Rp 1.500.000`."""
    if x is None:
        return "-"
    return "Rp " + angka(x, 0)


def angka_pendek(x: Decimal | float | int, desimal: int | None = None) -> str:
    """A number as people write it, no trailing zeros: 5,6 / 70 / 0,35 (`desimal`: round first)."""
    d = x if isinstance(x, Decimal) else Decimal(str(x))
    if desimal is not None:
        d = d.quantize(Decimal(1).scaleb(-desimal), rounding=ROUND_HALF_UP)
    teks = format(d.normalize(), "f")
    return teks.replace(".", ",")
