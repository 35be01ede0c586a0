"""One report, scored: what the evaluation needs of it.

`Penilai.nilai` turns a typed report into a `NilaiLaporan`: its nilai hasil kerja
(every indicator's capaian, capped and weighted, in exact decimals), its BerAKHLAK
mean, lateness and what it lacks. The report itself stays beside it (`data`), so the
indicator detail that only `jelaskan` and the rapor show (`rinci`) is worked out from
it when asked, never read again from a file.

The same numbers occur again and again (targets of 10, 25, 40; seven scores
from 1 to 5), so the decimal arithmetic for a given input is done once per
process and remembered: same input, same exact result, a fraction of the time.
"""

from __future__ import annotations

import datetime
import functools
import operator
from decimal import Decimal

import msgspec

from asnkinerja.inti import model
from asnkinerja.inti.angka import SERATUS, bagi, desimal, kali
from asnkinerja.inti.periode import Periode
from asnkinerja.inti.regulasi import BERAKHLAK, Rating
from asnkinerja.masalah import Lokasi

_TUJUH = Decimal(len(BERAKHLAK))
_SKOR = operator.attrgetter(*BERAKHLAK)  # the seven scores, in BERAKHLAK order


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
    """What only an explanation or a rapor shows of a report."""

    indikator: tuple[CapaianIndikator, ...]
    umpan_balik: str
    rencana_perbaikan: tuple[str, ...]


class NilaiLaporan(msgspec.Struct, array_like=True, gc=False):
    """One report, scored, and the typed report it was scored from."""

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
    data: model.Laporan

    @property
    def periode(self) -> Periode:
        """The report's period; only asked of reports whose period has been checked."""
        return Periode.urai_pasti(self.kode_periode)

    @property
    def lokasi(self) -> Lokasi:
        return Lokasi(self.berkas, self.indeks)


def nilai_semua(
    laporan: list[tuple[str, list[tuple[int, model.Laporan]]]], kebijakan: model.Kebijakan
) -> list[NilaiLaporan]:
    """Every report of a workspace scored under its policy, file by file, in file order."""
    penilai = Penilai(kebijakan.penilaian.batas_capaian, kebijakan.batas_lapor_hari)
    nilai = penilai.nilai
    return [nilai(lap, berkas, i) for berkas, isi in laporan for i, lap in isi]


def rinci(n: NilaiLaporan, kebijakan: model.Kebijakan) -> Rinci:
    """What a rapor or an explanation shows of one report: every indicator's capaian."""
    return _penilai(kebijakan.penilaian.batas_capaian, kebijakan.batas_lapor_hari).rinci(n.data)


@functools.lru_cache(maxsize=4)
def _penilai(batas_capaian: float, batas_lapor_hari: int) -> Penilai:
    return Penilai(batas_capaian, batas_lapor_hari)


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
            if arah == "naik":
                mentah = kali(bagi(realisasi, target), SERATUS)
            elif realisasi == 0:
                mentah = self.batas  # nothing left to lower: the best possible, i.e. the cap
            else:
                mentah = kali(bagi(target, realisasi), SERATUS)
            capaian = min(mentah, self.batas)
            hasil = (target, realisasi, bobot, mentah, capaian, kali(capaian, bobot))
            self._indikator[kunci] = hasil
        return hasil

    def _nilai_hasil_kerja(self, pencapaian: list[model.Pencapaian]) -> Decimal:
        """The weighted mean of the capped capaian (`angka.rata_berbobot`, same steps).

        The few distinct indicators are remembered; the sums are cheap.
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
        return bagi(total, bobot)

    def _nilai_perilaku(self, jumlah: int) -> Decimal:
        hasil = self._perilaku.get(jumlah)
        if hasil is None:
            hasil = self._perilaku[jumlah] = bagi(Decimal(jumlah), _TUJUH)
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
            lap,
        )

    def rinci(self, lap: model.Laporan) -> Rinci:
        indikator = []
        for c in lap.pencapaian:
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
        return Rinci(
            tuple(indikator),
            lap.penilaian.umpan_balik if lap.penilaian is not None else "",
            tuple(lap.rencana_perbaikan),
        )
