"""`asnkinerja templat laporan`: the report form the OPDs fill in for a period."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from typer.testing import CliRunner

from asnkinerja.cli import app

from conftest import WANGGAR, bangun_skenario

runner = CliRunner()
TGL = ["--tanggal", "2026-11-28"]


def _formulir(tmp_path: Path, *opsi: str) -> openpyxl.Workbook:
    ke = tmp_path / "formulir.xlsx"
    hasil = runner.invoke(app, ["templat", "laporan", str(WANGGAR), "--periode", "2026-01",
                                "--ke", str(ke), *TGL, *opsi])  # fmt: skip
    assert hasil.exit_code == 0, hasil.output
    return openpyxl.load_workbook(ke)


def test_satu_lembar_per_unit_terisi_dari_laporan_sebelumnya(tmp_path: Path) -> None:
    buku = _formulir(tmp_path)
    unit = ["BKPSDM", "Bappeda", "Dinas Dukcapil", "Distrik Wanggar", "Puskesmas Wanggar",
            "Sekretariat Daerah"]  # fmt: skip
    assert buku.sheetnames == ["Petunjuk", *unit]
    lembar = buku["BKPSDM"]
    judul = [c.value for c in lembar[1]]
    assert judul[:11] == ["NIP", "Nama", "Jabatan", "Periode", "Penilai (NIP)", "Indikator",
                          "Satuan", "Target", "Realisasi", "Bobot",
                          "Arah (naik/turun)"]  # fmt: skip
    assert "Berorientasi Pelayanan" in judul and judul[-1] == "Umpan balik"
    rahmat = [r for r in lembar.iter_rows(min_row=2, values_only=True)
              if r[0] == "198506022010031044"]  # fmt: skip
    # His three indicators of December 2025, with their targets; realisasi left to fill.
    assert [(r[5], r[7], r[8]) for r in rahmat] == [
        ("Usulan layanan kepegawaian yang diproses", 45, None),
        ("Data SKP pegawai yang diverifikasi", 80, None),
        ("Konsultasi kepegawaian yang dilayani", 20, None)]  # fmt: skip
    assert {r[3] for r in rahmat} == {"2026-01"}
    assert lembar["A2"].data_type == "s"  # the NIP as text


def test_kunci_terkunci_isian_divalidasi(tmp_path: Path) -> None:
    lembar = _formulir(tmp_path, "--unit", "Bappeda")["Bappeda"]
    assert lembar.protection.sheet
    assert lembar["A2"].protection.locked and lembar["E2"].protection.locked  # NIP, penilai
    assert not lembar["I2"].protection.locked  # Realisasi
    aturan = {(d.type, d.formula1, d.formula2) for d in lembar.data_validations.dataValidation}
    assert ("whole", "1", "5") in aturan  # BerAKHLAK 1-5
    assert ("decimal", "0", None) in aturan and ("list", '"naik,turun"', None) in aturan
    assert any(t == "date" for t, _, _ in aturan)


def test_satu_opd_saja(tmp_path: Path) -> None:
    buku = _formulir(tmp_path, "--unit", "Bappeda")
    assert buku.sheetnames == ["Petunjuk", "Bappeda"]
    assert len({r[0] for r in buku["Bappeda"].iter_rows(min_row=2, values_only=True)}) == 8


def test_pilihan_salah_dan_ruang_kerja_bergalat(tmp_path: Path) -> None:
    for argumen, pesan in (
        (["templat", "gaji", str(WANGGAR)],
         'jenis formulir "gaji" tidak dikenal; pilih laporan, pegawai atau pelatihan'),
        (["templat", "laporan", str(WANGGAR)],
         "--periode wajib diisi: periode laporan yang akan diisi, mis. 2026-01"),
        (["templat", "laporan", str(WANGGAR), "--periode", "2026"],
         'periode "2026" bukan periode laporan bulanan; formulir dibuat per periode laporan'),
        (["templat", "laporan", str(WANGGAR), "--periode", "2026-01", "--unit", "Bapeda"],
         'unit "Bapeda" tidak ada di daftar pegawai; maksudnya "Bappeda"?'),
    ):  # fmt: skip
        hasil = runner.invoke(app, [*argumen, "--ke", str(tmp_path / "f.xlsx"), *TGL])
        assert hasil.exit_code == 2 and pesan in hasil.output, hasil.output
    ruang = bangun_skenario(tmp_path / "r", "realisasi-teks")
    hasil = runner.invoke(app, ["templat", "laporan", str(ruang), "--periode", "2026-01",
                                "--ke", str(tmp_path / "f.xlsx"), *TGL])  # fmt: skip
    assert hasil.exit_code == 1
    assert not (tmp_path / "f.xlsx").exists()


def test_formulir_pegawai_berisi_daftar_sekarang(tmp_path: Path) -> None:
    ke = tmp_path / "pegawai.xlsx"
    hasil = runner.invoke(app, ["templat", "pegawai", str(WANGGAR), "--ke", str(ke), *TGL])
    assert hasil.exit_code == 0, hasil.output
    buku = openpyxl.load_workbook(ke)
    assert buku.sheetnames == ["Petunjuk", "Pegawai", "Hukuman disiplin"]
    hukuman = [r for r in buku["Hukuman disiplin"].iter_rows(values_only=True) if r[0]]
    assert hukuman[0] == ("NIP", "Nama", "Tingkat", "Tanggal", "Keterangan")
    assert hukuman[1][:3] == ("198402172009041005", "Andi Pakiding, S.T.", "sedang")
    lembar = buku["Pegawai"]
    assert [c.value for c in lembar[1]] == ["NIP", "Nama", "Status", "Golongan", "Jabatan",
                                            "Jenis jabatan", "Unit", "Atasan (NIP)",
                                            "TMT CPNS", "Aktif"]  # fmt: skip
    baris = [r for r in lembar.iter_rows(min_row=2, values_only=True) if r[0]]
    assert len(baris) == 50
    assert baris[0][:3] == ("196812011993031001", "Drs. Marthinus Kotouki, M.Si.", "PNS")
    assert lembar["A2"].data_type == "s" and lembar["A540"].number_format == "@"  # new rows too
    daftar = {d.formula1 for d in lembar.data_validations.dataValidation}
    assert '"PNS,PPPK"' in daftar and '"ya,tidak"' in daftar


def test_formulir_pelatihan_satu_baris_per_narasumber(tmp_path: Path) -> None:
    ke = tmp_path / "pelatihan.xlsx"
    hasil = runner.invoke(app, ["templat", "pelatihan", str(WANGGAR), "--ke", str(ke), *TGL])
    assert hasil.exit_code == 0, hasil.output
    lembar = openpyxl.load_workbook(ke)["Pelatihan"]
    baris = [r for r in lembar.iter_rows(min_row=2, values_only=True) if r[0]]
    # "Pelatihan Pelayanan Prima" had two speakers: two rows, participants on the first.
    prima = [r for r in baris if r[0] == "Pelatihan Pelayanan Prima"]
    assert [r[5] for r in prima] == ["Dr. Lukas Wenda, M.Si.", "Ratna Dewi, S.E."]
    assert prima[0][8].count(";") == 25 and prima[1][8] is None
    daftar = {d.formula1 for d in lembar.data_validations.dataValidation}
    assert '"teknis,manajerial,sosial_kultural"' in daftar
