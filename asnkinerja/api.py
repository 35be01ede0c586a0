"""asnkinerja as a library: the use cases the command line, tests and benchmarks call.

Data flows one way: `baca` reads a workspace into typed records, `inti` scores, checks
and evaluates them, `sajian` presents the result as text. Each function here is one use
case, composed of those stages; `ingat` keeps the whole result of the ones worth keeping.
Problems in the data are values (`Masalah`), never exceptions; exceptions
(`asnkinerja.errors`) are for what cannot go on, such as a folder that does not exist.
Examples, run by the tests: docs/api.md.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import gc
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import msgspec

from asnkinerja import ingat
from asnkinerja.masalah import Lokasi, Masalah, ada_galat

# Loading, checking and evaluating are imported when used: a run that finds its kept
# result (`ingat`) needs none of them, and starts as fast as `periksa` on an empty folder.
if TYPE_CHECKING:
    from asnkinerja.baca.cache import Jejak
    from asnkinerja.baca.muat import Muatan, Progres
    from asnkinerja.inti.evaluasi import HasilEvaluasi
    from asnkinerja.inti.periksa import HasilPeriksa
    from asnkinerja.inti.ruang import RuangKerja

__all__ = [
    "Evaluasi",
    "HasilImpor",
    "Keluaran",
    "RuangTerperiksa",
    "evaluasi",
    "impor",
    "jelaskan",
    "keluaran_evaluasi",
    "muat",
    "periksa",
    "templat",
]


@dataclass
class RuangTerperiksa:
    """A workspace read, its reports scored and every record checked.

    `masalah` holds every problem, without line numbers (finding them reads the files with
    problems again): `dengan_baris()` gives them with their lines, sorted.
    """

    ruang: RuangKerja
    masalah: list[Masalah]
    muatan: Muatan = field(repr=False)

    def dengan_baris(self) -> list[Masalah]:
        from asnkinerja.baca import muat as baca

        return baca.lengkapi(self.muatan, self.masalah)

    def tempat(self, lokasi: Lokasi, tepat: bool = False) -> str:
        """Where a record or value was written, as `berkas:baris` (`tepat`: only if found)."""
        return self._penempat(lokasi, tepat=tepat)

    @functools.cached_property
    def _penempat(self) -> Callable[..., str]:
        # One for all the places asked: each file is read and sliced once.
        from asnkinerja.baca import muat as baca

        return baca.penempat(self.muatan)


def muat(
    folder: Path,
    hari_ini: datetime.date | None = None,
    *,
    pakai_cache: bool = True,
    progres: Progres | None = None,
) -> RuangTerperiksa:
    """Read a workspace, score its reports under its policy, and check every record.

    `hari_ini` decides which reports are due and which dates cannot yet be (default: today).
    """
    from asnkinerja.baca import muat as baca
    from asnkinerja.inti.periksa import periksa_ruang
    from asnkinerja.inti.ruang import RuangKerja

    with _jeda_gc():
        muatan = baca.muat(folder, pakai_cache=pakai_cache, progres=progres)
        ruang = RuangKerja(
            kebijakan=muatan.kebijakan,
            kebijakan_lokasi=muatan.kebijakan_lokasi,
            pegawai=muatan.pegawai,
            laporan=muatan.laporan,
            pelatihan=muatan.pelatihan,
            berkas=muatan.berkas,
            nip_cacat=muatan.nip_cacat,
            pegawai_tak_terbaca=muatan.pegawai_tak_terbaca,
            sidik_data=muatan.sidik_data,
            logo=muatan.logo,
            penetapan=muatan.penetapan,
        )
        masalah = muatan.masalah + periksa_ruang(ruang, hari_ini or datetime.date.today())
    return RuangTerperiksa(ruang, masalah, muatan)


def periksa(
    folder: Path,
    hari_ini: datetime.date | None = None,
    *,
    pakai_cache: bool = True,
    progres: Progres | None = None,
) -> HasilPeriksa:
    """Every problem of a workspace with its line, and how many records were read.

    Kept whole while no input changes (`ingat`): a re-run shows it again at once.
    """
    from asnkinerja.inti.periksa import HasilPeriksa

    hari = hari_ini or datetime.date.today()

    def hitung() -> tuple[HasilPeriksa, Jejak | None]:
        t = muat(folder, hari, pakai_cache=pakai_cache, progres=progres)
        with _jeda_gc():
            masalah = t.dengan_baris()
        return HasilPeriksa.dari(t.ruang, masalah), t.muatan.jejak

    return ingat.diingat(
        folder, "periksa", (hari.isoformat(),), HasilPeriksa, hitung, pakai_cache=pakai_cache
    )


@dataclass
class Evaluasi:
    """The evaluation of a workspace for one period, or why there is none.

    `hasil` is None when the workspace has errors; `masalah` then holds every problem
    with its line. Otherwise `masalah` holds its warnings (without lines: only counted).
    """

    hasil: HasilEvaluasi | None
    masalah: list[Masalah]
    terperiksa: RuangTerperiksa = field(repr=False)


def evaluasi(
    folder: Path,
    periode: str | None = None,
    hari_ini: datetime.date | None = None,
    *,
    pakai_cache: bool = True,
    progres: Progres | None = None,
) -> Evaluasi:
    """Check a workspace and, when it has no errors, evaluate it for `periode` (a month
    2025-10, quarter 2025-T4, semester 2025-S2 or year 2025; default: the latest present).

    Raises `errors.PeriodeSalah` for a period that is not one, `errors.TidakAdaLaporan`
    for a workspace without reports.
    """
    from asnkinerja.inti.evaluasi import evaluasi as evaluasi_ruang
    from asnkinerja.inti.evaluasi import pilih_periode

    hari = hari_ini or datetime.date.today()
    t = muat(folder, hari, pakai_cache=pakai_cache, progres=progres)
    if ada_galat(t.masalah):
        with _jeda_gc():
            return Evaluasi(None, t.dengan_baris(), t)
    with _jeda_gc():
        hasil = evaluasi_ruang(t.ruang, pilih_periode(periode, t.ruang), hari)
    return Evaluasi(hasil, t.masalah, t)


class Keluaran(msgspec.Struct, array_like=True):
    """What `asnkinerja evaluasi` shows and writes, or the problems that stop it.

    `layar`: the terminal summary's presentation (empty with `json`: the terminal then shows
    the JSON); `json`: the whole result as JSON text (when asked); `berkas`: the reports to
    write, (file name, text), and `biner` the workbook, (file name, bytes); `peringatan`:
    how many warnings the workspace has. With errors only `galat` is filled: every problem,
    with lines.
    """

    layar: dict[str, Any]
    json: str | None
    berkas: list[tuple[str, str]]
    peringatan: int
    galat: list[Masalah] = []
    biner: list[tuple[str, bytes]] = []  # files that are not text: the workbook


def keluaran_evaluasi(
    folder: Path,
    periode: str | None = None,
    hari_ini: datetime.date | None = None,
    *,
    samarkan: bool = False,
    json: bool = False,
    format_list: tuple[str, ...] = (),
    rapor: bool = False,
    unit: tuple[str, ...] = (),
    pakai_cache: bool = True,
    progres: Progres | None = None,
) -> Keluaran:
    """Everything `asnkinerja evaluasi` shows and writes, as data and text.

    Kept whole while no input, option or date changes (`ingat`), except with `rapor` (a
    file per employee is not worth keeping): a re-run then shows and writes it at once.
    `unit`: one OPD's own report (or several units'); `errors.PilihanSalah` for a name
    that is no unit's.
    """
    hari = hari_ini or datetime.date.today()

    def hitung() -> tuple[Keluaran, Jejak | None]:
        from asnkinerja.sajian import keluaran as kel

        ev = evaluasi(folder, periode, hari, pakai_cache=pakai_cache, progres=progres)
        jejak = ev.terperiksa.muatan.jejak
        if ev.hasil is None:
            return Keluaran({}, None, [], 0, ev.masalah), jejak
        hasil = _pilih_unit(ev.hasil, unit) if unit else ev.hasil
        # A row for each of 5,000 employees only for what shows them all.
        data = kel.sajikan(hasil, samarkan) if json or format_list or rapor else None
        teks_json = kel.laporan(hasil, "json", samarkan, data) if json else None
        semua = kel.berkas_laporan(hasil, list(format_list), samarkan, rapor, data,
                                   bagian=unit)  # fmt: skip
        teks = [(n, isi) for n, isi in semua if isinstance(isi, str)]
        biner = [(n, isi) for n, isi in semua if isinstance(isi, bytes)]
        layar = {} if json else kel.sajikan(hasil, samarkan, ringkas=True)
        kel_ = Keluaran(layar, teks_json, teks, len(ev.masalah), biner=biner)
        return kel_, None if rapor else jejak

    pilihan = (periode, hari.isoformat(), samarkan, json, tuple(format_list), rapor, unit)
    return ingat.diingat(folder, "evaluasi", pilihan, Keluaran, hitung, pakai_cache=pakai_cache)


def templat(
    jenis: str,
    folder: Path,
    periode: str = "",
    unit: tuple[str, ...] = (),
    hari_ini: datetime.date | None = None,
    *,
    pakai_cache: bool = True,
) -> tuple[bytes | None, list[Masalah], str]:
    """The form of `jenis` (laporan, pegawai, pelatihan) as XLSX bytes, its problems, and
    its usual file name (formulir-laporan-2026-01-bappeda.xlsx). `errors.PilihanSalah` for
    an unknown kind, or a report form without its period."""
    from asnkinerja.errors import PilihanSalah
    from asnkinerja.sajian.keluaran import akhiran_nama

    if jenis == "laporan":
        if not periode:
            raise PilihanSalah(
                "--periode wajib diisi: periode laporan yang akan diisi, mis. 2026-01"
            )
        isi, masalah = templat_laporan(folder, periode, unit, hari_ini, pakai_cache=pakai_cache)
        return isi, masalah, f"formulir-laporan-{periode}{akhiran_nama(unit)}.xlsx"
    if jenis == "pegawai":
        return (*templat_pegawai(folder, hari_ini, pakai_cache=pakai_cache),
                "formulir-pegawai.xlsx")  # fmt: skip
    if jenis == "pelatihan":
        return (*templat_pelatihan(folder, hari_ini, pakai_cache=pakai_cache),
                "formulir-pelatihan.xlsx")  # fmt: skip
    raise PilihanSalah(
        f'jenis formulir "{jenis}" tidak dikenal; pilih laporan, pegawai atau pelatihan'
    )


def templat_laporan(
    folder: Path,
    periode: str,
    unit: tuple[str, ...] = (),
    hari_ini: datetime.date | None = None,
    *,
    pakai_cache: bool = True,
) -> tuple[bytes | None, list[Masalah]]:
    """The report form of `periode` (a report period) for the OPDs, as XLSX bytes: every
    active employee of each unit (or of `unit`) with their previous report's indicators.
    (None, every problem) when the workspace has errors."""
    from asnkinerja.errors import PeriodeSalah
    from asnkinerja.inti.laporan import NilaiLaporan, rinci
    from asnkinerja.inti.periode import JENIS_LAPORAN, Periode
    from asnkinerja.inti.regulasi import BERAKHLAK, NAMA_BERAKHLAK
    from asnkinerja.sajian.templat import BarisPegawai, formulir_laporan

    t = _muat_tanpa_galat(folder, hari_ini, pakai_cache)
    if isinstance(t, list):
        return None, t
    k = t.ruang.kebijakan
    p = Periode.urai(periode)
    jenis = JENIS_LAPORAN[k.periode_laporan]
    if p is None or p.jenis != jenis:
        tahun = p.tahun if p is not None else (hari_ini or datetime.date.today()).year
        raise PeriodeSalah(
            f'periode "{periode}" bukan periode laporan {k.periode_laporan}; formulir dibuat '
            f"per periode laporan, mis. {Periode.memuat_bulan(tahun, 1, jenis).kode()}"
        )
    sebelum: dict[str, NilaiLaporan] = {}
    sekarang: dict[str, NilaiLaporan] = {}
    for n in t.ruang.laporan:
        q = Periode.urai(n.kode_periode)
        if q is not None and q.jenis == jenis and q < p:
            lama = sebelum.get(n.nip)
            if lama is None or lama.kode_periode < n.kode_periode:
                sebelum[n.nip] = n
        elif q == p:
            sekarang[n.nip] = n
    aktif = [e.data for e in t.ruang.pegawai if e.data.aktif]
    _periksa_unit(unit, sorted({x.unit for x in aktif}))
    per_unit: dict[str, list[BarisPegawai]] = {}
    for x in sorted(aktif, key=lambda x: (x.unit, x.nama)):
        if unit and x.unit not in unit:
            continue
        ini = sekarang.get(str(x.nip))
        lalu = ini or sebelum.get(str(x.nip))
        indikator: list[tuple[str, str, float | None, float | None, float, str]] = [
            (i.indikator, i.satuan, _angka(i.target),
             _angka(i.realisasi) if ini is not None else None, _angka(i.bobot), i.arah)
            for i in (rinci(lalu, k).indikator if lalu is not None else ())
        ]  # fmt: skip
        penilai = str(x.atasan or "")
        isian: dict[str, Any] = {}
        if ini is not None:
            r = rinci(ini, k)
            skor = ini.skor_perilaku or ()  # none when the report has no penilaian yet
            penilai = ini.penilai or penilai
            isian = {
                "Tanggal lapor": ini.tanggal_lapor,
                "Tantangan": "\n".join(ini.tantangan) or None,
                "Rencana perbaikan": "\n".join(r.rencana_perbaikan) or None,
                **{NAMA_BERAKHLAK[a]: s for a, s in zip(BERAKHLAK, skor, strict=False)},
                "Umpan balik": r.umpan_balik or None,
            }
        per_unit.setdefault(x.unit, []).append(
            BarisPegawai(str(x.nip), x.nama, x.jabatan, penilai, indikator, isian)
        )
    return formulir_laporan(k.instansi, p.kode(), p.label(), per_unit), t.masalah


def templat_pegawai(
    folder: Path, hari_ini: datetime.date | None = None, *, pakai_cache: bool = True
) -> tuple[bytes | None, list[Masalah]]:
    """The roster form, prefilled with the workspace's roster (XLSX bytes); (None, every
    problem) when the workspace has errors."""
    from asnkinerja.sajian.templat import formulir_pegawai

    t = _muat_tanpa_galat(folder, hari_ini, pakai_cache)
    if isinstance(t, list):
        return None, t
    baris = [
        [str(p.nip), p.nama, p.status, p.golongan, p.jabatan, p.jenis_jabatan, p.unit,
         str(p.atasan) if p.atasan else None, p.tmt_cpns, "ya" if p.aktif else "tidak"]
        for p in (e.data for e in t.ruang.pegawai)
    ]  # fmt: skip
    hukuman = [
        [str(p.nip), p.nama, h.tingkat, h.tanggal, h.keterangan or None]
        for p in (e.data for e in t.ruang.pegawai)
        for h in p.hukuman_disiplin
    ]
    return formulir_pegawai(t.ruang.kebijakan.instansi, baris, hukuman), t.masalah


def templat_pelatihan(
    folder: Path, hari_ini: datetime.date | None = None, *, pakai_cache: bool = True
) -> tuple[bytes | None, list[Masalah]]:
    """The events form, prefilled with the workspace's events (a row per speaker)."""
    from asnkinerja.inti.pengembangan import peserta
    from asnkinerja.sajian.templat import formulir_pelatihan

    t = _muat_tanpa_galat(folder, hari_ini, pakai_cache)
    if isinstance(t, list):
        return None, t
    baris: list[list[Any]] = []
    for e in t.ruang.pelatihan or []:
        pl = e.data
        ikut = "; ".join(peserta(pl))
        for i, ns in enumerate(pl.narasumber or [None]):
            baris.append(
                [pl.nama, pl.kompetensi, pl.bentuk, pl.tanggal, pl.jp,
                 ns.nama if ns else None, ns.sektor if ns else None,
                 ns.instansi if ns else None, ikut if i == 0 else None]
            )  # fmt: skip
    return formulir_pelatihan(t.ruang.kebijakan.instansi, baris), t.masalah


@dataclass
class HasilImpor:
    """What an import found, would change or changed.

    `masalah`: every problem (a cell, or a record of the merged workspace); when there is
    any error nothing was written. `ditulis`: the files written (none under `coba`).
    """

    masalah: list[Masalah] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)
    perubahan: list[Any] = field(default_factory=list)  # gabung.Perubahan
    tetap: int = 0
    dibaca: int = 0
    ditulis: list[str] = field(default_factory=list)
    cadangan: Path | None = None
    peringatan: int = 0  # warnings of the merged workspace (asnkinerja periksa lists them)


def impor(
    folder: Path,
    jenis: str,
    berkas: Path,
    *,
    peta: Path | dict[str, str] | None = None,
    lembar: str | None = None,
    periode: str | None = None,
    coba: bool = False,
    hari_ini: datetime.date | None = None,
) -> HasilImpor:
    """Merge the pegawai, laporan or pelatihan rows of a workbook or CSV into a workspace.

    Nothing is written when any cell or the merged workspace has an error, or under
    `coba`. Raises `errors.BerkasTidakTerbaca` for a file that is not a spreadsheet and
    `errors.PilihanSalah` for an unknown kind or `peta` field.
    """
    from asnkinerja import gabung
    from asnkinerja.baca import impor as baca_impor
    from asnkinerja.baca.lembar import baca_lembar
    from asnkinerja.errors import PilihanSalah
    from asnkinerja.masalah import mirip

    if jenis not in baca_impor.JENIS:
        raise PilihanSalah(f'jenis impor "{jenis}" tidak dikenal; pilih pegawai, laporan atau '
                           "pelatihan")  # fmt: skip
    bidang = baca_impor.SINONIM[jenis]
    if isinstance(peta, Path):
        peta = baca_impor.baca_peta(peta)
    for judul, tujuan in (peta or {}).items():
        if tujuan not in bidang:
            saran = mirip(str(tujuan), bidang, n=1)
            raise PilihanSalah(
                f'--peta: "{judul}" dipetakan ke "{tujuan}", yang bukan kolom {jenis}'
                + (f'; maksudnya "{saran[0]}"?' if saran else "")
                + f"; kolom yang ada: {', '.join(bidang)}"
            )
    if not folder.is_dir():
        from asnkinerja.errors import FolderTidakAda

        raise FolderTidakAda(
            f"folder {folder} tidak ada atau bukan folder; untuk ruang kerja baru, buat dulu "
            "foldernya (boleh kosong), lalu impor ke sana"
        )
    hari = hari_ini or datetime.date.today()
    hb = baca_impor.baca_rekaman(baca_lembar(berkas), jenis, berkas.name, peta=peta,
                                 nama_lembar=lembar, periode=periode, hari_ini=hari)  # fmt: skip
    hasil = HasilImpor(masalah=hb.masalah, catatan=hb.catatan, dibaca=len(hb.rekaman))
    if ada_galat(hb.masalah):
        return hasil
    ruang = muat(folder, hari).ruang
    rencana = gabung.rencanakan(folder, jenis, hb.rekaman, ruang, berkas.name)
    hasil.perubahan, hasil.tetap = rencana.perubahan, rencana.tetap
    hasil.masalah += rencana.masalah
    if ada_galat(hasil.masalah) or not rencana.perubahan:
        return hasil
    try:
        isi_baru = rencana.isi_baru
    except gabung.TidakBisaDisunting as e:
        hasil.masalah.append(Masalah(Lokasi(str(e).split(":")[0]), "galat", str(e)))
        return hasil
    galat_, hasil.peringatan = gabung.periksa_gabungan(folder, isi_baru, rencana.sumber, hari)
    hasil.masalah += galat_
    if ada_galat(hasil.masalah) or coba:
        return hasil
    hasil.cadangan = gabung.tulis(folder, isi_baru, f"asnkinerja impor {jenis} {berkas.name}")
    hasil.ditulis = list(isi_baru)
    return hasil


def _angka(d: Any) -> float:
    """A Decimal as a spreadsheet number: whole numbers stay whole (an int)."""
    return int(d) if d == int(d) else float(d)


def _muat_tanpa_galat(
    folder: Path, hari_ini: datetime.date | None, pakai_cache: bool
) -> RuangTerperiksa | list[Masalah]:
    """The workspace read and checked, or (if it has errors) every problem with its line."""
    t = muat(folder, hari_ini or datetime.date.today(), pakai_cache=pakai_cache)
    return t.dengan_baris() if ada_galat(t.masalah) else t


def _periksa_unit(unit: tuple[str, ...], ada: list[str]) -> None:
    """`errors.PilihanSalah`, with a suggestion, for a unit name that is none of `ada`."""
    from asnkinerja.errors import PilihanSalah
    from asnkinerja.masalah import maksudnya, mirip

    for nama in unit:
        if nama not in ada:
            saran = maksudnya(mirip(nama, ada, n=3, cutoff=0.5), kutip=True)
            raise PilihanSalah(
                f'unit "{nama}" tidak ada di daftar pegawai{saran}; unit yang ada: '
                + ", ".join(ada)
            )


def _pilih_unit(hasil: HasilEvaluasi, unit: tuple[str, ...]) -> HasilEvaluasi:
    from asnkinerja.inti.evaluasi import untuk_unit

    _periksa_unit(unit, [u.nama for u in hasil.unit])
    return untuk_unit(hasil, list(dict.fromkeys(unit)))


def jelaskan(ev: Evaluasi, nip: str) -> list[str]:
    """Every step of one employee's evaluation, each number with its `berkas:baris`.

    Raises `errors.PilihanSalah` for a NIP not evaluated (with a suggestion if one is close).
    """
    from asnkinerja.sajian import keluaran as kel

    if ev.hasil is None:
        raise ValueError("ruang kerja masih punya galat; tidak ada yang dijelaskan")
    t = ev.terperiksa
    return kel.penjelasan(ev.hasil, nip.strip(), t.tempat, t.ruang.kebijakan_lokasi)


@contextlib.contextmanager
def _jeda_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building large, long-lived data: loading
    60,000 reports makes millions of objects that all stay alive, and each automatic
    collection would walk them all again. Our records hold no cycles; the state is restored."""
    aktif = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if aktif:
            gc.enable()
