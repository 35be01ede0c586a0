"""Awards: each syarat, unit quotas, deterministic ranking, exact incentive splits."""

from __future__ import annotations

import datetime
import random
from decimal import Decimal
from fractions import Fraction
from typing import Any

import msgspec
import pytest
from typer.testing import CliRunner

from asnkinerja.cli import app
from asnkinerja.inti import model
from asnkinerja.inti.alasan import Alasan
from asnkinerja.inti.penghargaan import alasan_gugur, bagi_insentif, bulan_penuh, tetapkan
from asnkinerja.inti.penilaian import HasilPegawai
from asnkinerja.inti.periode import Periode
from asnkinerja.sajian import kata

from conftest import WANGGAR, hasil_pegawai

TAHUN = Periode.urai("2025")


def orang(
    nip: str, nilai_akhir: str | None, unit: str = "A", predikat: str | None = "Sangat Baik",
    hilang: int = 0, jp: str = "20", hk: str = "100", **pegawai: Any,
) -> HasilPegawai:  # fmt: skip
    assert TAHUN is not None
    return hasil_pegawai(
        nip, periode=TAHUN, predikat=predikat, nilai_akhir=nilai_akhir, nilai_hasil_kerja=hk,
        nilai_perilaku=4, rating="di_atas", jp=jp, jp_wajib=Decimal(20), unit=unit,
        hilang=hilang, **pegawai,
    )  # fmt: skip


NIP1, NIP2, NIP3, NIP4 = (
    "198609262010052001", "198609262010052002", "198609262010052003", "198609262010052004",
)  # fmt: skip


def kebijakan(**penghargaan: Any) -> model.Kebijakan:
    return msgspec.convert({"penghargaan": penghargaan}, model.Kebijakan)


# ---------------------------------------------------------------- syarat
def test_setiap_syarat_dengan_alasannya() -> None:
    syarat = kebijakan(syarat={"jp_minimal": 20}).penghargaan.syarat
    h = orang(
        NIP1, "100", predikat="Baik", hilang=2, jp="12",
        hukuman_disiplin=[{"tingkat": "sedang", "tanggal": "2025-03-14"},
                          {"tingkat": "ringan", "tanggal": "2021-01-01"}],
        tmt_cpns="2024-06-01",
    )  # fmt: skip
    alasan = alasan_gugur(h, syarat)
    assert alasan[0] == Alasan("predikat_di_bawah_minimal", {"predikat": "Baik",
                                                            "minimal": "Sangat Baik"})  # fmt: skip
    assert kata.semua(alasan) == [
        "predikat Baik, minimal Sangat Baik",
        "laporan tidak lengkap: 2025-01, 2025-02 tidak masuk",
        "hukuman disiplin sedang 14 Maret 2025 (dalam 3 tahun terakhir)",
        "masa kerja 1 tahun 6 bulan, minimal 2 tahun",
        "JP pengembangan 12, minimal 20",
    ]


def test_syarat_boleh_dimatikan_dan_tingkat_hukuman_dipilih() -> None:
    h = orang(NIP1, "100", predikat="Baik", hilang=1,
              hukuman_disiplin=[{"tingkat": "ringan", "tanggal": "2025-03-14"}])  # fmt: skip
    syarat = kebijakan(syarat={
        "predikat_minimal": "Baik", "laporan_lengkap": False,
        "hukuman_dihitung": ["sedang", "berat"], "masa_kerja_minimal_tahun": None,
    }).penghargaan.syarat  # fmt: skip
    assert alasan_gugur(h, syarat) == []


def test_hukuman_di_luar_jendela_tidak_dihitung() -> None:
    h = orang(NIP1, "100", hukuman_disiplin=[{"tingkat": "berat", "tanggal": "2022-12-31"}])
    assert alasan_gugur(h, model.bawaan().penghargaan.syarat) == []  # window is 2023-01-01..
    h = orang(NIP1, "100", hukuman_disiplin=[{"tingkat": "berat", "tanggal": "2023-01-01"}])
    assert len(alasan_gugur(h, model.bawaan().penghargaan.syarat)) == 1


def test_masa_kerja_dalam_bulan_penuh() -> None:
    assert bulan_penuh(datetime.date(2023, 12, 31), datetime.date(2025, 12, 31)) == 24
    assert bulan_penuh(datetime.date(2024, 1, 1), datetime.date(2025, 12, 31)) == 23


# ---------------------------------------------------------------- ranking and quotas
def test_peringkat_deterministik_dan_kuota_unit() -> None:
    pegawai = [
        orang(NIP4, "95", unit="B"),
        orang(NIP2, "99", unit="A", hk="101"),
        orang(NIP1, "99", unit="A", hk="101"),  # same scores: NIP ascending decides
        orang(NIP3, "98", unit="A"),
    ]
    ph = tetapkan(pegawai, kebijakan(kuota=2, kuota_per_unit=1), TAHUN)
    assert [p.hasil.nip for p in ph.penerima] == [NIP1, NIP4]
    assert [h.nip for h in ph.dilewati_kuota_unit] == [NIP2, NIP3]


@pytest.mark.parametrize(
    ("periode_kebijakan", "periode", "berinsentif"),
    [("tahunan", "2025", True), ("tahunan", "2025-T3", False), ("tahunan", "2025-10", False),
     ("triwulanan", "2025-T3", True), ("triwulanan", "2025", False),
     ("bulanan", "2025-10", True), ("semesteran", "2025-S2", True)],
)  # fmt: skip
def test_anggaran_milik_periode_penghargaan(
    periode_kebijakan: str, periode: str, berinsentif: bool
) -> None:
    """The budget is the award period's: a quarter does not split the yearly budget again."""
    p = Periode.urai(periode)
    assert p is not None
    k = kebijakan(periode=periode_kebijakan, insentif={"anggaran": 9_000_000})
    ph = tetapkan([orang(NIP1, "99"), orang(NIP2, "98")], k, p)
    assert [x.hasil.nip for x in ph.penerima] == [NIP1, NIP2]  # candidates either way
    assert ph.berinsentif is berinsentif
    assert ph.terbagi == (9_000_000 if berinsentif else 0)
    assert ph.anggaran == (9_000_000 if berinsentif else 0)


def test_nomor_piagam_menurut_pola_kebijakan() -> None:
    k = kebijakan(nomor_piagam="800/{urut:03d}/BKPSDM/{tahun}")
    ph = tetapkan([orang(NIP1, "99"), orang(NIP2, "98")], k, TAHUN)
    assert [x.nomor for x in ph.penerima] == ["800/001/BKPSDM/2025", "800/002/BKPSDM/2025"]
    bawaan = tetapkan([orang(NIP1, "99")], kebijakan(), TAHUN)
    assert bawaan.penerima[0].nomor == "1/PIAGAM/2025"


def test_nyaris_yang_di_atas_penerima_terakhir() -> None:
    pegawai = [orang(NIP1, "110", predikat="Baik"), orang(NIP2, "100"), orang(NIP3, "90")]
    ph = tetapkan(pegawai, kebijakan(kuota=1), TAHUN)
    assert [p.hasil.nip for p in ph.penerima] == [NIP2]
    assert [(n.hasil.nip, kata.semua(n.alasan)) for n in ph.nyaris] == [
        (NIP1, ["predikat Baik, minimal Sangat Baik"])
    ]


# ---------------------------------------------------------------- incentives
@pytest.mark.parametrize(
    ("anggaran", "bobot", "pembulatan", "harapan"),
    [
        (10_000_000, [3, 2, 1], 1000, [5_000_000, 3_333_000, 1_667_000]),
        (10_000_000, [1, 1, 1], 1000, [3_334_000, 3_333_000, 3_333_000]),  # tie: better rank
        (1_000_500, [1, 1], 1000, [500_000, 500_000]),  # Rp 500 left unspent
        (7, [1, 1, 1], 1, [3, 2, 2]),
        (0, [1, 2], 1000, [0, 0]),
    ],
)
def test_bagi_insentif_contoh(
    anggaran: int, bobot: list[int], pembulatan: int, harapan: list[int]
) -> None:
    hasil, _ = bagi_insentif(anggaran, [Fraction(b) for b in bobot], pembulatan)
    assert hasil == harapan


def test_bagi_insentif_sifat_jumlah_acak() -> None:
    acak = random.Random(6)
    for _ in range(2000):
        pembulatan = acak.choice([1, 100, 500, 1000, 5000, 50_000])
        anggaran = acak.randrange(0, 50_000_000)
        bobot = [Fraction(acak.randint(1, 1000), acak.randint(1, 7))
                 for _ in range(acak.randint(1, 9))]  # fmt: skip
        hasil, _ = bagi_insentif(anggaran, bobot, pembulatan)
        assert all(x % pembulatan == 0 and x >= 0 for x in hasil)
        assert sum(hasil) == anggaran // pembulatan * pembulatan <= anggaran
        total = sum(bobot)
        for x, w in zip(hasil, bobot, strict=True):  # never more than one unit from the exact share
            assert abs(x - Fraction(anggaran) * w / total) < pembulatan


def test_skema_proporsional_dan_merata() -> None:
    pegawai = [orang(NIP1, "120"), orang(NIP2, "80")]
    ph = tetapkan(
        pegawai, kebijakan(insentif={"anggaran": 1_000_000, "skema": "proporsional"}), TAHUN
    )
    assert [p.insentif for p in ph.penerima] == [600_000, 400_000]
    ph = tetapkan(pegawai, kebijakan(insentif={"anggaran": 1_000_000, "skema": "merata"}), TAHUN)
    assert [p.insentif for p in ph.penerima] == [500_000, 500_000]
    assert ph.sisa == 0


def test_perintah_penghargaan_sampel() -> None:
    hasil = CliRunner().invoke(
        app, ["penghargaan", str(WANGGAR), "--periode", "2025", "--tanggal", "2026-11-28"]
    )
    assert hasil.exit_code == 0, hasil.output
    out = hasil.output
    assert "Yuliana Tebai" in out and "Rp 5.000.000" in out and "Rp 10.000.000" in out
    assert "Andi Pakiding" in out
    assert "hukuman disiplin sedang 14 Maret 2025" in out


@pytest.mark.parametrize(
    "pola",
    ["{urut:{periode[x]}}", "{urut:{tahun.x}}", "{urut:>{tahun}{tahun}{tahun}}",
     "{urut:{periode}}", "{periode:>9}", "{urut!r}", "{urut:099d}", "{nama}", "{urut"],
)  # fmt: skip
def test_pola_nomor_yang_dapat_merusak_ditolak(pola: str) -> None:
    """Nested fields, attribute or index access, huge widths: refused by periksa, never
    a traceback later (and a valid pattern formats for every kind of period)."""
    from asnkinerja.inti.penghargaan import salah_pola_nomor

    assert salah_pola_nomor(pola) is not None


def test_pola_nomor_sah_untuk_setiap_jenis_periode() -> None:
    from asnkinerja.inti.penghargaan import nomor_piagam, salah_pola_nomor

    pola = "800/{urut:03d}/BKPSDM/{periode}/{tahun}"
    assert salah_pola_nomor(pola) is None
    for kode in ("2025", "2025-S1", "2025-T3", "2025-10"):
        p = Periode.urai(kode)
        assert p is not None
        assert nomor_piagam(pola, 7, p) == f"800/007/BKPSDM/{kode}/2025"


def test_periode_bukan_penghargaan_tanpa_nomor_piagam() -> None:
    p = Periode.urai("2025-10")
    assert p is not None
    ph = tetapkan([orang(NIP1, "99")], kebijakan(), p)
    assert [x.nomor for x in ph.penerima] == [""]
