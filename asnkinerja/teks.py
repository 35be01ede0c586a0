"""Text from the data made safe to show (control characters visible, never obeyed), and
the two ways a number or a name is written into a message or a file name.

A name or value may hold an escape sequence (`\x1b]0;...` sets the window title,
`\x1b[2J` clears the screen) put there by accident or on purpose. Everything the console
prints from the data, and every JSON it prints, passes through here, so the terminal
shows the character (as ␛) instead of obeying it; `periksa` names such text too.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and the C1 controls (0x9b is CSI on terminals
# that read 8-bit controls).
KENDALI = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
KENDALI_SEMUA = re.compile("[\x00-\x1f\x7f-\x9f]")
# The same in JSON text (which escapes C0 itself), with the two Unicode line separators.
_KENDALI_JSON = re.compile("[\x7f-\x9f\u2028\u2029]")


def ribuan(x: float) -> str:
    """A whole number with Indonesian thousands dots: 1.000.000.000.000.000."""
    return f"{int(x):,}".replace(",", ".")


def slug(teks: str) -> str:
    """A name as part of a file name: lower-case letters and digits joined by "-"
    ("Dinas PUPR" -> "dinas-pupr"), as the per-unit report files are named."""
    return re.sub(r"[^0-9a-z]+", "-", teks.casefold()).strip("-")[:60]


def _gambar(m: re.Match[str]) -> str:
    c = ord(m.group())
    if c < 0x20:
        return chr(0x2400 + c)  # the Unicode picture of the control: ␀ ... ␛ ... ␟
    if c == 0x7F:
        return "\u2421"  # ␡
    return f"\\x{c:02x}"


def tampak(teks: str, satu_baris: bool = False) -> str:
    """`teks` with every control character (but tab and newline) shown as a visible sign;
    `satu_baris`: tab and newline too (a file name, which must stay on its line)."""
    if teks.isprintable():  # C speed, and true of nearly every name: nothing to look for
        return teks
    pola = KENDALI_SEMUA if satu_baris else KENDALI
    return pola.sub(_gambar, teks) if pola.search(teks) else teks


# UTF-8 bytes that begin DEL, a C1 control (0xC2 0x80-0x9F) or U+2028/9 (0xE2 0x80 0xA8/9).
_AWAL_JSON = (b"\x7f", b"\xc2", b"\xe2\x80\xa8", b"\xe2\x80\xa9")


def json_aman(teks: str) -> str:
    """JSON text with DEL, the C1 controls and U+2028/9 escaped (\\u009b): still the same
    JSON, and nothing in it that a terminal would obey."""
    if teks.isascii() and "\x7f" not in teks:
        return teks
    return _KENDALI_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", teks)


def json_aman_bita(data: bytes) -> bytes:
    """`json_aman` for UTF-8 JSON bytes, looking only with fast byte searches first."""
    if not any(a in data for a in _AWAL_JSON):
        return data
    return json_aman(data.decode("utf-8")).encode("utf-8")
