"""`asnkinerja impor`: from the office's workbooks to the workspace, every bad cell named,
nothing written on any error, the rest merged with the workspace's style kept."""

from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from typer.testing import CliRunner

from asnkinerja import api
from asnkinerja.cli import app

from conftest import WANGGAR

runner = CliRunner()
TGL = ["--tanggal", "2026-11-28"]
HARI = datetime.date(2026, 11, 28)

JUDUL = ["NIP", "Nama", "Golongan", "Jabatan", "Unit", "Atasan (NIP)"]
BARU = ["199001012015031001", "Yakob Tebai", "III/a", "Pengadministrasi Umum",
        "Distrik Wanggar", "197204111998031002"]  # fmt: skip
BARU2 = ["199202022016032002", "Maria Gobai", "III/b", "Analis Kebijakan", "Distrik Wanggar",
         "197204111998031002"]  # fmt: skip


def buku(jalur: Path, lembar: dict[str, list[list[Any]]], gabung: tuple[str, ...] = ()) -> Path:
    """A workbook with these sheets and rows; `gabung`: merged ranges ("Sheet1!A2:A3")."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for nama, baris in lembar.items():
        ws = wb.create_sheet(nama)
        for b in baris:
            ws.append(b)
    for g in gabung:
        nama, rentang = g.split("!")
        wb[nama].merge_cells(rentang)
    wb.save(jalur)
    return jalur


def dengan_nilai_tersimpan(jalur: Path, nilai: str) -> Path:
    """Give the workbook's formula cells a cached value, as Excel does on saving
    (openpyxl writes formulas without one)."""
    sementara = jalur.with_suffix(".tmp")
    with zipfile.ZipFile(jalur) as z, zipfile.ZipFile(sementara, "w") as keluar:
        for item in z.infolist():
            data = z.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = re.sub(rb"<v\s*/>|<v></v>", f"<v>{nilai}</v>".encode(), data)
                data = re.sub(rb'(<c r="[A-Z]+[0-9]+")(><f>)', rb'\1 t="str"\2', data)
            keluar.writestr(item, data)
    sementara.replace(jalur)
    return jalur


@pytest.fixture
def ruang(tmp_path: Path) -> Path:
    tujuan = tmp_path / "wanggar"
    shutil.copytree(WANGGAR, tujuan)
    return tujuan


def potret(folder: Path) -> dict[str, bytes]:
    """Every file of a workspace (hidden ones too) and its bytes."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}  # fmt: skip


def impor(*argumen: str) -> Any:
    return runner.invoke(app, ["impor", *argumen, *TGL])


# ---------------------------------------------------------------- broken workbooks
def _laporan(realisasi: Any = 9, tanggal: Any = datetime.date(2026, 2, 5)) -> list[list[Any]]:
    judul = ["NIP", "Nama", "Periode", "Penilai (NIP)", "Indikator", "Satuan", "Target",
             "Realisasi", "Tanggal lapor", "Tantangan", "Rencana perbaikan"]  # fmt: skip
    nip, penilai = "198506022010031044", "197403191999031043"
    return [judul,
            [nip, "Rahmat", "2026-01", penilai, "Usulan diproses", "usulan", 45, 50, tanggal,
             "Jaringan putus", "Rapat mingguan"],
            [nip, "Rahmat", "2026-01", penilai, "SKP diverifikasi", "SKP", "80", realisasi,
             None, None, None]]  # fmt: skip


RUSAK: dict[str, tuple[str, Callable[[Path], Path], str]] = {
    "judul-salah": ("pegawai", lambda d: buku(d / "judul-salah.xlsx", {"Sheet1": [
        ["Nomor Induk", "Nama Lengkap", "Unit Kerja"], [*BARU[:2], "Distrik Wanggar"]]}),
        "judul-salah.xlsx: galat: tidak ada lembar dengan judul kolom NIP / NIP BARU / NIP NI "
        "PPPK untuk impor pegawai; judul yang ditemukan: Sheet1: Nomor Induk, Nama Lengkap, "
        "Unit Kerja. Ganti judul kolomnya atau petakan dengan --peta PETA.yaml"),
    "kolom-wajib-hilang": ("pegawai", lambda d: buku(d / "kolom-wajib-hilang.xlsx", {
        "Sheet1": [["NIP", "Nama", "Jabatan"], [*BARU[:2], "Staf"]]}),
        "kolom-wajib-hilang.xlsx:Sheet1!1:1: galat: kolom wajib tidak ditemukan: unit (UNIT / "
        "UNIT KERJA / UNOR). Judul yang ada: NIP, Nama, Jabatan. Tambahkan kolomnya, ganti "
        "judulnya, atau petakan dengan --peta PETA.yaml"),
    "sel-gabungan-melintang": ("pegawai", lambda d: buku(d / "gabungan.xlsx", {
        "Sheet1": [JUDUL, BARU, BARU2]}, ("Sheet1!D3:E3",)),
        "gabungan.xlsx:Sheet1!D3:E3: galat: sel gabungan D3:E3 melintasi kolom Jabatan dan "
        "Unit; pisahkan gabungan sel (Merge & Center dimatikan) dan isi setiap kolom"),
    "sel-gabungan-nip": ("pegawai", lambda d: buku(d / "gabungan-nip.xlsx", {
        "Sheet1": [JUDUL, BARU, BARU2]}, ("Sheet1!A2:A3",)),
        "gabungan-nip.xlsx:Sheet1!3:3: galat: Maria Gobai, NIP 199001012015031001 sudah ada "
        "di gabungan-nip.xlsx:Sheet1!2:2; satu pegawai cukup satu kali"),
    "nip-sebagai-angka": ("pegawai", lambda d: buku(d / "nip-angka.xlsx", {
        "Sheet1": [JUDUL, [199001012015031001, *BARU[1:]]]}),
        "nip-angka.xlsx:Sheet1!A2: galat: NIP tersimpan sebagai angka (199001012015031008), "
        "bukan teks: Excel hanya menyimpan 15 angka pertama sehingga angka terakhirnya bisa "
        "sudah berubah menjadi 0. Format kolom NIP sebagai Teks lalu ketik ulang NIP dari SK; "
        "NIP tidak diubah otomatis"),
    "nip-berakhir-000": ("pegawai", lambda d: buku(d / "nip-nol.xlsx", {
        "Sheet1": [JUDUL, ["199001012015031000", *BARU[1:]]]}),
        "nip-nol.xlsx:Sheet1!A2: galat: NIP 199001012015031000 berakhir 000: tanda NIP yang "
        "pernah disimpan Excel sebagai angka (hanya 15 angka pertama yang tersimpan). Ketik "
        "ulang NIP dari SK di sel berformat Teks"),
    "nip-notasi-ilmiah": ("pegawai", lambda d: _tulis(d / "nip-ilmiah.csv",
        "NIP;Nama;Unit\n1,99001E+17;Yakob;Distrik Wanggar\n"),
        'nip-ilmiah.csv:A2: galat: NIP tertulis dalam notasi ilmiah ("1,99001E+17"): Excel '
        "menyimpannya sebagai angka dan angka terakhirnya hilang. Format kolom NIP sebagai "
        "Teks lalu ketik ulang NIP dari SK"),
    "dua-lembar-cocok": ("pegawai", lambda d: buku(d / "dua-lembar.xlsx", {
        "Pegawai": [JUDUL, BARU], "Pegawai (2)": [JUDUL, BARU]}),
        'dua-lembar.xlsx: galat: dua lembar sama-sama cocok untuk impor pegawai: "Pegawai" dan '
        '"Pegawai (2)"; pilih satu dengan --lembar NAMA, atau hapus lembar yang lama'),
    "rumus-tanpa-nilai": ("pegawai", lambda d: buku(d / "rumus.xlsx", {
        "Sheet1": [JUDUL, [*BARU[:2], '="III/"&"a"', *BARU[3:]]]}),
        'rumus.xlsx:Sheet1!C2: galat: sel berisi rumus ="III/"&"a" tanpa nilai tersimpan '
        "(berkas belum pernah dihitung di Excel); buka berkas di Excel lalu simpan ulang, atau "
        "ganti rumus dengan nilainya"),
    "golongan-tidak-ada": ("pegawai", lambda d: buku(d / "golongan.xlsx", {
        "Sheet1": [JUDUL, [*BARU[:2], "III/f", *BARU[3:]]]}),
        'golongan.xlsx:Sheet1!C2: galat: golongan "III/f" tidak ada untuk PNS; tulis seperti '
        "III/a, IV/b"),
    # Found only once merged (the workspace check), still named at its cell.
    "atasan-tidak-ada": ("pegawai", lambda d: buku(d / "atasan.xlsx", {
        "Sheet1": [JUDUL, [*BARU[:5], "199912312020121001"]]}),
        "atasan.xlsx:Sheet1!F2: galat: atasan 199912312020121001 tidak ada di daftar pegawai; "
        "tambahkan atasan itu ke pegawai.yaml (atau ke pejabat di kebijakan.yaml bila ia tidak "
        "dievaluasi) atau perbaiki NIP-nya (akan ditulis ke pegawai.yaml)"),
    "teks-di-kolom-angka": ("laporan", lambda d: buku(d / "teks.xlsx", {
        "BKPSDM": _laporan("sembilan")}),
        'teks.xlsx:BKPSDM!H3: galat: "sembilan" bukan angka; isi angka saja (desimal dengan '
        "koma, mis. 12,5)"),
    "realisasi-kosong": ("laporan", lambda d: buku(d / "kosong.xlsx", {
        "BKPSDM": _laporan(None)}),
        'kosong.xlsx:BKPSDM!H3: galat: realisasi kosong untuk indikator "SKP diverifikasi"; '
        "isi angka (0 bila tidak tercapai) atau hapus baris indikator ini"),
    "tanggal-bulan-dahulu": ("laporan", lambda d: buku(d / "tanggal.xlsx", {
        "BKPSDM": _laporan(9, "02/25/2026")}),
        'tanggal.xlsx:BKPSDM!I2: galat: "02/25/2026" bukan tanggal yang mungkin; tulis '
        "HH/BB/TTTT (hari dahulu)"),
    "bom-zip": ("pegawai", lambda d: _bom(d / "bom.xlsx"),
        "galat: bom.xlsx berisi 1,1 GB setelah dibuka (paling besar 1 GB): bukan buku kerja "
        "biasa, atau rusak; simpan ulang di Excel"),
    # A period from a cell becomes part of a file name: only a period is ever accepted.
    "periode-berupa-jalur": ("laporan", lambda d: buku(d / "jalur.xlsx", {
        "BKPSDM": [[*r[:2], "../../di-luar", *r[3:]] if i else r
                   for i, r in enumerate(_laporan())]}),
        'jalur.xlsx:BKPSDM!C2: galat: periode "../../di-luar" tidak dikenal; tulis bulan '
        "(2026-01), triwulan (2026-T1) atau semester (2026-S1)"),
    "xml-rusak": ("pegawai", lambda d: _xml_rusak(d / "rusak.xlsx"),
        "galat: rusak.xlsx bukan buku kerja .xlsx yang utuh (ParseError); simpan ulang di "
        "Excel"),
    "bukan-xlsx": ("pegawai", lambda d: _tulis(d / "laporan.xlsx", "ini teks biasa"),
        "galat: laporan.xlsx bukan buku kerja .xlsx yang utuh (BadZipFile); simpan ulang di "
        "Excel"),
}  # fmt: skip


def _xml_rusak(jalur: Path) -> Path:
    """A workbook whose sheet XML is cut off (a copy interrupted)."""
    buku(jalur, {"Sheet1": [JUDUL, BARU]})
    with zipfile.ZipFile(jalur) as z:
        isi = {n: z.read(n) for n in z.namelist()}
    isi["xl/worksheets/sheet1.xml"] = isi["xl/worksheets/sheet1.xml"][:300]
    with zipfile.ZipFile(jalur, "w") as z:
        for n, data in isi.items():
            z.writestr(n, data)
    return jalur


def _bom(jalur: Path) -> Path:
    """A "zip bomb": 1 MB on disk, 1.1 GB of zeros once unpacked."""
    with (
        zipfile.ZipFile(jalur, "w", zipfile.ZIP_DEFLATED) as z,
        z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as f,
    ):
        nol = bytes(1 << 20)
        for _ in range(1100):
            f.write(nol)
    return jalur


def _tulis(jalur: Path, teks: str) -> Path:
    jalur.write_text(teks, encoding="utf-8-sig")
    return jalur


@pytest.mark.parametrize("skenario", sorted(RUSAK))
def test_buku_rusak_disebut_selnya_dan_tidak_menulis(
    skenario: str, ruang: Path, tmp_path: Path
) -> None:
    jenis, bangun, pesan = RUSAK[skenario]
    berkas = bangun(tmp_path)
    sebelum = potret(ruang)
    hasil = impor(jenis, str(berkas), str(ruang))
    assert hasil.exit_code == 1, hasil.output
    assert pesan in hasil.stderr.splitlines(), hasil.stderr
    assert potret(ruang) == sebelum  # nothing written, no backup made


# ---------------------------------------------------------------- handled as an officer expects
def _satu_pegawai_baru(ruang: Path, berkas: Path, *opsi: str) -> dict[str, Any]:
    hasil = impor("pegawai", str(berkas), str(ruang), *opsi)
    assert hasil.exit_code == 0, hasil.output
    t = api.muat(ruang, HARI)
    assert not [m for m in t.masalah if m.tingkat == "galat"]
    return {str(e.data.nip): e.data for e in t.ruang.pegawai}


def test_judul_bersinonim_baris_kosong_judul_di_bawah_dan_lembar_lain(
    ruang: Path, tmp_path: Path
) -> None:
    # A SIASN-like export: a title row above the headers, synonyms, a row number column,
    # a photo link, empty rows, an unrelated sheet; the golongan as "Penata Muda (III/a)".
    berkas = buku(tmp_path / "siasn.xlsx", {
        "Rekap": [["Jumlah", 2]],
        "Data": [["DAFTAR PEGAWAI DISTRIK WANGGAR"], [],
                 ["NO", "NIP BARU", "NAMA", "GOL AKHIR", "JABATAN NAMA", "UNOR", "NIP ATASAN",
                  "TMT CPNS", "FOTO"],
                 [1, BARU[0], BARU[1], "Penata Muda (III/a)", BARU[3], BARU[4], BARU[5],
                  "01/03/2015", "http://foto/1.jpg"],
                 [], [None, None],
                 [2, BARU2[0], BARU2[1], "iii/B", BARU2[3], BARU2[4], BARU2[5], 42064, None]],
    })  # fmt: skip
    hasil = impor("pegawai", str(berkas), str(ruang))
    assert hasil.exit_code == 0, hasil.output
    assert "Catatan: Lembar yang tidak dibaca: Rekap." in hasil.stdout
    assert "Catatan: Kolom yang diabaikan di lembar Data: I (FOTO)." in hasil.stdout
    roster = _satu_pegawai_baru(ruang, berkas)  # a second import: nothing new
    assert roster[BARU[0]].golongan == "III/a" and roster[BARU2[0]].golongan == "III/b"
    assert roster[BARU[0]].tmt_cpns == datetime.date(2015, 3, 1)
    assert roster[BARU2[0]].tmt_cpns == datetime.date(2015, 3, 1)  # serial 42064
    assert roster[BARU[0]].atasan == BARU[5]


def test_sel_gabungan_ke_bawah_diisikan_ke_setiap_baris(ruang: Path, tmp_path: Path) -> None:
    berkas = buku(tmp_path / "gabung.xlsx", {"Sheet1": [JUDUL, BARU, BARU2]}, ("Sheet1!E2:E3",))
    hasil = impor("pegawai", str(berkas), str(ruang))
    assert "Catatan: Sel gabungan Sheet1!E2:E3 (Unit) diisikan ke setiap barisnya." in hasil.stdout
    roster = {str(e.data.nip): e.data for e in api.muat(ruang, HARI).ruang.pegawai}
    assert roster[BARU2[0]].unit == "Distrik Wanggar"


def test_rumus_dipakai_nilai_tersimpannya(ruang: Path, tmp_path: Path) -> None:
    berkas = buku(tmp_path / "rumus.xlsx", {"Sheet1": [JUDUL, [*BARU[:2], '="III/"&"a"',
                                                              *BARU[3:]]]})  # fmt: skip
    dengan_nilai_tersimpan(berkas, "III/a")
    roster = _satu_pegawai_baru(ruang, berkas)
    assert roster[BARU[0]].golongan == "III/a"


def test_csv_excel_indonesia_dan_peta(ruang: Path, tmp_path: Path) -> None:
    # Excel's "CSV (pemisah titik koma)": BOM, ';', an apostrophe keeping the NIP text;
    # "NO. INDUK" means nothing here until --peta maps it.
    berkas = _tulis(tmp_path / "roster.csv",
                    "NO. INDUK;Nama Pegawai;Unit Kerja;Status\n"
                    f"'{BARU[0]};{BARU[1]};{BARU[4]};PPPK\n")  # fmt: skip
    peta = _tulis(tmp_path / "peta.yaml", '"NO. INDUK": nip\n')
    tanpa = impor("pegawai", str(berkas), str(ruang))
    assert tanpa.exit_code == 1 and "dengan judul kolom NIP" in tanpa.stderr
    roster = _satu_pegawai_baru(ruang, berkas, "--peta", str(peta))
    assert roster[BARU[0]].status == "PPPK"


def test_peta_ke_kolom_yang_tidak_ada_ditolak(ruang: Path, tmp_path: Path) -> None:
    peta = _tulis(tmp_path / "peta.yaml", '"NO. INDUK": nipp\n')
    hasil = impor("pegawai", str(_tulis(tmp_path / "r.csv", "NIP;Nama\n")), str(ruang),
                  "--peta", str(peta))  # fmt: skip
    assert hasil.exit_code == 2
    assert '"NO. INDUK" dipetakan ke "nipp", yang bukan kolom pegawai; maksudnya "nip"?' in (
        hasil.stderr
    )


def test_desimal_koma_tanggal_serial_dan_teks_nip_digabung(ruang: Path, tmp_path: Path) -> None:
    baris = _laporan("7,5", 46058)  # 46058 = 5 February 2026
    berkas = buku(tmp_path / "lap.xlsx", {"BKPSDM": baris}, ("BKPSDM!A2:A3",))
    hasil = impor("laporan", str(berkas), str(ruang))
    assert hasil.exit_code == 0, hasil.output
    t = api.muat(ruang, HARI)
    (n,) = [n for n in t.ruang.laporan if n.kode_periode == "2026-01"]
    assert n.tanggal_lapor == datetime.date(2026, 2, 5)
    teks = (ruang / "laporan" / "2026-01.yaml").read_text(encoding="utf-8")
    assert "realisasi: 7.5" in teks and 'tantangan:\n    - "Jaringan putus"' in teks
    # The same, as text dates "5 Februari 2026": already in, nothing changes.
    lagi = impor("laporan", str(buku(tmp_path / "lagi.xlsx", {
        "BKPSDM": _laporan("7,5", "5 Februari 2026")})), str(ruang))  # fmt: skip
    assert "0 baru, 0 berubah, 1 sudah sama." in lagi.stdout


# ---------------------------------------------------------------- merging and writing
def test_perubahan_ditunjukkan_hanya_barisnya_yang_ditulis_dengan_cadangan(
    ruang: Path, tmp_path: Path
) -> None:
    ke = tmp_path / "pegawai.xlsx"
    _formulir(ruang, "pegawai", ke)
    wb = openpyxl.load_workbook(ke)
    ws = wb["Pegawai"]
    (r,) = [c.row for c in ws["A"] if c.value == "197204111998031002"]
    ws.cell(r, 4).value = "IV/b"  # Golongan
    for k, v in enumerate([*BARU[:2], "PNS"], start=1):  # an incomplete new row: no unit
        ws.cell(52, k).value = v
    wb.save(ke)
    lama = (ruang / "pegawai.yaml").read_text(encoding="utf-8")
    gagal = impor("pegawai", str(ke), str(ruang))
    assert "pegawai.xlsx:Pegawai!G52: galat: unit kosong" in gagal.stderr
    for k, v in enumerate([*BARU[:2], "PNS", "III/a", BARU[3], "pelaksana", BARU[4], BARU[5]],
                          start=1):  # fmt: skip
        ws.cell(52, k).value = v
    wb.save(ke)

    coba = impor("pegawai", str(ke), str(ruang), "--coba")
    assert coba.exit_code == 0, coba.output
    keluaran = coba.stdout
    assert "~ Yohanes Pigai, S.Sos., M.Si., NIP 197204111998031002 → pegawai.yaml" in keluaran
    assert '    golongan: "IV/a" → "IV/b"' in keluaran
    assert "+ Yakob Tebai, NIP 199001012015031001 → pegawai.yaml" in keluaran
    assert "1 baru, 1 berubah, 49 sudah sama." in keluaran
    assert "Coba saja (--coba): tidak ada yang ditulis." in keluaran
    assert (ruang / "pegawai.yaml").read_text(encoding="utf-8") == lama
    assert not (ruang / ".cadangan").exists()

    hasil = impor("pegawai", str(ke), str(ruang))
    assert hasil.exit_code == 0, hasil.output
    baru = (ruang / "pegawai.yaml").read_text(encoding="utf-8")
    # Only the changed line differs; comments and style stay; the new one is appended.
    beda = [(a, b) for a, b in zip(lama.splitlines(), baru.splitlines(), strict=False) if a != b]
    assert beda == [('  golongan: "IV/a"', '  golongan: "IV/b"')]
    assert baru.startswith("# Daftar pegawai (ASN) Distrik Wanggar")
    assert baru.endswith(
        '\n\n- nip: "199001012015031001"\n  nama: "Yakob Tebai"\n  status: PNS\n'
        '  golongan: "III/a"\n  jabatan: "Pengadministrasi Umum"\n  jenis_jabatan: pelaksana\n'
        '  unit: "Distrik Wanggar"\n  atasan: "197204111998031002"\n'
    )
    (cadangan,) = (ruang / ".cadangan").iterdir()
    assert (cadangan / "pegawai.yaml").read_text(encoding="utf-8") == lama
    assert "pegawai.yaml" in (cadangan / "BACA.txt").read_text(encoding="utf-8")
    assert runner.invoke(app, ["periksa", str(ruang), *TGL]).exit_code == 0


def test_akhir_baris_windows_dan_bom_dipertahankan(ruang: Path, tmp_path: Path) -> None:
    jalur = ruang / "pegawai.yaml"
    jalur.write_bytes(b"\xef\xbb\xbf" + jalur.read_bytes().replace(b"\n", b"\r\n"))
    berkas = buku(tmp_path / "b.xlsx", {"Sheet1": [JUDUL, BARU]})
    assert impor("pegawai", str(berkas), str(ruang)).exit_code == 0
    data = jalur.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\n" not in data.replace(b"\r\n", b"")
    assert b'- nip: "199001012015031001"\r\n' in data


# ---------------------------------------------------------------- round trips
def _formulir(folder: Path, jenis: str, ke: Path, *opsi: str) -> Path:
    hasil = runner.invoke(app, ["templat", jenis, str(folder), "--ke", str(ke), *opsi, *TGL])
    assert hasil.exit_code == 0, hasil.output
    return ke


def _evaluasi(folder: Path) -> dict[str, Any]:
    hasil = runner.invoke(app, ["evaluasi", str(folder), "--periode", "2025", "--json", *TGL])
    assert hasil.exit_code == 0, hasil.output
    data: dict[str, Any] = json.loads(hasil.stdout)
    data.pop("sidik_data")  # a hash of the files' bytes, which differ in layout
    return data


def test_pulang_pergi_formulir_ke_ruang_kosong_sama_persis(ruang: Path, tmp_path: Path) -> None:
    """The sample's roster, events and twelve months of reports written to the forms and
    imported into a workspace holding only the policy: the same records, the same
    evaluation, nothing typed by hand."""
    kosong = tmp_path / "baru"
    kosong.mkdir()
    shutil.copy(ruang / "kebijakan.yaml", kosong)
    urutan = [("pegawai", _formulir(ruang, "pegawai", tmp_path / "p.xlsx")),
              ("pelatihan", _formulir(ruang, "pelatihan", tmp_path / "k.xlsx"))]  # fmt: skip
    for bulan in range(1, 13):
        p = f"2025-{bulan:02d}"
        urutan.append(("laporan", _formulir(ruang, "laporan", tmp_path / f"l{p}.xlsx",
                                            "--periode", p)))  # fmt: skip
    for jenis, berkas in urutan:
        hasil = impor(jenis, str(berkas), str(kosong))
        assert hasil.exit_code == 0, hasil.output
    a, b = api.muat(ruang, HARI).ruang, api.muat(kosong, HARI).ruang
    assert [e.data for e in a.pegawai] == [e.data for e in b.pegawai]
    assert [e.data for e in a.pelatihan or []] == [e.data for e in b.pelatihan or []]
    assert len(a.laporan) == len(b.laporan)
    assert _evaluasi(ruang) == _evaluasi(kosong)
    # And every form imported again into its own workspace changes nothing.
    for jenis, berkas in urutan[:3]:
        lagi = impor(jenis, str(berkas), str(ruang))
        assert re.search(r" 0 baru, 0 berubah, \d+ sudah sama\.", lagi.stdout), lagi.output


@pytest.mark.parametrize("akhiran", [".xlsx", ".csv"])
def test_buku_ekspor_diimpor_kembali_tidak_mengubah_apa_pun(
    akhiran: str, ruang: Path, tmp_path: Path
) -> None:
    ke = tmp_path / f"hasil{akhiran}"
    hasil = runner.invoke(app, ["ekspor", str(ruang), "--periode", "2025", "--ke", str(ke), *TGL])
    assert hasil.exit_code == 0, hasil.output
    sebelum = potret(ruang)
    lagi = impor("pegawai", str(ke), str(ruang))
    assert lagi.exit_code == 0, lagi.output
    assert f"hasil{akhiran}: 50 pegawai dibaca; 0 baru, 0 berubah, 50 sudah sama." in lagi.stdout
    assert potret(ruang) == sebelum


def test_formulir_diisi_skrip_masuk_bersih_dan_dievaluasi(ruang: Path, tmp_path: Path) -> None:
    """What an OPD does: fill in the January form (realisasi, date, scores, feedback)."""
    ke = _formulir(ruang, "laporan", tmp_path / "jan.xlsx", "--periode", "2026-01",
                   "--unit", "BKPSDM")  # fmt: skip
    wb = openpyxl.load_workbook(ke)
    ws = wb["BKPSDM"]
    kolom = {c.value: c.column for c in ws[1]}
    pertama: set[str] = set()
    for r in range(2, ws.max_row + 1):
        nip = ws.cell(r, kolom["NIP"]).value
        if nip is None:
            continue
        ws.cell(r, kolom["Realisasi"]).value = ws.cell(r, kolom["Target"]).value
        if nip not in pertama:
            pertama.add(nip)
            ws.cell(r, kolom["Tanggal lapor"]).value = datetime.date(2026, 2, 4)
            ws.cell(r, kolom["Tantangan"]).value = "Jaringan sering putus; Data belum lengkap"
            ws.cell(r, kolom["Rencana perbaikan"]).value = "Jadwal kunjungan mingguan"
            for a in ("Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal",
                      "Adaptif", "Kolaboratif"):  # fmt: skip
                ws.cell(r, kolom[a]).value = 4
            ws.cell(r, kolom["Umpan balik"]).value = "Pertahankan"
    wb.save(ke)
    hasil = impor("laporan", str(ke), str(ruang))
    assert hasil.exit_code == 0, hasil.output
    assert f"{len(pertama)} baru, 0 berubah" in hasil.stdout
    assert runner.invoke(app, ["periksa", str(ruang), *TGL]).exit_code == 0
    ev = runner.invoke(app, ["evaluasi", str(ruang), "--periode", "2026-01", "--json", *TGL])
    data = json.loads(ev.stdout)
    dinilai = {p["nip"] for p in data["pegawai"] if p["predikat"]}
    assert pertama <= dinilai


# ---------------------------------------------------------------- cells, one by one
@pytest.mark.parametrize(
    ("isi", "nip"),
    [
        ("199001012015031001", "199001012015031001"),
        ("19900101 201503 1 001", "199001012015031001"),  # as printed on an SK
        ("'199001012015031001", "199001012015031001"),
    ],
)
def test_nip_teks_diterima(isi: str, nip: str, ruang: Path, tmp_path: Path) -> None:
    berkas = buku(tmp_path / "n.xlsx", {"Sheet1": [JUDUL, [isi, *BARU[1:]]]})
    assert nip in _satu_pegawai_baru(ruang, berkas)


@pytest.mark.parametrize(
    ("isi", "angka"),
    [
        (12, 12),
        (12.0, 12),
        (7.5, 7.5),
        ("7,5", 7.5),
        ("1.234,5", 1234.5),
        (" 80 ", 80),
        ("0,25", 0.25),
    ],
)
def test_angka_gaya_indonesia(isi: Any, angka: float) -> None:
    from asnkinerja.baca.impor import _angka

    assert _angka(isi) == (angka, None)


@pytest.mark.parametrize("isi", ["1.234", "sembilan", "10 orang", "1e400"])
def test_angka_meragukan_ditolak(isi: str) -> None:
    from asnkinerja.baca.impor import _angka

    nilai, pesan = _angka(isi)
    assert nilai is None and pesan


@pytest.mark.parametrize(
    ("isi", "tanggal"),
    [
        (datetime.datetime(2025, 3, 14), datetime.date(2025, 3, 14)),
        (45730, datetime.date(2025, 3, 14)),
        ("14/03/2025", datetime.date(2025, 3, 14)),
        ("14-03-2025", datetime.date(2025, 3, 14)),
        ("2025-03-14", datetime.date(2025, 3, 14)),
        ("14 Maret 2025", datetime.date(2025, 3, 14)),
        ("14 Mar 2025", datetime.date(2025, 3, 14)),
        ("1 Agustus 2025", datetime.date(2025, 8, 1)),
    ],
)
def test_tanggal_excel_dan_teks(isi: Any, tanggal: datetime.date) -> None:
    from asnkinerja.baca.impor import _tanggal

    assert _tanggal(isi) == (tanggal, None)


def test_setiap_judul_yang_dikenali_tercatat_di_docs() -> None:
    from asnkinerja.baca.impor import SINONIM, SINONIM_HUKUMAN

    teks = (Path(__file__).parents[1] / "docs" / "impor.md").read_text(encoding="utf-8")
    bagian = teks.split("## Judul kolom yang dikenali")[1].split("\n### ")[1:]
    for tabel, bidang in zip(bagian, [*SINONIM.values(), SINONIM_HUKUMAN], strict=True):
        for kunci, judul in bidang.items():
            baris = next(b for b in tabel.splitlines() if b.startswith(f"| `{kunci}`"))
            tertulis = baris.split(" | ")[1].rstrip(" |").split(", ")
            assert tertulis == [j.upper() for j in judul], kunci


# ---------------------------------------------------------------- an office's whole way
SIASN = (
    "NO;NIP BARU;NAMA;GOL AKHIR;JABATAN NAMA;JENIS JABATAN;UNOR;NIP ATASAN;TMT CPNS\n"
    "1;'197204111998031002;Yohanes Pigai;IV/a;Kepala Distrik;Struktural;Distrik Wanggar;;"
    "01/03/1998\n"
    "2;'198609262010052004;Maria Kayame;III/c;Kepala Seksi;Struktural;Distrik Wanggar;"
    "'197204111998031002;01/05/2010\n"
    "3;'199001012015031001;Yakob Tebai;III/a;Pengadministrasi Umum;Fungsional Umum;"
    "Distrik Wanggar;'198609262010052004;01/03/2015\n"
)


def isi_formulir_laporan(jalur: Path, tanggal: datetime.date) -> None:
    """What an OPD does with the report form: an indicator and target where there is none,
    realisasi, the report date, tantangan and rencana, the seven scores, feedback."""
    wb = openpyxl.load_workbook(jalur)
    for ws in wb.worksheets[1:]:
        kolom = {c.value: c.column for c in ws[1]}
        for r in range(2, ws.max_row + 1):
            if ws.cell(r, kolom["NIP"]).value is None:
                continue
            if ws.cell(r, kolom["Indikator"]).value in (None, ""):
                ws.cell(r, kolom["Indikator"]).value = "Layanan administrasi yang selesai"
                ws.cell(r, kolom["Satuan"]).value = "layanan"
                ws.cell(r, kolom["Target"]).value = 20
            ws.cell(r, kolom["Realisasi"]).value = 22
            ws.cell(r, kolom["Tanggal lapor"]).value = tanggal
            ws.cell(r, kolom["Tantangan"]).value = "Jaringan sering putus"
            ws.cell(r, kolom["Rencana perbaikan"]).value = "Formulir cadangan saat luring"
            if not ws.cell(r, kolom["Penilai (NIP)"]).value:
                continue  # the head: rated by an official outside the roster, not here
            for a in ("Berorientasi Pelayanan", "Akuntabel", "Kompeten", "Harmonis", "Loyal",
                      "Adaptif", "Kolaboratif"):  # fmt: skip
                ws.cell(r, kolom[a]).value = 4
            ws.cell(r, kolom["Umpan balik"]).value = "Pertahankan"
    wb.save(jalur)


def alur_kantor(jalankan: Callable[[list[str]], None], kerja: Path) -> Path:
    """From a SIASN roster export (CSV) and the OPDs' filled forms to an evaluated,
    exported workbook and printed reports, nothing typed: the issue's "done when"."""
    ruang = kerja / "kantor"
    ruang.mkdir()
    (kerja / "siasn.csv").write_text(SIASN, encoding="utf-8-sig")
    jalankan(["impor", "pegawai", str(kerja / "siasn.csv"), str(ruang)])
    for bulan in (1, 2, 3):
        formulir = kerja / f"laporan-{bulan}.xlsx"
        jalankan(["templat", "laporan", str(ruang), "--periode", f"2026-{bulan:02d}",
                  "--ke", str(formulir)])  # fmt: skip
        isi_formulir_laporan(formulir, datetime.date(2026, bulan + 1, 3))
        jalankan(["impor", "laporan", str(formulir), str(ruang)])
    jalankan(["periksa", str(ruang)])
    jalankan(["evaluasi", str(ruang), "--periode", "2026-T1", "--format", "html,xlsx"])
    jalankan(["ekspor", str(ruang), "--periode", "2026-T1", "--ke", str(kerja / "hasil.xlsx")])
    return ruang


def test_dari_ekspor_siasn_dan_formulir_opd_sampai_buku_kerja(tmp_path: Path) -> None:
    def jalankan(argumen: list[str]) -> None:
        hasil = runner.invoke(app, [*argumen, *TGL])
        assert hasil.exit_code == 0, f"{argumen}\n{hasil.output}"

    ruang = alur_kantor(jalankan, tmp_path)
    assert (ruang / "hasil" / "evaluasi-2026-T1.html").is_file()
    pegawai = openpyxl.load_workbook(tmp_path / "hasil.xlsx")["Pegawai"]
    baris = {r[1]: r for r in pegawai.iter_rows(min_row=2, values_only=True) if r[1]}
    assert set(baris) == {"197204111998031002", "198609262010052004", "199001012015031001"}
    # The two staff rated by their atasan have a predikat; the head (no penilai in the
    # roster) is listed without one.
    assert [r[11] not in (None, "-") for r in baris.values()] == [False, True, True]


def test_gagal_menulis_dijelaskan_tanpa_traceback(
    ruang: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A disk that refuses the write (full, read-only, locked): a message saying what was
    written and where the old content is; no file is half-written (each write is atomic)."""
    import asnkinerja.atomik

    asli = asnkinerja.atomik.tulis_atomik

    def tolak(tujuan: Path, data: bytes, **kw: Any) -> None:
        if tujuan.name == "pegawai.yaml" and ".cadangan" not in tujuan.parts:
            raise OSError(28, "No space left on device", str(tujuan))
        asli(tujuan, data, **kw)

    monkeypatch.setattr(asnkinerja.atomik, "tulis_atomik", tolak)
    lama = (ruang / "pegawai.yaml").read_bytes()
    hasil = impor("pegawai", str(buku(tmp_path / "b.xlsx", {"Sheet1": [JUDUL, BARU]})),
                  str(ruang))  # fmt: skip
    assert hasil.exit_code == 1
    assert "galat: gagal menulis (No space left on device: " in hasil.stderr
    assert "berkas yang sudah ditulis: belum ada. Tidak ada berkas yang setengah" in hasil.stderr
    assert (ruang / "pegawai.yaml").read_bytes() == lama


@pytest.mark.parametrize(
    ("argumen", "kode", "pesan"),
    [(["pegawai", "{tmp}"], 1, "adalah folder; sebut berkas .xlsx atau .csv-nya"),
     (["pegawai", "{tmp}/tidak-ada.xlsx"], 1, "tidak-ada.xlsx tidak ada"),
     (["pegawai", "{tmp}/a.ods"], 1, "a.ods: hanya berkas .xlsx atau .csv yang dapat diimpor"),
     (["pegawai", "{tmp}/a.xls"], 1, "a.xls berformat Excel lama (.xls); buka di Excel lalu "
                                     "simpan sebagai Buku Kerja Excel (.xlsx)"),
     (["orang", "{tmp}/a.xlsx"], 2, 'jenis impor "orang" tidak dikenal'),
     (["pegawai", "{tmp}/b.csv", "{tmp}/tidak-ada"], 2, "tidak ada atau bukan folder; untuk "
                                                       "ruang kerja baru, buat dulu foldernya")],
)  # fmt: skip
def test_berkas_dan_folder_yang_salah(
    argumen: list[str], kode: int, pesan: str, ruang: Path, tmp_path: Path
) -> None:
    for n in ("a.ods", "a.xls", "a.xlsx"):
        (tmp_path / n).write_bytes(b"x")
    (tmp_path / "b.csv").write_text("NIP;Nama;Unit\n", encoding="utf-8")
    args = [a.replace("{tmp}", str(tmp_path)) for a in argumen]
    hasil = impor(*args, *([str(ruang)] if len(args) == 2 else []))
    assert hasil.exit_code == kode, hasil.output
    assert pesan in " ".join(hasil.stderr.split())


# ---------------------------------------------------------------- what the review found
def test_kolom_yang_tidak_ada_tidak_menghapus_isi_butir(ruang: Path, tmp_path: Path) -> None:
    """A form without Satuan, Bobot or Arah columns changes the realisasi only: the satuan
    (and any arah or bobot) of each indicator stay as they were written."""
    f = ruang / "laporan" / "2025-12.yaml"
    teks = f.read_text(encoding="utf-8")
    judul = ["NIP", "Periode", "Indikator", "Target", "Realisasi"]
    t = api.muat(ruang, HARI)
    (n,) = [
        n for n in t.ruang.laporan if n.nip == "198506022010031044" and n.kode_periode == "2025-12"
    ]
    from asnkinerja.inti.laporan import rinci

    ind = rinci(n, t.ruang.kebijakan).indikator
    baris = [["198506022010031044", "2025-12", x.indikator, int(x.target), int(x.realisasi) + 1]
             for x in ind]  # fmt: skip
    hasil = impor("laporan", str(buku(tmp_path / "l.xlsx", {"S": [judul, *baris]})), str(ruang))
    assert hasil.exit_code == 0, hasil.output
    baru = f.read_text(encoding="utf-8")
    beda = [(a, b) for a, b in zip(teks.splitlines(), baru.splitlines(), strict=True) if a != b]
    assert len(beda) == len(ind) and all("realisasi:" in a and "realisasi:" in b for a, b in beda)


def test_pppk_tanpa_kolom_status(ruang: Path, tmp_path: Path) -> None:
    """A PPPK's golongan (VII) in a roster without a Status column is the record's own."""
    pppk = next(e.data for e in api.muat(ruang, HARI).ruang.pegawai if e.data.status == "PPPK")
    judul = ["NIP", "Nama", "Golongan", "Unit"]
    b = buku(tmp_path / "p.xlsx", {"S": [judul, [str(pppk.nip), pppk.nama, pppk.golongan,
                                                 pppk.unit]]})  # fmt: skip
    hasil = impor("pegawai", str(b), str(ruang))
    assert hasil.exit_code == 0, hasil.output
    assert "0 baru, 0 berubah, 1 sudah sama." in hasil.stdout


def test_periode_lebar_penuh_sama_dengan_yang_ada(ruang: Path, tmp_path: Path) -> None:
    baris = _laporan()
    for r in baris[1:]:
        r[2] = "２０２５-１２"  # full-width digits, as some keyboards type them
    hasil = impor("laporan", str(buku(tmp_path / "l.xlsx", {"BKPSDM": baris})), str(ruang))
    assert hasil.exit_code == 0, hasil.output
    assert "0 baru, 1 berubah" in hasil.stdout and "→ laporan/2025-12.yaml" in hasil.stdout


def test_laporan_baru_tanpa_tanggal_lapor_disebut_selnya(ruang: Path, tmp_path: Path) -> None:
    baris = _laporan(9, None)
    hasil = impor("laporan", str(buku(tmp_path / "l.xlsx", {"BKPSDM": baris})), str(ruang))
    assert hasil.exit_code == 1
    assert ("l.xlsx:BKPSDM!I2: galat: tanggal lapor kosong untuk Rahmat, NIP "
            "198506022010031044, 2026-01, laporan baru; isi tanggal laporan diserahkan "
            "(mis. 05/02/2026)") in hasil.stderr  # fmt: skip


def test_tata_per_periode_dan_unit_diikuti(tmp_path: Path) -> None:
    """In a laporan/<periode>/<unit>.yaml workspace a new report goes to its unit's file."""
    ruang = tmp_path / "w"
    assert runner.invoke(app, ["contoh", str(ruang), "--pegawai", "30", *TGL]).exit_code == 0
    ke = _formulir(ruang, "laporan", tmp_path / "f.xlsx", "--periode", "2026-11")
    isi_formulir_laporan(ke, datetime.date(2026, 11, 27))
    # Fill November for one unit only: the rest stay "belum diisi".
    hasil = impor("laporan", str(ke), str(ruang))
    assert hasil.exit_code == 0, hasil.output
    t = api.muat(ruang, HARI)
    unit = {str(e.data.nip): e.data.unit for e in t.ruang.pegawai}
    for n in t.ruang.laporan:
        if n.kode_periode == "2026-11":
            assert n.berkas.startswith("laporan/2026-11/")
            berkas_unit = {unit[m.nip] for m in t.ruang.laporan if m.berkas == n.berkas}
            assert berkas_unit == {unit[n.nip]}, n.berkas


@pytest.mark.skipif(os.name == "nt", reason="symbolic links as on POSIX")
def test_tautan_rusak_di_ruang_kerja_menahan_impor(ruang: Path, tmp_path: Path) -> None:
    (ruang / "laporan" / "2024-12.yaml").symlink_to("tidak-ada.yaml")
    sebelum = potret(ruang)
    hasil = impor("pegawai", str(buku(tmp_path / "b.xlsx", {"Sheet1": [JUDUL, BARU]})),
                  str(ruang))  # fmt: skip
    assert hasil.exit_code == 1
    assert "laporan/2024-12.yaml: galat: tautan (symlink) rusak" in hasil.stderr
    assert potret(ruang) == sebelum


@pytest.mark.skipif(os.name == "nt", reason="symbolic links as on POSIX")
def test_berkas_bertautan_tetap_tautan(ruang: Path, tmp_path: Path) -> None:
    arsip = ruang / "arsip" / "pegawai.yaml"
    arsip.parent.mkdir()
    (ruang / "pegawai.yaml").rename(arsip)
    (ruang / "pegawai.yaml").symlink_to(Path("arsip") / "pegawai.yaml")
    hasil = impor("pegawai", str(buku(tmp_path / "b.xlsx", {"Sheet1": [JUDUL, BARU]})),
                  str(ruang))  # fmt: skip
    assert hasil.exit_code == 0, hasil.output
    assert (ruang / "pegawai.yaml").is_symlink()
    assert BARU[0] in arsip.read_text(encoding="utf-8")


def test_csv_dengan_baris_judul_berkoma(ruang: Path, tmp_path: Path) -> None:
    berkas = _tulis(tmp_path / "r.csv", "DAFTAR PEGAWAI, DISTRIK WANGGAR, 2026\n"
                    "NIP;Nama;Unit;Atasan (NIP)\n" + ";".join([BARU[0], BARU[1], BARU[4],
                                                                BARU[5]]) + "\n")  # fmt: skip
    assert BARU[0] in _satu_pegawai_baru(ruang, berkas)


def test_lembar_dipilih_bila_dua_cocok(ruang: Path, tmp_path: Path) -> None:
    berkas = buku(tmp_path / "dua.xlsx", {"Pegawai": [JUDUL, BARU], "Pegawai (2)": [JUDUL, BARU2]})
    roster = _satu_pegawai_baru(ruang, berkas, "--lembar", "Pegawai (2)")
    assert BARU2[0] in roster and BARU[0] not in roster
    salah = impor("pegawai", str(berkas), str(ruang), "--lembar", "Pegawai 3")
    assert salah.exit_code == 1
    assert 'galat: lembar "Pegawai 3" tidak ada; lembar yang ada: Pegawai, Pegawai (2)' in (
        salah.stderr
    )


def test_angka_dalam_perbedaan_memakai_koma(ruang: Path, tmp_path: Path) -> None:
    judul = ["NIP", "Periode", "Indikator", "Target", "Realisasi"]
    baris = [judul, ["198506022010031044", "2025-12", "Data SKP pegawai yang diverifikasi",
                     80, "7,5"]]  # fmt: skip
    hasil = impor("laporan", str(buku(tmp_path / "l.xlsx", {"BKPSDM": baris})), str(ruang),
                  "--coba")  # fmt: skip
    # The form lists one indicator of the three: the other two are removed, and said so.
    assert "    pencapaian[Data SKP pegawai yang diverifikasi].realisasi: 93 → 7,5" in hasil.stdout
    assert "    pencapaian[Usulan layanan kepegawaian yang diproses]: dihapus" in hasil.stdout


@pytest.mark.skipif(os.name == "nt", reason="symbolic links as on POSIX")
@pytest.mark.parametrize("tautan", ["laporan/2026-01", "laporan"])
def test_folder_bertautan_ke_luar_tidak_pernah_ditulisi(
    tautan: str, ruang: Path, tmp_path: Path
) -> None:
    """A linked folder leading out of the workspace (periksa names it) is never written
    through, whether the import would add a file below it or beside it."""
    luar = tmp_path / "luar"
    luar.mkdir()
    jalur = ruang / tautan
    if jalur.exists():
        shutil.copytree(jalur, luar, dirs_exist_ok=True)
        shutil.rmtree(jalur)
    jalur.symlink_to(luar, target_is_directory=True)
    sebelum = potret(luar)
    hasil = impor("laporan", str(buku(tmp_path / "l.xlsx", {"BKPSDM": _laporan()})), str(ruang))
    assert hasil.exit_code == 1
    assert f"{tautan}: galat: tautan (symlink) ini menunjuk ke luar ruang kerja" in hasil.stderr
    assert potret(luar) == sebelum


@pytest.mark.skipif(os.name == "nt", reason="pipes as on POSIX")
def test_csv_berupa_pipa(ruang: Path, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "p.csv")
    hasil = impor("pegawai", str(tmp_path / "p.csv"), str(ruang))
    assert hasil.exit_code == 1 and "p.csv bukan berkas biasa" in hasil.stderr
