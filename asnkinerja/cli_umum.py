"""What the commands share: their options, the date in force, the workspace's problems
turned into exit codes, and writing what they return."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, ParamSpec, TypeVar

import typer

if TYPE_CHECKING:  # types only: `--help` must not import the evaluation
    from asnkinerja.api import Evaluasi
    from asnkinerja.inti.evaluasi import HasilEvaluasi
    from asnkinerja.masalah import Masalah

P = ParamSpec("P")
R = TypeVar("R")


def tangani(perintah: Callable[P, R]) -> Callable[P, R]:
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
        metavar="FOLDER",
    ),
]

TanpaCacheOpt = Annotated[
    bool,
    typer.Option(
        "--tanpa-cache",
        help="Baca ulang semua berkas; jangan pakai atau perbarui cache hasil baca sebelumnya.",
    ),
]

PeriodeOpt = Annotated[
    str | None,
    typer.Option(
        "--periode",
        "-p",
        metavar="PERIODE",
        help="Bulan (2026-10), triwulan (2026-T3), semester (2026-S2) atau tahun (2026). "
        "Bawaan: periode laporan terakhir yang ada.",
    ),
]
TanggalOpt = Annotated[
    str | None,
    typer.Option(
        "--tanggal",
        metavar="TTTT-BB-HH",
        help="Tanggal cetak dan 'hari ini' untuk batas laporan (TTTT-BB-HH); bawaan hari ini.",
    ),
]


SamarkanOpt = Annotated[bool, typer.Option("--samarkan", help="Samarkan nama (inisial) dan NIP.")]
BukaOpt = Annotated[
    bool,
    typer.Option("--buka", help="Buka berkas yang ditulis dengan program bawaan komputer."),
]
UnitOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--unit",
        "-u",
        metavar="NAMA",
        help="Hanya untuk unit ini: laporan atau formulir satu OPD (boleh diulang).",
    ),
]
KeluaranOpt = Annotated[
    Path | None,
    typer.Option(
        "--keluaran", "-o", metavar="FOLDER", help="Folder keluaran; bawaan hasil/ di ruang kerja."
    ),
]


def urai_format(teks: str | None, buku_kerja: bool = False) -> list[str]:
    """The report formats asked for (the report modules are loaded only if any is);
    `buku_kerja`: xlsx is one of them."""
    if not teks:
        return []
    from asnkinerja.sajian import keluaran as kel

    return kel.urai_format(teks, kel.FORMAT_EVALUASI if buku_kerja else kel.FORMAT)


def tanggal_dari(teks: str | None) -> datetime.date:
    from asnkinerja.errors import PeriodeSalah

    if teks is None:
        return datetime.date.today()
    try:
        return datetime.date.fromisoformat(teks)
    except ValueError as e:
        raise PeriodeSalah(f'--tanggal "{teks}" bukan tanggal TTTT-BB-HH') from e


def evaluasi_atau_keluar(
    folder: Path,
    periode: str | None,
    tanggal: str | None,
    samarkan: bool = False,
    *,
    tanpa_cache: bool = False,
    progres: bool = True,
) -> Evaluasi:
    """The evaluation of a checked workspace and its warnings; errors are shown, exit 1."""
    from asnkinerja import api
    from asnkinerja.sajian import progres as progres_

    with progres_.ProgresMuat(progres) as bar:
        ev = api.evaluasi(
            folder, periode, tanggal_dari(tanggal), pakai_cache=not tanpa_cache, progres=bar
        )
    if ev.hasil is None:
        keluar_karena_galat(ev.masalah, samarkan)
    return ev


def hasil_atau_keluar(
    folder: Path, periode: str | None, tanggal: str | None, samarkan: bool, tanpa_cache: bool
) -> HasilEvaluasi:
    hasil = evaluasi_atau_keluar(folder, periode, tanggal, samarkan, tanpa_cache=tanpa_cache).hasil
    assert hasil is not None  # a workspace with errors has exited
    return hasil


def keluar_karena_galat(masalah: list[Masalah], samarkan: bool) -> NoReturn:
    """Show a workspace's problems and exit 1. Under --samarkan only their count is
    shown: the messages name people."""
    from asnkinerja.masalah import ringkasan
    from asnkinerja.sajian import console

    if samarkan:
        console.galat_konsol.print(ringkasan(masalah), highlight=False)
    else:
        console.cetak_masalah(masalah, console.galat_konsol)
    console.pesan_galat("ruang kerja masih punya galat; perbaiki dulu (lihat asnkinerja periksa)")
    raise typer.Exit(1)


def catat_peringatan(jumlah: int, folder: Path) -> None:
    from asnkinerja.sajian import console

    if jumlah:
        console.galat_konsol.print(
            f"Catatan: ruang kerja punya {jumlah} peringatan; lihat: asnkinerja periksa {folder}",
            highlight=False,
        )


def cetak_pdf(nama: list[str], tujuan: Path, konsol: Any) -> None:
    """Each written HTML report printed to a PDF beside it, by the machine's own browser."""
    from asnkinerja.sajian import pdf

    for n in nama:
        if n.endswith(".html"):
            html = tujuan / n
            pdf.cetak(html, html.with_suffix(".pdf"))
            konsol.print(f"Ditulis: {html.with_suffix('.pdf')}", highlight=False)


def tulis(
    berkas: Sequence[tuple[str, str | bytes]],
    tujuan: Path,
    konsol: Any,
    batas: int | None = None,
) -> None:
    """Write reports atomically (outputs, not inputs: replaced, not backed up) and say where."""
    from asnkinerja.sajian.tulis import Penulis

    penulis = Penulis(tujuan, cadangan=False)
    for nama, teks in berkas:
        penulis.tulis(nama, teks)
    ditulis = penulis.ditulis
    tampil = ditulis if batas is None else ditulis[:batas]
    for p in tampil:
        konsol.print(f"Ditulis: {p}", highlight=False)
    if len(ditulis) > len(tampil):
        konsol.print(
            f"... dan {len(ditulis) - len(tampil)} berkas lain di {tujuan}", highlight=False
        )
