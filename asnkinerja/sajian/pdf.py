"""PDF from the HTML reports through a browser already on the machine (Chromium, Chrome or
Edge), printing as the browser's own "Print, Save as PDF" does. Nothing is downloaded: an
office without such a browser opens the HTML and prints it by hand."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from asnkinerja.atomik import tulis_atomik
from asnkinerja.errors import GagalMenulis, TanpaProgram

_NAMA = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "msedge",
         "microsoft-edge")  # fmt: skip
_WINDOWS = (
    r"Microsoft\Edge\Application\msedge.exe",
    r"Google\Chrome\Application\chrome.exe",
)


# Chromium refuses to run as root without this (a server or a container, not an office PC).
_SEBAGAI_ROOT = ["--no-sandbox"] if getattr(os, "geteuid", lambda: 1)() == 0 else []


def cari_peramban() -> str | None:
    """A Chromium-family browser on the PATH, or Edge/Chrome where Windows installs them."""
    for nama in _NAMA:
        jalur = shutil.which(nama)
        if jalur:
            return jalur
    for akar in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        for bagian in _WINDOWS if akar else ():
            calon = Path(akar or "") / bagian
            if calon.is_file():
                return str(calon)
    return None


def cetak(html: Path, pdf: Path) -> None:
    """Print one HTML file to `pdf` (written atomically); `TanpaProgram` if no browser."""
    peramban = cari_peramban()
    if peramban is None:
        raise TanpaProgram(
            "tidak ada Chromium, Chrome atau Edge untuk membuat PDF; buka berkas HTML-nya di "
            "peramban lalu pilih Cetak → Simpan sebagai PDF"
        )
    with tempfile.TemporaryDirectory(prefix="asnkinerja-pdf-") as sementara:
        keluar = Path(sementara) / "hasil.pdf"
        try:
            subprocess.run(
                [peramban, "--headless", "--disable-gpu", "--no-first-run", *_SEBAGAI_ROOT,
                 "--no-default-browser-check", "--disable-background-networking",
                 f"--user-data-dir={Path(sementara) / 'profil'}", "--no-pdf-header-footer",
                 f"--print-to-pdf={keluar}", html.resolve().as_uri()],
                capture_output=True, timeout=300, check=False,
            )  # fmt: skip
        except (OSError, subprocess.TimeoutExpired) as e:
            raise TanpaProgram(f"peramban {peramban} gagal membuat PDF: {e}") from e
        if not keluar.is_file() or keluar.stat().st_size == 0:
            raise TanpaProgram(f"peramban {peramban} tidak menghasilkan PDF untuk {html.name}")
        try:
            tulis_atomik(pdf, keluar.read_bytes())
        except OSError as e:
            raise GagalMenulis(
                f"{pdf} tidak dapat ditulis ({e.strerror or e}); tutup berkas itu bila sedang "
                "dibuka, atau pilih folder lain dengan --keluaran"
            ) from e
