"""The evaluation of a whole workspace for one period: employees, units, the instansi.

`evaluasi(ruang, periode, hari_ini)` returns plain data (`HasilEvaluasi`); the
scoring of one employee lives in `penilaian`, the unit summaries in `unit`.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field, replace
from decimal import Decimal

from asnkinerja.errors import PeriodeSalah, TidakAdaLaporan
from asnkinerja.inti import model, nip
from asnkinerja.inti.alasan import Alasan
from asnkinerja.inti.angka import desimal
from asnkinerja.inti.laporan import NilaiLaporan
from asnkinerja.inti.mentoring import HasilMentoring, pasangkan
from asnkinerja.inti.pengembangan import HasilPengembangan, hitung, peserta, ringkas_kegiatan
from asnkinerja.inti.penghargaan import HasilPenghargaan, tetapkan
from asnkinerja.inti.penilaian import (
    HasilPegawai,
    konteks,
    nilai_pegawai,
    tetapkan_penilai,
    tren,
)
from asnkinerja.inti.periode import JENIS_LAPORAN, PANJANG, Periode
from asnkinerja.inti.regulasi import PREDIKAT_DI_BAWAH_BAIK
from asnkinerja.inti.ruang import Entri, RuangKerja
from asnkinerja.inti.unit import RingkasanUnit, gabung, kumpulkan, ringkas


@dataclass
class Perhatian:
    """An employee the meeting should look at, and why."""

    hasil: HasilPegawai
    alasan: list[Alasan]


@dataclass
class HasilEvaluasi:
    periode: Periode
    instansi: str
    kebijakan: model.Kebijakan
    hari_ini: datetime.date
    pegawai: list[HasilPegawai]
    unit: list[RingkasanUnit]
    total: RingkasanUnit
    perhatian: list[Perhatian] = field(default_factory=list)
    ada_periode_sebelumnya: bool = False
    roster: dict[str, model.Pegawai] = field(default_factory=dict)
    penghargaan: HasilPenghargaan | None = None
    mentoring: HasilMentoring | None = None
    pengembangan: HasilPengembangan | None = None
    sidik_data: str = ""  # of the workspace's input files (`RuangKerja.sidik_data`)
    logo: str = ""  # the kop's logo, a data: URI


def pilih_periode(teks: str | None, ruang: RuangKerja) -> Periode:
    """The period asked for, or the latest report period present."""
    jenis_laporan = JENIS_LAPORAN[ruang.kebijakan.periode_laporan]
    ada = sorted(
        {p for kode in {n.kode_periode for n in ruang.laporan} if (p := Periode.urai(kode))}
    )
    if not ada:
        raise TidakAdaLaporan("belum ada laporan di ruang kerja ini; tidak ada yang dievaluasi")
    if teks is None:
        return max(ada, key=lambda p: (p.akhir, -p.panjang))
    periode = Periode.urai(teks)
    if periode is None:
        raise PeriodeSalah(
            f'periode "{teks}" tidak dikenal; tulis bulan (2026-10), triwulan (2026-T3), '
            "semester (2026-S2) atau tahun (2026)"
        )
    if periode.panjang < PANJANG[jenis_laporan] or periode.panjang % PANJANG[jenis_laporan]:
        raise PeriodeSalah(
            f"periode {teks} lebih pendek dari periode laporan "
            f"({ruang.kebijakan.periode_laporan}); pilih periode seperti "
            f"{Periode.memuat_bulan(periode.tahun, periode.bulan_awal, jenis_laporan).kode()} "
            "atau yang lebih panjang"
        )
    if not any(periode.berisi(p) for p in ada):
        raise PeriodeSalah(
            f"tidak ada laporan untuk periode {periode.kode()} ({periode.label()}); laporan yang "
            f"ada: {ada[0].kode()} sampai {ada[-1].kode()}"
        )
    return periode


def _per_periode(
    ruang: RuangKerja, periode: Periode
) -> tuple[dict[str, list[NilaiLaporan]], dict[str, list[Entri[model.Pelatihan]]] | None]:
    laporan: dict[str, list[NilaiLaporan]] = defaultdict(list)
    dalam = {
        kode: p is not None and periode.berisi(p)
        for kode in {n.kode_periode for n in ruang.laporan}
        for p in [Periode.urai(kode)]
    }
    for n in ruang.laporan:
        if dalam[n.kode_periode]:
            laporan[n.nip].append(n)
    if ruang.pelatihan is None:
        return laporan, None
    pelatihan: dict[str, list[Entri[model.Pelatihan]]] = defaultdict(list)
    for pl in ruang.pelatihan:
        if periode.awal <= pl.data.tanggal <= periode.akhir:
            for nip_peserta in peserta(pl.data):
                pelatihan[nip_peserta].append(pl)
    return laporan, pelatihan


def nilai_semua(ruang: RuangKerja, periode: Periode, hari_ini: datetime.date) -> list[HasilPegawai]:
    """Every active employee scored for `periode`, in roster order."""
    laporan, pelatihan = _per_periode(ruang, periode)
    k = konteks(periode, ruang.kebijakan, hari_ini)
    hasil = []
    for e in ruang.pegawai:
        if not e.data.aktif:
            continue
        n = str(e.data.nip)
        ikut = None if pelatihan is None else pelatihan.get(n, [])
        mulai = nip.mulai_kerja(e.data)
        if mulai is not None and mulai > periode.akhir:
            continue  # began after this period: not evaluated for it
        hasil.append(
            nilai_pegawai(e, periode, laporan.get(n, []), ikut, ruang.kebijakan, mulai, hari_ini, k)
        )
    return hasil


def evaluasi(ruang: RuangKerja, periode: Periode, hari_ini: datetime.date) -> HasilEvaluasi:
    """The whole evaluation of a checked workspace for `periode`."""
    pegawai = nilai_semua(ruang, periode, hari_ini)
    if periode.jenis == "tahun" and ruang.penetapan:
        ditetapkan = {
            str(e.data.nip): e
            for e in ruang.penetapan
            if (p := Periode.urai(e.data.periode)) is not None and p == periode
        }
        for h in pegawai:
            if (e := ditetapkan.get(h.nip)) is not None:
                tetapkan_penilai(h, e)
    sebelum = periode.sebelumnya()
    ada_sebelumnya = any(
        (p := Periode.urai(kode)) is not None and sebelum.berisi(p)
        for kode in {n.kode_periode for n in ruang.laporan}
    )
    if ada_sebelumnya:
        lalu = {h.nip: h for h in nilai_semua(ruang, sebelum, hari_ini)}
        ambang = desimal(ruang.kebijakan.penilaian.ambang_tren)
        for h in pegawai:
            if h.nip in lalu:
                h.nilai_akhir_sebelumnya = lalu[h.nip].nilai_akhir
                h.nilai_hasil_kerja_sebelumnya = lalu[h.nip].nilai_hasil_kerja
            h.tren = tren(h.nilai_akhir, h.nilai_akhir_sebelumnya, ambang)
    pegawai.sort(key=_urutan)
    per_unit: dict[str, list[HasilPegawai]] = defaultdict(list)
    for h in pegawai:
        per_unit[h.pegawai.unit].append(h)
    k = ruang.kebijakan
    tumpukan = {nama: kumpulkan(per_unit[nama]) for nama in sorted(per_unit)}
    unit = [ringkas(nama, t, k, k.unit.get(nama)) for nama, t in tumpukan.items()]
    total = ringkas(k.instansi, gabung(list(tumpukan.values())), k, None)
    return HasilEvaluasi(
        periode=periode,
        instansi=k.instansi,
        kebijakan=k,
        hari_ini=hari_ini,
        pegawai=pegawai,
        unit=unit,
        total=total,
        perhatian=_perhatian(pegawai, desimal(k.penilaian.ambang_tren), periode),
        ada_periode_sebelumnya=ada_sebelumnya,
        roster={str(e.data.nip): e.data for e in ruang.pegawai},
        penghargaan=tetapkan(pegawai, k, periode),
        mentoring=pasangkan(pegawai, k, [e.data for e in ruang.pegawai]),
        pengembangan=hitung(pegawai, ruang.pelatihan, periode, k),
        sidik_data=ruang.sidik_data,
        logo=ruang.logo,
    )


def _urutan(h: HasilPegawai) -> tuple[str, int, Decimal, str]:
    """By unit, then best nilai_akhir first (none last), then NIP: deterministic."""
    ada = h.nilai_akhir is not None
    return (h.pegawai.unit, 0 if ada else 1, -(h.nilai_akhir or Decimal(0)), h.nip)


def _perhatian(
    pegawai: list[HasilPegawai], ambang_tren: Decimal, periode: Periode
) -> list[Perhatian]:
    hasil = []
    awal, akhir = periode.awal, periode.akhir
    for h in pegawai:
        alasan = []
        if h.predikat in PREDIKAT_DI_BAWAH_BAIK:
            alasan.append(Alasan("predikat_rendah", {"predikat": h.predikat}))
        if h.predikat is None:
            alasan.append(Alasan("predikat_belum_dapat_ditentukan", {"catatan": h.catatan}))
        if h.kepatuhan.hilang:
            alasan.append(Alasan("laporan_tidak_masuk", {"hilang": h.kepatuhan.hilang}))
        if h.kepatuhan.terlambat:
            alasan.append(Alasan("laporan_terlambat", {"jumlah": h.kepatuhan.terlambat}))
        # A falling nilai_akhir alone may only mean last period had a training event;
        # the meeting needs to see falls in the work itself.
        lalu = h.nilai_hasil_kerja_sebelumnya
        if (
            h.tren == "turun"
            and lalu is not None
            and h.nilai_hasil_kerja is not None
            and lalu - h.nilai_hasil_kerja >= ambang_tren
        ):
            alasan.append(Alasan("hasil_kerja_turun", {"dari": lalu, "ke": h.nilai_hasil_kerja}))
        # Perilaku Di Atas Ekspektasi beside a moderate or severe sanction in the same period
        # (PP 94/2021): not impossible, but the penilai should be able to explain it.
        if h.rating_perilaku == "di_atas":
            for hd in h.pegawai.hukuman_disiplin:
                if hd.tingkat in ("sedang", "berat") and awal <= hd.tanggal <= akhir:
                    nilai = {"tingkat": hd.tingkat, "tanggal": hd.tanggal}
                    alasan.append(Alasan("perilaku_di_atas_saat_hukuman", nilai))
        if alasan:
            hasil.append(Perhatian(h, alasan))
    return hasil


def untuk_unit(hasil: HasilEvaluasi, nama_unit: list[str]) -> HasilEvaluasi:
    """The evaluation as one OPD's own report: its employees, units and total, and what of
    the instansi-wide programs concerns them (awards as decided for the whole instansi,
    mentoring pairs with a mentor or mentee there, the events its staff attended)."""
    pilih = set(nama_unit)
    pegawai = [h for h in hasil.pegawai if h.pegawai.unit in pilih]
    unit = [u for u in hasil.unit if u.nama in pilih]
    k = hasil.kebijakan
    nama_total = unit[0].nama if len(unit) == 1 else ", ".join(u.nama for u in unit)
    total = ringkas(nama_total, kumpulkan(pegawai), k, k.unit.get(nama_total))
    ph, mt, pg = hasil.penghargaan, hasil.mentoring, hasil.pengembangan
    di = {h.nip for h in pegawai}
    if ph is not None:
        penerima = [p for p in ph.penerima if p.hasil.nip in di]
        ph = replace(
            ph,
            penerima=penerima,
            terbagi=sum(p.insentif for p in penerima),  # of the instansi's budget
            sebagian=True,
            nyaris=[n for n in ph.nyaris if n.hasil.nip in di],
            dilewati_kuota_unit=[h for h in ph.dilewati_kuota_unit if h.nip in di],
        )
    if mt is not None:
        mt = HasilMentoring(
            [p for p in mt.pasangan if p.mentor.nip in di or p.mentee.nip in di],
            [t for t in mt.tanpa_mentor if t.mentee.nip in di],
        )
    if pg is not None:
        kegiatan, per_bentuk, orang_jp, sektor = ringkas_kegiatan(pg.kegiatan, di)
        pg = replace(
            pg,
            pegawai=[j for j in pg.pegawai if j.hasil.nip in di],
            unit=[u for u in pg.unit if u.nama in pilih],
            kegiatan=kegiatan,
            per_bentuk=per_bentuk,
            jp_orang_per_kompetensi=orang_jp,
            narasumber_per_sektor=sektor,
            keterlibatan=[x for x in pg.keterlibatan if x.unit in pilih],
        )
    return replace(
        hasil,
        instansi=f"{nama_total} — {hasil.instansi}",
        pegawai=pegawai,
        unit=unit,
        total=total,
        perhatian=[p for p in hasil.perhatian if p.hasil.nip in di],
        penghargaan=ph,
        mentoring=mt,
        pengembangan=pg,
    )
