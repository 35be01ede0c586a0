"""One report, scored: what the evaluation needs of it.

`nilai_berkas` turns a file's typed reports into `NilaiLaporan`s: each report's nilai
hasil kerja (every indicator's capaian, capped and weighted, in exact decimals), its
BerAKHLAK mean, lateness and what it lacks. It depends on the reports and on two policy
values only (`AturanNilai`), so it is a pure stage the loader can run on every core and
cache by exactly those inputs. What only `jelaskan` and the rapor show of a report (its
indicators, feedback and plans) travels with it as MessagePack bytes (`rinci`): a
province's 600,000 reports would otherwise be millions of objects nobody reads. `rinci`
reads them back, in memory; no file is opened again.

The same numbers occur again and again (targets of 10, 25, 40; seven scores
from 1 to 5), so the decimal arithmetic for a given input is done once per
process and remembered: same input, same exact result, a fraction of the time.
"""

from __future__ import annotations

import datetime
import functools
import operator
from decimal import Decimal
from typing import Any

import msgspec

from asnkinerja.inti import model
from asnkinerja.inti.angka import SERATUS, bagi, bulat2, desimal, kali
from asnkinerja.inti.periode import Periode
from asnkinerja.inti.regulasi import BERAKHLAK, Rating
from asnkinerja.masalah import Lokasi

_TUJUH = Decimal(len(BERAKHLAK))
_SKOR = operator.attrgetter(*BERAKHLAK)  # the seven scores, in BERAKHLAK order


class AturanNilai(msgspec.Struct, frozen=True, array_like=True):
    """The policy values scoring a report depends on."""

    batas_capaian: float
    batas_lapor_hari: int

    @classmethod
    def dari(cls, k: model.Kebijakan) -> AturanNilai:
        return cls(k.penilaian.batas_capaian, k.batas_lapor_hari)

    def parameter(self) -> tuple[float, int]:
        return (self.batas_capaian, self.batas_lapor_hari)


class Indikator(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """One indicator as the report wrote it."""

    indikator: str
    satuan: str
    target: float
    realisasi: float
    bobot: float
    arah: str


class RinciLaporan(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """What only an explanation or a rapor shows of a report, as written."""

    indikator: tuple[Indikator, ...]
    umpan_balik: str
    rencana_perbaikan: tuple[str, ...]


_KODE_RINCI = msgspec.msgpack.Encoder()
_BACA_RINCI = msgspec.msgpack.Decoder(RinciLaporan)


class CapaianIndikator(msgspec.Struct, frozen=True, array_like=True, gc=False):
    indikator: str
    satuan: str
    target: Decimal
    realisasi: Decimal
    bobot: Decimal
    arah: str
    mentah: Decimal  # before the cap
    capaian: Decimal  # after the cap
    dibatasi: bool


class Rinci(msgspec.Struct, frozen=True, array_like=True, gc=False):
    """What only an explanation or a rapor shows of a report, each capaian worked out."""

    indikator: tuple[CapaianIndikator, ...]
    umpan_balik: str
    rencana_perbaikan: tuple[str, ...]


class NilaiLaporan(msgspec.Struct, array_like=True, gc=False):
    """One report, scored; `rinci` holds its detail as written (`RinciLaporan`, encoded)."""

    nip: str
    kode_periode: str
    berkas: str
    indeks: int  # the record's number in its file
    tanggal_lapor: datetime.date
    nilai_hasil_kerja: Decimal
    skor_perilaku: tuple[int, ...] | None  # in BERAKHLAK order
    nilai_perilaku: Decimal | None
    rating_hasil_kerja_eksplisit: Rating | None
    rating_perilaku_eksplisit: Rating | None
    penilai: str | None
    tantangan: tuple[str, ...]
    hari_terlambat: int  # 0 when on time (or when the period cannot be read)
    kurang: tuple[str, ...]  # what makes it incomplete: tantangan, rencana_perbaikan, penilaian
    rinci: msgspec.Raw

    @property
    def periode(self) -> Periode:
        """The report's period; only asked of reports whose period has been checked."""
        return Periode.urai_pasti(self.kode_periode)

    @property
    def lokasi(self) -> Lokasi:
        return Lokasi(self.berkas, self.indeks)


def nilai_berkas(
    berkas: str, laporan: list[tuple[int, model.Laporan]], aturan: AturanNilai
) -> list[NilaiLaporan]:
    """A file's reports scored, each with its number in the file."""
    nilai = _penilai(aturan).nilai
    return [nilai(lap, berkas, i) for i, lap in laporan]


def nilai_ulang(laporan: list[NilaiLaporan], aturan: AturanNilai) -> list[NilaiLaporan]:
    """Reports scored under other policy values, scored again under `aturan`: what depends
    on it (nilai hasil kerja, days late) worked out again from what the report wrote."""
    penilai = _penilai(aturan)
    return [penilai.nilai_ulang(n) for n in laporan]


def rinci(n: NilaiLaporan, kebijakan: model.Kebijakan) -> Rinci:
    """What a rapor or an explanation shows of one report: every indicator's capaian."""
    return _penilai(AturanNilai.dari(kebijakan)).rinci(_BACA_RINCI.decode(n.rinci))


@functools.lru_cache(maxsize=4)
def _penilai(aturan: AturanNilai) -> Penilai:
    """One scorer per policy in each process: its remembered arithmetic serves every file."""
    return Penilai(aturan.batas_capaian, aturan.batas_lapor_hari)


def kode_periode(teks: str) -> str:
    """A period as one spelling (`２０２５-１２` is 2025-12); unreadable text stays as written."""
    p = Periode.urai(teks)
    return p.kode() if p is not None else teks


class Penilai:
    """Scores reports under one policy; remembers the arithmetic it has done."""

    def __init__(self, batas_capaian: float, batas_lapor_hari: int) -> None:
        self.batas = desimal(batas_capaian)
        self.batas_hari = datetime.timedelta(days=batas_lapor_hari)
        self._indikator: dict[tuple[float, float, float, str], tuple[Decimal, ...]] = {}
        self._perilaku: dict[int, Decimal] = {}
        self._tenggat: dict[str, tuple[str, datetime.date | None]] = {}

    def _angka_indikator(self, kunci: tuple[float, float, float, str]) -> tuple[Decimal, ...]:
        """(target, realisasi, bobot, mentah, capaian, capaian x bobot) of one indicator."""
        hasil = self._indikator.get(kunci)
        if hasil is None:
            t, r, b, arah = kunci
            target, realisasi, bobot = desimal(t), desimal(r), desimal(b)
            # Rounded as shown: the report's mean is computed from the printed capaian.
            if arah == "naik":
                mentah = bulat2(kali(bagi(realisasi, target), SERATUS))
            elif realisasi == 0:
                mentah = self.batas  # nothing left to lower: the best possible, i.e. the cap
            else:
                mentah = bulat2(kali(bagi(target, realisasi), SERATUS))
            capaian = min(mentah, self.batas)
            hasil = (target, realisasi, bobot, mentah, capaian, kali(capaian, bobot))
            self._indikator[kunci] = hasil
        return hasil

    def _nilai_hasil_kerja(
        self, pencapaian: list[model.Pencapaian] | tuple[Indikator, ...]
    ) -> Decimal:
        """The weighted mean of the capped capaian (`angka.rata_berbobot`, same steps),
        rounded as shown. The few distinct indicators are remembered; the sums are cheap.
        """
        total = Decimal(0)
        bobot = Decimal(0)
        indikator = self._indikator
        for c in pencapaian:
            k = (c.target, c.realisasi, c.bobot, c.arah)
            angka = indikator.get(k)
            if angka is None:
                angka = self._angka_indikator(k)
            total += angka[5]
            bobot += angka[2]
        return bulat2(bagi(total, bobot))

    def _nilai_perilaku(self, jumlah: int) -> Decimal:
        hasil = self._perilaku.get(jumlah)
        if hasil is None:
            hasil = self._perilaku[jumlah] = bulat2(bagi(Decimal(jumlah), _TUJUH))
        return hasil

    def _periode(self, teks: str) -> tuple[str, datetime.date | None]:
        """A period as written: its one spelling and its reporting deadline (None if unreadable)."""
        hasil = self._tenggat.get(teks)
        if hasil is None:
            kode = kode_periode(teks.strip())
            p = Periode.urai(kode)
            hasil = self._tenggat[teks] = (kode, p.akhir + self.batas_hari if p else None)
        return hasil

    def nilai(self, lap: model.Laporan, berkas: str, indeks: int) -> NilaiLaporan:
        """The report scored, its NIPs as text (`nip.normalkan`: a bare number, its digits)."""
        nhk = self._nilai_hasil_kerja(lap.pencapaian)
        pn = lap.penilaian
        skor: tuple[int, ...] | None = None
        nilai_pk = rating_hk = rating_pk = penilai = None
        if pn is not None:
            skor = _SKOR(pn.perilaku)
            jumlah = sum(skor)
            nilai_pk = self._perilaku.get(jumlah)
            if nilai_pk is None:
                nilai_pk = self._nilai_perilaku(jumlah)
            rating_hk, rating_pk = pn.hasil_kerja, pn.perilaku_kerja
            penilai = str(pn.penilai).strip()
        kurang: tuple[str, ...] = ()
        t = lap.tantangan
        if not (t and t[0].strip()) and not any(map(str.strip, t)):
            kurang += ("tantangan",)
        t = lap.rencana_perbaikan
        if not (t and t[0].strip()) and not any(map(str.strip, t)):
            kurang += ("rencana_perbaikan",)
        if pn is None:
            kurang += ("penilaian",)
        kode, tenggat = self._periode(lap.periode)
        tanggal = lap.tanggal_lapor
        return NilaiLaporan(
            str(lap.nip).strip(),
            kode,
            berkas,
            indeks,
            tanggal,
            nhk,
            skor,
            nilai_pk,
            rating_hk,
            rating_pk,
            penilai,
            tuple(lap.tantangan),
            max(0, (tanggal - tenggat).days) if tenggat is not None else 0,
            kurang,
            msgspec.Raw(_KODE_RINCI.encode(_rinci_laporan(lap))),
        )

    def nilai_ulang(self, n: NilaiLaporan) -> NilaiLaporan:
        r = _BACA_RINCI.decode(n.rinci)
        _, tenggat = self._periode(n.kode_periode)
        terlambat = max(0, (n.tanggal_lapor - tenggat).days) if tenggat is not None else 0
        nhk = self._nilai_hasil_kerja(r.indikator)
        return msgspec.structs.replace(n, nilai_hasil_kerja=nhk, hari_terlambat=terlambat)

    def rinci(self, lap: RinciLaporan) -> Rinci:
        indikator = []
        for c in lap.indikator:
            target, realisasi, bobot, mentah, capaian, _ = self._angka_indikator(
                (c.target, c.realisasi, c.bobot, c.arah)
            )
            indikator.append(
                CapaianIndikator(
                    c.indikator,
                    c.satuan,
                    target,
                    realisasi,
                    bobot,
                    c.arah,
                    mentah,
                    capaian,
                    mentah > self.batas,
                )
            )
        return Rinci(tuple(indikator), lap.umpan_balik, lap.rencana_perbaikan)


def _rinci_laporan(lap: model.Laporan) -> tuple[Any, ...]:
    """`RinciLaporan` as it is encoded (array-like structs are arrays): built as tuples, not
    60,000 structs only to be encoded."""
    return (
        [(c.indikator, c.satuan, c.target, c.realisasi, c.bobot, c.arah) for c in lap.pencapaian],
        lap.penilaian.umpan_balik if lap.penilaian is not None else "",
        lap.rencana_perbaikan,
    )
