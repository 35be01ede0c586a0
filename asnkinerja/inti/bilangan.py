"""Numbers as Indonesian documents write them: "87,50", "1.234,50", "Rp 1.500.000", "5,6".

The rules word their reasons with these (an award's incentive split, a curve's head
count), and the documents show every number with them, so a number reads the same
everywhere. Rounding is `angka.bulat`'s, the one rule for numbers shown.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from asnkinerja.inti.angka import bulat


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
