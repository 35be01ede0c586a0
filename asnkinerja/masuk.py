"""The `asnkinerja` process: streams in UTF-8, exit codes, usage errors in Bahasa Indonesia.

Kept light on purpose: worker processes are started fresh (spawn, as on Windows) and
import the starting script again; through this module they load neither Typer nor
Rich, which only the main process needs. Everything heavy is imported inside `main`.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Any, NoReturn


def main() -> None:
    """Entry point for `asnkinerja` and `python -m asnkinerja`."""
    import gc

    from asnkinerja.cli import app

    _siapkan_utf8()
    _tangkap_sigterm()
    # One command is one short process whose data all stays alive to the end:
    # automatic collections would only re-walk it (docs/benchmark.md).
    gc.disable()
    salah_pakai = _kelas_salah_pakai()
    try:
        hasil = app(standalone_mode=False, prog_name="asnkinerja")
        kode = hasil if isinstance(hasil, int) else 0
    except KeyboardInterrupt:
        sys.stderr.write("\nDibatalkan.\n")
        kode = 130
    except salah_pakai as e:
        kode = laporkan_salah_pakai(e)
    _keluar(kode)


def _tangkap_sigterm() -> None:
    """SIGTERM (a service stopping, `kill`) ends the run as Ctrl+C does: the files being
    written are removed (`atomik`), the outputs keep their previous content."""
    import signal

    def henti(signum: int, frame: Any) -> NoReturn:
        sys.stderr.write("\nDihentikan.\n")
        raise SystemExit(128 + signum)

    with contextlib.suppress(ValueError, OSError):  # not the main thread, or no SIGTERM
        signal.signal(signal.SIGTERM, henti)


def _siapkan_utf8() -> None:
    """Piped output on Windows defaults to a code page that cannot write '•' or '→'."""
    for aliran in (sys.stdout, sys.stderr):
        enc = (getattr(aliran, "encoding", "") or "").lower().replace("-", "")
        if enc != "utf8" and hasattr(aliran, "reconfigure"):
            aliran.reconfigure(encoding="utf-8", errors="replace")


def _keluar(kode: int) -> NoReturn:
    """End the process without freeing every object one by one: a province's run holds
    millions of them. Every file this run wrote is already closed (written atomically),
    so only the terminal output is left to flush."""
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


# Click's usage errors that carry no details of their own, by the start of their text.
_TANPA_RINCIAN = {
    "No such command ": "perintah {0} tidak dikenal",
    "Got unexpected extra argument": "argumen berlebih: {0}",
}


def pesan_salah_pakai(e: Any) -> str:
    """A Click usage error in Bahasa Indonesia, from the details the error carries."""
    jenis = type(e).__name__
    param = getattr(e, "param", None)
    nama = _nama_param(param) if param is not None else ""
    if jenis == "NoSuchOption":
        from asnkinerja.masalah import maksudnya

        saran = maksudnya(sorted(getattr(e, "possibilities", None) or ()), kutip=False)
        return f"opsi {e.option_name} tidak dikenal{saran}"
    if jenis == "BadOptionUsage":
        return f"opsi {e.option_name} membutuhkan nilai"
    if jenis == "MissingParameter":
        if param is not None and getattr(param, "param_type_name", "") == "argument":
            return f"argumen {param.human_readable_name} belum diisi"
        return f"opsi {nama} belum diisi"
    if param is not None:  # BadParameter: say what the option takes
        return f"nilai untuk {nama} {_yang_diterima(param.type)}"
    pesan = str(getattr(e, "message", e))
    for awal, ganti in _TANPA_RINCIAN.items():
        if pesan.startswith(awal):
            rinci = pesan[len(awal) :].strip(" .").removeprefix("(s)").strip(" ()'")
            return ganti.format(rinci)
    return pesan


def _nama_param(param: Any) -> str:
    opts = getattr(param, "opts", None) or []
    panjang = [o for o in opts if o.startswith("--")]
    return str((panjang or opts or [param.name])[0])


def _yang_diterima(tipe: Any) -> str:
    """What an option's type accepts, as a sentence's end."""
    batas_bawah, batas_atas = getattr(tipe, "min", None), getattr(tipe, "max", None)
    if batas_bawah is not None and batas_atas is not None:
        return f"harus bilangan bulat dari {batas_bawah} sampai {batas_atas}"
    if getattr(tipe, "name", "") == "integer":
        return "harus bilangan bulat"
    return "tidak sah"


def laporkan_salah_pakai(e: Exception) -> int:
    """Show a usage error with where to get help; returns the exit code."""
    kode = int(getattr(e, "exit_code", 2))
    if type(e).__name__ == "NoArgsIsHelpError":  # `asnkinerja` alone: the help text
        sys.stdout.write(getattr(e, "format_message", lambda: str(e))() + "\n")
        return 0
    ctx = getattr(e, "ctx", None)
    perintah = ctx.command_path if ctx is not None and ctx.command_path != "-" else ""
    bantuan = (
        f"asnkinerja {perintah.split(' ', 1)[-1]} --help"
        if " " in perintah
        else "asnkinerja --help"
    )
    from asnkinerja.teks import tampak  # an argument may hold a pasted escape sequence

    sys.stderr.write(f"galat: {tampak(pesan_salah_pakai(e))}\nLihat bantuan: {bantuan}\n")
    return kode
