"""`--help` in Bahasa Indonesia, through Click's own extension points.

Typer's copy of Click writes its headings and usage line in English ("Usage:",
"Options:", "Show this message and exit."). Rather than rewrite its output, the
commands use a context whose help formatter (`Context.formatter_class`) writes the
Indonesian words, and a help option with an Indonesian help text. The few English
words come from one table, `KATA`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from typer.core import TyperCommand, TyperGroup

try:  # Typer ships its own copy of Click from 0.22; earlier releases use Click itself.
    from typer._click.core import Context
    from typer._click.formatting import HelpFormatter
except ImportError:  # pragma: no cover - depends on the Typer release
    from click.core import Context  # type: ignore[assignment]
    from click.formatting import HelpFormatter  # type: ignore[assignment]

# Click's words, as its formatter receives them, and ours.
KATA = {
    "Options": "Pilihan",
    "Arguments": "Argumen",
    "Commands": "Perintah",
}
BANTUAN = "Tampilkan bantuan ini lalu keluar."
PILIHAN = "[PILIHAN]"
PERINTAH = "PERINTAH [ARGUMEN]..."
# The notes Click puts after a parameter's help: "[default: x]", "[required]", and a
# range, "[1<=x<=100]".
_CATATAN = re.compile(r"\[(default: |required\])|(\d)<=x<=(\d)")
_CATATAN_KITA = {"default: ": "[bawaan: ", "required]": "[wajib]"}


def _kata_kita(m: re.Match[str]) -> str:
    if m.group(1):
        return _CATATAN_KITA[m.group(1)]
    return f"{m.group(2)} sampai {m.group(3)}"


class Formatter(HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, "Pemakaian: " if prefix is None else prefix)

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(KATA.get(name, name)):
            yield

    def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        rows = [(a, _CATATAN.sub(_kata_kita, b)) for a, b in rows]
        super().write_dl(rows, *args, **kwargs)


class Konteks(Context):
    formatter_class = Formatter


def _bantuan_indonesia(opsi: Any) -> Any:
    if opsi is not None:
        opsi.help = BANTUAN
    return opsi


class Perintah(TyperCommand):
    """A command whose help speaks Bahasa Indonesia."""

    context_class = Konteks

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["options_metavar"] = PILIHAN
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: Any) -> Any:
        return _bantuan_indonesia(super().get_help_option(ctx))


class Kelompok(TyperGroup):
    """The `asnkinerja` group: its help, and its commands', speak Bahasa Indonesia."""

    context_class = Konteks
    command_class = Perintah

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["subcommand_metavar"] = PERINTAH
        kwargs["options_metavar"] = PILIHAN
        super().__init__(*args, **kwargs)

    def get_help_option(self, ctx: Any) -> Any:
        return _bantuan_indonesia(super().get_help_option(ctx))
