"""The scoring rules with small hand-computed cases (PermenPAN-RB 6/2022)."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import msgspec
import pytest

from asnkinerja.inti import model
from asnkinerja.inti.laporan import CapaianIndikator, NilaiLaporan, Penilai, rinci
from asnkinerja.inti.penilaian import HasilPegawai, nilai_pegawai, rating, tren
from asnkinerja.inti.periode import Periode
from asnkinerja.inti.regulasi import MATRIKS_PREDIKAT
from asnkinerja.inti.ruang import Entri
from asnkinerja.masalah import Lokasi

HARI_INI = datetime.date(2026, 11, 28)
NIP = "198609262010052002"
PEGAWAI = Entri(model.Pegawai(nip=NIP, nama="Maria Kayame", unit="Distrik Uji"), Lokasi("p", 0))


def kebijakan(**penilaian: Any) -> model.Kebijakan:
    return msgspec.convert({"penilaian": penilaian}, model.Kebijakan)


def laporan(
    periode: str,
    capaian: list[tuple[float, float]] | None = None,
    skor: int | list[int] | None = 3,
    tanggal: str | None = None,
    **penilaian: Any,
) -> Entri[model.Laporan]:
    """A report: (target, realisasi) pairs and BerAKHLAK scores (one for all, or seven)."""
    p = Periode.urai(periode)
    assert p is not None
    data: dict[str, Any] = {
        "nip": NIP,
        "periode": periode,
        "tanggal_lapor": tanggal or (p.akhir + datetime.timedelta(days=3)).isoformat(),
        "pencapaian": [
            {"indikator": f"i{i}", "target": t, "realisasi": r}
            for i, (t, r) in enumerate(capaian or [(100, 100)])
        ],
        "tantangan": ["jaringan"],
        "rencana_perbaikan": ["cadangan"],
    }
    if skor is not None:
        nilai = skor if isinstance(skor, list) else [skor] * 7
        kunci = ["berorientasi_pelayanan", "akuntabel", "kompeten", "harmonis", "loyal",
                 "adaptif", "kolaboratif"]  # fmt: skip
        data["penilaian"] = {
            "penilai": "197204112000031001",
            "perilaku": dict(zip(kunci, nilai, strict=True)),
            **penilaian,
        }
    return Entri(msgspec.convert(data, model.Laporan), Lokasi("l", 0))


def nilai_laporan(e: Entri[model.Laporan], k: model.Kebijakan) -> NilaiLaporan:
    """One report scored, as the evaluation scores it."""
    penilai = Penilai(k.penilaian.batas_capaian, k.batas_lapor_hari)
    return penilai.nilai(e.data, e.lokasi.berkas, e.lokasi.rekaman or 0)


def indikator(n: NilaiLaporan, k: model.Kebijakan | None = None) -> tuple[CapaianIndikator, ...]:
    """The indicator detail a rapor or an explanation shows of a report."""
    return rinci(n, k or kebijakan()).indikator


def nilai(
    periode: str,
    daftar: list[Entri[model.Laporan]],
    k: model.Kebijakan | None = None,
    pelatihan: list[Entri[model.Pelatihan]] | None = None,
    mulai: datetime.date | None = None,
) -> HasilPegawai:
    k = k or kebijakan()
    p = Periode.urai(periode)
    assert p is not None
    scored = [nilai_laporan(e, k) for e in daftar]
    return nilai_pegawai(PEGAWAI, p, scored, pelatihan, k, mulai, HARI_INI)


# ---------------------------------------------------------------- per indicator
@pytest.mark.parametrize(
    ("target", "realisasi", "arah", "capaian", "dibatasi"),
    [
        (40, 44, "naik", "110", False),
        (100, 150, "naik", "120", True),  # capped at batas_capaian
        (3, 2.7, "naik", "90", False),  # 2.7/3*100 is 90.00000000000001 in floats
        (3, 2, "turun", "120", True),  # 150 before the cap
        (4, 5, "turun", "80", False),
        (3, 0, "turun", "120", False),  # nothing left to lower: the cap
        (10, 0, "naik", "0", False),
    ],
)
def test_capaian_indikator(
    target: float, realisasi: float, arah: str, capaian: str, dibatasi: bool
) -> None:
    lap = laporan("2025-10", [(target, realisasi)])
    lap.data.pencapaian[0].arah = arah  # type: ignore[assignment]
    n = nilai_laporan(lap, kebijakan())
    [i] = indikator(n)
    assert i.capaian == Decimal(capaian)
    assert i.dibatasi is dibatasi


def test_rata_rata_berbobot() -> None:
    lap = laporan("2025-10", [(10, 12), (10, 6)])
    lap.data.pencapaian[1].bobot = 3
    n = nilai_laporan(lap, kebijakan())
    assert n.nilai_hasil_kerja == Decimal(75)  # (120*1 + 60*3) / 4


# ---------------------------------------------------------------- ratings and the matrix
@pytest.mark.parametrize(
    ("nilai_", "harapan"),
    [("110", "di_atas"), ("109.99", "sesuai"), ("90", "sesuai"), ("89.99", "di_bawah")],
)
def test_rating_ambang_inklusif(nilai_: str, harapan: str) -> None:
    assert rating(Decimal(nilai_), model.Ambang(di_atas=110, sesuai=90)) == harapan


def test_ambang_tepat_tidak_bergeser_karena_float() -> None:
    # Three indicators whose true mean is exactly 90: (80 + 90 + 100) / 3.
    h = nilai("2025-10", [laporan("2025-10", [(10, 8), (3, 2.7), (0.7, 0.7)])])
    assert h.nilai_hasil_kerja == Decimal(90)
    assert h.rating_hasil_kerja == "sesuai"
    # A perilaku mean of exactly 3.0 from mixed scores is Sesuai.
    h = nilai("2025-10", [laporan("2025-10", skor=[2, 4, 3, 3, 3, 3, 3])])
    assert h.nilai_perilaku == Decimal(3) and h.rating_perilaku == "sesuai"


@pytest.mark.parametrize(
    ("realisasi", "skor", "predikat"),
    [
        (115, 5, "Sangat Baik"),  # di atas × di atas
        (115, 3, "Baik"),  # di atas × sesuai
        (115, 2, "Kurang/Misconduct"),  # di atas × di bawah
        (100, 5, "Baik"),  # sesuai × di atas
        (100, 3, "Baik"),  # sesuai × sesuai
        (100, 2, "Kurang/Misconduct"),  # sesuai × di bawah
        (50, 5, "Butuh Perbaikan"),  # di bawah × di atas
        (50, 3, "Butuh Perbaikan"),  # di bawah × sesuai
        (50, 2, "Sangat Kurang"),  # di bawah × di bawah
    ],
)
def test_sembilan_sel_matriks(realisasi: int, skor: int, predikat: str) -> None:
    h = nilai("2025-10", [laporan("2025-10", [(100, realisasi)], skor)])
    assert h.predikat == predikat
    assert MATRIKS_PREDIKAT[(h.rating_hasil_kerja, h.rating_perilaku)] == predikat  # type: ignore[index]


def test_rating_eksplisit_menang_hanya_pada_periodenya() -> None:
    daftar = [
        laporan("2025-11", [(100, 100)]),
        laporan("2025-12", [(100, 100)], hasil_kerja="di_atas"),
    ]
    bulan = nilai("2025-12", daftar[1:])
    assert (bulan.rating_hasil_kerja, bulan.sumber_hasil_kerja) == ("di_atas", "eksplisit")
    assert bulan.predikat == "Baik"  # di atas × sesuai
    triwulan = nilai("2025-T4", daftar)
    assert (triwulan.rating_hasil_kerja, triwulan.sumber_hasil_kerja) == ("sesuai", "ambang")


def test_rekap_rata_rata_dan_terakhir() -> None:
    daftar = [laporan("2025-10", [(100, 80)]), laporan("2025-11", [(100, 120)], skor=4)]
    rata = nilai("2025-T4", daftar)
    assert rata.nilai_hasil_kerja == Decimal(100) and rata.rating_hasil_kerja == "sesuai"
    assert rata.nilai_perilaku == Decimal("3.5")
    akhir = nilai("2025-T4", daftar, kebijakan(rekap="terakhir"))
    assert akhir.nilai_hasil_kerja == Decimal(120) and akhir.rating_hasil_kerja == "di_atas"
    assert akhir.nilai_perilaku == Decimal(4) and akhir.predikat == "Sangat Baik"


def test_tanpa_penilaian_predikat_belum_ada() -> None:
    h = nilai("2025-10", [laporan("2025-10", skor=None)])
    assert h.predikat is None and h.rating_perilaku is None
    assert "belum dinilai" in h.catatan[0]


# ---------------------------------------------------------------- nilai akhir
def _pelatihan(jp: float, tanggal: str = "2025-10-10") -> Entri[model.Pelatihan]:
    data = {"nama": "x", "kompetensi": "teknis", "bentuk": "pelatihan", "tanggal": tanggal,
            "jp": jp, "peserta": [NIP]}  # fmt: skip
    return Entri(msgspec.convert(data, model.Pelatihan), Lokasi("pl", 0))


def test_nilai_akhir_berbobot_dan_pengembangan_prorata() -> None:
    # A year served from July: the yearly 20 JP becomes 10; 5 JP is 50%.
    daftar = [laporan(f"2025-{m:02d}", [(100, 90)], skor=4) for m in range(7, 13)]
    mulai = datetime.date(2025, 7, 1)
    h = nilai("2025", daftar, pelatihan=[_pelatihan(5)], mulai=mulai)
    assert h.jp_wajib == Decimal(10)
    assert [c.nilai for c in h.komponen] == [Decimal(90), Decimal(80), Decimal(50)]
    assert h.nilai_akhir == Decimal(83)  # (90*60 + 80*30 + 50*10) / 100
    lebih = nilai("2025", daftar, pelatihan=[_pelatihan(12)], mulai=mulai)
    assert lebih.komponen[2].nilai == Decimal(100)  # capped at 1 x 100


@pytest.mark.parametrize("periode", ["2025-S2", "2025-T4", "2025-10"])
def test_jp_hanya_dinilai_untuk_satu_tahun(periode: str) -> None:
    # The minimum is yearly: a month without training costs nothing. The component drops
    # out and the other weights are re-split: (90*60 + 80*30) / 90 = 86,67.
    daftar = [laporan("2025-10", [(100, 90)], skor=4)]
    h = nilai(periode, daftar, pelatihan=[])
    assert h.jp_wajib is None
    assert h.komponen[2].nilai is None
    assert h.nilai_akhir == Decimal("86.67")


def test_tanpa_berkas_pelatihan_komponen_gugur_dan_bobot_dibagi_ulang() -> None:
    h = nilai("2025", [laporan("2025-10", [(100, 90)], skor=4)], pelatihan=None)
    assert h.komponen[2].nilai is None
    # (90*60 + 80*30) / 90 = 86.666... -> 86,67: re-weighted over the 90 points present.
    assert h.nilai_akhir == Decimal("86.67")


def test_ikut_pelatihan_nol_jp_berarti_komponen_nol() -> None:
    h = nilai("2025", [laporan("2025-10", [(100, 100)])], pelatihan=[])
    assert h.komponen[2].nilai == Decimal(0)


# ---------------------------------------------------------------- compliance and trend
def test_kepatuhan_bulan_wajib_hilang_terlambat_tidak_lengkap() -> None:
    daftar = [
        laporan("2025-01", tanggal="2025-02-05"),
        laporan("2025-02", tanggal="2025-03-25"),  # after 28 Feb + 10 days
        laporan("2025-03", skor=None),  # no penilaian: incomplete
    ]
    h = nilai("2025-T1", daftar)
    k = h.kepatuhan
    assert (k.diharapkan, k.masuk, k.terlambat, k.tidak_lengkap) == (3, 3, 1, 1)
    h = nilai("2025-T1", daftar[:1])
    assert [p.kode() for p in h.kepatuhan.hilang] == ["2025-02", "2025-03"]


def test_kepatuhan_tidak_menuntut_sebelum_mulai_atau_sesudah_hari_ini() -> None:
    h = nilai("2025", [], mulai=datetime.date(2025, 9, 1))
    assert h.kepatuhan.diharapkan == 4  # September..December
    h = nilai("2026", [])
    assert h.kepatuhan.diharapkan == 10  # November 2026 has not ended on 28 November


@pytest.mark.parametrize(
    ("sekarang", "lalu", "harapan"),
    [("92", "90", "naik"), ("91.99", "90", "tetap"), ("88", "90", "turun"), ("90", None, None)],
)
def test_tren(sekarang: str, lalu: str | None, harapan: str | None) -> None:
    lalu_d = Decimal(lalu) if lalu is not None else None
    assert tren(Decimal(sekarang), lalu_d, Decimal(2)) == harapan


def test_nilai_yang_tampil_110_dinilai_seperti_110() -> None:
    # (109.99 + 110) / 2 = 109.995 -> shown 110,00 -> rated Di Atas, as shown.
    h = nilai("2025-T4", [laporan("2025-10", [(100, 109.99)]), laporan("2025-11", [(10, 11)])])
    assert h.rating_hasil_kerja == "di_atas"


def test_pembulatan_setengah_ke_atas_dari_nilai_tepat() -> None:
    from asnkinerja.inti.angka import bagi, bulat2

    # exactly 891/8 = 111.375: half-up gives 111.38 even though 34 digits hold 111.37499...
    assert bulat2(bagi(Decimal(891), Decimal(8))) == Decimal("111.38")
    assert bulat2(bagi(Decimal(1), Decimal(3)) * 3 * Decimal("111.375")) == Decimal("111.38")


# ---------------------------------------------------------------- printed numbers recompute
def test_nilai_laporan_dari_capaian_yang_tercetak() -> None:
    # capaian 2/3 x 100 = 66,67 (printed) and 3/8 x 100 = 37,50: (66,67 + 37,50) / 2 = 52,085
    # -> 52,09. From unrounded capaian it would be 52,0833... -> 52,08, which no one can
    # recompute from the rapor.
    n = nilai_laporan(laporan("2025-10", [(3, 2), (8, 3)]), kebijakan())
    assert [i.capaian for i in indikator(n)] == [Decimal("66.67"), Decimal("37.50")]
    assert n.nilai_hasil_kerja == Decimal("52.09")


def test_komponen_perilaku_dari_rata_rata_yang_tercetak() -> None:
    # Scores summing to 33: 33 / 7 = 4,714... printed 4,71; the component is 4,71 / 5 x 100
    # = 94,20 (not 94,29), and nilai akhir (100 x 60 + 94,20 x 30 + 100 x 10) / 100 = 98,26.
    daftar = [laporan(f"2025-{m:02d}", [(100, 100)], skor=[5, 5, 5, 5, 5, 4, 4])
              for m in range(1, 13)]  # fmt: skip
    h = nilai("2025", daftar, pelatihan=[_pelatihan(20)])
    assert h.nilai_perilaku == Decimal("4.71")
    assert [c.nilai for c in h.komponen] == [Decimal(100), Decimal("94.20"), Decimal(100)]
    assert h.nilai_akhir == Decimal("98.26")


def test_nilai_periode_dari_nilai_laporan_yang_tercetak() -> None:
    # Report means 52,09 (see above) and 100: (52,09 + 100) / 2 = 76,045 -> 76,05.
    daftar = [laporan("2025-10", [(3, 2), (8, 3)]), laporan("2025-11", [(100, 100)])]
    h = nilai("2025-T4", daftar)
    assert h.nilai_hasil_kerja == Decimal("76.05")
