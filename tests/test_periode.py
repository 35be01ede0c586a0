from __future__ import annotations

import datetime

import pytest

from asnkinerja.inti.periode import Periode


@pytest.mark.parametrize(
    ("teks", "awal", "akhir", "label"),
    [
        ("2026-10", datetime.date(2026, 10, 1), datetime.date(2026, 10, 31), "Oktober 2026"),
        ("2024-02", datetime.date(2024, 2, 1), datetime.date(2024, 2, 29), "Februari 2024"),
        ("2026-T3", datetime.date(2026, 7, 1), datetime.date(2026, 9, 30), "Triwulan III 2026"),
        ("2026-T4", datetime.date(2026, 10, 1), datetime.date(2026, 12, 31), "Triwulan IV 2026"),
        ("2026-S1", datetime.date(2026, 1, 1), datetime.date(2026, 6, 30), "Semester I 2026"),
        ("2026", datetime.date(2026, 1, 1), datetime.date(2026, 12, 31), "Tahun 2026"),
    ],
)
def test_urai(teks: str, awal: datetime.date, akhir: datetime.date, label: str) -> None:
    p = Periode.urai(teks)
    assert p is not None
    assert (p.awal, p.akhir, p.label(), p.kode()) == (awal, akhir, label, teks)


@pytest.mark.parametrize(
    "teks", ["2026-13", "2026-00", "2026-T5", "2026-S3", "26-10", "2026/10", "", "1850"]
)
def test_urai_salah(teks: str) -> None:
    assert Periode.urai(teks) is None


def test_berisi_dan_sebelumnya() -> None:
    tahun = Periode.urai("2026")
    t3 = Periode.urai("2026-T3")
    okt = Periode.urai("2026-10")
    assert tahun and t3 and okt
    assert tahun.berisi(t3) and tahun.berisi(okt) and not t3.berisi(okt)
    assert Periode.urai("2026-01").sebelumnya().kode() == "2025-12"  # type: ignore[union-attr]
    assert t3.sebelumnya().kode() == "2026-T2"
    assert Periode.urai("2026-S1").sebelumnya().kode() == "2025-S2"  # type: ignore[union-attr]
    assert tahun.sebelumnya().kode() == "2025"
