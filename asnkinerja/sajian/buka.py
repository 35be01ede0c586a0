"""Opening a written report or workbook with the program the system uses for it (the
browser for HTML, Excel for XLSX), as a double click would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from asnkinerja.errors import TanpaProgram


def buka_utama(nama: list[str], tujuan: Path, pdf: bool) -> None:
    """Open the meeting's summary among the files `evaluasi` wrote into `tujuan` (its PDF
    if one was printed), else the first file written."""
    utama = [n for n in nama if "/" not in n]  # not the rapor in their folder
    ringkasan = [n for n in utama if n.startswith("evaluasi-") and n.endswith(".html")]
    pilih = next(iter(ringkasan or utama), None)
    if pilih is not None:
        jalur = tujuan / pilih
        buka(jalur.with_suffix(".pdf") if pdf and ringkasan else jalur)


def buka(jalur: Path) -> None:
    """Open `jalur` with the system's default program; `TanpaProgram` if none can."""
    try:
        if sys.platform == "win32":
            os.startfile(jalur)  # type: ignore[attr-defined]  # Windows only
        elif sys.platform == "darwin":
            subprocess.Popen(["open", str(jalur)])
        else:
            subprocess.Popen(["xdg-open", str(jalur)], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)  # fmt: skip
    except OSError as e:
        raise TanpaProgram(
            f"{jalur.name} tidak dapat dibuka otomatis ({e.strerror or e}); buka berkasnya "
            f"sendiri di {jalur.parent}"
        ) from e
