"""The project's exceptions: only for what cannot go on. Problems in data are values."""

from __future__ import annotations


class AsnkinerjaError(Exception):
    """Base of every error this tool raises on purpose; the CLI turns it into a message."""

    kode_keluar = 1


class FolderTidakAda(AsnkinerjaError):
    """The workspace folder given does not exist or is not a folder."""

    kode_keluar = 2


class FolderTidakKosong(AsnkinerjaError):
    """A command that writes a workspace was pointed at a folder that already has files."""

    kode_keluar = 2


class GagalMenulis(AsnkinerjaError):
    """An output file could not be written (disk full, no permission, locked by Excel)."""


class TidakAdaLaporan(AsnkinerjaError):
    """The workspace holds no report at all: there is nothing to evaluate."""


class PeriodeSalah(AsnkinerjaError):
    """The period asked for is not a period, or is shorter than the report period."""

    kode_keluar = 2


class TemplateRusak(AsnkinerjaError):
    """A report template is missing or cannot be rendered."""


class PilihanSalah(AsnkinerjaError):
    """An option or argument names something that does not exist (a format, a NIP)."""

    kode_keluar = 2


class TanpaProgram(AsnkinerjaError):
    """No program on this machine can do it: print a PDF (no browser, or it failed) or
    open a written file."""

    kode_keluar = 1


class BerkasTidakTerbaca(AsnkinerjaError):
    """A file given to import cannot be read as a spreadsheet (missing, locked, not XLSX)."""

    kode_keluar = 1
