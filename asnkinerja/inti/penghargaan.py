"""Awards (ASN teladan): eligibility, a deterministic ranking, and exact incentives.

Every syarat comes from `kebijakan.penghargaan` and may be switched off (null).
Ranking: nilai_akhir, then nilai_hasil_kerja, then nilai_perilaku (all higher
first), then NIP ascending. Incentives are whole rupiah, multiples of
`pembulatan`, never more than the budget, split by largest remainder.
"""

from __future__ import annotations

import datetime
import functools
import re
import string
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction

from asnkinerja.inti import model
from asnkinerja.inti.alasan import Alasan
from asnkinerja.inti.angka import bulat2
from asnkinerja.inti.penilaian import HasilPegawai
from asnkinerja.inti.periode import JenisPeriode, Periode
from asnkinerja.inti.regulasi import PREDIKAT


@dataclass(frozen=True)
class RincianInsentif:
    """How one share was computed: bobot / total x anggaran = tepat, rounded down to a
    multiple of `pembulatan` (`dasar`), plus one `pembulatan` if `tambahan`."""

    bobot: Fraction
    total: Fraction
    anggaran: int
    tepat: Fraction
    pembulatan: int
    dasar: int
    tambahan: bool


@dataclass(frozen=True)
class Penerima:
    peringkat: int
    hasil: HasilPegawai
    bobot: Fraction
    insentif: int
    rincian: RincianInsentif
    nomor: str = ""  # the piagam's number (`penghargaan.nomor_piagam`)


@dataclass(frozen=True)
class Nyaris:
    hasil: HasilPegawai
    alasan: tuple[Alasan, ...]


@dataclass
class HasilPenghargaan:
    kategori: str
    penerima: list[Penerima]
    nyaris: list[Nyaris]
    anggaran: int
    terbagi: int
    skema: str
    pembulatan: int
    dilewati_kuota_unit: list[HasilPegawai] = field(default_factory=list)
    berinsentif: bool = True  # False: not the award period, candidates without money
    periode_penghargaan: str = "tahunan"
    # True in one OPD's report: its awardees of an award decided for the whole instansi.
    sebagian: bool = False

    @property
    def sisa(self) -> int:
        return self.anggaran - self.terbagi


_KECIL = Decimal("-1e30")


def _tampak(x: Decimal | None) -> Decimal:
    """The value people see decides, not hidden digits; missing ranks last."""
    return bulat2(x) if x is not None else _KECIL


def kunci_peringkat(h: HasilPegawai) -> tuple[Decimal, Decimal, Decimal, str]:
    """Sort key: best first. Missing values rank last."""
    return (
        -_tampak(h.nilai_akhir),
        -_tampak(h.nilai_hasil_kerja),
        -_tampak(h.nilai_perilaku),
        h.nip,
    )


def bulan_penuh(dari: datetime.date, sampai: datetime.date) -> int:
    """Whole months from `dari` to `sampai` (a service of 2 years is 24 whole months)."""
    bulan = (sampai.year - dari.year) * 12 + (sampai.month - dari.month)
    if sampai.day < dari.day:
        bulan -= 1
    return bulan


def alasan_gugur(h: HasilPegawai, syarat: model.Syarat) -> list[Alasan]:
    """Every syarat the employee fails (`sajian.kata` words them); empty when eligible."""
    alasan = []
    akhir = h.periode.akhir
    if syarat.predikat_minimal is not None:
        if h.predikat is None:
            alasan.append(Alasan("predikat_belum_ada"))
        elif PREDIKAT.index(h.predikat) > PREDIKAT.index(syarat.predikat_minimal):
            minimal = syarat.predikat_minimal
            alasan.append(
                Alasan("predikat_di_bawah_minimal", {"predikat": h.predikat, "minimal": minimal})
            )
    if syarat.laporan_lengkap and h.kepatuhan.hilang:
        alasan.append(Alasan("laporan_tidak_lengkap", {"hilang": h.kepatuhan.hilang}))
    if syarat.bebas_hukuman_disiplin_tahun is not None:
        n = syarat.bebas_hukuman_disiplin_tahun
        for hd in hukuman_dalam(h, n):
            if hd.tingkat in syarat.hukuman_dihitung:
                alasan.append(
                    Alasan(
                        "hukuman_disiplin",
                        {"tingkat": hd.tingkat, "tanggal": hd.tanggal, "tahun": n},
                    )
                )
    if syarat.masa_kerja_minimal_tahun is not None:
        mulai = h.mulai_kerja
        wajib = _bulan(syarat.masa_kerja_minimal_tahun)
        if mulai is None:
            alasan.append(Alasan("masa_kerja_tidak_diketahui"))
        elif bulan_penuh(mulai, akhir) < wajib:
            bulan, minimal_tahun = bulan_penuh(mulai, akhir), syarat.masa_kerja_minimal_tahun
            alasan.append(
                Alasan("masa_kerja_kurang", {"bulan": bulan, "minimal_tahun": minimal_tahun})
            )
    if syarat.jp_minimal is not None and h.jp < Decimal(str(syarat.jp_minimal)):
        alasan.append(Alasan("jp_kurang", {"jp": h.jp, "minimal": syarat.jp_minimal}))
    if h.nilai_akhir is None:
        alasan.append(Alasan("nilai_akhir_belum_ada"))
    return alasan


@functools.lru_cache(maxsize=16)
def _bulan(tahun: float) -> Fraction:
    return Fraction(str(tahun)) * 12


def hukuman_dalam(h: HasilPegawai, tahun: int) -> list[model.HukumanDisiplin]:
    """The employee's hukuman disiplin within `tahun` years before the period's end, by date."""
    akhir = h.periode.akhir
    batas = mundur_tahun(akhir, tahun)
    semua = sorted(h.pegawai.hukuman_disiplin, key=lambda x: x.tanggal)
    return [hd for hd in semua if batas < hd.tanggal <= akhir]


def mundur_tahun(d: datetime.date, n: int) -> datetime.date:
    if d.year - n < datetime.MINYEAR:
        return datetime.date.min
    try:
        return d.replace(year=d.year - n)
    except ValueError:  # 29 February
        return d.replace(year=d.year - n, day=28)


def bagi_insentif(
    anggaran: int, bobot: list[Fraction], pembulatan: int
) -> tuple[list[int], list[RincianInsentif]]:
    """Split `anggaran` by `bobot`: multiples of `pembulatan`, largest remainder, exact.

    Each share is rounded down to a multiple of `pembulatan`; the units left are
    handed out one each by largest remainder, ties to the better (earlier) rank.
    The sum is `anggaran` rounded down to a multiple of `pembulatan`.
    """
    if not bobot:
        return [], []
    if sum(bobot, Fraction(0)) <= 0:  # e.g. proportional to scores that are all 0
        bobot = [Fraction(1)] * len(bobot)
    total = sum(bobot, Fraction(0))
    tepat = [Fraction(anggaran) * w / total for w in bobot]
    dasar = [int(t // pembulatan) * pembulatan for t in tepat]
    dapat = (anggaran // pembulatan) * pembulatan
    sisa_unit = (dapat - sum(dasar)) // pembulatan
    urutan = sorted(range(len(bobot)), key=lambda i: (-(tepat[i] - dasar[i]), i))
    tambahan = set(urutan[:sisa_unit])
    hasil = [d + (pembulatan if i in tambahan else 0) for i, d in enumerate(dasar)]
    rincian = [
        RincianInsentif(bobot[i], total, anggaran, t, pembulatan, dasar[i], i in tambahan)
        for i, t in enumerate(tepat)
    ]
    return hasil, rincian


# The award period named in the policy, as the kind of evaluation period it matches.
JENIS_PERIODE_PENGHARGAAN: dict[str, JenisPeriode] = {
    "tahunan": "tahun", "semesteran": "semester", "triwulanan": "triwulan", "bulanan": "bulan",
}  # fmt: skip


_ISIAN_NOMOR = frozenset({"urut", "tahun", "periode"})
# The only formats a number field may carry: zero-padding to a width of at most 9 ("03d").
_FORMAT_ANGKA = re.compile(r"0?[1-9]?d?")


def salah_pola_nomor(pola: str) -> str | None:
    """Why a piagam number pattern cannot be used, or None. Only the three named fields,
    no attribute or index access, no nested fields, and numbers padded at most to 9 digits
    (a policy file is data, not code)."""
    try:
        bagian = list(string.Formatter().parse(pola))
    except ValueError:
        return "kurung kurawal { } tidak berpasangan"
    for _, nama, spek, ubah in bagian:
        if nama is None:
            continue
        if nama not in _ISIAN_NOMOR:
            return f"isian {{{nama}}} tidak dikenal"
        if ubah is not None or (spek and (nama == "periode" or not _FORMAT_ANGKA.fullmatch(spek))):
            return f"format isian {{{nama}:{spek}}} tidak dikenal; hanya angka seperti {{urut:03d}}"
    return None


def nomor_piagam(pola: str, urut: int, periode: Periode) -> str:
    """A piagam's number from the policy's pattern (`salah_pola_nomor` checks it first)."""
    return pola.format(urut=urut, tahun=periode.tahun, periode=periode.kode())


def tetapkan(
    pegawai: list[HasilPegawai], kebijakan: model.Kebijakan, periode: Periode
) -> HasilPenghargaan:
    """The shortlist with incentives, the near misses, and who a unit quota pushed out.

    The budget belongs to the policy's award period (`penghargaan.periode`): for another
    kind of period the shortlist comes without money (`berinsentif` False)."""
    k = kebijakan.penghargaan
    berinsentif = JENIS_PERIODE_PENGHARGAAN[k.periode] == periode.jenis
    urut = sorted((h for h in pegawai if h.nilai_akhir is not None), key=kunci_peringkat)
    terpilih: list[HasilPegawai] = []
    per_unit: dict[str, int] = {}
    lewat: list[HasilPegawai] = []
    gugur: list[Nyaris] = []
    for h in urut:
        if len(terpilih) >= k.kuota and len(gugur) >= 3:
            # Everyone left ranks below the last awardee: not a near miss, not needed.
            break
        alasan = alasan_gugur(h, k.syarat)
        if alasan:
            gugur.append(Nyaris(h, tuple(alasan)))
            continue
        if len(terpilih) >= k.kuota:
            continue
        if k.kuota_per_unit is not None and per_unit.get(h.pegawai.unit, 0) >= k.kuota_per_unit:
            lewat.append(h)
            continue
        terpilih.append(h)
        per_unit[h.pegawai.unit] = per_unit.get(h.pegawai.unit, 0) + 1
    ins = k.insentif
    if ins.skema == "merata":
        bobot = [Fraction(1)] * len(terpilih)
    elif ins.skema == "peringkat":
        daftar = [Fraction(str(b)) for b in ins.bobot_peringkat] or [Fraction(1)]
        bobot = [daftar[min(i, len(daftar) - 1)] for i in range(len(terpilih))]
    else:
        bobot = [Fraction(str(bulat2(h.nilai_akhir or Decimal(0)))) for h in terpilih]
    anggaran = ins.anggaran if berinsentif else 0
    uang, rincian = bagi_insentif(anggaran, bobot, ins.pembulatan)
    penerima = [
        Penerima(i + 1, h, bobot[i], uang[i], rincian[i],
                 nomor_piagam(k.nomor_piagam, i + 1, periode) if berinsentif else "")
        for i, h in enumerate(terpilih)
    ]  # fmt: skip
    # Near misses: the ineligible who scored above the last awardee (else the best three).
    batas = kunci_peringkat(terpilih[-1]) if terpilih else None
    nyaris = [g for g in gugur if batas is not None and kunci_peringkat(g.hasil) < batas]
    nyaris = nyaris or gugur[:3]
    return HasilPenghargaan(
        kategori=k.kategori,
        penerima=penerima,
        nyaris=nyaris[:10],
        anggaran=anggaran,
        terbagi=sum(uang),
        skema=ins.skema,
        pembulatan=ins.pembulatan,
        dilewati_kuota_unit=lewat[:10],
        berinsentif=berinsentif,
        periode_penghargaan=k.periode,
    )
