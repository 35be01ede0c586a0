"""The terminal (Rich): the two consoles, messages, problems and tables whose numbers are never
cut. Rich is imported here and in `progres` only (a ruff rule keeps it so)."""

from __future__ import annotations

import os
import sys
from typing import IO, TYPE_CHECKING, Any, cast

from asnkinerja.masalah import GALAT, Masalah
from asnkinerja.teks import tampak

if TYPE_CHECKING:  # imported for their types only: `--help` must start fast
    from rich.console import Console
    from rich.table import Table

    Tabel = Table  # for the modules that fill tables without importing Rich


def lolos(teks: str) -> str:
    """Data for Rich markup: [brackets] escaped, control characters shown, not obeyed."""
    from rich.markup import escape

    return escape(tampak(teks))


class _KonsolMalas:
    """A Rich console made on first use, so a command whose output is piped (plain
    text) never imports Rich, a noticeable part of every short run."""

    def __init__(self, stderr: bool) -> None:
        self._stderr = stderr
        self._konsol: Console | None = None

    def _buat(self) -> Console:
        if self._konsol is None:
            from rich.console import Console

            # emoji=False: "berkas.yaml:1234:" must not become an emoji code.
            k = Console(stderr=self._stderr, highlight=False, soft_wrap=True, emoji=False)
            if not k.is_terminal:  # piped into a file: tables as wide as they need
                k.width = 140
            self._konsol = k
        return self._konsol

    @property
    def file(self) -> IO[str]:
        if self._konsol is not None:
            return self._konsol.file
        return sys.stderr if self._stderr else sys.stdout

    @property
    def is_terminal(self) -> bool:
        if self._konsol is None:
            aliran = self.file
            tty = getattr(aliran, "isatty", lambda: False)()
            # Rich may still call it a terminal when told to (FORCE_COLOR, TTY_*): ask it.
            if not tty and not any(k in os.environ for k in ("FORCE_COLOR", "TTY_COMPATIBLE",
                                                             "TTY_INTERACTIVE")):  # fmt: skip
                return False
        return self._buat().is_terminal

    def __getattr__(self, nama: str) -> Any:
        return getattr(self._buat(), nama)


def nyata(k: Console) -> Console:
    """The Rich console itself, for Rich objects that take one (a progress bar)."""
    buat = getattr(k, "_buat", None)
    return buat() if buat is not None else k


keluar = cast("Console", _KonsolMalas(stderr=False))
galat_konsol = cast("Console", _KonsolMalas(stderr=True))

_WARNA = {GALAT: "bold red", "peringatan": "yellow"}


def cetak_masalah(masalah: list[Masalah], konsol: Console = keluar) -> None:
    """Each problem on one line, `berkas:baris:kolom: tingkat: pesan`, grouped by file."""
    if not konsol.is_terminal:
        # Piped or redirected: plain lines, written at once (Rich per line is slow
        # for thousands of warnings and adds nothing without colour).
        konsol.file.write("".join(tampak(m.baris_teks()) + "\n" for m in masalah))
        konsol.file.flush()
        return
    for m in masalah:
        konsol.print(
            f"[bold]{lolos(m.lokasi.teks())}[/]: [{_WARNA[m.tingkat]}]{m.tingkat}[/]: "
            f"{lolos(m.teks_pesan())}"
        )


def cetak_perubahan(perubahan: list[Any], batas: int | None, konsol: Console = keluar) -> None:
    """An import's diff: `+` a new record and its file, `~` a changed one with each
    changed value `lama → baru`; after `batas` records, how many more."""
    tampil = perubahan if batas is None else perubahan[:batas]
    for p in tampil:
        tanda = "+" if p.jenis == "tambah" else "~"
        warna = "green" if p.jenis == "tambah" else "yellow"
        konsol.print(f"[{warna}]{tanda}[/] {lolos(p.nama)} → {lolos(p.berkas)} "
                     f"[dim]({lolos(p.sumber)})[/]", highlight=False)  # fmt: skip
        for r in p.rincian:
            konsol.print(f"    {lolos(r)}", highlight=False)
    if len(perubahan) > len(tampil):
        konsol.print(f"... dan {len(perubahan) - len(tampil)} perubahan lain (semua: --rinci)",
                     highlight=False)  # fmt: skip


def buat_tabel(judul: str | None, kolom: dict[str, bool]) -> Table:
    """A table whose numbers are never cut: `kolom` maps each heading to whether it
    holds a number or a NIP (right-aligned, never wrapped); text columns wrap between
    words. Below 100 columns (an 80-column Windows console, which may report 79) the
    lines and the outer padding are left out, so the names keep room beside the
    numbers. Print it with `cetak_tabel`."""
    from rich import box
    from rich.table import Table

    sempit = keluar.width < 100
    t = Table(
        title=judul,
        title_justify="left",
        box=box.SIMPLE_HEAD if sempit else box.HEAVY_HEAD,
        show_edge=not sempit,
        pad_edge=not sempit,
    )
    for nama, angka in kolom.items():
        if angka:
            t.add_column(nama, justify="right", no_wrap=True)
        else:
            t.add_column(nama, overflow="fold")
    return t


_KATA_TERPANJANG = 20  # a longer "word" (a long e-mail, a run of letters) may be folded
_NYAMAN = 16  # below this a name wraps every word: the next, narrower layout reads better


def _lebar_kolom(t: Table, lebar: int, nyaman: int = 0, lipat: bool = True) -> list[int] | None:
    """Column widths that fit `lebar` without cutting a number, a NIP or a word, or None.

    Rich, when a table is too wide, narrows the widest columns with no regard for
    words ("Perbaika|n") and at last every column evenly, numbers too ("97,…").
    Here each text column keeps at least its longest word (and `nyaman` characters,
    or its whole text if shorter); the widest are narrowed first, a character at a
    time. A word longer than `_KATA_TERPANJANG` is folded (if `lipat`) only when no
    other column can give any more.
    """
    from rich.cells import cell_len
    from rich.markup import render

    keras: list[int] = []  # never narrower
    lunak: list[int] = []  # narrower only when nothing else can give
    penuh: list[int] = []
    for c in t.columns:
        teks = (render(x, emoji=False).plain if isinstance(x, str) else str(x) for x in c.cells)
        baris = [b for x in (str(c.header), *teks) for b in x.split("\n")]
        utuh = max(map(cell_len, baris), default=0)
        if c.no_wrap:
            kata = terlipat = utuh
        else:
            kata = max((cell_len(k) for b in baris for k in b.split()), default=0)
            terlipat = min(kata, _KATA_TERPANJANG)
            kata, terlipat = (max(x, min(utuh, nyaman)) for x in (kata, terlipat))
        keras.append(max(terlipat, 1))
        lunak.append(max(kata, 1))
        penuh.append(max(utuh, 1))
    n = len(t.columns)
    garis = (2 if t.box and t.show_edge else 0) + (n - 1 if t.box else 0)
    _, kanan, _, kiri = t.padding  # our tables never collapse padding
    isi = (kiri + kanan) * (n if t.pad_edge else n - 1)
    muat = lebar - garis - isi
    if sum(keras if lipat else lunak) > muat:
        return None
    hasil = list(penuh)
    lebih = sum(hasil) - muat
    for batas in (lunak, keras):
        while lebih > 0:  # narrow the widest column that can still give
            bisa = [j for j in range(n) if hasil[j] > batas[j]]
            if not bisa:
                break
            i = max(bisa, key=lambda j: hasil[j])
            hasil[i] -= 1
            lebih -= 1
    return hasil


def cetak_tabel(*pilihan: Table) -> None:
    """Print the first of `pilihan` (most detailed first) that fits the terminal
    with every number, NIP and word whole; when none does (a very narrow window),
    the first one as a list, a row a line, which the terminal wraps."""
    for i, t in enumerate(pilihan):
        # a more detailed layout only while its text columns stay comfortable to read
        # and its words whole; the last one may fold a very long word
        akhir = i == len(pilihan) - 1
        lebar = _lebar_kolom(t, keluar.width, 0 if akhir else _NYAMAN, lipat=akhir)
        if lebar is not None:
            for c, w in zip(t.columns, lebar, strict=True):
                c.width = w
            keluar.print(t)
            return
    t = pilihan[0]
    if t.title:
        keluar.print(t.title)
    judul = [str(c.header) for c in t.columns]
    for baris in zip(*(c.cells for c in t.columns), strict=True):
        isi = [str(x).replace("\n", " ") for x in baris]
        i = next((i for i, x in enumerate(isi) if x), 0)  # a total row leads with its label
        lain = "; ".join(f"{judul[j]}: {x}" for j, x in enumerate(isi) if x and j != i)
        nomor = i == 0 and t.columns[0].no_wrap  # a numbered list: "1. ..."
        keluar.print(f"  {isi[i]}{'.' if nomor else ' —'} {lain}")


def _polos(teks: str) -> str:
    """Text as Rich writes it to a file: tabs expanded, control characters shown."""
    return tampak(teks.expandtabs(8))


def pesan(teks: str, gaya: str = "") -> None:
    if not keluar.is_terminal:  # plain text, as Rich would write it, without Rich
        keluar.file.write(_polos(teks) + "\n")
        return
    keluar.print(f"[{gaya}]{lolos(teks)}[/]" if gaya else lolos(teks))


def pesan_galat(teks: str) -> None:
    if not galat_konsol.is_terminal:
        galat_konsol.file.write(f"galat: {_polos(teks)}\n")
        return
    galat_konsol.print(f"[bold red]galat:[/] {lolos(teks)}")
