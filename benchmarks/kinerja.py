"""Kinerja asnkinerja pada beban kabupaten (W1) dan provinsi (W2), diukur sebagai proses utuh.

Menjalankan, masing-masing beberapa kali dalam satu putaran di mesin yang sama:

- lantai F: pengurai YAML tercepat (yaml-rs) sekadar memuat semua berkas, satu proses;
- cara naif: skrip `yaml.safe_load` berkas demi berkas (hanya W1; lambat);
- `evaluasi --periode 2025` dingin (cache kosong) dan hangat (tidak ada yang berubah: ringkasan
  yang disimpan utuh ditampilkan lagi setelah semua berkas dibaca dan disidik ulang);
- `evaluasi --json` hangat: tanpa hasil utuh, dari cache per berkas (dimuat, diperiksa,
  dihitung dan disajikan ulang);
- hanya memuat dari cache per berkas (membaca, memverifikasi, mendekode; tanpa menghitung);
- `evaluasi` setelah satu berkas laporan diubah (kasus petugas memperbaiki data);
- `periksa` dingin dan hangat;
- `asnkinerja --help` dan `periksa` pada folder kosong dibanding `python -c "import typer"`.

Mencetak median, rasio terhadap pembanding yang diukur dalam putaran yang sama, dan RSS
puncak (jumlah semua proses: proses utama dan pekerjanya) sebagai tabel Markdown.

    python benchmarks/kinerja.py                  # W1 dan W2 (W2 makan waktu ~10 menit)
    python benchmarks/kinerja.py --tanpa-w2 --ulang 3

Bukan tes berwaktu: jalankan dengan sengaja, salin tabelnya ke docs/benchmark.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

PYTHON = sys.executable
LANTAI = """
import pathlib, sys, yaml_rs
for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.yaml")):
    yaml_rs.loads(p.read_text(encoding="utf-8"), parse_datetime=True)
"""
# Only the warm run's loading: find the files, read and hash them, read, verify and
# decode their cache entries; no check across records, no evaluation, no output.
MUAT_CACHE = """
import gc, pathlib, sys
from asnkinerja.baca import muat
gc.disable()
muat.muat(pathlib.Path(sys.argv[1]))
"""
NAIF = """
import pathlib, sys, yaml
for p in sorted(pathlib.Path(sys.argv[1]).rglob("*.yaml")):
    with open(p, encoding="utf-8") as f:
        yaml.safe_load(f)
"""


@dataclass
class Ukur:
    waktu: list[float] = field(default_factory=list)
    rss_mb: list[float] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.waktu)

    @property
    def rss(self) -> float:
        return max(self.rss_mb) if self.rss_mb else float("nan")


def _rss_pohon(akar: int) -> float:
    """RSS of a process and all its descendants, in MB (Linux /proc; 0 elsewhere)."""
    proc = Path("/proc")
    if not proc.is_dir():
        return 0.0
    anak: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for d in proc.iterdir():
        if not d.name.isdigit():
            continue
        try:
            status = (d / "status").read_text()
        except OSError:
            continue
        ppid = kb = 0
        for baris in status.splitlines():
            if baris.startswith("PPid:"):
                ppid = int(baris.split()[1])
            elif baris.startswith("VmRSS:"):
                kb = int(baris.split()[1])
        anak.setdefault(ppid, []).append(int(d.name))
        rss[int(d.name)] = kb
    total, tumpukan = 0, [akar]
    while tumpukan:
        pid = tumpukan.pop()
        total += rss.get(pid, 0)
        tumpukan.extend(anak.get(pid, []))
    return total / 1024


def jalankan(perintah: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Run a command to the end: (seconds, peak RSS of its process tree in MB)."""
    mulai = time.perf_counter()
    p = subprocess.Popen(perintah, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    puncak = 0.0
    selesai = threading.Event()

    def pantau() -> None:
        nonlocal puncak
        while not selesai.is_set():
            puncak = max(puncak, _rss_pohon(p.pid))
            selesai.wait(0.05)

    t = threading.Thread(target=pantau, daemon=True)
    t.start()
    if hasattr(os, "wait4"):
        _, status, pakai = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        # ru_maxrss is KB on Linux: the main process's own peak, which sampling may miss.
        puncak_utama = pakai.ru_maxrss / 1024
    else:  # pragma: no cover - Windows
        p.wait()
        puncak_utama = 0.0
    detik = time.perf_counter() - mulai
    selesai.set()
    t.join()
    if p.returncode not in (0, 1):
        raise SystemExit(f"gagal ({p.returncode}): {' '.join(perintah)}")
    return detik, max(puncak, puncak_utama)


def ulangi(n: int, perintah: list[str], env: dict[str, str] | None = None,
           sebelum: object = None) -> Ukur:  # fmt: skip
    u = Ukur()
    for _ in range(n):
        if callable(sebelum):
            sebelum()
        d, r = jalankan(perintah, env)
        u.waktu.append(d)
        u.rss_mb.append(r)
    return u


_SKRIP = Path(PYTHON).parent / ("asnkinerja.exe" if os.name == "nt" else "asnkinerja")


def asnkinerja(*arg: str) -> list[str]:
    """The command as users run it: the installed script, else `python -m asnkinerja`."""
    return [str(_SKRIP), *arg] if _SKRIP.is_file() else [PYTHON, "-m", "asnkinerja", *arg]


def ukur_beban(nama: str, folder: Path, ulang: int, naif: int) -> dict[str, Ukur]:
    hasil: dict[str, Ukur] = {}
    cache = folder.parent / f"cache-{nama}"
    env = {**os.environ, "ASNKINERJA_CACHE": str(cache)}

    def kosongkan() -> None:
        import shutil

        shutil.rmtree(cache, ignore_errors=True)

    print(f"[{nama}] lantai F ...", file=sys.stderr)
    hasil["lantai"] = ulangi(ulang, [PYTHON, "-c", LANTAI, str(folder)])
    if naif:
        print(f"[{nama}] cara naif (yaml.safe_load) ...", file=sys.stderr)
        hasil["naif"] = ulangi(naif, [PYTHON, "-c", NAIF, str(folder)])
    evaluasi = asnkinerja("evaluasi", str(folder), "--periode", "2025")
    periksa = asnkinerja("periksa", str(folder))
    print(f"[{nama}] evaluasi dingin ...", file=sys.stderr)
    hasil["evaluasi_dingin"] = ulangi(ulang, evaluasi, env, kosongkan)
    print(f"[{nama}] evaluasi hangat ...", file=sys.stderr)
    hasil["evaluasi_hangat"] = ulangi(ulang, evaluasi, env)
    json_ = [*evaluasi, "--json"]
    hasil["evaluasi_json_dingin"] = ulangi(ulang, json_, env, kosongkan)
    jalankan(json_, env)  # the first run with these options keeps its result
    hasil["evaluasi_json_hangat"] = ulangi(ulang, json_, env)
    format_ = [*evaluasi, "--format", "md,html,json", "--keluaran", str(folder.parent / "hasil")]
    jalankan(format_, env)
    print(f"[{nama}] evaluasi --format hangat ...", file=sys.stderr)
    hasil["evaluasi_format_hangat"] = ulangi(ulang, format_, env)
    berkas = sorted((folder / "laporan").rglob("*.yaml"))[
        len(sorted((folder / "laporan").rglob("*.yaml"))) // 2
    ]
    asli = berkas.read_bytes()
    giliran = [0]

    def ubah_satu() -> None:
        giliran[0] += 1
        berkas.write_bytes(asli + f"\n# diubah {giliran[0]}\n".encode())

    hasil["muat_cache"] = ulangi(ulang, [PYTHON, "-c", MUAT_CACHE, str(folder)], env)
    print(f"[{nama}] evaluasi setelah satu berkas berubah ...", file=sys.stderr)
    hasil["evaluasi_satu_berubah"] = ulangi(ulang, evaluasi, env, ubah_satu)
    hasil["evaluasi_json_satu_berubah"] = ulangi(ulang, json_, env, ubah_satu)
    berkas.write_bytes(asli)
    print(f"[{nama}] periksa dingin dan hangat ...", file=sys.stderr)
    hasil["periksa_dingin"] = ulangi(ulang, periksa, env, kosongkan)
    hasil["periksa_hangat"] = ulangi(ulang, periksa, env)
    return hasil


def ukur_mulai(ulang: int, tmp: Path) -> dict[str, Ukur]:
    kosong = tmp / "kosong"
    kosong.mkdir(exist_ok=True)
    env = {**os.environ, "ASNKINERJA_CACHE": str(tmp / "cache-kosong")}
    return {
        "import_typer": ulangi(ulang, [PYTHON, "-c", "import typer"]),
        "help": ulangi(ulang, asnkinerja("--help")),
        "periksa_kosong": ulangi(ulang, asnkinerja("periksa", str(kosong)), env),
    }


def _baris(uraian: str, u: Ukur, dasar: Ukur | None, target: str, lolos: bool | None,
           rss: bool = True) -> str:  # fmt: skip
    rasio = f"{u.median / dasar.median:.2f}×" if dasar is not None else "-"
    tanda = "-" if lolos is None else ("ya" if lolos else "**tidak**")
    rss_teks = f"{u.rss:.0f}" if rss and u.rss == u.rss else "-"
    return f"| {uraian} | {u.median:.2f} | {rasio} | {target} | {tanda} | {rss_teks} |"


def tabel(w1: dict[str, Ukur], w2: dict[str, Ukur] | None, mulai: dict[str, Ukur]) -> str:
    f1 = w1["lantai"]
    b = [
        "| Pengukuran | Median (s) | Rasio | Target | Tercapai | RSS puncak (MB) |",
        "|---|---:|---:|---|---|---:|",
        _baris("W1 lantai F (yaml-rs, satu proses)", f1, None, "-", None),
    ]
    if "naif" in w1:
        cepat = w1["naif"].median / w1["evaluasi_dingin"].median
        b.append(_baris("W1 cara naif (yaml.safe_load per berkas)", w1["naif"], f1, "-", None))
        b.append(
            f"| W1 evaluasi dingin dibanding naif | - | {cepat:.1f}× lebih cepat | ≥ 20× | "
            f"{'ya' if cepat >= 20 else '**tidak**'} | - |"
        )
    for kunci, uraian, batas in (
        ("evaluasi_dingin", "W1 evaluasi dingin", 1.0),
        ("evaluasi_hangat", "W1 evaluasi hangat", 0.25),
        ("evaluasi_json_dingin", "W1 evaluasi --json dingin", None),
        ("evaluasi_json_hangat", "W1 evaluasi --json hangat", 0.5),
        ("evaluasi_format_hangat", "W1 evaluasi --format md,html,json hangat", 0.5),
        ("muat_cache", "W1 hanya memuat dari cache per berkas (tanpa periksa, hitung)", None),
        ("evaluasi_satu_berubah", "W1 evaluasi, satu berkas berubah", None),
        ("evaluasi_json_satu_berubah", "W1 evaluasi --json, satu berkas berubah", 0.5),
        ("periksa_dingin", "W1 periksa dingin", 1.0),
        ("periksa_hangat", "W1 periksa hangat", 0.25),
    ):
        u = w1[kunci]
        target = f"≤ {batas} × F" if batas is not None else "-"
        lolos = None if batas is None else u.median <= batas * f1.median
        b.append(_baris(uraian, u, f1, target, lolos))
    rss1 = max(u.rss for k, u in w1.items() if k.startswith(("evaluasi", "periksa")))
    b.append(f"| W1 RSS puncak (semua perintah) | - | - | ≤ 500 MB | "
             f"{'ya' if rss1 <= 500 else '**tidak**'} | {rss1:.0f} |")  # fmt: skip
    if w2 is not None:
        f2 = w2["lantai"]
        b.append(_baris("W2 lantai F (yaml-rs, satu proses)", f2, None, "-", None))
        for kunci, uraian in (
            ("evaluasi_dingin", "W2 evaluasi dingin"),
            ("evaluasi_hangat", "W2 evaluasi hangat"),
            ("evaluasi_json_dingin", "W2 evaluasi --json dingin"),
            ("evaluasi_json_hangat", "W2 evaluasi --json hangat"),
            ("evaluasi_format_hangat", "W2 evaluasi --format md,html,json hangat"),
            ("muat_cache", "W2 hanya memuat dari cache per berkas"),
            ("evaluasi_satu_berubah", "W2 evaluasi, satu berkas berubah"),
            ("evaluasi_json_satu_berubah", "W2 evaluasi --json, satu berkas berubah"),
            ("periksa_dingin", "W2 periksa dingin"),
            ("periksa_hangat", "W2 periksa hangat"),
        ):
            b.append(_baris(uraian, w2[kunci], f2, "-", None))
        kali_ = w2["evaluasi_dingin"].median / w1["evaluasi_dingin"].median
        b.append(f"| W2 evaluasi dingin dibanding W1 | - | {kali_:.1f}× | ≤ 11× | "
                 f"{'ya' if kali_ <= 11 else '**tidak**'} | - |")  # fmt: skip
        rss2 = max(u.rss for k, u in w2.items() if k.startswith(("evaluasi", "periksa")))
        b.append(f"| W2 RSS puncak (semua perintah) | - | - | ≤ 2500 MB | "
                 f"{'ya' if rss2 <= 2500 else '**tidak**'} | {rss2:.0f} |")  # fmt: skip
    t = mulai["import_typer"]
    b.append(_baris('`python -c "import typer"`', t, None, "-", None, rss=False))
    b.append(_baris("`asnkinerja --help`", mulai["help"], t, "≤ 2 × import typer",
                    mulai["help"].median <= 2 * t.median, rss=False))  # fmt: skip
    b.append(_baris("`asnkinerja periksa` folder kosong", mulai["periksa_kosong"], t,
                    "≤ 2 × import typer", mulai["periksa_kosong"].median <= 2 * t.median,
                    rss=False))  # fmt: skip
    return "\n".join(b)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--pegawai-w1", type=int, default=5000)
    ap.add_argument("--pegawai-w2", type=int, default=50000)
    ap.add_argument("--ulang", type=int, default=5, help="pengulangan tiap pengukuran")
    ap.add_argument("--ulang-naif", type=int, default=1, help="cara naif lambat: 0 = lewati")
    ap.add_argument("--ulang-w2", type=int, default=3)
    ap.add_argument("--ulang-mulai", type=int, default=7, help="untuk --help dan folder kosong")
    ap.add_argument("--tanpa-w2", action="store_true")
    ap.add_argument("--folder", type=Path, help="folder kerja (bawaan: folder sementara)")
    a = ap.parse_args()
    # Measured as installed: with bytecode. `pip install` compiles it; a machine that sets
    # PYTHONDONTWRITEBYTECODE (as some sandboxes do) would otherwise recompile every module
    # in every process, main and workers, and time the compiler instead of the tool.
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    subprocess.run(
        [PYTHON, "-c", "import asnkinerja, compileall, pathlib; "
         "compileall.compile_dir(pathlib.Path(asnkinerja.__file__).parent, quiet=1)"],
        check=True,
    )  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="asnkinerja-bench-") as sementara:
        tmp = a.folder or Path(sementara)
        tmp.mkdir(parents=True, exist_ok=True)
        beban = {"W1": a.pegawai_w1} | ({} if a.tanpa_w2 else {"W2": a.pegawai_w2})
        for nama, n in beban.items():
            folder = tmp / nama
            if not folder.is_dir():
                print(f"[{nama}] membuat {n} pegawai ...", file=sys.stderr)
                subprocess.run(asnkinerja("contoh", str(folder), "--pegawai", str(n)),
                               check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        mulai = ukur_mulai(a.ulang_mulai, tmp)
        w1 = ukur_beban("W1", tmp / "W1", a.ulang, a.ulang_naif)
        w2 = None if a.tanpa_w2 else ukur_beban("W2", tmp / "W2", a.ulang_w2, 0)
        jumlah = sum(1 for _ in (tmp / "W1" / "laporan").rglob("*.yaml"))
        print(
            f"Mesin: {platform.platform()}, Python {platform.python_version()}, "
            f"{os.cpu_count()} inti. W1 = {a.pegawai_w1} pegawai ({jumlah} berkas laporan)"
            + ("" if a.tanpa_w2 else f", W2 = {a.pegawai_w2} pegawai")
            + f"; median dari {a.ulang} kali (W2: {a.ulang_w2}, naif: {a.ulang_naif}). "
            "Paket diukur dengan bytecode terkompilasi, seperti hasil pip install.\n"
        )
        print(tabel(w1, w2, mulai))


if __name__ == "__main__":
    main()
