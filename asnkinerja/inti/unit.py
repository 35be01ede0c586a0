"""Summaries of a group of employees (a unit or the whole instansi), and the curve.

The distribution curve (kurva distribusi) is checked, never enforced: a unit
that breaks it is reported with the head counts each rule allows; nobody's
predikat is changed.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from asnkinerja.inti import model
from asnkinerja.inti.angka import SERATUS, bagi, desimal, kali, rata
from asnkinerja.inti.berakhlak import PerilakuKelompok, Skor, ringkas_perilaku
from asnkinerja.inti.penilaian import HasilPegawai
from asnkinerja.inti.periode import Periode
from asnkinerja.inti.regulasi import PREDIKAT, PredikatOrganisasi, PredikatPegawai


@dataclass(frozen=True)
class HasilAturan:
    """One rule of the curve applied to one unit: "`nama` at most/least `persen`% of
    `dasar`" (`tepat` people exactly, so `batas_orang` whole people), or "at least
    `batas_orang` people" when `persen` is None."""

    nama: str  # the predikat the rule is about, e.g. "Butuh Perbaikan atau Kurang/Misconduct"
    maksimal: bool
    persen: float | None
    dasar: int
    tepat: Decimal | None
    jumlah: int  # how many employees hold those predikat
    batas_orang: int
    dipenuhi: bool


@dataclass(frozen=True)
class PemeriksaanKurva:
    predikat_organisasi: PredikatOrganisasi
    dasar: int  # employees with a predikat: the 100%
    aturan: tuple[HasilAturan, ...]

    @property
    def dipenuhi(self) -> bool:
        return all(a.dipenuhi for a in self.aturan)


@dataclass
class RingkasanUnit:
    nama: str
    jumlah_pegawai: int
    sebaran: dict[PredikatPegawai, int]
    tanpa_predikat: int
    rata_hasil_kerja: Decimal | None
    rata_perilaku: Decimal | None
    rata_akhir: Decimal | None
    laporan_diharapkan: int
    laporan_masuk: int
    laporan_terlambat: int
    laporan_tidak_lengkap: int
    laporan_hilang: int
    tantangan_teratas: list[tuple[str, int]]
    kurva: PemeriksaanKurva | None
    seri: list[tuple[Periode, Decimal | None]] = field(default_factory=list)
    tren: dict[str, int] = field(default_factory=dict)
    predikat_organisasi: PredikatOrganisasi | None = None
    perilaku: PerilakuKelompok | None = None  # BerAKHLAK per aspect

    @property
    def berpredikat(self) -> int:
        return sum(self.sebaran.values())

    def persen(self, predikat: PredikatPegawai) -> Decimal | None:
        if not self.berpredikat:
            return None
        return kali(bagi(Decimal(self.sebaran[predikat]), Decimal(self.berpredikat)), SERATUS)

    @property
    def kepatuhan_persen(self) -> Decimal | None:
        """Reports received on the due periods, as a percentage of those expected."""
        if not self.laporan_diharapkan:
            return None
        masuk = self.laporan_diharapkan - self.laporan_hilang
        return kali(bagi(Decimal(masuk), Decimal(self.laporan_diharapkan)), SERATUS)


_TANDA = re.compile(r"[^\w\s]", re.UNICODE)


@functools.lru_cache(maxsize=65536)
def normalkan_tantangan(teks: str) -> str:
    """Lowercase, no punctuation, single spaces, so one obstacle is counted as one."""
    return " ".join(_TANDA.sub(" ", teks.lower()).split())


@functools.lru_cache(maxsize=65536)
def _tantangan_laporan(tantangan: tuple[str, ...]) -> tuple[str, ...]:
    """The distinct obstacles of one report, normalised, each counted once per report."""
    return tuple(dict.fromkeys(normalkan_tantangan(x) for x in tantangan if x.strip()))


@dataclass
class Tumpukan:
    """What a group's summary is made of, gathered in one pass over its employees.

    Two groups' piles join (`gabung`) into the pile of both, so the whole instansi
    is summed from its units instead of walking every report again.
    """

    jumlah_pegawai: int = 0
    sebaran: dict[PredikatPegawai, int] = field(default_factory=lambda: dict.fromkeys(PREDIKAT, 0))
    tanpa_predikat: int = 0
    diharapkan: int = 0
    masuk: int = 0
    terlambat: int = 0
    tidak_lengkap: int = 0
    hilang: int = 0
    nhk: list[Decimal] = field(default_factory=list)
    npk: list[Decimal] = field(default_factory=list)
    akhir: list[Decimal] = field(default_factory=list)
    per_tantangan: Counter[tuple[str, ...]] = field(default_factory=Counter)
    tren: Counter[str] = field(default_factory=Counter)
    per_periode: dict[str, list[Decimal]] = field(default_factory=dict)
    skor: Skor = field(default_factory=Skor)


def kumpulkan(pegawai: list[HasilPegawai]) -> Tumpukan:
    t = Tumpukan(jumlah_pegawai=len(pegawai))
    sebaran, per_tantangan, per_periode = t.sebaran, t.per_tantangan, t.per_periode
    hitung: dict[tuple[str, ...], int] = {}  # a plain dict: Counter's += is slower per report
    for h in pegawai:  # one pass: a province has tens of thousands of employees
        if h.predikat is not None:
            sebaran[h.predikat] += 1
        else:
            t.tanpa_predikat += 1
        if h.nilai_hasil_kerja is not None:
            t.nhk.append(h.nilai_hasil_kerja)
        if h.nilai_perilaku is not None:
            t.npk.append(h.nilai_perilaku)
        if h.nilai_akhir is not None:
            t.akhir.append(h.nilai_akhir)
        kp = h.kepatuhan
        t.diharapkan += kp.diharapkan
        t.masuk += kp.masuk
        t.terlambat += kp.terlambat
        t.tidak_lengkap += kp.tidak_lengkap
        t.hilang += len(kp.hilang)
        if h.tren is not None:
            t.tren[h.tren] += 1
        for n in h.laporan:
            if n.tantangan:
                hitung[n.tantangan] = hitung.get(n.tantangan, 0) + 1
            if n.skor_perilaku is not None:
                t.skor.tambah(n.kode_periode, n.skor_perilaku)
            daftar = per_periode.get(n.kode_periode)
            if daftar is None:
                per_periode[n.kode_periode] = [n.nilai_hasil_kerja]
            else:
                daftar.append(n.nilai_hasil_kerja)
    per_tantangan.update(hitung)
    return t


def gabung(daftar: list[Tumpukan]) -> Tumpukan:
    """The piles of several groups as one, in their order (same sums, same order)."""
    t = Tumpukan()
    for x in daftar:
        t.jumlah_pegawai += x.jumlah_pegawai
        for k, v in x.sebaran.items():
            t.sebaran[k] += v
        t.tanpa_predikat += x.tanpa_predikat
        t.diharapkan += x.diharapkan
        t.masuk += x.masuk
        t.terlambat += x.terlambat
        t.tidak_lengkap += x.tidak_lengkap
        t.hilang += x.hilang
        t.nhk += x.nhk
        t.npk += x.npk
        t.akhir += x.akhir
        t.per_tantangan.update(x.per_tantangan)
        t.tren.update(x.tren)
        for kode, nilai in x.per_periode.items():
            t.per_periode.setdefault(kode, []).extend(nilai)
        t.skor.gabung(x.skor)
    return t


def ringkas(
    nama: str,
    t: Tumpukan,
    kebijakan: model.Kebijakan,
    unit: model.KebijakanUnit | None,
) -> RingkasanUnit:
    hitung: Counter[str] = Counter()
    ejaan: dict[str, Counter[str]] = {}
    for tantangan, kali_ in t.per_tantangan.items():
        for x in _tantangan_laporan(tantangan):
            hitung[x] += kali_
        for x in tantangan:
            kunci = normalkan_tantangan(x)
            if kunci not in ejaan:
                ejaan[kunci] = Counter()
            ejaan[kunci][x.strip()] += kali_
    teratas = [
        (ejaan[x].most_common(1)[0][0], jumlah)
        for x, jumlah in sorted(hitung.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    ]
    po = unit.predikat_organisasi if unit is not None else None
    ringkasan = RingkasanUnit(
        nama=nama,
        jumlah_pegawai=t.jumlah_pegawai,
        sebaran=dict(t.sebaran),
        tanpa_predikat=t.tanpa_predikat,
        rata_hasil_kerja=rata(t.nhk) if t.nhk else None,
        rata_perilaku=rata(t.npk) if t.npk else None,
        rata_akhir=rata(t.akhir) if t.akhir else None,
        laporan_diharapkan=t.diharapkan,
        laporan_masuk=t.masuk,
        laporan_terlambat=t.terlambat,
        laporan_tidak_lengkap=t.tidak_lengkap,
        laporan_hilang=t.hilang,
        tantangan_teratas=teratas,
        kurva=None,
        # The trend line: the group's mean nilai_hasil_kerja for each report period.
        seri=sorted((Periode.urai_pasti(kode), rata(v)) for kode, v in t.per_periode.items()),
        tren=dict(t.tren),
        predikat_organisasi=po,
        perilaku=ringkas_perilaku(
            t.skor,
            desimal(kebijakan.penilaian.ambang_perilaku.di_atas),
            desimal(kebijakan.penilaian.ambang_perubahan_perilaku),
        ),
    )
    if po is not None and ringkasan.berpredikat:  # nobody rated: nothing to judge
        aturan = kebijakan.penilaian.kurva_distribusi.get(po, [])
        ringkasan.kurva = periksa_kurva(po, aturan, ringkasan.sebaran)
    return ringkasan


def periksa_kurva(
    po: PredikatOrganisasi, aturan: list[model.AturanKurva], sebaran: dict[PredikatPegawai, int]
) -> PemeriksaanKurva:
    """Each rule as an exact head count: at most p% of N is floor(p*N/100), at least is ceil."""
    dasar = sum(sebaran.values())
    hasil = []
    for a in aturan:
        nama = " atau ".join(a.predikat)
        jumlah = sum(sebaran[p] for p in a.predikat)
        if a.maksimal_persen is not None:
            hasil.append(_aturan_persen(nama, jumlah, dasar, a.maksimal_persen, maksimal=True))
        if a.minimal_persen is not None:
            hasil.append(_aturan_persen(nama, jumlah, dasar, a.minimal_persen, maksimal=False))
        if a.minimal_orang is not None:
            hasil.append(HasilAturan(
                nama, False, None, dasar, None, jumlah, a.minimal_orang,
                jumlah >= a.minimal_orang,
            ))  # fmt: skip
    return PemeriksaanKurva(po, dasar, tuple(hasil))


def _aturan_persen(
    nama: str, jumlah: int, dasar: int, persen: float, maksimal: bool
) -> HasilAturan:
    """'At most p%' allows floor(p*N/100) people; 'at least p%' needs ceil(p*N/100)."""
    tepat = bagi(kali(desimal(persen), Decimal(dasar)), SERATUS)
    batas = math.floor(tepat) if maksimal else math.ceil(tepat)
    dipenuhi = jumlah <= batas if maksimal else jumlah >= batas
    return HasilAturan(nama, maksimal, persen, dasar, tepat, jumlah, batas, dipenuhi)
