"""The tool's own sample must pass its own check: every `contoh` workspace, for any year
and size, holds only what could exist by the date in force and passes `periksa`."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from asnkinerja import api
from asnkinerja.cli import app

runner = CliRunner()


def _contoh_bersih(folder: Path, pegawai: int, tahun: int, tanggal: datetime.date,
                   benih: int = 1) -> list[str]:  # fmt: skip
    hasil = runner.invoke(app, ["contoh", str(folder), "--pegawai", str(pegawai), "--tahun",
                                str(tahun), "--benih", str(benih), "--tanggal",
                                tanggal.isoformat()])  # fmt: skip
    assert hasil.exit_code == 0, hasil.output
    masalah = api.periksa(folder, tanggal, pakai_cache=False).masalah
    return [m.baris_teks() for m in masalah if m.tingkat == "galat"]


@pytest.mark.parametrize(
    ("pegawai", "tahun", "tanggal"),
    [(1, 1990, datetime.date(2026, 11, 28)), (9, 2003, datetime.date(2026, 11, 28)),
     (60, 2019, datetime.date(2026, 11, 28)), (60, 2025, datetime.date(2026, 11, 28)),
     # The current year, part-way: only months that have ended and reports already in.
     (60, 2026, datetime.date(2026, 11, 28)), (40, 2026, datetime.date(2026, 3, 15)),
     (5, 2026, datetime.date(2026, 1, 2))],
)  # fmt: skip
def test_contoh_lolos_periksa(pegawai: int, tahun: int, tanggal: datetime.date,
                              tmp_path: Path) -> None:  # fmt: skip
    assert _contoh_bersih(tmp_path / "c", pegawai, tahun, tanggal) == []
    if tahun == tanggal.year:  # nothing dated after the date in force
        t = api.muat(tmp_path / "c", tanggal)
        assert all(n.tanggal_lapor <= tanggal for n in t.ruang.laporan)
        assert all(e.data.tanggal <= tanggal for e in t.ruang.pelatihan or [])


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pegawai=st.integers(1, 40), tahun=st.integers(1990, 2026), benih=st.integers(0, 99),
       hari=st.integers(0, 364))  # fmt: skip
def test_contoh_acak_lolos_periksa(pegawai: int, tahun: int, benih: int, hari: int) -> None:
    import tempfile

    tanggal = max(
        datetime.date(tahun, 1, 1), datetime.date(2026, 11, 28) - datetime.timedelta(hari)
    )
    with tempfile.TemporaryDirectory() as t:
        assert _contoh_bersih(Path(t) / "c", pegawai, tahun, tanggal, benih) == []


def test_tahun_yang_belum_tiba_ditolak(tmp_path: Path) -> None:
    hasil = runner.invoke(app, ["contoh", str(tmp_path / "c"), "--pegawai", "5", "--tahun",
                                "2027", "--tanggal", "2026-11-28"])  # fmt: skip
    assert hasil.exit_code == 2
    assert "tahun 2027 belum tiba pada 2026-11-28" in hasil.stderr
