"""Which YAML parser and which validation layer: measured, not guessed.

Generates a synthetic workspace (`asnkinerja contoh --pegawai N`) into a temporary
folder and times, in this one process, each way of turning the report files
into records and then into typed, validated records. Prints medians of
several repetitions and the ratio against a baseline measured in the same run
(PyYAML's C loader for parsing, pydantic for validation), as a Markdown table.

    python benchmarks/pengurai.py [--pegawai 1000] [--ulang 5]

Optional contenders (pydantic, ruamel.yaml) are skipped when not installed.
Not a test: timings on a shared 2-core machine are noisy; read medians.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import platform
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import msgspec
import yaml
import yaml_rs

from asnkinerja import contoh
from asnkinerja.baca import posisi, skema
from asnkinerja.inti import model
from asnkinerja.masalah import Lokasi


def ukur(fungsi: Callable[[], Any], ulang: int) -> float:
    waktu = []
    for _ in range(ulang):
        t = time.perf_counter()
        fungsi()
        waktu.append(time.perf_counter() - t)
    return statistics.median(waktu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pegawai", type=int, default=1000)
    parser.add_argument("--ulang", type=int, default=5)
    parser.add_argument(
        "--termasuk-lambat", action="store_true", help="also time PyYAML's pure-Python loader"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        akar = Path(tmp)
        for nama, isi in contoh.berkas_sintetis(args.pegawai, 2025, 1):
            p = akar / nama
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(isi, encoding="utf-8")
        teks = [p.read_text(encoding="utf-8") for p in sorted((akar / "laporan").rglob("*.yaml"))]
    ukuran = sum(len(t.encode()) for t in teks) / 1e6
    rekaman = [r for t in teks for r in yaml_rs.loads(t)]
    print(
        f"{len(teks)} berkas laporan, {len(rekaman)} laporan, {ukuran:.1f} MB; "
        f"median dari {args.ulang} kali; Python {platform.python_version()}, "
        f"{platform.machine()}, {datetime.date.today()}\n"
    )

    pengurai: dict[str, Callable[[], Any]] = {
        "PyYAML CSafeLoader (dasar)": lambda: [yaml.load(t, Loader=yaml.CSafeLoader) for t in teks],
        "yaml-rs (dipakai)": lambda: [yaml_rs.loads(t) for t in teks],
    }
    if args.termasuk_lambat:  # minutes at this size: only on request
        pengurai["PyYAML SafeLoader (Python murni)"] = lambda: [yaml.safe_load(t) for t in teks]
    try:
        from ruamel.yaml import YAML

        ry = YAML(typ="safe", pure=False)
        pengurai["ruamel.yaml safe"] = lambda: [ry.load(t) for t in teks]
    except ImportError:
        pass
    _tabel("Mengurai YAML", pengurai, args.ulang)

    validasi: dict[str, Callable[[], Any]] = {}
    with contextlib.suppress(ImportError):
        validasi["pydantic v2 (dasar)"] = _pydantic(rekaman)
    validasi["msgspec.convert per laporan (dipakai)"] = lambda: [
        msgspec.convert(r, model.Laporan) for r in rekaman
    ]
    validasi["penelusur skema lengkap (jalur lambat, hanya bila galat)"] = lambda: [
        skema.periksa_nilai(r, skema.info_jenis(model.Laporan), Lokasi("x", 0), None, [])
        for r in rekaman
    ]
    _tabel("Validasi dan pengetikan", validasi, args.ulang)

    cari_baris: dict[str, Callable[[], Any]] = {
        "PyYAML compose seluruh berkas (dasar)": lambda: [
            posisi.PetaPosisi(t, -1).semua() for t in teks
        ],
        "potong per rekaman + pindai baris (dipakai)": lambda: _posisi(teks),
    }
    _tabel("Mencari baris:kolom (1 masalah tiap 10 laporan)", cari_baris, args.ulang)


def _posisi(teks: list[str]) -> None:
    for t in teks:
        peta = posisi.PetaPosisi(t, None)
        for i in range(0, len(posisi.potong_rekaman(t)), 10):
            peta.cari(Lokasi("x", i, ("tanggal_lapor",)))


def _pydantic(rekaman: list[Any]) -> Callable[[], Any]:
    import pydantic

    class Pencapaian(pydantic.BaseModel, extra="forbid"):
        indikator: str
        target: float = pydantic.Field(gt=0)
        realisasi: float = pydantic.Field(ge=0)
        satuan: str = ""
        bobot: float = pydantic.Field(default=1.0, gt=0)
        arah: str = "naik"

    class Perilaku(pydantic.BaseModel, extra="forbid"):
        berorientasi_pelayanan: int = pydantic.Field(ge=1, le=5)
        akuntabel: int = pydantic.Field(ge=1, le=5)
        kompeten: int = pydantic.Field(ge=1, le=5)
        harmonis: int = pydantic.Field(ge=1, le=5)
        loyal: int = pydantic.Field(ge=1, le=5)
        adaptif: int = pydantic.Field(ge=1, le=5)
        kolaboratif: int = pydantic.Field(ge=1, le=5)

    class Penilaian(pydantic.BaseModel, extra="forbid"):
        penilai: str | int
        perilaku: Perilaku
        umpan_balik: str = ""

    class Laporan(pydantic.BaseModel, extra="forbid"):
        nip: str | int
        periode: str
        tanggal_lapor: datetime.date
        pencapaian: list[Pencapaian]
        tantangan: list[str] = []
        rencana_perbaikan: list[str] = []
        penilaian: Penilaian | None = None

    return lambda: [Laporan.model_validate(r) for r in rekaman]


def _tabel(judul: str, calon: dict[str, Callable[[], Any]], ulang: int) -> None:
    hasil = {nama: ukur(f, ulang) for nama, f in calon.items()}
    dasar = next(iter(hasil.values()))
    print(f"### {judul}\n")
    print("| cara | median (s) | rasio terhadap dasar |")
    print("|---|---:|---:|")
    for nama, detik in hasil.items():
        print(f"| {nama} | {detik:.3f} | {detik / dasar:.2f} |")
    print()


if __name__ == "__main__":
    main()
