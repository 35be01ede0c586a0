"""`asnkinerja ekspor` and `evaluasi --format xlsx`: workbooks an office can use as they are."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from asnkinerja.cli import app

from conftest import WANGGAR

runner = CliRunner()
TGL = ["--tanggal", "2026-11-28"]


def _ekspor(ruang: Path, ke: Path, *opsi: str) -> None:
    hasil = runner.invoke(app, ["ekspor", str(ruang), "--periode", "2025", "--ke", str(ke),
                                *TGL, *opsi])  # fmt: skip
    assert hasil.exit_code == 0, hasil.output


def test_buku_kerja_lengkap_dan_rapi(tmp_path: Path) -> None:
    ke = tmp_path / "evaluasi-2025.xlsx"
    _ekspor(WANGGAR, ke)
    buku = openpyxl.load_workbook(ke)
    assert buku.sheetnames == ["Pegawai", "Unit", "Kurva", "Penghargaan", "Nyaris",
                               "Pembayaran", "Mentoring", "Pengembangan", "Keterangan"]  # fmt: skip
    pegawai = buku["Pegawai"]
    assert pegawai.freeze_panes == "A2" and pegawai.auto_filter.ref == "A1:U51"
    assert [c.value for c in pegawai[1]][:4] == ["No", "NIP", "Nama", "Unit"]
    baris = {r[1]: r for r in pegawai.iter_rows(min_row=2, values_only=True)}
    yuliana = baris["198907232014042017"]  # the NIP as text, never 1.98907E+17
    assert pegawai["B2"].data_type == "s" and pegawai["B2"].number_format == "@"
    assert yuliana[14] == 107.72 and isinstance(yuliana[14], float)  # a number
    assert pegawai.column_dimensions["C"].width >= len("Yuliana Tebai, S.Kep., Ns.")
    # No cell of any sheet is a formula.
    assert not any(c.data_type == "f" for s in buku for r in s.iter_rows() for c in r)
    ket = {r[0]: r[1] for r in buku["Keterangan"].iter_rows(min_row=2, values_only=True)}
    assert len(ket["Sidik data"]) == 32 and ket["Versi asnkinerja"]
    assert ket["Ketentuan instansi"] == "Peraturan Bupati Nabire Nomor 7 Tahun 2025"


def test_lembar_pembayaran_jumlahnya_tepat_anggaran(tmp_path: Path) -> None:
    ke = tmp_path / "e.xlsx"
    _ekspor(WANGGAR, ke)
    baris = list(openpyxl.load_workbook(ke)["Pembayaran"].iter_rows(min_row=2, values_only=True))
    penerima = [r for r in baris if r[0] is not None]
    assert [(r[1], r[3], r[5]) for r in penerima] == [
        ("198907232014042017", "III/b", 5_000_000), ("198609262010052004", "III/c", 3_333_000),
        ("198506022010031044", "III/d", 1_667_000)]  # fmt: skip
    ringkas = {r[2]: r[5] for r in baris if r[0] is None}
    assert ringkas == {"JUMLAH": 10_000_000, "Anggaran": 10_000_000}
    assert sum(r[5] for r in penerima) == ringkas["Anggaran"]


def test_teks_berbahaya_dinetralkan(tmp_path: Path) -> None:
    """Text a spreadsheet would execute arrives as inert text, in XLSX and CSV alike."""
    ruang = tmp_path / "w"
    shutil.copytree(WANGGAR, ruang)
    p = ruang / "pegawai.yaml"
    p.write_text(
        p.read_text(encoding="utf-8").replace(
            'jabatan: "Analis SDM Aparatur Ahli Muda"',
            'jabatan: "=HYPERLINK(\\"http://contoh.invalid\\",\\"klik\\")"', 1
        ), encoding="utf-8",
    )  # fmt: skip
    _ekspor(ruang, tmp_path / "e.xlsx")
    buku = openpyxl.load_workbook(tmp_path / "e.xlsx")
    assert not any(c.data_type == "f" for s in buku for r in s.iter_rows() for c in r)
    jabatan = [r[6] for r in buku["Pegawai"].iter_rows(min_row=2, values_only=True)]
    assert '\'=HYPERLINK("http://contoh.invalid","klik")' in jabatan
    _ekspor(ruang, tmp_path / "e.csv")
    with (tmp_path / "e.csv").open(encoding="utf-8-sig", newline="") as f:
        jabatan = [r[6] for r in csv.reader(f, delimiter=";")]
    assert '\'=HYPERLINK("http://contoh.invalid","klik")' in jabatan
    assert "-" in [
        r[15]
        for r in csv.reader(
            (tmp_path / "e.csv").read_text(encoding="utf-8-sig").splitlines(), delimiter=";"
        )
    ]


def test_csv_untuk_excel_indonesia(tmp_path: Path) -> None:
    ke = tmp_path / "pegawai.csv"
    _ekspor(WANGGAR, ke)
    data = ke.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM: Excel reads the accents
    teks = data.decode("utf-8-sig").splitlines()
    assert teks[0].startswith("No;NIP;Nama;Unit;")
    rahmat = next(b for b in teks if "198506022010031044" in b)
    assert ";113,72;" in rahmat and ";104,87;" in rahmat  # decimal commas
    assert len(teks) == 51


def test_json_sama_dengan_evaluasi_json(tmp_path: Path) -> None:
    _ekspor(WANGGAR, tmp_path / "e.json")
    hasil = runner.invoke(app, ["evaluasi", str(WANGGAR), "--periode", "2025", "--json", *TGL])
    assert json.loads((tmp_path / "e.json").read_text(encoding="utf-8")) == json.loads(hasil.stdout)


def test_samarkan_di_buku_kerja(tmp_path: Path) -> None:
    _ekspor(WANGGAR, tmp_path / "e.xlsx", "--samarkan")
    buku = openpyxl.load_workbook(tmp_path / "e.xlsx")
    nilai = [str(c.value) for s in buku for r in s.iter_rows() for c in r if c.value]
    assert not any("198907232014042017" in v for v in nilai)
    assert "••••••••••••••2017" in nilai


def test_akhiran_tidak_dikenal_salah_pakai(tmp_path: Path) -> None:
    hasil = runner.invoke(app, ["ekspor", str(WANGGAR), "--ke", str(tmp_path / "e.ods"), *TGL])
    assert hasil.exit_code == 2
    assert "akhiran .ods tidak dikenal untuk --ke; pakai .xlsx, .csv atau .json" in hasil.output
    assert not list(tmp_path.iterdir())


def test_evaluasi_format_xlsx(tmp_path: Path) -> None:
    hasil = runner.invoke(app, ["evaluasi", str(WANGGAR), "--periode", "2025", "--format",
                                "md,xlsx", "--keluaran", str(tmp_path), *TGL])  # fmt: skip
    assert hasil.exit_code == 0, hasil.output
    assert openpyxl.load_workbook(tmp_path / "evaluasi-2025.xlsx").sheetnames[0] == "Pegawai"


def test_buka_membuka_berkas_yang_ditulis(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from asnkinerja.sajian import buka

    dibuka: list[Path] = []
    monkeypatch.setattr(buka, "buka", dibuka.append)
    _ekspor(WANGGAR, tmp_path / "e.xlsx", "--buka")
    hasil = runner.invoke(app, ["evaluasi", str(WANGGAR), "--periode", "2025", "--format",
                                "md,html", "--keluaran", str(tmp_path / "h"), "--buka",
                                *TGL])  # fmt: skip
    assert hasil.exit_code == 0, hasil.output
    assert dibuka == [tmp_path / "e.xlsx", tmp_path / "h" / "evaluasi-2025.html"]


def test_buka_tanpa_program_pesan_jelas(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    def gagal(*_: object, **__: object) -> None:
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(subprocess, "Popen", gagal)
    monkeypatch.setattr("sys.platform", "linux")
    hasil = runner.invoke(app, ["ekspor", str(WANGGAR), "--periode", "2025", "--ke",
                                str(tmp_path / "e.xlsx"), "--buka", *TGL])  # fmt: skip
    assert hasil.exit_code == 1
    assert f"galat: e.xlsx tidak dapat dibuka otomatis (No such file or directory); buka " \
           f"berkasnya sendiri di {tmp_path}" in hasil.output  # fmt: skip
    assert (tmp_path / "e.xlsx").is_file()


def test_karakter_kendali_dan_kode_galat_excel_tetap_teks(tmp_path: Path) -> None:
    """A vertical tab pasted from Word, or text that reads like an Excel error, exports as
    text, not a traceback or an error cell."""
    ruang = tmp_path / "w"
    shutil.copytree(WANGGAR, ruang)
    p = ruang / "pegawai.yaml"
    teks = p.read_text(encoding="utf-8")
    teks = teks.replace('jabatan: "Analis SDM Aparatur Ahli Muda"',
                        'jabatan: "Analis SDM\\vAparatur"', 1)  # fmt: skip
    teks = teks.replace('jabatan: "Sekretaris Distrik"', 'jabatan: "#N/A"', 1)
    p.write_text(teks, encoding="utf-8")
    _ekspor(ruang, tmp_path / "e.xlsx")
    lembar = openpyxl.load_workbook(tmp_path / "e.xlsx")["Pegawai"]
    jabatan = {r[6].value: r[6].data_type for r in lembar.iter_rows(min_row=2)}
    assert jabatan["Analis SDMAparatur"] == "s" and jabatan["#N/A"] == "s"


def test_periode_bukan_penghargaan_tanpa_lembar_pembayaran(tmp_path: Path) -> None:
    hasil = runner.invoke(app, ["ekspor", str(WANGGAR), "--periode", "2025-10", "--ke",
                                str(tmp_path / "e.xlsx"), *TGL])  # fmt: skip
    assert hasil.exit_code == 0, hasil.output
    buku = openpyxl.load_workbook(tmp_path / "e.xlsx")
    assert "Pembayaran" not in buku.sheetnames
    nomor = [r[6] for r in buku["Penghargaan"].iter_rows(min_row=2, values_only=True)]
    assert nomor and all(not n for n in nomor)  # no piagam number outside the award period


def test_laporan_opd_bagian_dari_anggaran_instansi(tmp_path: Path) -> None:
    hasil = runner.invoke(app, ["evaluasi", str(WANGGAR), "--periode", "2025", "--unit",
                                "BKPSDM", "--format", "md,xlsx", "--keluaran", str(tmp_path),
                                *TGL])  # fmt: skip
    assert hasil.exit_code == 0, hasil.output
    md = (tmp_path / "evaluasi-2025-bkpsdm.md").read_text(encoding="utf-8")
    assert ("Penghargaan ditetapkan untuk seluruh instansi (anggaran Rp 10.000.000); bagian "
            "penerima dari unit ini Rp 1.667.000") in md  # fmt: skip
    assert "tidak terisi penuh" not in md and "sisa Rp" not in md
    bayar = openpyxl.load_workbook(tmp_path / "evaluasi-2025-bkpsdm.xlsx")["Pembayaran"]
    ringkas = {r[2]: r[5] for r in bayar.iter_rows(min_row=2, values_only=True) if r[0] is None}
    assert ringkas == {"JUMLAH": 1_667_000, "Anggaran seluruh instansi": 10_000_000}
