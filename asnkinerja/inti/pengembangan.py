"""Competency development (JP) and engagement with change, per employee and unit.

- A PNS owes `pengembangan.jp_minimal` JP a year (PP 11/2017 Pasal 203(4)),
  pro-rated to the months served in it; one below it is flagged. The minimum is
  judged only when a year is evaluated: a month or a quarter shows the JP so far.
- A PPPK has a yearly ceiling `jp_maksimal_pppk`, checked on the JP of the
  calendar year up to the period's end; one above it is flagged.
- Keterlibatan (engagement) of a unit = the mean of three shares of its staff:
  reported every due report on time, wrote a rencana_perbaikan in every report,
  joined at least one development event in the period; times 100.
"""

from __future__ import annotations

import dataclasses
import datetime
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from asnkinerja.inti import model
from asnkinerja.inti.angka import SERATUS, bagi, desimal, kali
from asnkinerja.inti.penilaian import HasilPegawai
from asnkinerja.inti.periode import Periode
from asnkinerja.inti.regulasi import KOMPETENSI_SOFT
from asnkinerja.inti.ruang import Entri

SARAN_KETERLIBATAN = (
    "lakukan pendekatan komunikatif: ajak staf menyusun rencana perubahan bersama, dengarkan "
    "keberatan mereka, dan libatkan mereka dalam sosialisasi atau workshop berikutnya"
)


@dataclass(frozen=True)
class JpPegawai:
    hasil: HasilPegawai
    jp: Decimal
    per_kompetensi: dict[str, Decimal]
    jp_wajib: Decimal | None  # PNS in a year: the pro-rated minimum
    jp_tahun: Decimal  # calendar year up to the period's end (PPPK ceiling)
    jp_maksimal: Decimal | None  # PPPK: the yearly ceiling
    memenuhi: bool
    ada_data: bool = True  # False: the workspace has no pelatihan file, nothing is judged
    jp_minimal_tahun: Decimal | None = None  # PNS outside a year: the yearly minimum, not judged


@dataclass
class UnitPengembangan:
    nama: str
    jumlah_pegawai: int  # PNS: those the minimum applies to
    memenuhi: int | None  # None outside a year: the minimum is not judged
    jp_per_orang: Decimal | None  # over all staff
    pppk_melebihi: int = 0

    @property
    def persen_memenuhi(self) -> Decimal | None:
        if not self.jumlah_pegawai or self.memenuhi is None:
            return None
        return kali(bagi(Decimal(self.memenuhi), Decimal(self.jumlah_pegawai)), SERATUS)


@dataclass
class Keterlibatan:
    unit: str
    jumlah_pegawai: int
    tepat_waktu: int
    menulis_rencana: int
    ikut_kegiatan: int
    indeks: Decimal | None
    ditandai: bool = False


@dataclass
class HasilPengembangan:
    pegawai: list[JpPegawai]
    unit: list[UnitPengembangan]
    kegiatan: list[Entri[model.Pelatihan]]
    per_bentuk: dict[str, tuple[int, Decimal]]  # bentuk -> (events, JP of the events)
    jp_orang_per_kompetensi: dict[str, Decimal]  # JP x participants
    narasumber_per_sektor: dict[str, int]
    keterlibatan: list[Keterlibatan] = field(default_factory=list)
    ada_data: bool = True
    tahunan: bool = True  # a year evaluated: the JP minimum is judged

    @property
    def jp_teknis(self) -> Decimal:
        return self.jp_orang_per_kompetensi.get("teknis", Decimal(0))

    @property
    def jp_soft(self) -> Decimal:
        return sum(
            (self.jp_orang_per_kompetensi.get(k, Decimal(0)) for k in KOMPETENSI_SOFT), Decimal(0)
        )


def peserta(pl: model.Pelatihan) -> list[str]:
    """The event's participants, each once (a NIP listed twice attended once)."""
    return list(dict.fromkeys(str(x) for x in pl.peserta))


def hitung(
    pegawai: list[HasilPegawai],
    pelatihan: list[Entri[model.Pelatihan]] | None,
    periode: Periode,
    kebijakan: model.Kebijakan,
) -> HasilPengembangan:
    kp = kebijakan.pengembangan
    tahunan = periode.panjang == 12
    awal_tahun = datetime.date(periode.akhir.year, 1, 1)
    jp_tahun: dict[str, Decimal] = {}
    for pl in pelatihan or []:
        if awal_tahun <= pl.data.tanggal <= periode.akhir:
            for n in peserta(pl.data):
                jp_tahun[n] = jp_tahun.get(n, Decimal(0)) + desimal(pl.data.jp)
    daftar = []
    for h in pegawai:
        tahun = jp_tahun.get(h.nip, Decimal(0))
        if h.pegawai.status == "PPPK":
            maks = desimal(kp.jp_maksimal_pppk)
            ok = tahun <= maks
            daftar.append(JpPegawai(h, h.jp, h.jp_per_kompetensi, None, tahun, maks, ok))
        elif h.jp_wajib is None:
            minimal = desimal(kp.jp_minimal)
            daftar.append(
                JpPegawai(h, h.jp, h.jp_per_kompetensi, None, tahun, None, True,
                          jp_minimal_tahun=minimal)
            )  # fmt: skip
        else:
            ok = h.jp >= h.jp_wajib
            daftar.append(JpPegawai(h, h.jp, h.jp_per_kompetensi, h.jp_wajib, tahun, None, ok))
    per_unit: dict[str, list[JpPegawai]] = {}
    for j in daftar:
        per_unit.setdefault(j.hasil.pegawai.unit, []).append(j)
    unit = []
    for nama, js in sorted(per_unit.items()):
        pns = [j for j in js if j.hasil.pegawai.status == "PNS"]  # the minimum is for PNS
        unit.append(
            UnitPengembangan(
                nama,
                len(pns),
                sum(1 for j in pns if j.memenuhi) if tahunan else None,
                bagi(sum((j.jp for j in js), Decimal(0)), Decimal(len(js))) if js else None,
                sum(1 for j in js if j.hasil.pegawai.status == "PPPK" and not j.memenuhi),
            )
        )
    kegiatan = [pl for pl in pelatihan or [] if periode.awal <= pl.data.tanggal <= periode.akhir]
    hasil = HasilPengembangan(
        daftar, unit, *ringkas_kegiatan(kegiatan), ada_data=pelatihan is not None,
        tahunan=tahunan,
    )  # fmt: skip
    hasil.keterlibatan = keterlibatan(pegawai, kebijakan, ada_kegiatan=bool(kegiatan))
    if pelatihan is None:  # nothing recorded: no one can be judged on JP
        hasil.pegawai = [
            dataclasses.replace(j, memenuhi=True, ada_data=False) for j in hasil.pegawai
        ]
    return hasil


def ringkas_kegiatan(
    kegiatan: list[Entri[model.Pelatihan]], hanya: set[str] | None = None
) -> tuple[
    list[Entri[model.Pelatihan]], dict[str, tuple[int, Decimal]], dict[str, Decimal],
    dict[str, int],
]:  # fmt: skip
    """The events (those with a participant in `hanya`, if given), events and JP per form,
    JP x participants per competency kind (counting only `hanya`), speakers per sector."""
    if hanya is not None:
        kegiatan = [pl for pl in kegiatan if hanya.intersection(peserta(pl.data))]
    per_bentuk: dict[str, tuple[int, Decimal]] = {}
    orang_jp: dict[str, Decimal] = {}
    sektor: Counter[str] = Counter()
    for pl in kegiatan:
        jumlah, jp = per_bentuk.get(pl.data.bentuk, (0, Decimal(0)))
        per_bentuk[pl.data.bentuk] = (jumlah + 1, jp + desimal(pl.data.jp))
        ikut = [n for n in peserta(pl.data) if hanya is None or n in hanya]
        orang_jp[pl.data.kompetensi] = orang_jp.get(pl.data.kompetensi, Decimal(0)) + kali(
            desimal(pl.data.jp), Decimal(len(ikut))
        )
        for ns in pl.data.narasumber:
            sektor[ns.sektor] += 1
    return kegiatan, dict(sorted(per_bentuk.items())), orang_jp, dict(sorted(sektor.items()))


def keterlibatan(
    pegawai: list[HasilPegawai], kebijakan: model.Kebijakan, ada_kegiatan: bool = True
) -> list[Keterlibatan]:
    """Engagement per unit; units below `pengembangan.keterlibatan_minimal` are flagged.

    Without any event in the period nobody could join one: that part drops out and
    the index is the mean of the other two.
    """
    per_unit: dict[str, list[HasilPegawai]] = {}
    for h in pegawai:
        per_unit.setdefault(h.pegawai.unit, []).append(h)
    hasil = []
    batas = desimal(kebijakan.pengembangan.keterlibatan_minimal)
    for nama, hs in sorted(per_unit.items()):
        tepat = sum(1 for h in hs if not h.kepatuhan.hilang and h.kepatuhan.terlambat == 0)
        rencana = sum(
            1
            for h in hs
            if h.laporan and all("rencana_perbaikan" not in n.kurang for n in h.laporan)
        )
        ikut = sum(1 for h in hs if h.pelatihan)
        n = Decimal(len(hs))
        bagian = 3 if ada_kegiatan else 2
        jumlah = tepat + rencana + (ikut if ada_kegiatan else 0)
        indeks = kali(bagi(Decimal(jumlah), kali(n, Decimal(bagian))), SERATUS)
        hasil.append(Keterlibatan(nama, len(hs), tepat, rencana, ikut, indeks, indeks < batas))
    return hasil
