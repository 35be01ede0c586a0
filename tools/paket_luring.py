"""Paket pemasangan luring: roda (wheel) asnkinerja dan semua dependensinya dalam satu folder.

Untuk kantor tanpa internet yang andal: folder ini disalin (flashdisk, jaringan kantor) ke
komputer tujuan, lalu dipasang tanpa indeks paket:

    python -m pip install --no-index --find-links paket-luring asnkinerja

Membuat paket (butuh internet di komputer pembuat):

    python tools/paket_luring.py                       # Windows dan Linux 64-bit, Python 3.10-3.13
    python tools/paket_luring.py --python 3.11 --platform linux   # satu sasaran saja

Versi yang harus sama di semua sasaran (yang berkode terkompilasi, dan Typer) disematkan di
constraints.txt; CI memasang dari paket yang dibuat skrip ini tanpa indeks paket.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

try:  # Python 3.11+; on 3.10: python -m pip install tomli
    import tomllib
except ModuleNotFoundError:  # pragma: no cover - Python 3.10
    import tomli as tomllib

AKAR = Path(__file__).resolve().parent.parent
PYTHON = ("3.10", "3.11", "3.12", "3.13")
# Tags pip accepts for a 64-bit machine of each system (manylinux: glibc from 2.17 on).
PLATFORM = {
    "windows": ("win_amd64",),
    "linux": ("manylinux2014_x86_64", "manylinux_2_17_x86_64", "manylinux_2_28_x86_64"),
}
# pip judges environment markers on the machine that downloads, not the target: what
# Windows needs (Typer's colorama) is named here.
KHUSUS = {"windows": ("colorama",), "linux": ()}


def dependensi() -> list[str]:
    proyek = tomllib.loads((AKAR / "pyproject.toml").read_text(encoding="utf-8"))
    return list(proyek["project"]["dependencies"])


def pip(*argumen: str) -> None:
    subprocess.run([sys.executable, "-m", "pip", *argumen], check=True)


def buat(ke: Path, python: list[str], platform: list[str]) -> None:
    ke.mkdir(parents=True, exist_ok=True)
    pip("wheel", "--quiet", "--no-deps", "--wheel-dir", str(ke), str(AKAR))
    batasan = AKAR / "constraints.txt"
    for sistem in platform:
        for versi in python:
            tag = [x for p in PLATFORM[sistem] for x in ("--platform", p)]
            print(f"dependensi untuk {sistem} 64-bit, Python {versi} ...", file=sys.stderr)
            pip("download", "--quiet", "--only-binary=:all:", "--implementation", "cp",
                "--python-version", versi, *tag, "--constraint", str(batasan),
                "--dest", str(ke), *dependensi(), *KHUSUS[sistem])  # fmt: skip
    (ke / "BACA.txt").write_text(
        "Paket pemasangan luring asnkinerja (64-bit Windows/Linux, Python 3.10-3.13).\n\n"
        "Di komputer tujuan (tanpa internet), dari folder yang berisi folder ini:\n\n"
        f"    python -m pip install --no-index --find-links {ke.name} asnkinerja\n\n"
        "Lalu jalankan: asnkinerja --help\n",
        encoding="utf-8",
        newline="\r\n",  # Notepad on Windows
    )
    roda = sorted(p.name for p in ke.glob("*.whl"))
    print(f"{len(roda)} roda di {ke}", file=sys.stderr)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--ke", type=Path, default=AKAR / "paket-luring", help="folder paket")
    ap.add_argument("--python", nargs="+", default=list(PYTHON), choices=PYTHON)
    ap.add_argument("--platform", nargs="+", default=list(PLATFORM), choices=list(PLATFORM))
    a = ap.parse_args()
    buat(a.ke, a.python, a.platform)


if __name__ == "__main__":
    main()
