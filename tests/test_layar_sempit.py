"""On an 80-column terminal (an old Windows console) every number and NIP stays whole.

Rich shrinks columns that do not fit; a number cut to `97,…` or a NIP cut in two
cannot be read out in a meeting. Names and units wrap instead.
"""

from __future__ import annotations

import io

import pytest
from rich.console import Console
from typer.testing import CliRunner

from asnkinerja import console
from asnkinerja.cli import app

from conftest import WANGGAR

runner = CliRunner()


@pytest.mark.parametrize("lebar", [80, 100])
@pytest.mark.parametrize(
    ("perintah", "harus_ada"),
    [
        ("evaluasi", ["97,36", "100,00%", "98,15%", "MELANGGAR", "14,29%"]),
        ("penghargaan", ["198907232014042017", "Rp 5.000.000", "Rp 10.000.000", "107,75"]),
        ("mentoring", ["198609262010052004", "199603082020011009", "Sangat Kurang"]),
        ("pengembangan", ["83,33%", "29,25", "70,37", "rendah"]),
    ],
)
def test_angka_utuh_di_terminal_sempit(
    monkeypatch: pytest.MonkeyPatch, lebar: int, perintah: str, harus_ada: list[str]
) -> None:
    berkas = io.StringIO()
    konsol = Console(
        file=berkas, force_terminal=True, width=lebar, color_system=None, soft_wrap=True,
        emoji=False, highlight=False,
    )  # fmt: skip
    monkeypatch.setattr(console, "keluar", konsol)
    r = runner.invoke(app, [perintah, str(WANGGAR), "--periode", "2025"])
    assert r.exit_code == 0, r.output
    teks = berkas.getvalue()
    assert "…" not in teks
    for angka in harus_ada:
        assert angka in teks, angka
    # Table lines (padded to the table's width, or ending in a border) fit the terminal;
    # sentences may run on, the terminal wraps those between words.
    tabel = [b for b in teks.splitlines() if b.endswith((" ", "│", "┃", "┓", "┩", "┘"))]
    assert tabel
    for baris in tabel:
        assert len(baris) <= lebar, baris
