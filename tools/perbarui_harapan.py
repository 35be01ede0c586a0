"""Regenerate tests/data/invalid/*/harapan.txt. Run only on purpose; read the diff."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

AKAR = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(AKAR), str(AKAR / "tests")]

from asnkinerja import api  # noqa: E402

from conftest import HARI_INI, INVALID, bangun_skenario  # noqa: E402

for d in sorted(p for p in INVALID.iterdir() if p.is_dir()):
    with tempfile.TemporaryDirectory() as t:
        ruang = bangun_skenario(Path(t) / "r", d.name)
        masalah = api.periksa(ruang, HARI_INI, pakai_cache=False).masalah
        teks = "".join(m.baris_teks() + "\n" for m in masalah)
        (d / "harapan.txt").write_text(teks, encoding="utf-8", newline="\n")
        print(f"## {d.name}\n{teks}")
