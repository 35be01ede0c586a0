"""The HTML report's SVG charts: valid coordinates, numbers as the tables print them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from decimal import Decimal

import pytest
from typer.testing import CliRunner

from asnkinerja.cli import app
from asnkinerja.sajian import grafik

from conftest import WANGGAR

runner = CliRunner()
SVG = "{http://www.w3.org/2000/svg}"
KOORDINAT = ("x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "width", "height")


@pytest.fixture(scope="module")
def laporan_html(tmp_path_factory: pytest.TempPathFactory) -> str:
    keluar = tmp_path_factory.mktemp("html")
    hasil = runner.invoke(
        app,
        ["evaluasi", str(WANGGAR), "--periode", "2025", "--format", "html", "--keluaran",
         str(keluar), "--tanggal", "2026-11-28"],
    )  # fmt: skip
    assert hasil.exit_code == 0, hasil.output
    # The summary's chart and the annex's, together.
    return "".join(
        (keluar / f"{n}-2025.html").read_text(encoding="utf-8")
        for n in ("evaluasi", "lampiran-evaluasi")
    )


def _grafik(html: str) -> list[ET.Element]:
    return [ET.fromstring(s) for s in re.findall(r"<svg\b.*?</svg>", html, re.S)]


def test_setiap_koordinat_svg_adalah_angka(laporan_html: str) -> None:
    semua = _grafik(laporan_html)
    assert len(semua) == 5
    for svg in semua:
        assert [float(v) for v in svg.attrib["viewBox"].split()]
        for el in svg.iter():
            for nama in KOORDINAT:
                if nama in el.attrib:
                    float(el.attrib[nama])  # "437,0" would raise
            if "points" in el.attrib:
                for titik in el.attrib["points"].split():
                    [float(v) for v in titik.split(",")]


def test_jp_per_orang_dibulatkan_seperti_tabel(laporan_html: str) -> None:
    """29,25 JP is shown as 29,25 (half-up, 2 decimals as in the table), not 29,2."""
    [jp] = [s for s in _grafik(laporan_html) if "JP per orang" in s.attrib["aria-label"]]
    teks = ["".join(t.itertext()) for t in jp.iter(f"{SVG}text")]
    assert teks[:2] == ["BKPSDM", "29,25 JP"]
    assert "Sekretariat Daerah" in teks and "16,00 JP" in teks


def test_nama_unit_panjang_tidak_menimpa_batang() -> None:
    nama = "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Nabire"
    svg = ET.fromstring(grafik.jp_unit([{"unit": nama, "jp_per_orang": Decimal("12.345")}],
                                       Decimal(20)))  # fmt: skip
    label = next(svg.iter(f"{SVG}text"))
    judul = label.find(f"{SVG}title")
    assert judul is not None and judul.text == nama  # the full name as its tooltip
    assert judul.tail is not None and judul.tail.endswith("…") and len(judul.tail) <= 26
    assert any("".join(t.itertext()) == "12,35 JP" for t in svg.iter(f"{SVG}text"))
