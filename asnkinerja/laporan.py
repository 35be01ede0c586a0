"""One report, scored: what the evaluation needs of it, computed where it is parsed.

`nilai` turns a typed report into a `NilaiLaporan`: its nilai hasil kerja (every
indicator's capaian, capped and weighted, in exact decimals), its BerAKHLAK
mean, lateness and what it lacks. Worker processes call it right after parsing
a file, so the scoring runs on every core and its result is what the cache
keeps; the main process only adds reports up per employee.

A `NilaiLaporan` is kept small (the whole province's reports are held at once):
the indicator detail, feedback and improvement plans, wanted only by
`jelaskan` and the rapor, travel separately as `Rinci` and are attached on demand.

The same numbers occur again and again (targets of 10, 25, 40; seven scores
from 1 to 5), so the decimal arithmetic for a given input is done once per
process and remembered: same input, same exact result, a fraction of the time.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

import msgspec

from asnkinerja import model
from asnkinerja.angka import SERATUS, bagi, desimal, kali
from asnkinerja.masalah import Lokasi
from asnkinerja.periode import Periode
from asnkinerja.regulasi import BERAKHLAK, Rating

_TUJUH = Decimal(len(BERAKHLAK))


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


class NilaiLaporan(msgspec.Struct, array_like=True, gc=False, omit_defaults=True):
    """One report, scored; `rinci` is filled only when it was asked for."""

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
    rinci: Rinci | None = None

    @property
    def periode(self) -> Periode:
        """The report's period; only asked of reports whose period has been checked."""
        return Periode.urai_pasti(self.kode_periode)

    @property
    def lokasi(self) -> Lokasi:
        return Lokasi(self.berkas, self.indeks)

    @property
    def indikator(self) -> tuple[CapaianIndikator, ...]:
        return self.rinci.indikator if self.rinci is not None else ()

    @property
    def umpan_balik(self) -> str:
        return self.rinci.umpan_balik if self.rinci is not None else ""

    @property
    def rencana_perbaikan(self) -> tuple[str, ...]:
        return self.rinci.rencana_perbaikan if self.rinci is not None else ()


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
        self._nhk: dict[tuple[tuple[float, float, float, str], ...], Decimal] = {}
        self._perilaku: dict[int, Decimal] = {}
        self._tenggat: dict[str, datetime.date | None] = {}

    def _angka_indikator(self, kunci: tuple[float, float, float, str]) -> tuple[Decimal, ...]:
        hasil = self._indikator.get(kunci)
        if hasil is None:
            t, r, b, arah = kunci
            target, realisasi = desimal(t), desimal(r)
            if arah == "naik":
                mentah = kali(bagi(realisasi, target), SERATUS)
            elif realisasi == 0:
                mentah = self.batas  # nothing left to lower: the best possible, i.e. the cap
            else:
                mentah = kali(bagi(target, realisasi), SERATUS)
            hasil = (target, realisasi, desimal(b), mentah, min(mentah, self.batas))
            self._indikator[kunci] = hasil
        return hasil

    def _nilai_hasil_kerja(self, kunci: tuple[tuple[float, float, float, str], ...]) -> Decimal:
        """The weighted mean of the capped capaian (`angka.rata_berbobot`, same steps)."""
        hasil = self._nhk.get(kunci)
        if hasil is None:
            total = Decimal(0)
            bobot = Decimal(0)
            for k in kunci:
                _, _, b, _, capaian = self._angka_indikator(k)
                total += kali(capaian, b)
                bobot += b
            hasil = bagi(total, bobot)
            self._nhk[kunci] = hasil
        return hasil

    def _nilai_perilaku(self, jumlah: int) -> Decimal:
        hasil = self._perilaku.get(jumlah)
        if hasil is None:
            hasil = self._perilaku[jumlah] = bagi(Decimal(jumlah), _TUJUH)
        return hasil

    def _terlambat(self, kode: str, tanggal: datetime.date) -> int:
        if kode not in self._tenggat:
            p = Periode.urai(kode)
            self._tenggat[kode] = p.akhir + self.batas_hari if p is not None else None
        tenggat = self._tenggat[kode]
        return max(0, (tanggal - tenggat).days) if tenggat is not None else 0

    def nilai(self, lap: model.Laporan, berkas: str, indeks: int) -> NilaiLaporan:
        """The report scored; its NIPs already normalised (`workspace._normalkan`)."""
        kunci = tuple((c.target, c.realisasi, c.bobot, c.arah) for c in lap.pencapaian)
        pn = lap.penilaian
        skor: tuple[int, ...] | None = None
        nilai_pk = None
        if pn is not None:
            pk = pn.perilaku
            skor = (pk.berorientasi_pelayanan, pk.akuntabel, pk.kompeten, pk.harmonis,
                    pk.loyal, pk.adaptif, pk.kolaboratif)  # fmt: skip
            nilai_pk = self._nilai_perilaku(sum(skor))
        kurang: tuple[str, ...] = ()
        if not any(t.strip() for t in lap.tantangan):
            kurang += ("tantangan",)
        if not any(t.strip() for t in lap.rencana_perbaikan):
            kurang += ("rencana_perbaikan",)
        if pn is None:
            kurang += ("penilaian",)
        return NilaiLaporan(
            nip=str(lap.nip),
            kode_periode=kode_periode(lap.periode),
            berkas=berkas,
            indeks=indeks,
            tanggal_lapor=lap.tanggal_lapor,
            nilai_hasil_kerja=self._nilai_hasil_kerja(kunci),
            skor_perilaku=skor,
            nilai_perilaku=nilai_pk,
            rating_hasil_kerja_eksplisit=pn.hasil_kerja if pn else None,
            rating_perilaku_eksplisit=pn.perilaku_kerja if pn else None,
            penilai=str(pn.penilai) if pn else None,
            tantangan=tuple(lap.tantangan),
            hari_terlambat=self._terlambat(lap.periode, lap.tanggal_lapor),
            kurang=kurang,
        )

    def rinci(self, lap: model.Laporan) -> Rinci:
        indikator = []
        for c in lap.pencapaian:
            target, realisasi, bobot, mentah, capaian = self._angka_indikator(
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
