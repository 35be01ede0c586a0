"""Under a real (pseudo-)terminal, nothing from the data controls the screen: names holding
escape sequences (window title, clear screen, blink, an 8-bit CSI) are shown as signs,
and the only escape sequences that reach the terminal are the tool's own colours."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import bangun_skenario

pytestmark = pytest.mark.skipif(os.name == "nt", reason="pseudo-terminals are POSIX")

YOHANES = "197204112000031001"  # his name starts with ESC ] 0 ; ... BEL ESC [ 2 J ESC [ 5 m
PERINTAH = [
    ["periksa"],
    ["evaluasi", "--periode", "2025-11"],
    ["jelaskan", YOHANES, "--periode", "2025-11"],
    ["penghargaan", "--periode", "2025-11"],
    ["mentoring", "--periode", "2025-11"],
    ["pengembangan", "--periode", "2025-11"],
    ["evaluasi", "--periode", "2025-11", "--json"],
]
# The tool's own styling: Select Graphic Rendition only (colours, bold), and the hyperlink
# and cursor sequences Rich may use for progress are not expected here at all.
SGR = re.compile(rb"\x1b\[[0-9;]*m")


def _di_terminal(argumen: list[str], env: dict[str, str]) -> bytes:
    import pty

    induk, anak = pty.openpty()
    p = subprocess.Popen(
        [sys.executable, "-m", "asnkinerja", *argumen], stdin=anak, stdout=anak, stderr=anak,
        env=env, close_fds=True,
    )  # fmt: skip
    os.close(anak)
    keluar = b""
    while True:
        try:
            potong = os.read(induk, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not potong:
            break
        keluar += potong
    os.close(induk)
    p.wait(timeout=120)
    return keluar


@pytest.fixture(scope="module")
def ruang(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return bangun_skenario(tmp_path_factory.mktemp("t") / "r", "kendali-di-nama")


@pytest.mark.parametrize("warna", [False, True], ids=["TERM=dumb", "berwarna"])
@pytest.mark.parametrize("argumen", PERINTAH, ids=lambda a: " ".join(a[:2]))
def test_data_tidak_mengendalikan_layar(
    argumen: list[str], warna: bool, ruang: Path, tmp_path: Path
) -> None:
    env = {
        **{k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")},
        "TERM": "xterm-256color" if warna else "dumb",
        "COLUMNS": "140",
        "LINES": "50",
        "ASNKINERJA_CACHE": str(tmp_path / "cache"),
    }
    if not warna:
        env["NO_COLOR"] = "1"
    keluar = _di_terminal([*argumen, str(ruang), "--tanggal", "2026-11-28"], env)
    teks = keluar.decode("utf-8")
    # The hostile name is on the screen (evaluasi lists it, jelaskan explains it, --json
    # holds it); the other commands print around it.
    assert ("DIRETAS" in teks) == (argumen[0] in ("evaluasi", "jelaskan")), teks[:2000]
    tanpa_gaya = SGR.sub(b"", keluar) if warna else keluar
    # No control byte but newline, carriage return (the terminal's own line ending) and tab.
    kendali = sorted({b for b in tanpa_gaya if b < 0x20 and b not in (0x0A, 0x0D, 0x09)})
    assert kendali == [], (kendali, teks[:2000])
    # No C1 control (0x80-0x9f as characters: 0x9b is CSI on 8-bit terminals), no DEL.
    assert not re.search("[\x7f-\x9f]", tanpa_gaya.decode("utf-8")), teks[:2000]
    if "DIRETAS" in teks and "--json" not in argumen:
        assert "␛]0;DIRETAS␇␛[2J␛[5m" in SGR.sub(b"", keluar).decode("utf-8")
