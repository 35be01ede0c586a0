"""The Pejabat Penilai Kinerja decides the annual rating (penetapan.yaml): their ratings
and the matrix's predikat are final, the computed ones stay beside them as the
recommendation, and awards, mentoring and documents follow the final predikat."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asnkinerja.cli import app

from conftest import WANGGAR

runner = CliRunner()
TGL = ["--tanggal", "2026-11-28"]
SELVIANA = "199309092016042028"  # computed: Butuh Perbaikan
ATASAN = "197805302003021027"
PENETAPAN = f"""\
# Keputusan pejabat penilai atas penilaian tahunan.
- nip: "{SELVIANA}"
  periode: "2025"
  hasil_kerja: sesuai
  perilaku: sesuai
  penilai: "{ATASAN}"
  tanggal: 2026-01-20
  alasan: "Target tahunan tercapai setelah migrasi aplikasi; keterlambatan Q1 di luar kendalinya"
"""


@pytest.fixture
def ruang(tmp_path: Path) -> Path:
    r = tmp_path / "w"
    shutil.copytree(WANGGAR, r)
    (r / "penetapan.yaml").write_text(PENETAPAN, encoding="utf-8")
    return r


def _json(ruang: Path, periode: str = "2025") -> dict:  # type: ignore[type-arg]
    hasil = runner.invoke(app, ["evaluasi", str(ruang), "--periode", periode, "--json", *TGL])
    assert hasil.exit_code == 0, hasil.output
    return json.loads(hasil.stdout)  # type: ignore[no-any-return]


def test_penetapan_final_rekomendasi_di_sampingnya(ruang: Path) -> None:
    data = _json(ruang)
    p = next(x for x in data["pegawai"] if x["nip"] == SELVIANA)
    assert (p["predikat"], p["rating_hasil_kerja"], p["rating_perilaku"]) == (
        "Baik", "sesuai", "sesuai")  # fmt: skip
    assert p["ditetapkan"] is True
    assert p["rekomendasi"] == {"rating_hasil_kerja": "di_bawah", "rating_perilaku": "sesuai",
                                "predikat": "Butuh Perbaikan"}  # fmt: skip
    lain = next(x for x in data["pegawai"] if x["nip"] != SELVIANA)
    assert lain["ditetapkan"] is False
    assert lain["rekomendasi"]["predikat"] == lain["predikat"]
    # The unit counts the final predikat; she is no longer a mentee (mentee: below Baik).
    tanpa = _json(WANGGAR)
    dukcapil = {u["nama"]: u for u in data["unit"]}["Dinas Dukcapil"]["sebaran"]
    dukcapil_lama = {u["nama"]: u for u in tanpa["unit"]}["Dinas Dukcapil"]["sebaran"]
    assert dukcapil["Baik"]["jumlah"] == dukcapil_lama["Baik"]["jumlah"] + 1
    assert dukcapil["Butuh Perbaikan"]["jumlah"] == dukcapil_lama["Butuh Perbaikan"]["jumlah"] - 1
    assert all(m["mentee"] != SELVIANA for m in data["mentoring"])
    assert any(m["mentee"] == SELVIANA for m in tanpa["mentoring"])


def test_penetapan_hanya_untuk_tahunnya(ruang: Path) -> None:
    for periode in ("2025-T4", "2025-10"):
        p = next(x for x in _json(ruang, periode)["pegawai"] if x["nip"] == SELVIANA)
        assert p["ditetapkan"] is False


def test_dokumen_dan_jelaskan_menunjukkan_keduanya(ruang: Path, tmp_path: Path) -> None:
    keluar = tmp_path / "hasil"
    hasil = runner.invoke(app, ["evaluasi", str(ruang), "--periode", "2025", "--format", "md",
                                "--rapor", "--keluaran", str(keluar), *TGL])  # fmt: skip
    assert hasil.exit_code == 0, hasil.output
    md = (keluar / "lampiran-evaluasi-2025.md").read_text(encoding="utf-8")  # the list
    assert "| Baik (ditetapkan penilai; rekomendasi Butuh Perbaikan) |" in md
    rapor = (keluar / "rapor-2025" / f"{SELVIANA}.html").read_text(encoding="utf-8")
    assert "(ditetapkan Pejabat Penilai Kinerja)" in rapor
    assert "predikat Butuh Perbaikan" in rapor and "20 Januari 2026" in rapor
    hasil = runner.invoke(app, ["jelaskan", SELVIANA, str(ruang), "--periode", "2025", *TGL])
    assert hasil.exit_code == 0, hasil.output
    assert "Rating hasil kerja: Sesuai Ekspektasi — ditetapkan Pejabat Penilai Kinerja" in \
        hasil.output  # fmt: skip
    assert f"Ditetapkan Pejabat Penilai Kinerja (NIP {ATASAN}, 20 Januari 2026) " \
           "[penetapan.yaml:2:3]: Target tahunan tercapai" in hasil.output  # fmt: skip
    assert "Rekomendasi hitungan: hasil kerja Di Bawah Ekspektasi, perilaku Sesuai " \
           "Ekspektasi, predikat Butuh Perbaikan" in hasil.output  # fmt: skip
    assert "→ Predikat: Baik" in hasil.output
