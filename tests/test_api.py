"""docs/api.md's examples run as written, from the repository folder (as a reader runs them),
and the package re-exports the API without loading it at import."""

from __future__ import annotations

import doctest
import subprocess
import sys

import pytest

import asnkinerja
from asnkinerja import api

from conftest import REPO


def test_contoh_docs_api_berjalan(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    hasil = doctest.testfile(
        str(REPO / "docs" / "api.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS,
        raise_on_error=False,
        verbose=False,
    )
    assert hasil.attempted >= 20
    assert hasil.failed == 0


def test_paket_mengekspor_api() -> None:
    for nama in api.__all__:
        assert getattr(asnkinerja, nama) is getattr(api, nama)
    with pytest.raises(AttributeError, match="tidak_ada"):
        _ = asnkinerja.tidak_ada  # type: ignore[attr-defined]


def test_impor_paket_tidak_memuat_evaluasi() -> None:
    """`asnkinerja --help` and spawned workers import the package: it must stay light."""
    kode = (
        "import sys, asnkinerja\n"
        "assert not {'asnkinerja.api', 'asnkinerja.inti.evaluasi', 'msgspec'} & set(sys.modules)"
    )
    hasil = subprocess.run(
        [sys.executable, "-c", kode], capture_output=True, text=True, check=False
    )
    assert hasil.returncode == 0, hasil.stderr
