"""Dua pemasangan asnkinerja dibandingkan bergantian pada ruang kerja yang sama (A/B).

Mesin bersama berisik: lantai F sendiri bergeser puluhan persen antara dua jalankan
`kinerja.py`. Di sini setiap skenario dijalankan bergantian lama, baru, lama, baru, ...
sehingga keduanya merasakan kebisingan yang sama; yang dilaporkan median masing-masing dan
rasionya (baru / lama), bukan angka mutlak.

    python benchmarks/ab.py --lama /venv-lama/bin/asnkinerja --baru /venv-baru/bin/asnkinerja \\
        FOLDER [--ulang 7]

Setiap pemasangan memakai folder cache sendiri. Bukan tes berwaktu.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

Sebelum = Callable[[], None] | None


def _jalankan(perintah: list[str], env: dict[str, str]) -> float:
    mulai = time.perf_counter()
    hasil = subprocess.run(
        perintah, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, check=False
    )
    detik = time.perf_counter() - mulai
    if hasil.returncode not in (0, 1):
        raise SystemExit(f"gagal ({hasil.returncode}): {' '.join(perintah)}")
    return detik


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--lama", required=True, help="skrip asnkinerja pemasangan lama")
    ap.add_argument("--baru", required=True, help="skrip asnkinerja pemasangan baru")
    ap.add_argument("--periode", default="2025")
    ap.add_argument("--ulang", type=int, default=7)
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="asnkinerja-ab-"))
    cache = {"lama": tmp / "cache-lama", "baru": tmp / "cache-baru"}
    skrip = {"lama": a.lama, "baru": a.baru}
    laporan = sorted((a.folder / "laporan").rglob("*.yaml"))
    berkas = laporan[len(laporan) // 2]
    asli = berkas.read_bytes()
    giliran = [0]

    def ubah_satu() -> None:
        giliran[0] += 1
        berkas.write_bytes(asli + f"\n# diubah {giliran[0]}\n".encode())

    ev = ["evaluasi", str(a.folder), "--periode", a.periode]
    skenario: list[tuple[str, list[str], str]] = [
        ("evaluasi dingin", ev, "kosong"),
        ("evaluasi hangat", ev, ""),
        ("evaluasi --json dingin", [*ev, "--json"], "kosong"),
        ("evaluasi --json hangat", [*ev, "--json"], ""),
        ("evaluasi, satu berkas berubah", ev, "ubah"),
        ("evaluasi --json, satu berkas berubah", [*ev, "--json"], "ubah"),
        ("periksa dingin", ["periksa", str(a.folder)], "kosong"),
        ("periksa hangat", ["periksa", str(a.folder)], ""),
    ]
    print("| skenario | lama (s) | baru (s) | baru / lama |\n|---|---:|---:|---:|")
    try:
        for nama, argumen, sebelum in skenario:
            waktu: dict[str, list[float]] = {"lama": [], "baru": []}
            for pasang in ("lama", "baru"):  # a first run fills what a warm run needs
                env = {**os.environ, "ASNKINERJA_CACHE": str(cache[pasang])}
                _jalankan([skrip[pasang], *argumen], env)
            for _ in range(a.ulang):
                for pasang in ("lama", "baru"):
                    env = {**os.environ, "ASNKINERJA_CACHE": str(cache[pasang])}
                    if sebelum == "kosong":
                        shutil.rmtree(cache[pasang], ignore_errors=True)
                    elif sebelum == "ubah":
                        ubah_satu()
                    waktu[pasang].append(_jalankan([skrip[pasang], *argumen], env))
            lama, baru = (statistics.median(waktu[p]) for p in ("lama", "baru"))
            print(f"| {nama} | {lama:.2f} | {baru:.2f} | {baru / lama:.2f} |", flush=True)
    finally:
        berkas.write_bytes(asli)
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
