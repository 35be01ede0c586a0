"""Rendered reports of the small workspace, compared with golden files.

Regenerate with `python tools/perbarui_golden.py` only on purpose, then read the diff.
"""

from __future__ import annotations

import functools
import json
from typing import Any

import pytest

from asnkinerja import api
from asnkinerja.sajian import keluaran

from conftest import DASAR, DATA, HARI_INI

GOLDEN = DATA / "golden"


@functools.cache
def keluaran_golden() -> dict[str, str]:
    ev = api.evaluasi(DASAR, "2025-T4", HARI_INI)
    hasil = ev.hasil
    assert hasil is not None, ev.masalah
    berkas = {f"evaluasi-2025-T4.{f}": keluaran.laporan(hasil, f, False) for f in keluaran.FORMAT}
    for f in ("md", "html"):
        berkas[f"lampiran-evaluasi-2025-T4.{f}"] = keluaran.lampiran(hasil, f, False)
    berkas["evaluasi-2025-T4-samar.md"] = keluaran.laporan(hasil, "md", True)
    berkas["evaluasi-2025-T4-samar.json"] = keluaran.laporan(hasil, "json", True)
    for nama, teks in keluaran.rapor(hasil, False)[:1]:
        berkas[nama.replace("/", "-")] = teks
    return berkas


@pytest.mark.parametrize("nama", sorted(keluaran_golden()))
def test_sama_dengan_golden(nama: str) -> None:
    harapan = (GOLDEN / nama).read_text(encoding="utf-8")
    assert keluaran_golden()[nama] == harapan


def _tanpa_identitas(x: Any) -> Any:
    if isinstance(x, dict):
        return {
            k: _tanpa_identitas(v)
            for k, v in x.items()
            if k not in ("nip", "nama", "disamarkan", "penandatangan")
        }
    if isinstance(x, list):
        return [_tanpa_identitas(v) for v in x]
    return x


def test_samaran_menyimpan_angka_yang_sama_tanpa_identitas() -> None:
    berkas = keluaran_golden()
    asli = json.loads(berkas["evaluasi-2025-T4.json"])
    samar = json.loads(berkas["evaluasi-2025-T4-samar.json"])
    assert _tanpa_identitas(asli) == _tanpa_identitas(samar)
    for teks in (berkas["evaluasi-2025-T4-samar.json"], berkas["evaluasi-2025-T4-samar.md"]):
        for p in asli["pegawai"]:
            assert p["nip"] not in teks
            assert p["nama"] not in teks


def test_html_mandiri_tanpa_sumber_luar() -> None:
    html = keluaran_golden()["evaluasi-2025-T4.html"]
    for larangan in ("<script", "http://", "https://", "@import", "<link", "<img"):
        if larangan == "http://":
            # the SVG namespace is an identifier, not something fetched
            html = html.replace('xmlns="http://www.w3.org/2000/svg"', "")
        assert larangan not in html
    assert "<svg" in html and "break-after: avoid" in html  # print rules
