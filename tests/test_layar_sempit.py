"""On an 80-column terminal (an old Windows console) every number and NIP stays whole.

Rich shrinks columns that do not fit; a number cut to `97,…` or a NIP cut in two
cannot be read out in a meeting, nor a predikat cut to `Perbaika|n`. Names and units
wrap between words; a window too narrow for any layout gets a list, a row a line.
"""

from __future__ import annotations

import io
import re

import pytest
from rich.console import Console
from typer.testing import CliRunner

from asnkinerja import console
from asnkinerja.cli import app

from conftest import WANGGAR

runner = CliRunner()


def _layar(monkeypatch: pytest.MonkeyPatch, lebar: int, *argumen: str) -> str:
    berkas = io.StringIO()
    konsol = Console(
        file=berkas, force_terminal=True, width=lebar, color_system=None, soft_wrap=True,
        emoji=False, highlight=False,
    )  # fmt: skip
    monkeypatch.setattr(console, "keluar", konsol)
    r = runner.invoke(app, [argumen[0], str(WANGGAR), "--periode", "2025", *argumen[1:]])
    assert r.exit_code == 0, r.output
    return berkas.getvalue()


def _kata(teks: str) -> set[str]:
    """The words of a screen, without punctuation and table borders."""
    return {k.strip("(),;:.") for k in re.split(r"[\s\u2500-\u257f]+", teks)} - {""}


PERINTAH = [
    ("evaluasi", ["97,36", "100,00%", "98,15%", "MELANGGAR", "14,29%"]),
    ("penghargaan", ["198907232014042017", "Rp 5.000.000", "Rp 10.000.000", "107,75"]),
    ("mentoring", ["198609262010052004", "199603082020011009", "Sangat Kurang"]),
    ("pengembangan", ["83,33%", "29,25", "70,37", "rendah"]),
]


@pytest.mark.parametrize("lebar", [60, 80, 100, 120])
@pytest.mark.parametrize(("perintah", "harus_ada"), PERINTAH)
def test_angka_utuh_di_terminal_sempit(
    monkeypatch: pytest.MonkeyPatch, lebar: int, perintah: str, harus_ada: list[str]
) -> None:
    teks = _layar(monkeypatch, lebar, perintah)
    assert "…" not in teks
    for angka in harus_ada:
        assert angka in teks, angka
    # Table lines (padded to the table's width, or ending in a border) fit the terminal;
    # sentences may run on, the terminal wraps those between words.
    tabel = [b for b in teks.splitlines() if b.endswith((" ", "│", "┃", "┓", "┩", "┘"))]
    assert tabel or lebar == 60
    for baris in tabel:
        assert len(baris) <= lebar, baris


@pytest.mark.parametrize("samarkan", [[], ["--samarkan"]])
@pytest.mark.parametrize("lebar", [60, 80, 90, 100, 110, 120])
@pytest.mark.parametrize("perintah", [p for p, _ in PERINTAH])
def test_tidak_ada_kata_terpotong(
    monkeypatch: pytest.MonkeyPatch, lebar: int, perintah: str, samarkan: list[str]
) -> None:
    """Every word on a narrow screen is a whole word of the wide one: nothing is
    folded mid-word ("Dukcapi" + "l"), in a table or in the list layout."""
    utuh = _kata(_layar(monkeypatch, 250, perintah, *samarkan))
    utuh |= _kata(_layar(monkeypatch, 30, perintah, *samarkan))  # the list layout
    utuh.add("No")  # the narrow layouts' heading for "Peringkat"
    sempit = _kata(_layar(monkeypatch, lebar, perintah, *samarkan))
    assert sempit - utuh == set()


@pytest.mark.parametrize(
    ("perintah", "baris"),
    [
        ("evaluasi", "  Bappeda — Pegawai: 8; SB: 0; B: 8; BP: 0; K/M: 0; SK: 0; Akhir: 92,25; "
         "Laporan: 100,00%; Kurva: MELANGGAR"),
        ("penghargaan", "  JUMLAH — Insentif: Rp 10.000.000"),
        ("mentoring", "  6. Mentor: Yohanes Pigai, S.Sos., M.Si. (197204111998031002); Unit "
         "mentor: Distrik Wanggar; Mentee: Stefanus Tekege (198806212012071010); Unit "
         "mentee: Distrik Wanggar; Predikat mentee: Kurang/Misconduct"),
        ("pengembangan", "  Dinas Dukcapil — Pegawai: 7; Memenuhi: 7; Persen: 100,00%; "
         "JP per orang: 38,67; Keterlibatan: 70,37 rendah"),
    ],
)  # fmt: skip
def test_layar_sangat_sempit_jadi_daftar(
    monkeypatch: pytest.MonkeyPatch, perintah: str, baris: str
) -> None:
    """No table fits 60 columns without cutting a word: a row a line instead."""
    assert baris in _layar(monkeypatch, 60, perintah).splitlines()
