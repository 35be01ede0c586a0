"""Scoring one employee for one period (PermenPAN-RB 6/2022), every step kept.

The core of `evaluasi` and `jelaskan`: plain data in, plain data out. Every
intermediate value is kept in the result so that it can be shown and explained, and
each is rounded half up to 2 decimals where it is made (`angka.bulat2`): the next step
uses the value a document prints, so anyone can recompute the printed numbers on paper.
Thresholds, weights and caps come from the policy (`model.KebijakanPenilaian`).
"""

from __future__ import annotations

import bisect
import datetime
import functools
import operator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Literal

from asnkinerja.inti import model
from asnkinerja.inti.angka import (
    NOL,
    SERATUS,
    bagi,
    bulat2,
    desimal,
    kali,
    rata,
    rata_berbobot,
    untuk_banding,
)
from asnkinerja.inti.laporan import NilaiLaporan
from asnkinerja.inti.periode import JENIS_LAPORAN, PANJANG, Periode
from asnkinerja.inti.regulasi import (
    BERAKHLAK,
    KOMPETENSI,
    MATRIKS_PREDIKAT,
    SKOR_MAKSIMAL,
    PredikatPegawai,
    Rating,
)
from asnkinerja.inti.ruang import Entri
from asnkinerja.masalah import Lokasi

Tren = Literal["naik", "turun", "tetap"]
SumberRating = Literal["ambang", "eksplisit", "penetapan"]


@dataclass(frozen=True)
class Kepatuhan:
    diharapkan: int
    masuk: int
    terlambat: int
    tidak_lengkap: int
    hilang: tuple[Periode, ...]

    @property
    def lengkap(self) -> bool:
        return not self.hilang


@dataclass(frozen=True)
class Komponen:
    """One part of nilai_akhir: its value (0-100) and weight; None when no data."""

    nama: str
    nilai: Decimal | None
    bobot: Decimal


@dataclass(frozen=True)
class Rekomendasi:
    """The ratings and predikat as computed, kept beside the penilai's decision."""

    rating_hasil_kerja: Rating | None
    rating_perilaku: Rating | None
    predikat: PredikatPegawai | None


@dataclass
class HasilPegawai:
    pegawai: model.Pegawai
    lokasi: Lokasi
    periode: Periode
    laporan: list[NilaiLaporan]
    nilai_hasil_kerja: Decimal | None
    nilai_perilaku: Decimal | None
    rating_hasil_kerja: Rating | None
    rating_perilaku: Rating | None
    sumber_hasil_kerja: SumberRating | None
    sumber_perilaku: SumberRating | None
    predikat: PredikatPegawai | None
    jp: Decimal
    jp_per_kompetensi: dict[str, Decimal]
    jp_wajib: Decimal | None  # None outside a year: the minimum is yearly
    pelatihan: list[Entri[model.Pelatihan]]
    komponen: list[Komponen]
    nilai_akhir: Decimal | None
    kepatuhan: Kepatuhan
    tren: Tren | None = None
    nilai_akhir_sebelumnya: Decimal | None = None
    nilai_hasil_kerja_sebelumnya: Decimal | None = None
    catatan: list[str] = field(default_factory=list)
    mulai_kerja: datetime.date | None = None  # tmt_cpns, or the TMT in the NIP
    # The penilai's decision on this year (penetapan.yaml), and what was computed before it.
    penetapan: Entri[model.Penetapan] | None = None
    rekomendasi: Rekomendasi | None = None
    nip: str = field(init=False)  # read millions of times in a large run: kept, not computed

    def __post_init__(self) -> None:
        self.nip = str(self.pegawai.nip)


def rating(nilai: Decimal, ambang: model.Ambang) -> Rating:
    """`>=` is enough: the value compared is the one shown (see angka.py)."""
    return _rating(nilai, (desimal(ambang.di_atas), desimal(ambang.sesuai)))


def _rating(nilai: Decimal, ambang: tuple[Decimal, Decimal]) -> Rating:
    v = untuk_banding(nilai)
    if v >= ambang[0]:
        return "di_atas"
    if v >= ambang[1]:
        return "sesuai"
    return "di_bawah"


_SKOR_MAKSIMAL = Decimal(SKOR_MAKSIMAL)
_SATU = Decimal(1)


@dataclass(frozen=True)
class _Aturan:
    """The policy's numbers as exact decimals, made once per evaluation, not per employee."""

    hasil_kerja: tuple[Decimal, Decimal]
    perilaku: tuple[Decimal, Decimal]
    bobot_hasil_kerja: Decimal
    bobot_perilaku: Decimal
    bobot_pengembangan: Decimal
    jp_wajib: tuple[Decimal, ...]  # the JP minimum pro-rated to 0..12 months served


def _aturan(k: model.Kebijakan) -> _Aturan:
    kp = k.penilaian
    ahk, apk, b = kp.ambang_hasil_kerja, kp.ambang_perilaku, kp.bobot
    return _aturan_dari(
        (ahk.di_atas, ahk.sesuai, apk.di_atas, apk.sesuai),
        (b.hasil_kerja, b.perilaku, b.pengembangan),
        k.pengembangan.jp_minimal,
    )


@functools.lru_cache(maxsize=16)
def _aturan_dari(
    ambang: tuple[float, float, float, float], bobot: tuple[float, float, float], jp_minimal: float
) -> _Aturan:
    """Keyed by the values themselves: a changed policy is never served old numbers."""
    jp = desimal(jp_minimal)
    return _Aturan(
        (desimal(ambang[0]), desimal(ambang[1])),
        (desimal(ambang[2]), desimal(ambang[3])),
        desimal(bobot[0]),
        desimal(bobot[1]),
        desimal(bobot[2]),
        tuple(bulat2(bagi(kali(jp, Decimal(n)), Decimal(12))) for n in range(13)),
    )


@functools.lru_cache(maxsize=64)
def _periode_laporan(
    periode: Periode, periode_laporan: str, hari_ini: datetime.date
) -> tuple[Periode, ...]:
    """The report periods inside `periode` that have ended by `hari_ini` (for everyone)."""
    jenis = JENIS_LAPORAN[periode_laporan]
    return tuple(
        p
        for bulan in range(periode.bulan_awal, periode.bulan_awal + periode.panjang, PANJANG[jenis])
        if (p := Periode(periode.tahun, bulan, jenis)).akhir <= hari_ini
    )


@functools.lru_cache(maxsize=64)
def _akhir_bulan(periode: Periode) -> tuple[datetime.date, ...]:
    """The last day of each month of `periode`."""
    return tuple(
        Periode(periode.tahun, b, "bulan").akhir
        for b in range(periode.bulan_awal, periode.bulan_awal + periode.panjang)
    )


@dataclass(frozen=True)
class Konteks:
    """What is the same for every employee of one evaluation: made once, not 5,000 times."""

    periode: Periode
    kode: str
    aturan: _Aturan
    rata_rata: bool  # rekap: the mean of the period's reports, or the latest
    wajib: tuple[tuple[Periode, str], ...]  # the report periods that have ended, and codes
    akhir_bulan: tuple[datetime.date, ...]


def konteks(periode: Periode, kebijakan: model.Kebijakan, hari_ini: datetime.date) -> Konteks:
    return Konteks(
        periode,
        periode.kode(),
        _aturan(kebijakan),
        kebijakan.penilaian.rekap == "rata_rata",
        tuple(
            (p, p.kode()) for p in _periode_laporan(periode, kebijakan.periode_laporan, hari_ini)
        ),
        _akhir_bulan(periode),
    )


_URUT = operator.attrgetter("kode_periode", "tanggal_lapor")


def nilai_pegawai(
    e: Entri[model.Pegawai],
    periode: Periode,
    laporan: list[NilaiLaporan],
    pelatihan: list[Entri[model.Pelatihan]] | None,
    kebijakan: model.Kebijakan,
    mulai: datetime.date | None,
    hari_ini: datetime.date,
    k: Konteks | None = None,
) -> HasilPegawai:
    """Ratings, predikat, nilai_akhir and compliance of one employee for `periode`.

    `laporan` are this employee's scored reports inside the period; `pelatihan`
    the events inside it that they attended (None: the workspace has no
    pelatihan file, so the development component drops out). `k`: the
    evaluation's `konteks`, when scoring many employees for one period.
    """
    if k is None:
        k = konteks(periode, kebijakan, hari_ini)
    a = k.aturan
    # Codes of one kind of period sort as the periods do (2025-01 < 2025-12 < 2026-01).
    laporan = sorted(laporan, key=_URUT)
    catatan: list[str] = []
    nhk = npk = None
    r_hk: Rating | None = None
    r_pk: Rating | None = None
    s_hk: SumberRating | None = None
    s_pk: SumberRating | None = None
    if laporan:
        dinilai = [n.nilai_perilaku for n in laporan if n.nilai_perilaku is not None]
        if k.rata_rata:
            nhk = bulat2(rata([n.nilai_hasil_kerja for n in laporan]))
            npk = bulat2(rata(dinilai)) if dinilai else None
        else:
            nhk = laporan[-1].nilai_hasil_kerja
            npk = dinilai[-1] if dinilai else None
        r_hk, s_hk = _rating(nhk, a.hasil_kerja), "ambang"
        if npk is not None:
            r_pk, s_pk = _rating(npk, a.perilaku), "ambang"
        # An explicit rating wins only when the evaluated period is that report's period.
        sama = next((n for n in reversed(laporan) if n.kode_periode == k.kode), None)
        if sama is not None and sama.rating_hasil_kerja_eksplisit is not None:
            r_hk, s_hk = sama.rating_hasil_kerja_eksplisit, "eksplisit"
        if sama is not None and sama.rating_perilaku_eksplisit is not None:
            r_pk, s_pk = sama.rating_perilaku_eksplisit, "eksplisit"
    predikat = MATRIKS_PREDIKAT[(r_hk, r_pk)] if r_hk and r_pk else None
    if not laporan:
        catatan.append("tidak ada laporan dalam periode ini")
    elif npk is None and r_pk is None:
        catatan.append("laporan belum dinilai atasan: perilaku kerja belum ada")

    jp_per: dict[str, Decimal] = dict.fromkeys(KOMPETENSI, NOL)
    for pl in pelatihan or ():
        jp_per[pl.data.kompetensi] += desimal(pl.data.jp)
    jp = sum(jp_per.values(), NOL)
    # The minimum is yearly (PP 11/2017 Pasal 203(4)): JP is judged, and counts toward
    # nilai akhir, only when a year is evaluated, pro-rated to the months served in it.
    jp_wajib: Decimal | None = None
    nilai_pengembangan: Decimal | None = None
    if periode.panjang == 12:
        akhir_bulan = k.akhir_bulan  # ascending: those before `mulai` come first
        bulan = len(akhir_bulan) - (bisect.bisect_left(akhir_bulan, mulai) if mulai else 0)
        jp_wajib = a.jp_wajib[bulan]
        if pelatihan is not None:
            rasio = min(bagi(jp, jp_wajib), _SATU) if jp_wajib > 0 else _SATU
            nilai_pengembangan = bulat2(kali(rasio, SERATUS))
    komponen = [
        Komponen("hasil_kerja", nhk, a.bobot_hasil_kerja),
        Komponen("perilaku",
                 bulat2(kali(bagi(npk, _SKOR_MAKSIMAL), SERATUS)) if npk is not None else None,
                 a.bobot_perilaku),
        Komponen("pengembangan", nilai_pengembangan, a.bobot_pengembangan),
    ]  # fmt: skip
    nilai_akhir = None
    if laporan:
        ada = [(x.nilai, x.bobot) for x in komponen if x.nilai is not None and x.bobot > 0]
        nilai_akhir = bulat2(rata_berbobot(ada)) if ada else None

    masuk = {n.kode_periode for n in laporan}
    wajib = k.wajib if mulai is None else [w for w in k.wajib if w[0].akhir >= mulai]
    hilang = tuple(p for p, kode in wajib if kode not in masuk)
    terlambat = tidak_lengkap = 0
    for n in laporan:
        if n.hari_terlambat > 0:
            terlambat += 1
        if n.kurang:
            tidak_lengkap += 1
    kepatuhan = Kepatuhan(
        diharapkan=len(wajib),
        masuk=len(wajib) - len(hilang),  # reports not yet due still count in the scores
        terlambat=terlambat,
        tidak_lengkap=tidak_lengkap,
        hilang=hilang,
    )
    return HasilPegawai(
        pegawai=e.data,
        lokasi=e.lokasi,
        periode=periode,
        laporan=laporan,
        nilai_hasil_kerja=nhk,
        nilai_perilaku=npk,
        rating_hasil_kerja=r_hk,
        rating_perilaku=r_pk,
        sumber_hasil_kerja=s_hk,
        sumber_perilaku=s_pk,
        predikat=predikat,
        jp=jp,
        jp_per_kompetensi=jp_per,
        jp_wajib=jp_wajib,
        pelatihan=list(pelatihan or ()),
        komponen=komponen,
        nilai_akhir=nilai_akhir,
        kepatuhan=kepatuhan,
        catatan=catatan,
        mulai_kerja=mulai,
    )


def perilaku_per_aspek(laporan: list[NilaiLaporan]) -> dict[str, Decimal] | None:
    """The mean score of each BerAKHLAK aspect over the rated reports, rounded as shown
    (None when no report was rated)."""
    skor = [n.skor_perilaku for n in laporan if n.skor_perilaku is not None]
    if not skor:
        return None
    jumlah = Decimal(len(skor))
    return {
        aspek: bulat2(bagi(Decimal(sum(s[i] for s in skor)), jumlah))
        for i, aspek in enumerate(BERAKHLAK)
    }


def tetapkan_penilai(h: HasilPegawai, e: Entri[model.Penetapan]) -> None:
    """The Pejabat Penilai Kinerja decides (PermenPAN-RB 6/2022): their ratings and the
    predikat of the matrix become final; the computed ones are kept as `rekomendasi`."""
    pt = e.data
    h.rekomendasi = Rekomendasi(h.rating_hasil_kerja, h.rating_perilaku, h.predikat)
    h.rating_hasil_kerja, h.rating_perilaku = pt.hasil_kerja, pt.perilaku
    h.sumber_hasil_kerja = h.sumber_perilaku = "penetapan"
    h.predikat = MATRIKS_PREDIKAT[(pt.hasil_kerja, pt.perilaku)]
    h.penetapan = e


def tren(sekarang: Decimal | None, sebelumnya: Decimal | None, ambang: Decimal) -> Tren | None:
    """naik / turun / tetap against the previous period; None without both values."""
    if sekarang is None or sebelumnya is None:
        return None
    selisih = untuk_banding(sekarang - sebelumnya)
    if selisih > 0 and selisih >= ambang:
        return "naik"
    if selisih < 0 and -selisih >= ambang:
        return "turun"
    return "tetap"
