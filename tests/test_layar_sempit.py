"""On an 80-column terminal (an old Windows console) every number and NIP stays whole.

Rich shrinks columns that do not fit; a number cut to `97,…` or a NIP cut in two
cannot be read out in a meeting, nor a predikat cut to `Perbaika|n`. Names and units
wrap between words; a window too narrow for any layout gets a list, a row a line.
"""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from asnkinerja.cli import app
from asnkinerja.sajian import console

from conftest import WANGGAR

runner = CliRunner()


def _layar(
    monkeypatch: pytest.MonkeyPatch, lebar: int, *argumen: str, ruang: Path = WANGGAR
) -> str:
    berkas = io.StringIO()
    konsol = Console(
        file=berkas, force_terminal=True, width=lebar, color_system=None, soft_wrap=True,
        emoji=False, highlight=False,
    )  # fmt: skip
    monkeypatch.setattr(console, "keluar", konsol)
    r = runner.invoke(app, [argumen[0], str(ruang), "--periode", "2025", *argumen[1:]])
    assert r.exit_code == 0, r.output
    return berkas.getvalue()


def _kata(teks: str) -> set[str]:
    """The words of a screen, without punctuation and table borders."""
    return {k.strip("(),;:.") for k in re.split(r"[\s\u2500-\u257f]+", teks)} - {""}


PERINTAH = [
    ("evaluasi", ["97,36", "100,00%", "98,15%", "MELANGGAR", "14,00%"]),
    ("penghargaan", ["198907232014042017", "Rp 5.000.000", "Rp 10.000.000", "107,72"]),
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
    tabel = [b for b in teks.splitlines() if "   " in b or re.search("[\u2500-\u257f]", b)]
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
        ("pengembangan", "  Dinas Dukcapil — PNS: 7; PNS memenuhi: 7; Persen PNS: 100,00%; "
         "JP per orang: 38,67; Keterlibatan: 70,37 rendah"),
    ],
)  # fmt: skip
def test_layar_sangat_sempit_jadi_daftar(
    monkeypatch: pytest.MonkeyPatch, perintah: str, baris: str
) -> None:
    """No table fits 60 columns without cutting a word: a row a line instead."""
    assert baris in _layar(monkeypatch, 60, perintah).splitlines()


@pytest.mark.parametrize(
    ("perintah", "lebar", "ada", "tidak_ada"),
    [
        ("penghargaan", 130, ["Peringkat ", "198907232014042017 "], ["Nama / NIP"]),
        ("penghargaan", 100, ["Nama / NIP"], ["Peringkat"]),
        ("penghargaan", 80, ["Nama / NIP"], ["Peringkat"]),
        ("mentoring", 130, ["Unit mentor", "(198609262010052004)"], []),
        ("mentoring", 106, ["Unit mentor", " 198609262010052004 "], ["(198609262010052004)"]),
        ("mentoring", 100, ["Predikat mentee", " 198609262010052004 "], ["Unit mentor"]),
        ("mentoring", 80, ["Predikat mentee", " 198609262010052004 "], ["Unit mentor"]),
    ],
)  # fmt: skip
def test_tata_letak_terinci_selama_nyaman_dibaca(
    monkeypatch: pytest.MonkeyPatch, perintah: str, lebar: int, ada: list[str],
    tidak_ada: list[str],
) -> None:  # fmt: skip
    """The most detailed layout while its names keep 16 columns; then a narrower one
    (the NIP under the name, then the unit too), not names broken after every word."""
    teks = _layar(monkeypatch, lebar, perintah)
    for x in ada:
        assert x in teks, x
    for x in tidak_ada:
        assert x not in teks, x


def _salin(tmp_path: Path, ganti: dict[str, str]) -> Path:
    ruang = Path(shutil.copytree(WANGGAR, tmp_path / "ruang"))
    for berkas in ("pegawai.yaml", "kebijakan.yaml"):
        jalur = ruang / berkas
        teks = jalur.read_text(encoding="utf-8")
        for lama, baru in ganti.items():
            teks = teks.replace(lama, baru)
        jalur.write_text(teks, encoding="utf-8")
    return ruang


@pytest.mark.parametrize(("perintah", "lebar"), [("penghargaan", 100), ("penghargaan", 130),
                                                 ("evaluasi", 80), ("mentoring", 130)])  # fmt: skip
def test_kata_panjang_tetap_utuh_bila_ada_tempat(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, perintah: str, lebar: int
) -> None:
    """A word longer than 20 characters is folded only when nothing else can give."""
    ruang = _salin(tmp_path, {"Puskesmas Wanggar": "Puskesmas Kesejahteraanmasyarakatanku"})
    assert "Kesejahteraanmasyarakatanku" in _layar(monkeypatch, lebar, perintah, ruang=ruang)


@pytest.mark.parametrize("lebar", [79, 80])
def test_tabel_unit_muat_di_konsol_windows_80_kolom(
    monkeypatch: pytest.MonkeyPatch, lebar: int
) -> None:
    """An old 80-column Windows console reports 79: the unit table is still a table."""
    baris = _layar(monkeypatch, lebar, "evaluasi").splitlines()
    assert any(b.startswith("Unit ") and "Pegawai" in b and "Kurva" in b for b in baris)
    assert "Bappeda — Pegawai: 8" not in "\n".join(baris)


def test_kode_emoji_diukur_seperti_dicetak(monkeypatch: pytest.MonkeyPatch) -> None:
    """The console prints ":ok:" as text (emoji=False): measured as text, it is not cut."""
    berkas = io.StringIO()
    konsol = Console(file=berkas, width=38, color_system=None, emoji=False, highlight=False)
    monkeypatch.setattr(console, "keluar", konsol)
    t = console.buat_tabel(None, {"Unit": False, "Angka": True})
    t.add_row("Seksi:ok:Umum dan Kepegawaian", "12345678901234567890")
    console.cetak_tabel(t)
    assert "Seksi:ok:Umum " in berkas.getvalue()


@pytest.mark.parametrize(
    ("ganti", "pesan"),
    [
        ({"predikat_mentee: [Butuh Perbaikan, Kurang/Misconduct, Sangat Kurang]":
          "predikat_mentee: [Sangat Kurang]",
          '  unit: "Distrik Wanggar"\n  atasan: "198402172009041005"\n':
          '  unit: "Distrik Wanggar"\n  atasan: "198402172009041005"\n  aktif: false\n'},
         "Tidak ada pasangan mentoring: tidak ada pegawai berpredikat Sangat Kurang dalam "
         "periode ini."),
        ({"predikat_mentee: [Butuh Perbaikan, Kurang/Misconduct, Sangat Kurang]":
          "predikat_mentee: []"},
         "Tidak ada pasangan mentoring: mentoring.predikat_mentee di kebijakan kosong."),
        ({"predikat_mentor: [Sangat Baik, Baik]": "predikat_mentor: []"},
         "Tidak ada pasangan mentoring: tidak ada mentor yang dapat dipasangkan."),
    ],
)  # fmt: skip
def test_tanpa_pasangan_mentoring_dikatakan(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ganti: dict[str, str], pesan: str
) -> None:
    """No pairs: a sentence saying so, not an empty table, at any width."""
    ruang = _salin(tmp_path, ganti)
    for lebar in (30, 80, 140):
        teks = _layar(monkeypatch, lebar, "mentoring", ruang=ruang)
        assert pesan in teks
        assert "Predikat mentee" not in teks
