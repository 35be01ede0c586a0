"""Berapa lama `impor` membaca satu formulir laporan sebulan penuh, dibanding membacanya saja.

Membuat formulir laporan untuk satu periode yang sudah ada di ruang kerja (terisi laporannya,
jadi hasil impornya "tidak ada perubahan"), lalu mengukur, median dari beberapa kali:

- dasar: openpyxl membaca semua sel buku kerja itu (mode baca saja, nilai saja), batas bawah
  yang tidak dapat dilampaui tanpa pustaka lain;
- `api.impor(..., coba=True)`: membaca, mencocokkan judul, membaca setiap sel, memuat ruang
  kerja, membandingkan, dan memeriksa ruang kerja gabungan.

    python benchmarks/impor.py RUANG_KERJA --periode 2025-12 [--ulang 3]

Ruang kerja 5.000 pegawai: `asnkinerja contoh /tmp/W1 --pegawai 5000`. Bukan tes berwaktu.
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def median_detik(f: Callable[[], object], ulang: int) -> float:
    waktu = []
    for _ in range(ulang):
        t = time.perf_counter()
        f()
        waktu.append(time.perf_counter() - t)
    return statistics.median(waktu)


def main() -> None:
    import openpyxl

    from asnkinerja import api

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("ruang", type=Path)
    p.add_argument("--periode", required=True)
    p.add_argument("--ulang", type=int, default=3)
    a = p.parse_args()
    hari = datetime.date(2026, 11, 28)
    isi, masalah = api.templat_laporan(a.ruang, a.periode, hari_ini=hari)
    assert isi is not None, masalah
    with tempfile.TemporaryDirectory() as tmp:
        formulir = Path(tmp) / "formulir.xlsx"
        formulir.write_bytes(isi)

        def dasar() -> None:
            buku = openpyxl.load_workbook(formulir, read_only=True, data_only=True)
            for ws in buku.worksheets:
                for _ in ws.iter_rows(values_only=True):
                    pass

        def impor() -> None:
            h = api.impor(a.ruang, "laporan", formulir, coba=True, hari_ini=hari)
            assert not h.masalah and not h.perubahan, (h.masalah[:3], h.perubahan[:3])

        baris = sum(ws.max_row or 0 for ws in openpyxl.load_workbook(formulir).worksheets)
        t0 = median_detik(dasar, a.ulang)
        t1 = median_detik(impor, a.ulang)
    print(f"formulir {a.periode}: {len(isi) / 1e6:.1f} MB ({baris} baris)")
    print(f"{'dasar: openpyxl membaca semua sel':45s} {t0:6.2f} s  1.00x")
    print(f"{'impor laporan --coba':45s} {t1:6.2f} s  {t1 / t0:.2f}x")


if __name__ == "__main__":
    main()
