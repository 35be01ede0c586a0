"""The command line: a thin shell over the core.

Each command parses its options, calls one core function, prints or writes what
it gets back, and turns the project's errors into exit codes: 0 all good,
1 problems in the data, 2 wrong usage. Heavy modules are imported inside the
commands so that `asnkinerja --help` starts fast.
"""

from __future__ import annotations

import contextlib
import datetime
import functools
import gc
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn, ParamSpec, TypeVar

import typer

from asnkinerja import __version__

if TYPE_CHECKING:  # types only: `--help` must not import the evaluation
    from asnkinerja.baca.muat import RuangKerja
    from asnkinerja.inti.evaluasi import HasilEvaluasi
    from asnkinerja.masalah import Masalah

app = typer.Typer(
    name="asnkinerja",
    help=(
        "Evaluasi kinerja ASN (PermenPAN-RB 6/2022) dari folder berkas YAML: pegawai, "
        "laporan berkala, pengembangan kompetensi dan kebijakan instansi."
    ),
    no_args_is_help=True,
    add_completion=False,
    context_settings={"help_option_names": ["-h", "--help"]},
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)

P = ParamSpec("P")
R = TypeVar("R")


def _tangani(perintah: Callable[P, R]) -> Callable[P, R]:
    """Turn the project's own errors into a message on stderr and their exit code."""

    @functools.wraps(perintah)
    def bungkus(*args: P.args, **kwargs: P.kwargs) -> R:
        from asnkinerja.errors import AsnkinerjaError

        try:
            return perintah(*args, **kwargs)
        except AsnkinerjaError as e:
            from asnkinerja.sajian import console

            console.pesan_galat(str(e))
            raise typer.Exit(e.kode_keluar) from e

    return bungkus


FolderArg = Annotated[
    Path,
    typer.Argument(
        help="Folder ruang kerja (berisi kebijakan.yaml, pegawai.yaml, laporan/).",
        show_default="folder saat ini",
    ),
]


def _versi(nilai: bool) -> None:
    if nilai:
        typer.echo(f"asnkinerja {__version__}")
        raise typer.Exit()


@app.callback()
def utama(
    versi: Annotated[
        bool,
        typer.Option(
            "--versi", callback=_versi, is_eager=True, help="Tampilkan versi lalu keluar."
        ),
    ] = False,
) -> None:
    """Evaluasi kinerja ASN dari folder berkas YAML."""


TanpaCacheOpt = Annotated[
    bool,
    typer.Option(
        "--tanpa-cache",
        help="Baca ulang semua berkas; jangan pakai atau perbarui cache hasil baca sebelumnya.",
    ),
]


@app.command()
@_tangani
def periksa(
    folder: FolderArg = Path(),
    json_: Annotated[
        bool,
        typer.Option("--json", help="Cetak hasil sebagai JSON saja (untuk program lain)."),
    ] = False,
    tanpa_cache: TanpaCacheOpt = False,
) -> None:
    """Periksa semua berkas ruang kerja dan tampilkan SEMUA masalahnya.

    Setiap masalah ditulis sebagai berkas:baris:kolom: tingkat: pesan. Kode keluar 0
    bila tidak ada galat (peringatan boleh), 1 bila ada galat, 2 bila perintah salah.

    Contoh: asnkinerja periksa data/wanggar
    """
    from asnkinerja import masalah
    from asnkinerja.baca import muat as workspace
    from asnkinerja.inti import periksa as inti
    from asnkinerja.sajian import console

    hari_ini = workspace.hari_ini()

    def hitung() -> tuple[workspace.RuangKerja, inti.HasilPeriksa]:
        with console.ProgresMuat(not json_, sesudah="Memeriksa") as progres:
            ruang, daftar = inti.periksa(
                folder, hari_ini, pakai_cache=not tanpa_cache, progres=progres
            )
        return ruang, inti.HasilPeriksa.dari(ruang, daftar)

    hasil = workspace.hasil_diingat(
        folder, "periksa", (hari_ini.isoformat(),), inti.HasilPeriksa, hitung,
        pakai_cache=not tanpa_cache,
    )  # fmt: skip
    daftar = hasil.masalah
    if json_:
        typer.echo(masalah.sebagai_json(daftar))
    else:
        console.cetak_masalah(daftar)
        console.pesan(
            f"Diperiksa {hasil.berkas} berkas: {hasil.pegawai} pegawai, "
            f"{hasil.laporan} laporan, {hasil.pelatihan} kegiatan pengembangan. "
            + masalah.ringkasan(daftar),
            "bold red" if masalah.ada_galat(daftar) else "bold green",
        )
    if masalah.ada_galat(daftar):
        raise typer.Exit(1)


PeriodeOpt = Annotated[
    str | None,
    typer.Option(
        "--periode",
        "-p",
        help="Bulan (2026-10), triwulan (2026-T3), semester (2026-S2) atau tahun (2026). "
        "Bawaan: periode laporan terakhir yang ada.",
    ),
]
TanggalOpt = Annotated[
    str | None,
    typer.Option(
        "--tanggal",
        help="Tanggal cetak dan 'hari ini' untuk batas laporan (TTTT-BB-HH); bawaan hari ini.",
    ),
]


SamarkanOpt = Annotated[bool, typer.Option("--samarkan", help="Samarkan nama (inisial) dan NIP.")]
KeluaranOpt = Annotated[
    Path | None,
    typer.Option("--keluaran", "-o", help="Folder keluaran; bawaan hasil/ di ruang kerja."),
]


def _format(teks: str | None) -> list[str]:
    """The report formats asked for (the report modules are loaded only if any is)."""
    if not teks:
        return []
    from asnkinerja.sajian import keluaran as kel

    return kel.urai_format(teks)


def _tanggal(teks: str | None) -> datetime.date:
    from asnkinerja.errors import PeriodeSalah

    if teks is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(teks)
    except ValueError as e:
        raise PeriodeSalah(f'--tanggal "{teks}" bukan tanggal TTTT-BB-HH') from e


@app.command()
@_tangani
def evaluasi(
    folder: FolderArg = Path(),
    periode: PeriodeOpt = None,
    format_: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help="Tulis laporan: md, html, json (pisahkan dengan koma)."
        ),
    ] = None,
    keluaran: Annotated[
        Path | None,
        typer.Option("--keluaran", "-o", help="Folder laporan; bawaan hasil/ di ruang kerja."),
    ] = None,
    json_: Annotated[
        bool, typer.Option("--json", help="Cetak seluruh hasil sebagai satu objek JSON.")
    ] = False,
    samarkan: Annotated[
        bool,
        typer.Option("--samarkan", help="Samarkan nama (inisial) dan NIP di semua keluaran."),
    ] = False,
    rapor: Annotated[
        bool, typer.Option("--rapor", help="Tulis juga rapor kinerja per pegawai (HTML).")
    ] = False,
    tanggal: TanggalOpt = None,
    tanpa_cache: TanpaCacheOpt = False,
) -> None:
    """Hitung predikat kinerja setiap pegawai dan ringkasan unit untuk satu periode.

    Menolak ruang kerja yang masih punya galat (jalankan periksa dulu).

    Contoh: asnkinerja evaluasi data/wanggar --periode 2025 --format md,html,json
    """
    from asnkinerja.baca import cache
    from asnkinerja.baca import muat as workspace
    from asnkinerja.sajian import console

    format_list = _format(format_)
    # The terminal alone shows a summary: rows for every employee only when written.
    ringkas = not (json_ or format_list or rapor)
    tanggal = _tanggal(tanggal).isoformat()  # one date for the whole run and its key
    if ringkas:  # the summary alone: kept whole, shown again while no input changes

        def hitung() -> tuple[workspace.RuangKerja, cache.Layar]:
            from asnkinerja.sajian import keluaran as kel

            hasil, ruang, masalah = _evaluasi_atau_keluar(
                folder, periode, tanggal, samarkan, tanpa_cache=tanpa_cache
            )
            return ruang, cache.Layar(kel.sajikan(hasil, samarkan, ringkas=True), len(masalah))

        layar = workspace.hasil_diingat(
            folder, "evaluasi", (periode, tanggal, samarkan), cache.Layar, hitung,
            pakai_cache=not tanpa_cache,
        )  # fmt: skip
        data, jumlah_peringatan = layar.data, layar.peringatan
    else:
        from asnkinerja.sajian import keluaran as kel

        hasil, _ruang, masalah = _evaluasi_atau_keluar(
            folder, periode, tanggal, samarkan, tanpa_cache=tanpa_cache, progres=not json_
        )
        data, jumlah_peringatan = kel.sajikan(hasil, samarkan), len(masalah)
    if json_:
        from asnkinerja.sajian.render import ke_teks_json

        typer.echo(ke_teks_json(data), nl=False)
    else:
        console.ringkasan_evaluasi(data)
    if jumlah_peringatan:
        console.galat_konsol.print(
            f"Catatan: ruang kerja punya {jumlah_peringatan} peringatan; lihat: asnkinerja "
            f"periksa {folder}",
            highlight=False,
        )
    if format_list or rapor:
        tujuan = keluaran if keluaran is not None else folder / "hasil"
        ditulis = kel.tulis_laporan(hasil, tujuan, format_list, samarkan, rapor, data)
        konsol = console.galat_konsol if json_ else console.keluar
        for p in ditulis[:6]:
            konsol.print(f"Ditulis: {p}", highlight=False)
        if len(ditulis) > 6:
            konsol.print(f"... dan {len(ditulis) - 6} berkas lain di {tujuan}", highlight=False)


@app.command()
@_tangani
def jelaskan(
    nip: Annotated[str, typer.Argument(help="NIP pegawai yang dijelaskan.")],
    folder: FolderArg = Path(),
    periode: PeriodeOpt = None,
    tanggal: TanggalOpt = None,
    tanpa_cache: TanpaCacheOpt = False,
) -> None:
    """Jelaskan setiap langkah penilaian satu pegawai, dengan berkas:baris sumber tiap angka.

    Contoh: asnkinerja jelaskan 198609262010052004 data/wanggar --periode 2025
    """
    from asnkinerja.sajian import console
    from asnkinerja.sajian import keluaran as kel

    hasil, ruang, _masalah = _evaluasi_atau_keluar(
        folder, periode, tanggal, tanpa_cache=tanpa_cache
    )
    for baris in kel.penjelasan(hasil, ruang, nip.strip()):
        console.pesan(baris)


@app.command()
@_tangani
def penghargaan(
    folder: FolderArg = Path(),
    periode: PeriodeOpt = None,
    samarkan: SamarkanOpt = False,
    format_: Annotated[
        str | None,
        typer.Option("--format", "-f", help="Tulis Lampiran draf SK penetapan: md, html, json."),
    ] = None,
    keluaran: KeluaranOpt = None,
    tanggal: TanggalOpt = None,
    tanpa_cache: TanpaCacheOpt = False,
) -> None:
    """Daftar calon penerima penghargaan (ASN teladan) dengan insentif yang tepat.

    Syarat, kuota dan anggaran dari kebijakan.yaml (bagian penghargaan). Menampilkan
    juga yang "nyaris" beserta semua alasan tidak memenuhi syarat.

    Contoh: asnkinerja penghargaan data/wanggar --periode 2025
    """
    from asnkinerja.sajian import console
    from asnkinerja.sajian import keluaran as kel

    format_list = kel.urai_format(format_)
    hasil, _, _ = _evaluasi_atau_keluar(folder, periode, tanggal, samarkan, tanpa_cache=tanpa_cache)
    assert hasil.penghargaan is not None
    console.ringkasan_penghargaan(hasil, hasil.penghargaan, samarkan)
    if format_list:
        tujuan = keluaran if keluaran is not None else folder / "hasil"
        for p in kel.tulis_penghargaan(hasil, tujuan, format_list, samarkan):
            console.keluar.print(f"Ditulis: {p}", highlight=False)


def _evaluasi_atau_keluar(
    folder: Path,
    periode: str | None,
    tanggal: str | None,
    samarkan: bool = False,
    *,
    tanpa_cache: bool = False,
    progres: bool = True,
) -> tuple[HasilEvaluasi, RuangKerja, list[Masalah]]:
    """The evaluation of a checked workspace and its warnings; errors are shown, exit 1.

    Under --samarkan only their count is shown: the messages name people.
    """
    from asnkinerja.inti.evaluasi import muat_dan_evaluasi
    from asnkinerja.masalah import ringkasan
    from asnkinerja.sajian import console

    with console.ProgresMuat(progres) as bar:
        hasil, ruang, masalah = muat_dan_evaluasi(
            folder,
            periode,
            _tanggal(tanggal),
            pakai_cache=not tanpa_cache,
            progres=bar,
        )
    if hasil is None:
        if samarkan:
            console.galat_konsol.print(ringkasan(masalah), highlight=False)
        else:
            console.cetak_masalah(masalah, console.galat_konsol)
        console.pesan_galat(
            "ruang kerja masih punya galat; perbaiki dulu (lihat asnkinerja periksa)"
        )
        raise typer.Exit(1)
    return hasil, ruang, masalah


@app.command()
@_tangani
def sertifikat(
    folder: FolderArg = Path(),
    periode: PeriodeOpt = None,
    keluaran: KeluaranOpt = None,
    samarkan: SamarkanOpt = False,
    tanggal: TanggalOpt = None,
    tanpa_cache: TanpaCacheOpt = False,
) -> None:
    """Tulis piagam penghargaan (HTML, A4 mendatar, siap cetak) untuk setiap penerima.

    Untuk periode setahun, inilah piagam ASN teladan akhir tahun.

    Contoh: asnkinerja sertifikat data/wanggar --periode 2025
    """
    from asnkinerja.sajian import console
    from asnkinerja.sajian import keluaran as kel
    from asnkinerja.sajian.tulis import Penulis

    hasil, _, _ = _evaluasi_atau_keluar(folder, periode, tanggal, samarkan, tanpa_cache=tanpa_cache)
    tujuan = keluaran if keluaran is not None else folder / "hasil"
    penulis = Penulis(tujuan, cadangan=False)
    for nama, teks in kel.sertifikat(hasil, samarkan):
        penulis.tulis(nama, teks)
    if not penulis.ditulis:
        console.pesan("Tidak ada penerima penghargaan; tidak ada piagam yang ditulis.")
    for p in penulis.ditulis:
        console.keluar.print(f"Ditulis: {p}", highlight=False)


@app.command()
@_tangani
def mentoring(
    folder: FolderArg = Path(),
    periode: PeriodeOpt = None,
    samarkan: SamarkanOpt = False,
    tanggal: TanggalOpt = None,
    tanpa_cache: TanpaCacheOpt = False,
) -> None:
    """Pasangan mentor dan mentee sesudah evaluasi, dan yang belum mendapat mentor.

    Contoh: asnkinerja mentoring data/wanggar --periode 2025
    """
    from asnkinerja.sajian import console

    console.ringkasan_mentoring(
        _evaluasi_atau_keluar(folder, periode, tanggal, samarkan, tanpa_cache=tanpa_cache)[0],
        samarkan,
    )


@app.command()
@_tangani
def pengembangan(
    folder: FolderArg = Path(),
    periode: PeriodeOpt = None,
    samarkan: SamarkanOpt = False,
    tanggal: TanggalOpt = None,
    tanpa_cache: TanpaCacheOpt = False,
) -> None:
    """JP pengembangan kompetensi per pegawai dan unit, kegiatan, narasumber, keterlibatan.

    Contoh: asnkinerja pengembangan data/wanggar --periode 2025
    """
    from asnkinerja.sajian import console

    console.ringkasan_pengembangan(
        _evaluasi_atau_keluar(folder, periode, tanggal, samarkan, tanpa_cache=tanpa_cache)[0],
        samarkan,
    )


@app.command()
@_tangani
def contoh(
    folder: Annotated[Path, typer.Argument(help="Folder tujuan (dibuat bila belum ada).")],
    timpa: Annotated[
        bool,
        typer.Option(
            "--timpa",
            help="Tulis juga ke folder yang sudah berisi; berkas lama yang tertimpa "
            "disalin dulu ke .cadangan/.",
        ),
    ] = False,
    pegawai: Annotated[
        int | None,
        typer.Option(
            "--pegawai",
            min=1,
            max=1_000_000,
            help="Buat ruang kerja sintetis berisi N pegawai (untuk uji skala), "
            "bukan sampel Wanggar.",
        ),
    ] = None,
    tahun: Annotated[
        int, typer.Option("--tahun", min=1990, max=2200, help="Tahun laporan sintetis.")
    ] = 2025,
    benih: Annotated[int, typer.Option("--benih", help="Benih acak; benih sama, isi sama.")] = 1,
) -> None:
    """Tulis ruang kerja contoh: sampel Distrik Wanggar, atau data sintetis dengan --pegawai.

    Contoh: asnkinerja contoh latihan
            asnkinerja contoh skala --pegawai 5000
    """
    from asnkinerja import contoh as inti
    from asnkinerja.errors import FolderTidakKosong
    from asnkinerja.sajian import console
    from asnkinerja.sajian.tulis import Penulis

    if folder.exists() and not folder.is_dir():
        raise FolderTidakKosong(f"{folder} adalah berkas, bukan folder")
    if folder.is_dir() and any(folder.iterdir()) and not timpa:
        raise FolderTidakKosong(
            f"folder {folder} sudah berisi berkas; pilih folder kosong atau tambahkan --timpa"
        )
    penulis = Penulis(folder)
    isi = inti.berkas_sampel() if pegawai is None else inti.berkas_sintetis(pegawai, tahun, benih)
    for nama, data in isi:
        penulis.tulis(nama, data)
    jenis = "sampel Distrik Wanggar" if pegawai is None else f"data sintetis {pegawai} pegawai"
    console.pesan(f"Menulis {len(penulis.ditulis)} berkas ({jenis}) ke {folder}.", "bold green")
    if penulis.folder_cadangan is not None:
        console.pesan(
            f"{len(penulis.dicadangkan)} berkas lama disalin ke {penulis.folder_cadangan}."
        )
    console.pesan(f"Lanjutkan dengan: asnkinerja periksa {folder}")


def _siapkan_utf8() -> None:
    """Piped output on Windows defaults to a code page that cannot write '•' or '→'."""
    for aliran in (sys.stdout, sys.stderr):
        enc = (getattr(aliran, "encoding", "") or "").lower().replace("-", "")
        if enc != "utf8" and hasattr(aliran, "reconfigure"):
            aliran.reconfigure(encoding="utf-8", errors="replace")


def main() -> None:
    """Entry point for `asnkinerja` and `python -m asnkinerja`."""
    _siapkan_utf8()
    # One command is one short process whose data all stays alive to the end:
    # automatic collections would only re-walk it (docs/benchmark.md).
    gc.disable()
    salah_pakai = _kelas_salah_pakai()
    try:
        hasil = app(standalone_mode=False)
        kode = hasil if isinstance(hasil, int) else 0
    except KeyboardInterrupt:
        sys.stderr.write("\nDibatalkan.\n")
        kode = 130
    except salah_pakai as e:
        kode = _laporkan_salah_pakai(e)
    _keluar(kode)


def _keluar(kode: int) -> NoReturn:
    """End the process without freeing every object one by one.

    A province's run holds millions of objects; tearing them down takes seconds
    that nobody needs. Every file this run wrote is already closed (written
    atomically), so only the terminal output is left to flush.
    """
    for aliran in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            aliran.flush()
    os._exit(kode)


def _kelas_salah_pakai() -> type[Exception]:
    """The base class of Click's usage errors (Typer ships its own copy of Click)."""
    import importlib

    for modul in ("typer._click.exceptions", "click.exceptions"):
        try:
            kelas: type[Exception] = importlib.import_module(modul).ClickException
        except ImportError:  # pragma: no cover - depends on the Typer release
            continue
        return kelas
    return RuntimeError  # pragma: no cover - never raised by the app: nothing caught


_TERJEMAHAN = (
    (r"^No such option: (.*?)(?: Did you mean (.*)\?)?$", "opsi {0} tidak dikenal"),
    (r"^No such command '(.*)'\.$", "perintah '{0}' tidak dikenal"),
    (r"^Missing argument '(.*)'\.$", "argumen {0} belum diisi"),
    (r"^Missing option '(.*)'\.$", "opsi {0} belum diisi"),
    (
        r"^Invalid value for '(.*?)': .*greater than or equal to (\S+?)\.?$",
        "nilai untuk {0} paling kecil {1}",
    ),
    (
        r"^Invalid value for '(.*?)': .*less than or equal to (\S+?)\.?$",
        "nilai untuk {0} paling besar {1}",
    ),
    (
        r"^Invalid value for '(.*?)': .*(?:integer|valid int).*$",
        "nilai untuk {0} harus bilangan bulat",
    ),
    (r"^Invalid value for '(.*?)': (.*)$", "nilai untuk {0} tidak sah ({1})"),
    (r"^Option '(.*)' requires an argument\.$", "opsi {0} membutuhkan nilai"),
    (r"^Got unexpected extra arguments? \((.*)\)$", "argumen berlebih: {0}"),
)


def _laporkan_salah_pakai(e: Exception) -> int:
    """A usage error in Bahasa Indonesia, with where to get help; returns the exit code."""
    import re

    pesan = getattr(e, "format_message", lambda: str(e))()
    kode = int(getattr(e, "exit_code", 2))
    if type(e).__name__ == "NoArgsIsHelpError":  # `asnkinerja` alone: the help text
        sys.stdout.write(pesan + "\n")
        return 0
    for pola, ganti in _TERJEMAHAN:
        cocok = re.match(pola, pesan)
        if cocok:
            pesan = ganti.format(*(g or "" for g in cocok.groups()))
            break
    ctx = getattr(e, "ctx", None)
    perintah = ctx.command_path if ctx is not None and ctx.command_path != "-" else ""
    bantuan = (
        f"asnkinerja {perintah.split(' ', 1)[-1]} --help"
        if " " in perintah
        else "asnkinerja --help"
    )
    sys.stderr.write(f"galat: {pesan}\nLihat bantuan: {bantuan}\n")
    return kode
