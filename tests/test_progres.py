"""The loading progress bar: on a terminal's stderr after about a second, never otherwise."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from asnkinerja.sajian import console
from asnkinerja.sajian import progres as progres_

from conftest import WANGGAR


def _konsol(terminal: bool) -> tuple[Console, io.StringIO]:
    berkas = io.StringIO()
    return Console(file=berkas, force_terminal=terminal, width=80), berkas


def _jalankan(monkeypatch: pytest.MonkeyPatch, terminal: bool, aktif: bool, jeda: float) -> str:
    konsol, berkas = _konsol(terminal)
    monkeypatch.setattr(console, "galat_konsol", konsol)
    monkeypatch.setattr(progres_.ProgresMuat, "JEDA", jeda)
    with progres_.ProgresMuat(aktif) as progres:
        for i in range(1, 11):
            progres(i * 100, 1000)
    return berkas.getvalue()


def test_bar_tampil_di_terminal_setelah_jeda(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "Membaca berkas" in _jalankan(monkeypatch, terminal=True, aktif=True, jeda=0.0)


def test_bar_tidak_tampil_bila_cepat(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _jalankan(monkeypatch, terminal=True, aktif=True, jeda=60.0) == ""


def test_bar_tidak_tampil_bila_disalurkan(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _jalankan(monkeypatch, terminal=False, aktif=True, jeda=0.0) == ""


def test_bar_tidak_tampil_untuk_json(monkeypatch: pytest.MonkeyPatch) -> None:
    assert _jalankan(monkeypatch, terminal=True, aktif=False, jeda=0.0) == ""


def _diam(monkeypatch: pytest.MonkeyPatch, terminal: bool, jeda: float, **kw: object) -> str:
    """A run whose files all come from the cache: no loading, then long work."""
    import time

    konsol, berkas = _konsol(terminal)
    monkeypatch.setattr(console, "galat_konsol", konsol)
    monkeypatch.setattr(progres_.ProgresMuat, "JEDA", jeda)
    with progres_.ProgresMuat(**kw) as progres:  # type: ignore[arg-type]
        progres(0, 0)  # as `muat` says when every file came from the cache
        time.sleep(0.3)
    return berkas.getvalue()


def test_pemutar_saat_memeriksa_dan_menghitung(monkeypatch: pytest.MonkeyPatch) -> None:
    teks = _diam(monkeypatch, terminal=True, jeda=0.05)
    assert "Memeriksa dan menghitung" in teks and "Membaca berkas" not in teks


def test_pemutar_periksa_dan_sesudah_memuat(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "Memeriksa" in _diam(monkeypatch, terminal=True, jeda=0.05, sesudah="Memeriksa")
    teks = _jalankan(monkeypatch, terminal=True, aktif=True, jeda=0.0)
    assert teks.rindex("Membaca berkas") < teks.rindex("Memeriksa dan menghitung")


def test_pemutar_tidak_tampil_bila_cepat_disalurkan_atau_json(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert _diam(monkeypatch, terminal=True, jeda=60.0) == ""
    assert _diam(monkeypatch, terminal=False, jeda=0.05) == ""
    assert _diam(monkeypatch, terminal=True, jeda=0.05, aktif=False) == ""


def test_bar_saat_berkas_pertama_masih_dibaca(monkeypatch: pytest.MonkeyPatch) -> None:
    """While the cache is looked up and while a large first file is parsed, nothing
    is done yet: the screen says "Membaca berkas", never "Memeriksa dan menghitung"."""
    import time

    konsol, berkas = _konsol(True)
    monkeypatch.setattr(console, "galat_konsol", konsol)
    monkeypatch.setattr(progres_.ProgresMuat, "JEDA", 0.05)
    with progres_.ProgresMuat() as progres:
        time.sleep(0.3)  # the cache lookup reads every file first
        cari = berkas.getvalue()
        progres(0, 1000)  # parsing starts
        time.sleep(0.3)  # the first file
        selama = berkas.getvalue()
        progres(1000, 1000)
        time.sleep(0.3)
        sesudah = berkas.getvalue()
    assert "Membaca berkas" in cari and "Membaca berkas" in selama
    assert "Memeriksa" not in selama
    assert "Memeriksa dan menghitung" in sesudah


def test_muat_memberi_tahu_awal_membaca() -> None:
    """`muat` reports (0, total) before it parses the first file, then bytes done."""
    from asnkinerja.baca.muat import muat

    panggilan: list[tuple[int, int]] = []
    muat(WANGGAR, pakai_cache=False, progres=lambda s, t: panggilan.append((s, t)))
    total = panggilan[0][1]
    assert panggilan[0] == (0, total) and total > 0
    assert panggilan[-1] == (total, total)
    assert [s for s, _ in panggilan] == sorted(s for s, _ in panggilan)
    # Every file from the cache (this test's own): nothing to parse, loading done at once.
    muat(WANGGAR)
    lagi: list[tuple[int, int]] = []
    muat(WANGGAR, progres=lambda s, t: lagi.append((s, t)))
    assert lagi == [(0, 0)]
