"""Exact numbers: decimals from the data, rounding rules in one place.

Values read from YAML become `Decimal` exactly as written (`44.1` stays 44.1).
Arithmetic runs at 34 significant digits; before a value is compared with a
threshold it is rounded to 9 decimal places, so a capaian that is exactly 90 in
real numbers can never become 89.999999... and flip a rating. Shown values are
rounded half-up to 2 decimals.
"""

from __future__ import annotations

import decimal
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

KONTEKS = decimal.Context(prec=34, rounding=ROUND_HALF_EVEN)
_BANDING = Decimal("1e-9")
_TAMPIL = Decimal("0.01")
NOL = Decimal(0)
SERATUS = Decimal(100)


def desimal(x: float | int | Decimal) -> Decimal:
    """A YAML number as the decimal the user wrote (floats via their shortest repr)."""
    if isinstance(x, Decimal):
        return x
    if isinstance(x, int):
        return Decimal(x)
    return Decimal(repr(x))


def bagi(a: Decimal, b: Decimal) -> Decimal:
    return KONTEKS.divide(a, b)


def kali(a: Decimal, b: Decimal) -> Decimal:
    return KONTEKS.multiply(a, b)


def untuk_banding(x: Decimal) -> Decimal:
    """The value a threshold is compared with: rounded to 9 decimals."""
    return x.quantize(_BANDING, rounding=ROUND_HALF_EVEN, context=KONTEKS)


def bulat2(x: Decimal) -> Decimal:
    """Rounded half-up to 2 decimals, as shown and as written to JSON."""
    return x.quantize(_TAMPIL, rounding=ROUND_HALF_UP, context=KONTEKS)


def rata(nilai: list[Decimal]) -> Decimal:
    return bagi(sum(nilai, NOL), Decimal(len(nilai)))


def rata_berbobot(pasangan: list[tuple[Decimal, Decimal]]) -> Decimal:
    """Weighted mean of (value, weight) pairs; the weights must not sum to 0."""
    total = sum((kali(v, w) for v, w in pasangan), NOL)
    return bagi(total, sum((w for _, w in pasangan), NOL))
