"""Files the tool ships: the templates and the Wanggar sample workspace.

In a wheel they sit inside the package (`_berkas/`); in a source checkout
(editable install, tests) they are read from the top-level folders.
"""

from __future__ import annotations

from pathlib import Path

_PAKET = Path(__file__).resolve().parent
_REPO = _PAKET.parent


def folder_templates() -> Path:
    dalam = _PAKET / "_berkas" / "templates"
    return dalam if dalam.is_dir() else _REPO / "templates"


def folder_contoh() -> Path:
    dalam = _PAKET / "_berkas" / "wanggar"
    return dalam if dalam.is_dir() else _REPO / "data" / "wanggar"
