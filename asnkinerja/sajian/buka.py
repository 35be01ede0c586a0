"""Opening a written report or workbook with the program the system uses for it (the
browser for HTML, Excel for XLSX), as a double click would."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from asnkinerja.errors import TanpaPeramban


def buka(jalur: Path) -> None:
    """Open `jalur` with the system's default program; `TanpaPeramban` if none can."""
    try:
        if sys.platform == "win32":
            os.startfile(jalur)  # type: ignore[attr-defined]  # Windows only
        elif sys.platform == "darwin":
            subprocess.Popen(["open", str(jalur)])
        else:
            subprocess.Popen(["xdg-open", str(jalur)], stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)  # fmt: skip
    except OSError as e:
        raise TanpaPeramban(
            f"{jalur.name} tidak dapat dibuka otomatis ({e.strerror or e}); buka berkasnya "
            f"sendiri di {jalur.parent}"
        ) from e
