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
    assert samarkan_nip("198503122010011002") == "19850312••••••1002"
    assert samarkan_nama("Maria Kayame, S.Sos.") == "M. K."
    assert samarkan_nama("dr. Fransiska Rumere") == "F. R."
    assert samarkan_nama("Drs. Hamzah Siregar, M.Si.") == "H. S."
