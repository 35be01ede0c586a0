"""Ke mana waktu `evaluasi` pergi: detik CPU tiap tahap, dalam satu proses, satu inti.

Dua bagian, masing-masing diulang dan dikutip mediannya:

- kerja per berkas (yang di `evaluasi` dingin dibagi ke semua inti): membaca, mengurai YAML
  (yaml-rs), validasi msgspec, menilai laporan, menyandikan untuk cache;
- kerja proses utama bila hanya cache per berkas yang terpakai (satu berkas berubah):
  memuat laporan yang sudah dinilai dari cache, pemeriksaan antarrekaman, evaluasi,
  penyajian ringkas, tampilan terminal, dan penyajian lengkap sebagai JSON (`--json`);
- menyimpan nilai setiap pegawai (tahap per pegawai yang disarankan isu 12): menilai semua
  pegawai untuk satu periode dibanding mendekode hasil yang sama dari MessagePack;
- kerja jalankan hangat yang menemukan hasil tersimpan: membaca dan menyidik semua berkas,
  mengambil dan mendekode hasil utuh, menampilkannya.

    python benchmarks/tahap.py FOLDER [--periode 2025] [--ulang 5]

Bukan tes berwaktu. Cache dipakai di folder sementara sendiri (cache pengguna tidak disentuh);
impor diukur terpisah sebagai proses utuh.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import gc
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path


def per_berkas(folder: Path) -> dict[str, float]:
    """The per-file work of a cold run (`baca.berkas.olah`'s steps), file after file."""
    import msgspec

    from asnkinerja.baca import berkas, yamlio
    from asnkinerja.baca.temukan import temukan

    daftar, _ = temukan(folder)
    from asnkinerja.inti.laporan import AturanNilai

    aturan = AturanNilai(120.0, 10)
    t = dict.fromkeys(("baca", "urai", "validasi", "nilai", "sandi"), 0.0)
    with _jeda_gc():
        for b in daftar:
            t0 = time.perf_counter()
            teks, _ = yamlio.dekode(b.jalur.read_bytes(), b.nama)
            assert teks is not None
            t1 = time.perf_counter()
            rekaman, _ = yamlio.urai(teks, b.nama)
            assert rekaman is not None
            t2 = time.perf_counter()
            struktur = berkas.JENIS_STRUCT[b.jenis]
            if b.jenis != "kebijakan":
                msgspec.convert(rekaman, list[struktur])  # type: ignore[valid-type]
            t3 = time.perf_counter()
            isi = berkas.olah(b.jalur.read_bytes(), b.nama, b.jenis)  # the steps above again
            t4 = time.perf_counter()
            dinilai = berkas.nilai(isi, b.nama, aturan) if b.jenis == "laporan" else None
            t5 = time.perf_counter()
            berkas.sandikan(isi, b.nama)
            if dinilai is not None:
                berkas.sandikan(dinilai, b.nama)
            t6 = time.perf_counter()
            for k, d in zip(t, (t1 - t0, t2 - t1, t3 - t2, t5 - t4, t6 - t5), strict=True):
                t[k] += d
    return t


HARI = datetime.date(2026, 11, 28)


def utama(folder: Path, periode: str) -> dict[str, float]:
    """The main process of a run served by the per-file cache (it holds every file)."""
    from asnkinerja.baca import muat
    from asnkinerja.inti.evaluasi import evaluasi, pilih_periode
    from asnkinerja.inti.periksa import periksa_ruang
    from asnkinerja.inti.ruang import RuangKerja
    from asnkinerja.sajian import keluaran as kel
    from asnkinerja.sajian import layar, render

    with _jeda_gc():
        t0 = time.perf_counter()
        m = muat.muat(folder)
        t1 = t2 = time.perf_counter()
        ruang = RuangKerja(m.kebijakan, m.kebijakan_lokasi, m.pegawai, m.laporan, m.pelatihan,
                           m.berkas, m.nip_cacat, m.pegawai_tak_terbaca)  # fmt: skip
        periksa_ruang(ruang, HARI)
        t3 = time.perf_counter()
        hasil = evaluasi(ruang, pilih_periode(periode, ruang), HARI)
        t4 = time.perf_counter()
        data = kel.sajikan(hasil, False, ringkas=True)
        t5 = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):
            layar.ringkasan_evaluasi(data)
        t6 = time.perf_counter()
        render.ke_teks_json(kel.sajikan(hasil, False))
        t7 = time.perf_counter()
    return {"muat_cache": t1 - t0, "periksa": t3 - t2,
            "evaluasi": t4 - t3, "sajikan_ringkas": t5 - t4, "tampil": t6 - t5,
            "sajikan_dan_json_lengkap": t7 - t6}  # fmt: skip


def hasil_utuh(folder: Path, periode: str) -> dict[str, float]:
    """A warm run that finds its kept result (`api.keluaran_evaluasi`, kept by the first
    call): every file read and hashed, the result read, checked and decoded, then drawn."""
    from asnkinerja import api
    from asnkinerja.baca import sidik
    from asnkinerja.sajian import layar

    api.keluaran_evaluasi(folder, periode, HARI)  # kept, if not yet
    t0 = time.perf_counter()
    assert sidik.jejak_sekarang(folder) is not None
    t1 = time.perf_counter()
    k = api.keluaran_evaluasi(folder, periode, HARI)
    t2 = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        layar.ringkasan_evaluasi(k.layar)
    t3 = time.perf_counter()
    return {"sidik_semua_berkas": t1 - t0, "sidik_dan_ambil_hasil": t2 - t1,
            "tampil_hasil": t3 - t2}  # fmt: skip


def per_pegawai(folder: Path, periode: str) -> dict[str, float]:
    """Would keeping each employee's scored period pay? Scoring every employee against
    decoding the same results from MessagePack (without even hashing their inputs)."""
    import msgspec

    from asnkinerja import api
    from asnkinerja.inti.evaluasi import nilai_semua, pilih_periode
    from asnkinerja.inti.penilaian import HasilPegawai

    with _jeda_gc():
        ruang = api.muat(folder, HARI).ruang
        p = pilih_periode(periode, ruang)
        t0 = time.perf_counter()
        hasil = nilai_semua(ruang, p, HARI)
        t1 = time.perf_counter()
        data = msgspec.msgpack.encode(hasil)
        t2 = time.perf_counter()
        msgspec.msgpack.decode(data, type=list[HasilPegawai])
        t3 = time.perf_counter()
    return {"menilai_semua_pegawai": t1 - t0, "dekode_nilai_tersimpan": t3 - t2}


@contextlib.contextmanager
def _jeda_gc() -> Iterator[None]:
    """As the command runs: no automatic collection while the data is built."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


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
        from asnkinerja.baca import muat

        muat.muat(a.folder)  # fill the cache
        bagian = [per_berkas(a.folder) for _ in range(a.ulang)]
        bagian_utama = [utama(a.folder, a.periode) for _ in range(a.ulang)]
        bagian_pegawai = [per_pegawai(a.folder, a.periode) for _ in range(a.ulang)]
        bagian_hangat = [hasil_utuh(a.folder, a.periode) for _ in range(a.ulang)]
    print("| tahap | detik (median) |\n|---|---:|")
    print(f"| utama: impor (proses utuh) | {impor(a.ulang):.3f} |")
    for nama, hasil in (("per berkas", bagian), ("utama", bagian_utama),
                        ("per pegawai", bagian_pegawai), ("hangat", bagian_hangat)):  # fmt: skip
        for k in hasil[0]:
            print(f"| {nama}: {k} | {statistics.median(h[k] for h in hasil):.3f} |")


if __name__ == "__main__":
    main()
