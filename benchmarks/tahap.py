"""Ke mana waktu `evaluasi` pergi: detik CPU tiap tahap, dalam satu proses, satu inti.

Dua bagian, masing-masing diulang dan dikutip mediannya:

- kerja per berkas (yang di `evaluasi` dingin dibagi ke semua inti): membaca, mengurai YAML
  (yaml-rs), validasi msgspec, menilai laporan, menyandikan untuk cache;
- kerja proses utama bila hanya cache per berkas yang terpakai (satu berkas berubah):
  memuat dari cache, pemeriksaan antarrekaman, evaluasi, penyajian ringkas, tampilan terminal;
- kerja jalankan hangat yang menemukan ringkasan tersimpan: membaca dan menyidik semua berkas,
  mengambil dan mendekode hasil utuh, menampilkannya.

    python benchmarks/tahap.py FOLDER [--periode 2025] [--ulang 5]

Bukan tes berwaktu. Cache dipakai di folder sementara sendiri (cache pengguna tidak disentuh);
impor diukur terpisah sebagai proses utuh.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def per_berkas(folder: Path) -> dict[str, float]:
    """The per-file work of a cold run, file after file in this process."""
    import msgspec

    from asnkinerja.baca import muat as workspace
    from asnkinerja.baca import yamlio

    daftar, _ = workspace.temukan(folder)
    parameter = workspace.Parameter(120.0, 10)
    t = dict.fromkeys(("baca", "urai", "validasi", "nilai", "sandi"), 0.0)
    with workspace.jeda_gc():
        for b in daftar:
            if b.jenis == "kebijakan":
                continue
            t0 = time.perf_counter()
            teks, _ = yamlio.dekode(b.jalur.read_bytes(), b.nama)
            assert teks is not None
            t1 = time.perf_counter()
            rekaman, _ = yamlio.urai(teks, b.nama)
            assert rekaman is not None
            t2 = time.perf_counter()
            struktur = workspace.JENIS_STRUCT[b.jenis]
            semua = msgspec.convert(rekaman, list[struktur])  # type: ignore[valid-type]
            t3 = time.perf_counter()
            isi = workspace.IsiBerkas([], jumlah_rekaman=len(rekaman))
            if b.jenis == "laporan":
                isi.laporan = workspace._penilai(parameter).nilai_semua(semua, b.nama)
            elif b.jenis == "pegawai":
                isi.pegawai = [(i, workspace._normalkan(o)) for i, o in enumerate(semua)]
            else:
                isi.pelatihan = [(i, workspace._normalkan(o)) for i, o in enumerate(semua)]
            t4 = time.perf_counter()
            workspace._KODE.encode(isi)
            t5 = time.perf_counter()
            for k, d in zip(t, (t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4), strict=True):
                t[k] += d
    return t


HARI = datetime.date(2026, 11, 28)


def utama(folder: Path, periode: str) -> dict[str, float]:
    """The main process of a run served by the per-file cache (it holds every file); the
    summary is then kept whole, as `evaluasi` keeps it, for `hasil_utuh`."""
    from asnkinerja.baca import cache
    from asnkinerja.baca import muat as workspace
    from asnkinerja.inti.evaluasi import evaluasi, pilih_periode
    from asnkinerja.inti.periksa import periksa_ruang
    from asnkinerja.sajian import console
    from asnkinerja.sajian import keluaran as kel

    with workspace.jeda_gc():
        t0 = time.perf_counter()
        ruang, _ = workspace.muat(folder)
        t1 = time.perf_counter()
        periksa_ruang(ruang, HARI)
        t2 = time.perf_counter()
        hasil = evaluasi(ruang, pilih_periode(periode, ruang), HARI)
        t3 = time.perf_counter()
        data = kel.sajikan(hasil, False, ringkas=True)
        t4 = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            console.ringkasan_evaluasi(data)
        t5 = time.perf_counter()
    pilihan = (periode, HARI.isoformat(), False)
    workspace.simpan_hasil(ruang, "evaluasi", pilihan, cache.Layar(data, 0), cache.Layar)
    return {"muat_cache": t1 - t0, "periksa": t2 - t1, "evaluasi": t3 - t2,
            "sajikan": t4 - t3, "tampil": t5 - t4}  # fmt: skip


def hasil_utuh(folder: Path, periode: str) -> dict[str, float]:
    """A warm run that finds its kept summary: every file read and hashed, the result read,
    checked and decoded, then drawn."""
    from asnkinerja.baca import cache
    from asnkinerja.baca import muat as workspace
    from asnkinerja.sajian import console

    pilihan = (periode, HARI.isoformat(), False)
    t0 = time.perf_counter()
    jejak = workspace.jejak_sekarang(folder)
    assert jejak is not None
    t1 = time.perf_counter()
    isi = cache.Cache(folder).ambil_hasil("evaluasi", pilihan, jejak)
    assert isi is not None, "tidak ada ringkasan tersimpan"
    layar = cache.buka_nilai(isi, cache.Layar)
    t2 = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        console.ringkasan_evaluasi(layar.data)
    t3 = time.perf_counter()
    return {"sidik_semua_berkas": t1 - t0, "ambil_hasil": t2 - t1, "tampil_hasil": t3 - t2}


def impor(ulang: int) -> float:
    kode = (
        "import asnkinerja.cli, asnkinerja.inti.evaluasi, asnkinerja.sajian.keluaran, "
        "asnkinerja.sajian.console"
    )
    waktu = []
    for _ in range(ulang):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-c", kode], check=True)
        waktu.append(time.perf_counter() - t0)
    return statistics.median(waktu)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", type=Path)
    ap.add_argument("--periode", default="2025")
    ap.add_argument("--ulang", type=int, default=5)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="asnkinerja-tahap-") as cache:
        os.environ["ASNKINERJA_CACHE"] = cache
        from asnkinerja.baca import muat as workspace

        workspace.muat(a.folder)  # fill the cache
        bagian = [per_berkas(a.folder) for _ in range(a.ulang)]
        bagian_utama = [utama(a.folder, a.periode) for _ in range(a.ulang)]
        bagian_hangat = [hasil_utuh(a.folder, a.periode) for _ in range(a.ulang)]
    print("| tahap | detik (median) |\n|---|---:|")
    print(f"| utama: impor (proses utuh) | {impor(a.ulang):.3f} |")
    for nama, hasil in (("per berkas", bagian), ("utama", bagian_utama),
                        ("hangat", bagian_hangat)):  # fmt: skip
        for k in hasil[0]:
            print(f"| {nama}: {k} | {statistics.median(h[k] for h in hasil):.3f} |")


if __name__ == "__main__":
    main()
