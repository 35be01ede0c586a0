"""Exact numbers: decimals from the data, rounding rules in one place.

Values read from YAML become `Decimal` exactly as written (`44.1` stays 44.1).
Arithmetic runs at 34 significant digits. Every value a document shows is rounded
where it is made: first to 9 decimals (so exactly 90 in real numbers can never be
89.999999...), then half-up to 2 decimals. That 2-decimal value is what is shown,
written to JSON, compared with a threshold and used by the next step, so a value
shown as 110,00 always rates as 110 does, and printed numbers recompute from
each other.
"""

from __future__ import annotations

import decimal
import functools
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

KONTEKS = decimal.Context(prec=34, rounding=ROUND_HALF_EVEN)
_BANDING = Decimal("1e-9")
# quantize needs room for the integer digits too; one context, never changed.
_LEBAR = decimal.Context(prec=60)
NOL = Decimal(0)
SERATUS = Decimal(100)


def desimal(x: float | int | Decimal) -> Decimal:
    """A YAML number as the decimal the user wrote (floats via their shortest repr)."""
    if isinstance(x, Decimal):
        return x
    if isinstance(x, int):
        return Decimal(x)
    return _dari_float(x)


@functools.lru_cache(maxsize=65536)
def _dari_float(x: float) -> Decimal:
    # Policy values and JP are read once per employee: the same few floats, again and again.
    return Decimal(repr(x))


def bagi(a: Decimal, b: Decimal) -> Decimal:
    return KONTEKS.divide(a, b)


def kali(a: Decimal, b: Decimal) -> Decimal:
    return KONTEKS.multiply(a, b)


def untuk_banding(x: Decimal) -> Decimal:
    """The value a threshold is compared with: the value shown (see `bulat2`)."""
    return bulat2(x)


def bulat(x: Decimal, tempat: int) -> Decimal:
    """Half-up to `tempat` decimals, after rounding to 9 decimals (see `bulat2`)."""
    bersih = x.quantize(_BANDING, rounding=ROUND_HALF_EVEN, context=_LEBAR)
    return bersih.quantize(Decimal(1).scaleb(-tempat), rounding=ROUND_HALF_UP, context=_LEBAR)


def bulat2(x: Decimal) -> Decimal:
    """Half-up to 2 decimals, as shown, written to JSON and compared with thresholds.

    The 34-digit result is first rounded to 9 decimals, so 111.37499...9 (the
    computation's rendering of exactly 111.375) shows as 111.38, not 111.37.
    A value is rounded when rated, sorted and shown: the result is remembered.
    """
    kunci = (x, x.is_signed())  # equal decimals hash alike; -0.001 and 0 must not share
    hasil = _BULAT.get(kunci)
    if hasil is None:
        hasil = bulat(x, 2)
        if len(_BULAT) >= _BULAT_MAKS:
            _BULAT.clear()
        _BULAT[kunci] = hasil
    return hasil


_BULAT: dict[tuple[Decimal, bool], Decimal] = {}
_BULAT_MAKS = 1 << 18


def rata(nilai: list[Decimal]) -> Decimal:
    return bagi(sum(nilai, NOL), Decimal(len(nilai)))


def rata_berbobot(pasangan: list[tuple[Decimal, Decimal]]) -> Decimal:
    """Weighted mean of (value, weight) pairs; the weights must not sum to 0."""
    total = sum((kali(v, w) for v, w in pasangan), NOL)
    return bagi(total, sum((w for _, w in pasangan), NOL))
