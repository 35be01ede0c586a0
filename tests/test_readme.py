"""Every command the README shows is exercised, and its example output is real."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asnkinerja.cli import app

from conftest import HARI_INI, INVALID, REPO, WANGGAR, bangun_skenario

README = (REPO / "README.md").read_text(encoding="utf-8")
BLOK = re.compile(r"```[a-z]*\n(.*?)```", re.S)


def _blok_bertanda(tanda: str) -> str:
    cocok = re.search(rf"<!-- {re.escape(tanda)} -->\n```[a-z]*\n(.*?)```", README, re.S)
    assert cocok, f"README has no block marked {tanda}"
    return cocok.group(1)


def _blok_perintah() -> list[list[str]]:
    """The `asnkinerja ...` commands of each code block, in order (also those after `&&`):
    a block's commands build on each other (a form written, then imported)."""
    hasil = []
    for blok in BLOK.findall(README):
        bagian = [b.strip() for baris in blok.splitlines() for b in baris.split("&&")]
        perintah = [b for b in bagian if b.startswith("asnkinerja ")]
        if perintah:
            hasil.append(perintah)
    return hasil


def _perintah_asnkinerja() -> list[str]:
    return list(dict.fromkeys(p for blok in _blok_perintah() for p in blok))


def test_dua_perintah_pemasangan_dipakai_ci() -> None:
    """.ci/run runs exactly the README's two commands."""
    pasang = _blok_bertanda("perintah:pasang-dan-jalankan").strip()
    uji = _blok_bertanda("perintah:uji").strip()
    assert pasang == "python -m pip install . && asnkinerja evaluasi data/wanggar"
    assert uji == 'python -m pip install ".[dev]" && python -m pytest'
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert pasang in ci and uji in ci  # run as lines of their own, exactly as written


def test_readme_menampilkan_perintah() -> None:
    assert len(_perintah_asnkinerja()) >= 4


@pytest.mark.parametrize("blok", _blok_perintah(), ids=lambda b: " && ".join(b))
def test_perintah_readme_berjalan(
    blok: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Run in a copy of the repository layout, so `data/wanggar` resolves as written."""
    if any("--pdf" in p for p in blok):
        from test_peramban import _peramban

        _peramban()  # needs a browser: skipped without one, except in CI
    shutil.copytree(WANGGAR, tmp_path / "data" / "wanggar")
    monkeypatch.chdir(tmp_path)
    for perintah in blok:
        hasil = CliRunner().invoke(app, shlex.split(perintah)[1:])
        assert hasil.exit_code == 0, f"{perintah}\n{hasil.output}"


def test_contoh_keluaran_readme_sesuai_kenyataan(tmp_path: Path) -> None:
    from asnkinerja import api

    ruang = bangun_skenario(tmp_path / "r", "contoh-readme")
    masalah = api.periksa(ruang, HARI_INI).masalah
    nyata = "".join(m.baris_teks() + "\n" for m in masalah)
    assert _blok_bertanda("keluaran:contoh-readme") == nyata
    assert nyata == (INVALID / "contoh-readme" / "harapan.txt").read_text(encoding="utf-8")


def test_gambar_readme_ada() -> None:
    """Every image the README shows is in the repository (a screenshot of a real report)."""
    gambar = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", README)
    assert gambar
    for g in gambar:
        assert (REPO / g).is_file(), g
