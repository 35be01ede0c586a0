"""Regenerate tests/data/golden/ (rendered reports of tests/data/dasar). Only on purpose."""

from __future__ import annotations

import sys
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(AKAR), str(AKAR / "tests")]

from test_golden import GOLDEN, keluaran_golden  # noqa: E402

GOLDEN.mkdir(parents=True, exist_ok=True)
for nama, teks in keluaran_golden().items():
    (GOLDEN / nama).write_text(teks, encoding="utf-8", newline="\n")
    print(f"ditulis {GOLDEN / nama}")
