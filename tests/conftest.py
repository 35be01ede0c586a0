"""Shared test helpers: small workspaces built from tests/data."""

from __future__ import annotations

import datetime
import shutil
from decimal import Decimal
from pathlib import Path
from typing import Any

import msgspec
import pytest

from asnkinerja.inti import model
from asnkinerja.inti.nip import mulai_kerja
from asnkinerja.inti.penilaian import HasilPegawai, Kepatuhan
from asnkinerja.inti.periode import Periode
from asnkinerja.inti.regulasi import Rating
from asnkinerja.masalah import Lokasi

DATA = Path(__file__).parent / "data"
DASAR = DATA / "dasar"
INVALID = DATA / "invalid"
REPO = Path(__file__).parent.parent
WANGGAR = REPO / "data" / "wanggar"
# Fixed "today" for checks that compare dates with today.
HARI_INI = datetime.date(2026, 11, 28)


def bangun_skenario(tujuan: Path, skenario: str) -> Path:
    """The small valid workspace with one scenario's files laid over it."""
    shutil.copytree(DASAR, tujuan)
    sumber = INVALID / skenario
    for p in sorted(sumber.rglob("*")):
        if not p.is_file():
            continue
        rel = p.relative_to(sumber)
        if rel.as_posix() == "_hapus.txt":
            for nama in p.read_text(encoding="utf-8").split():
                (tujuan / nama).unlink()
        elif rel.as_posix() != "harapan.txt":
            (tujuan / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(p, tujuan / rel)
    return tujuan


@pytest.fixture(autouse=True)
def cache_sendiri(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """Every test has its own cache folder: none of them reads another's entries."""
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("ASNKINERJA_CACHE", str(folder))
    return folder


@pytest.fixture
def ruang_dasar(tmp_path: Path) -> Path:
    """A copy of the small valid workspace, safe to change."""
    return Path(shutil.copytree(DASAR, tmp_path / "ruang"))


def hasil_pegawai(
    nip: str,
    *,
    periode: Periode,
    predikat: str | None,
    nilai_akhir: str | None,
    nilai_hasil_kerja: str,
    nilai_perilaku: int,
    rating: Rating,
    jp: str,
    jp_wajib: Decimal,
    unit: str = "A",
    hilang: int = 0,
    pelatihan: int = 0,
    **pegawai: Any,
) -> HasilPegawai:
    """One employee's evaluation result, built by hand for the rules that use it (awards,
    mentoring, development): `hilang` reports missing from the start of the year,
    `pelatihan` events attended (their content unused), NIP-derived start of service."""
    p = msgspec.convert(
        {"nip": nip, "nama": f"P{nip[-3:]}", "unit": unit, **pegawai}, model.Pegawai
    )
    hilang_periode = tuple(Periode(2025, m + 1, "bulan") for m in range(hilang))
    return HasilPegawai(
        pegawai=p,
        lokasi=Lokasi("p", 0),
        periode=periode,
        laporan=[],
        nilai_hasil_kerja=Decimal(nilai_hasil_kerja),
        nilai_perilaku=Decimal(nilai_perilaku),
        rating_hasil_kerja=rating,
        rating_perilaku=rating,
        sumber_hasil_kerja="ambang",
        sumber_perilaku="ambang",
        predikat=predikat,  # type: ignore[arg-type]
        jp=Decimal(jp),
        jp_per_kompetensi={},
        jp_wajib=jp_wajib,
        pelatihan=[object()] * pelatihan,  # type: ignore[list-item]
        komponen=[],
        nilai_akhir=Decimal(nilai_akhir) if nilai_akhir is not None else None,
        kepatuhan=Kepatuhan(12, 12 - hilang, 0, 0, hilang_periode),
        mulai_kerja=mulai_kerja(p),
    )
