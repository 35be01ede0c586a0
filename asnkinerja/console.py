"""The one module that talks to the terminal (Rich), imported only by the CLI."""

from __future__ import annotations

import sys

from rich.console import Console
from rich.markup import escape as _lolos  # names may hold [brackets]

from asnkinerja.masalah import GALAT, Masalah

# emoji=False: "berkas.yaml:1234:" must not become an emoji code.
keluar = Console(highlight=False, soft_wrap=True, emoji=False)
galat_konsol = Console(stderr=True, highlight=False, soft_wrap=True, emoji=False)

_WARNA = {GALAT: "bold red", "peringatan": "yellow"}


def cetak_masalah(masalah: list[Masalah], konsol: Console = keluar) -> None:
    """Each problem on one line, `berkas:baris:kolom: tingkat: pesan`, grouped by file."""
    if not konsol.is_terminal:
        # Piped or redirected: plain lines, written at once (Rich per line is slow
        # for thousands of warnings and adds nothing without colour).
        konsol.file.write("".join(m.baris_teks() + "\n" for m in masalah))
        konsol.file.flush()
        return
    for m in masalah:
        konsol.print(
            f"[bold]{_lolos(m.lokasi.teks())}[/]: [{_WARNA[m.tingkat]}]{m.tingkat}[/]: "
            f"{_lolos(m.teks_pesan())}"
        )


def pesan(teks: str, gaya: str = "") -> None:
    keluar.print(f"[{gaya}]{_lolos(teks)}[/]" if gaya else _lolos(teks))


def pesan_galat(teks: str) -> None:
    galat_konsol.print(f"[bold red]galat:[/] {_lolos(teks)}")


def siapkan_utf8() -> None:
    """Piped output on Windows defaults to a code page that cannot write '•' or '→'."""
    for aliran in (sys.stdout, sys.stderr):
        enc = (getattr(aliran, "encoding", "") or "").lower().replace("-", "")
        if enc != "utf8" and hasattr(aliran, "reconfigure"):
            aliran.reconfigure(encoding="utf-8", errors="replace")
