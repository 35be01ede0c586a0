"""Indonesian formatting filters and masking of personal data."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from asnkinerja.sajian.penyaji import samarkan_nama, samarkan_nip
from asnkinerja.sajian.render import md
from asnkinerja.sajian.tampilan import angka, persen, rupiah, tanggal


@pytest.mark.parametrize(
    ("x", "teks"),
    [(Decimal("87.5"), "87,50"), (1234.5, "1.234,50"), (0, "0,00"), (None, "-"),
     (Decimal("2.005"), "2,01"), (Decimal("-3.1"), "-3,10")],
)  # fmt: skip
def test_angka(x: Decimal | float | None, teks: str) -> None:
    assert angka(x) == teks


def test_rupiah_tanggal_persen() -> None:
    assert rupiah(1500000) == "Rp 1.500.000"
    assert rupiah(0) == "Rp 0"
    assert tanggal(datetime.date(2026, 11, 27)) == "27 November 2026"
    assert tanggal("2025-01-05") == "5 Januari 2025"
    assert persen(Decimal("98.83")) == "98,83%"


def test_md_aman_di_sel_tabel() -> None:
    assert md("A | B\nC") == "A \\| B C"
    assert md("<script>") == "&lt;script&gt;"
    assert md(None) == "-"
    assert md("nama_[x]*") == "nama\\_\\[x]\\*"


def test_samarkan() -> None:
    # Only the last 4 digits: the birth date in a NIP would identify the person.
    assert samarkan_nip("198503122010011002") == "••••••••••••••1002"
    assert samarkan_nama("Maria Kayame, S.Sos.") == "M. K."
    assert samarkan_nama("dr. Fransiska Rumere") == "F. R."
    assert samarkan_nama("Drs. Hamzah Siregar, M.Si.") == "H. S."


def _sebagai_float(x: object) -> object:
    if isinstance(x, Decimal):
        return float(x)
    if isinstance(x, dict):
        return {k: _sebagai_float(v) for k, v in x.items() if not k.startswith("_")}
    if isinstance(x, (list, tuple)):
        return [_sebagai_float(v) for v in x]
    return x


@pytest.mark.parametrize("samarkan", [False, True])
def test_json_sama_dengan_json_dumps_pustaka_standar(samarkan: bool) -> None:
    """msgspec writes the evaluation's JSON: the text is what `json.dumps` writes of the same
    values with decimals as floats (trailing zeros, non-ASCII names, helpers left out)."""
    import json

    from asnkinerja import api
    from asnkinerja.sajian import keluaran
    from asnkinerja.sajian.render import ke_teks_json

    from conftest import HARI_INI, WANGGAR

    ev = api.evaluasi(WANGGAR, "2025", HARI_INI)
    assert ev.hasil is not None
    data = keluaran.sajikan(ev.hasil, samarkan)
    data["_uji"] = {"tidak": "ditulis"}
    data["uji"] = [Decimal("100.00"), Decimal("87.50"), Decimal("0.1") / 3,
                   Decimal("123456789012.35"), "Ëster ✓ \x1b", None, True, 7, (1, 2)]  # fmt: skip
    harapan = json.dumps(_sebagai_float(data), ensure_ascii=False, indent=2) + "\n"
    assert ke_teks_json(data) == harapan


def test_json_angka_ekstrem_bernilai_sama() -> None:
    """Beyond what the reports show (all rounded to 2 decimals), exponents are spelled
    msgspec's way (1e-7 for 1e-07): the same JSON numbers."""
    import json

    from asnkinerja.sajian.render import ke_teks_json

    data = {"x": [Decimal("1e-7"), Decimal("1e16"), Decimal("-2.5e-9"), Decimal("0.0001")]}
    assert json.loads(ke_teks_json(data)) == _sebagai_float(data)
