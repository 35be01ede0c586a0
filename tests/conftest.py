"""Shared test helpers: small workspaces built from tests/data."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

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
