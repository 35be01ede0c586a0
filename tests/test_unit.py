"""Unit summaries: the distribution curve as exact head counts, and common obstacles."""

from __future__ import annotations

from decimal import Decimal

from asnkinerja.inti import model
from asnkinerja.inti.regulasi import PREDIKAT, PredikatPegawai
from asnkinerja.inti.unit import normalkan_tantangan, periksa_kurva
from asnkinerja.sajian import kata


def sebaran(**jumlah: int) -> dict[PredikatPegawai, int]:
    nama = {"sb": "Sangat Baik", "b": "Baik", "bp": "Butuh Perbaikan", "k": "Kurang/Misconduct",
            "sk": "Sangat Kurang"}  # fmt: skip
    hasil: dict[PredikatPegawai, int] = dict.fromkeys(PREDIKAT, 0)
    for k, v in jumlah.items():
        hasil[nama[k]] = v  # type: ignore[index]
    return hasil


def aturan(po: str) -> list[model.AturanKurva]:
    return model.bawaan().penilaian.kurva_distribusi[po]  # type: ignore[index]


def test_baik_delapan_orang_batas_lima() -> None:
    # 70% of 8 = 5.6: "at most 70%" allows 5 people (6 would be 75%).
    k = periksa_kurva("Baik", aturan("Baik"), sebaran(b=6, bp=2))
    maks, minimal = k.aturan
    assert (maks.jumlah, maks.batas_orang, maks.dipenuhi) == (6, 5, False)
    assert maks.tepat == Decimal("5.6")
    assert kata.uraian_aturan(maks) == "Baik paling banyak 70%"
    assert kata.rincian_aturan(maks) == "70% × 8 orang = 5,6 → paling banyak 5 orang"
    assert minimal.dipenuhi and not k.dipenuhi


def test_baik_tanpa_butuh_perbaikan_melanggar() -> None:
    k = periksa_kurva("Baik", aturan("Baik"), sebaran(sb=3, b=4))
    assert [a.dipenuhi for a in k.aturan] == [True, False]


def test_batas_tepat_pada_persen() -> None:
    # 70% of 10 = 7 exactly: 7 is allowed.
    k = periksa_kurva("Istimewa", aturan("Istimewa"), sebaran(sb=7, b=3))
    assert k.dipenuhi and k.aturan[0].batas_orang == 7


def test_minimal_persen_dibulatkan_ke_atas() -> None:
    # At least 60% of 7 = 4.2 -> 5 people; at most 10% of 7 = 0.7 -> 0 Sangat Baik.
    k = periksa_kurva("Butuh Perbaikan", aturan("Butuh Perbaikan"), sebaran(bp=4, b=2, sb=1))
    bp, sb = k.aturan
    assert (bp.batas_orang, bp.dipenuhi) == (5, False)
    assert kata.rincian_aturan(bp) == "60% × 7 orang = 4,2 → paling sedikit 5 orang"
    assert (sb.batas_orang, sb.dipenuhi) == (0, False)


def test_tantangan_dinormalkan() -> None:
    assert normalkan_tantangan("Jaringan  internet terputus.") == "jaringan internet terputus"
    assert normalkan_tantangan("JARINGAN internet, terputus!") == "jaringan internet terputus"
