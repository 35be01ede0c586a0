"""BerAKHLAK per aspect for a group, with small hand-computed cases."""

from __future__ import annotations

from decimal import Decimal

from asnkinerja.inti.berakhlak import Skor, ringkas_perilaku

D = Decimal


def test_rata_lemah_dan_perubahan_adaptif_kolaboratif() -> None:
    s = Skor()
    # Order: berorientasi_pelayanan, akuntabel, kompeten, harmonis, loyal, adaptif, kolaboratif
    s.tambah("2025-01", (4, 4, 4, 4, 4, 5, 5))
    s.tambah("2025-01", (4, 4, 3, 4, 4, 4, 5))
    s.tambah("2025-02", (4, 4, 4, 4, 4, 4, 4))
    s.tambah("2025-03", (4, 4, 4, 4, 4, 3, 4))
    pk = ringkas_perilaku(s, ambang_di_atas=D(4), ambang_turun=D("0.1"))
    assert pk is not None
    # kompeten (4+3+4+4)/4 = 3,75; adaptif (5+4+4+3)/4 = 4; kolaboratif 18/4 = 4,5
    assert pk.rata["kompeten"] == D("3.75") and pk.rata["adaptif"] == D(4)
    assert pk.rata["kolaboratif"] == D("4.50")
    assert pk.lemah == ("kompeten",)
    # Three periods: the first half is 2025-01, the second 2025-03 (the middle one out).
    adaptif, kolaboratif = pk.perubahan
    assert (adaptif.awal, adaptif.akhir, adaptif.turun) == (D("4.50"), D(3), True)
    assert (kolaboratif.awal, kolaboratif.akhir, kolaboratif.turun) == (D(5), D(4), True)


def test_turun_sedikit_di_bawah_ambang_tidak_ditandai() -> None:
    s = Skor()
    s.tambah("2025-01", (4, 4, 4, 4, 4, 4, 4))
    s.tambah("2025-02", (4, 4, 4, 4, 4, 4, 4))
    s.tambah("2025-02", (4, 4, 4, 4, 4, 4, 4))
    s.tambah("2025-02", (4, 4, 4, 4, 4, 4, 4))
    s.tambah("2025-02", (4, 4, 4, 4, 4, 4, 4))
    s.tambah("2025-02", (4, 4, 4, 4, 4, 3, 4))  # adaptif 19/5 = 3,8 in the second half
    pk = ringkas_perilaku(s, D(4), D("0.25"))
    assert pk is not None
    assert pk.perubahan[0].akhir == D("3.80") and not pk.perubahan[0].turun


def test_satu_periode_tanpa_perubahan_dan_tanpa_penilaian_none() -> None:
    s = Skor()
    s.tambah("2025-10", (5, 5, 5, 5, 5, 5, 5))
    pk = ringkas_perilaku(s, D(4), D("0.1"))
    assert pk is not None and pk.perubahan == () and pk.lemah == ()
    assert ringkas_perilaku(Skor(), D(4), D("0.1")) is None


def test_gabung_sama_dengan_satu_tumpukan() -> None:
    a, b, semua = Skor(), Skor(), Skor()
    for s, x in ((a, (1, 2, 3, 4, 5, 1, 2)), (b, (5, 4, 3, 2, 1, 5, 4))):
        s.tambah("2025-01", x)
        semua.tambah("2025-01", x)
    a.gabung(b)
    assert a.per_periode == semua.per_periode


def test_ambang_nol_tidak_menandai_yang_tetap() -> None:
    s = Skor()
    s.tambah("2025-01", (4, 4, 4, 4, 4, 4, 4))
    s.tambah("2025-02", (4, 4, 4, 4, 4, 4, 4))
    pk = ringkas_perilaku(s, D(4), D(0))
    assert pk is not None and not any(p.turun for p in pk.perubahan)
