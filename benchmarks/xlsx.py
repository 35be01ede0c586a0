"""Memilih pustaka buku kerja Excel: menulis lembar pegawai W1 dan membacanya kembali.

Menulis 5.000 baris x 12 kolom (NIP sebagai teks, angka sebagai angka, tanggal sebagai
tanggal) dengan openpyxl (mode tulis saja) dan xlsxwriter, lalu membaca berkas itu kembali
dengan openpyxl (mode baca saja); median dari beberapa kali, rasio terhadap openpyxl.

    python benchmarks/xlsx.py [--baris 5000] [--ulang 5]

Bukan tes berwaktu; xlsxwriter hanya diukur bila terpasang.
"""

from __future__ import annotations

import argparse
import datetime
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

JUDUL = ["NIP", "Nama", "Unit", "Status", "Golongan", "Predikat", "Hasil kerja", "Perilaku",
         "Nilai akhir", "JP", "Laporan masuk", "Tanggal"]  # fmt: skip


def baris(n: int) -> list[list[Any]]:
    hari = datetime.date(2026, 3, 1)
    return [
        [f"1985{i % 12 + 1:02d}{i % 28 + 1:02d}2010011{i % 1000:03d}", f"Pegawai {i}",
         f"Unit {i % 29}", "PNS", "III/b", "Baik", 100 + i % 17 / 3, 3.5 + i % 7 / 10,
         90 + i % 13 / 7, 20 + i % 5, 12, hari]
        for i in range(n)
    ]  # fmt: skip


def tulis_openpyxl(jalur: Path, data: list[list[Any]]) -> None:
    import openpyxl

    buku = openpyxl.Workbook(write_only=True)
    lembar = buku.create_sheet("Pegawai")
    lembar.append(JUDUL)
    for b in data:
        lembar.append(b)
    buku.save(jalur)


def tulis_xlsxwriter(jalur: Path, data: list[list[Any]]) -> None:
    import xlsxwriter

    buku = xlsxwriter.Workbook(str(jalur), {"constant_memory": True})
    lembar = buku.add_worksheet("Pegawai")
    tanggal = buku.add_format({"num_format": "d mmmm yyyy"})
    lembar.write_row(0, 0, JUDUL)
    for r, b in enumerate(data, start=1):
        lembar.write_row(r, 0, b[:-1])
        lembar.write_datetime(r, len(b) - 1, datetime.datetime.combine(b[-1], datetime.time()),
                              tanggal)  # fmt: skip
    buku.close()


def baca_openpyxl(jalur: Path) -> int:
    import openpyxl

    buku = openpyxl.load_workbook(jalur, read_only=True, data_only=True)
    n = sum(1 for _ in buku["Pegawai"].iter_rows(values_only=True))
    buku.close()
    return n


def ukur(ulang: int, fungsi: Callable[[], object]) -> float:
    waktu = []
    for _ in range(ulang):
        t0 = time.perf_counter()
        fungsi()
        waktu.append(time.perf_counter() - t0)
    return statistics.median(waktu)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--baris", type=int, default=5000)
    ap.add_argument("--ulang", type=int, default=5)
    a = ap.parse_args()
    data = baris(a.baris)
    hasil: list[tuple[str, float]] = []
    with tempfile.TemporaryDirectory(prefix="asnkinerja-xlsx-") as tmp:
        j = Path(tmp) / "p.xlsx"
        hasil.append(
            ("tulis: openpyxl, tulis saja (dasar)", ukur(a.ulang, lambda: tulis_openpyxl(j, data)))
        )
        try:
            import xlsxwriter  # noqa: F401

            k = Path(tmp) / "q.xlsx"
            hasil.append(("tulis: xlsxwriter", ukur(a.ulang, lambda: tulis_xlsxwriter(k, data))))
        except ImportError:
            pass
        assert baca_openpyxl(j) == a.baris + 1
        hasil.append(("baca: openpyxl, baca saja", ukur(a.ulang, lambda: baca_openpyxl(j))))
    dasar = hasil[0][1]
    print(f"{a.baris} baris x {len(JUDUL)} kolom, median dari {a.ulang}\n")
    print("| cara | median (s) | rasio terhadap dasar |\n|---|---:|---:|")
    for nama, t in hasil:
        print(f"| {nama} | {t:.3f} | {t / dasar:.2f} |")


if __name__ == "__main__":
    main()
