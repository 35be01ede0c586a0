"""Report forms for the OPDs: one workbook for a period, one sheet per unit, each employee
prefilled (NIP as text, name, jabatan, penilai) with the indicators and targets of their
previous report, and columns to fill in: realisasi, tantangan, rencana perbaikan, the
seven BerAKHLAK scores and umpan balik. The key columns are locked, the rest validated
(1-5 scores, numbers from 0, dates), and a "Petunjuk" sheet says how to fill it in."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import Any, get_args

from asnkinerja.inti.regulasi import (
    BERAKHLAK,
    KOMPETENSI,
    NAMA_BERAKHLAK,
    Bentuk,
    JenisJabatan,
    Sektor,
    StatusAsn,
    TingkatHukuman,
)
from asnkinerja.sajian.buku import aman, simpan_tetap

# The form's columns, as `impor` reads them back: the keys first (locked), then the input.
KUNCI = ["NIP", "Nama", "Jabatan", "Periode", "Penilai (NIP)"]
ISIAN = ["Indikator", "Satuan", "Target", "Realisasi", "Bobot", "Arah (naik/turun)",
         "Tanggal lapor", "Tantangan", "Rencana perbaikan",
         *(NAMA_BERAKHLAK[a] for a in BERAKHLAK), "Umpan balik"]  # fmt: skip


@dataclass
class BarisPegawai:
    nip: str
    nama: str
    jabatan: str
    penilai: str
    # (indikator, satuan, target, realisasi, bobot, arah): the period's own report if it
    # is already in, else the previous report's without realisasi; none: one empty row
    indikator: list[tuple[str, str, float | None, float | None, float, str]] = field(
        default_factory=list
    )
    # The period's report already in (to correct it): tanggal lapor, tantangan, rencana
    # perbaikan, the BerAKHLAK scores and umpan balik, by column header.
    isian: dict[str, Any] = field(default_factory=dict)


def _nama_lembar(nama: str, dipakai: set[str]) -> str:
    """An Excel sheet name: at most 31 characters, none of []:*?/\\, unique."""
    dasar = re.sub(r"[\[\]:*?/\\]", " ", nama).strip()[:31] or "Unit"
    hasil, i = dasar, 2
    while hasil.lower() in dipakai:
        hasil = f"{dasar[: 31 - len(str(i)) - 1]} {i}"
        i += 1
    dipakai.add(hasil.lower())
    return hasil


def _buku_dengan_petunjuk(judul: str, kalimat: list[str]) -> Any:
    """A new workbook whose first sheet, "Petunjuk", says how to fill it in."""
    import openpyxl
    from openpyxl.styles import Font

    buku = openpyxl.Workbook()
    petunjuk = buku.active
    assert petunjuk is not None
    petunjuk.title = "Petunjuk"
    for k in [judul, "", *kalimat]:
        petunjuk.append([k])
    petunjuk["A1"].font = Font(bold=True, size=13)
    petunjuk.column_dimensions["A"].width = 110
    return buku


def _lembar_berjudul(buku: Any, nama: str, judul: list[str]) -> Any:
    """A new sheet with its column headers in bold."""
    from openpyxl.styles import Font

    lembar = buku.create_sheet(nama)
    lembar.append(judul)
    for c in lembar[1]:
        c.font = Font(bold=True)
    return lembar


def formulir_laporan(
    kop: str, periode: str, periode_label: str, per_unit: dict[str, list[BarisPegawai]]
) -> bytes:
    from openpyxl.styles import Alignment, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    buku = _buku_dengan_petunjuk(f"Formulir laporan kinerja {periode_label} — {kop}", [
        "1. Setiap lembar adalah satu unit. Kolom abu-abu (NIP, nama, jabatan, periode, "
         "penilai) terkunci: jangan diubah.",
        "2. Isi Realisasi setiap indikator; target dan indikator diambil dari laporan "
         "sebelumnya dan boleh diperbaiki. Indikator baru: tambah baris dengan NIP yang sama.",
        "3. Tanggal lapor ditulis sebagai tanggal (mis. 03/11/2025). Nilai BerAKHLAK diisi "
         "atasan, bilangan bulat 1 sampai 5.",
        "4. Tantangan dan rencana perbaikan wajib diisi setiap periode; beberapa butir "
         "dipisah titik koma (;).",
        "5. Kirim kembali berkas ini ke BKPSDM; jangan menambah atau mengganti nama kolom.",
    ])  # fmt: skip
    dipakai = {"petunjuk"}
    judul = KUNCI + ISIAN
    kolom = {j: get_column_letter(i) for i, j in enumerate(judul, start=1)}
    terbuka = Protection(locked=False)
    lipat = Alignment(wrap_text=True, vertical="top")
    for unit, pegawai in per_unit.items():
        lembar = _lembar_berjudul(buku, _nama_lembar(unit, dipakai), judul)
        baris: list[list[Any]] = []
        for p in pegawai:
            for i, ind in enumerate(p.indikator or [("", "", None, None, 1.0, "naik")]):
                nama, satuan, target, realisasi, bobot, arah = ind
                isian = p.isian if i == 0 else {}
                baris.append([p.nip, p.nama, p.jabatan, periode, p.penilai, nama, satuan,
                              target, realisasi, bobot, arah,
                              *(isian.get(j) for j in ISIAN[6:])])  # fmt: skip
        for b in baris:
            lembar.append([aman(x) for x in b])
        akhir = len(baris) + 1
        for r in range(2, akhir + 1):
            for j in KUNCI:
                lembar[f"{kolom[j]}{r}"].number_format = "@"
            for j in ISIAN:
                lembar[f"{kolom[j]}{r}"].protection = terbuka
            lembar[f"{kolom['Tanggal lapor']}{r}"].number_format = "dd/mm/yyyy"
            for j in ("Tantangan", "Rencana perbaikan", "Umpan balik"):
                sel = lembar[f"{kolom[j]}{r}"]
                if isinstance(sel.value, str) and "\n" in sel.value:  # one item a line
                    sel.alignment = lipat
        skor = DataValidation(type="whole", operator="between", formula1="1", formula2="5",
                              showErrorMessage=True, errorTitle="Nilai BerAKHLAK",
                              error="Isi bilangan bulat 1 sampai 5")  # fmt: skip
        angka = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0",
                               showErrorMessage=True, error="Isi angka 0 atau lebih")  # fmt: skip
        tanggal = _validasi_tanggal("36526")
        pilih_arah = DataValidation(type="list", formula1='"naik,turun"', showErrorMessage=True,
                              error="Pilih naik atau turun")  # fmt: skip
        for dv in (skor, angka, tanggal, pilih_arah):
            lembar.add_data_validation(dv)
        for a in BERAKHLAK:
            skor.add(f"{kolom[NAMA_BERAKHLAK[a]]}2:{kolom[NAMA_BERAKHLAK[a]]}{akhir + 200}")
        for j in ("Target", "Realisasi", "Bobot"):
            angka.add(f"{kolom[j]}2:{kolom[j]}{akhir + 200}")
        tanggal.add(f"{kolom['Tanggal lapor']}2:{kolom['Tanggal lapor']}{akhir + 200}")
        pilih_arah.add(f"{kolom['Arah (naik/turun)']}2:{kolom['Arah (naik/turun)']}{akhir + 200}")
        for j, c in kolom.items():
            lembar.column_dimensions[c].width = max(12, min(40, len(j) + 2))
        lembar.column_dimensions[kolom["Nama"]].width = 30
        lembar.column_dimensions[kolom["NIP"]].width = 21
        lembar.column_dimensions[kolom["Indikator"]].width = 40
        lembar.freeze_panes = "C2"
        lembar.protection.sheet = True  # locked keys; input cells are unlocked above
        lembar.protection.insertRows = False  # new indicator rows may be added
        lembar.protection.formatColumns = False
    return _simpan(buku)


# The roster form's and the events form's columns (what `impor` reads back).
KOLOM_PEGAWAI = ["NIP", "Nama", "Status", "Golongan", "Jabatan", "Jenis jabatan", "Unit",
                 "Atasan (NIP)", "TMT CPNS", "Aktif"]  # fmt: skip
KOLOM_PELATIHAN = ["Nama kegiatan", "Kompetensi", "Bentuk", "Tanggal", "JP", "Narasumber",
                   "Sektor narasumber", "Instansi narasumber",
                   "Peserta (NIP, dipisah ;)"]  # fmt: skip


def _validasi_tanggal(sejak: str = "1") -> Any:
    """A column of dates (after Excel's serial `sejak`; 36526 is 1 January 2000)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    return DataValidation(type="date", operator="greaterThan", formula1=sejak,
                          showErrorMessage=True, error="Isi tanggal")  # fmt: skip


def _daftar(pilihan: tuple[str, ...], pesan: str) -> Any:
    from openpyxl.worksheet.datavalidation import DataValidation

    return DataValidation(type="list", formula1='"' + ",".join(pilihan) + '"',
                          showErrorMessage=True, error=pesan)  # fmt: skip


def _lembar_isian(
    judul_buku: str, petunjuk: list[str], nama: str, kolom: list[str], baris: list[list[Any]],
    aturan: dict[str, Any], teks: set[str], tanggal: set[str],
) -> Any:  # fmt: skip
    """A workbook with a Petunjuk sheet and one form sheet (`_isi_lembar`)."""
    buku = _buku_dengan_petunjuk(judul_buku, petunjuk)
    _isi_lembar(buku, nama, kolom, baris, aturan, teks, tanggal)
    return buku


def _isi_lembar(
    buku: Any, nama: str, kolom: list[str], baris: list[list[Any]],
    aturan: dict[str, Any], teks: set[str], tanggal: set[str],
) -> None:  # fmt: skip
    """A form sheet: headers, prefilled rows, validated columns (`aturan`: column ->
    validation), text and date columns formatted as such, room for new rows."""
    from openpyxl.utils import get_column_letter

    lembar = _lembar_berjudul(buku, nama, kolom)
    for b in baris:
        lembar.append([aman(x) for x in b])
    huruf = {j: get_column_letter(i) for i, j in enumerate(kolom, start=1)}
    batas = len(baris) + 500  # room for new rows
    for j in teks | tanggal:
        for r in range(2, batas + 1):
            lembar[f"{huruf[j]}{r}"].number_format = "@" if j in teks else "dd/mm/yyyy"
    for j, dv in aturan.items():
        lembar.add_data_validation(dv)
        dv.add(f"{huruf[j]}2:{huruf[j]}{batas}")
    for j, c in huruf.items():
        lembar.column_dimensions[c].width = max(12, min(40, len(j) + 2))
    lembar.freeze_panes = "B2"


def _simpan(buku: Any) -> bytes:
    """The form's bytes: the same all day for the same workspace (`buku.simpan_tetap`)."""
    return simpan_tetap(buku, datetime.date.today())


KOLOM_HUKUMAN = ["NIP", "Nama", "Tingkat", "Tanggal", "Keterangan"]


def formulir_pegawai(kop: str, baris: list[list[Any]], hukuman: list[list[Any]]) -> bytes:
    """The roster form, prefilled with the current roster, for adding and correcting; a
    second sheet holds the disciplinary sanctions, one per row."""

    aturan = {
        "Status": _daftar(get_args(StatusAsn), "Pilih PNS atau PPPK"),
        "Jenis jabatan": _daftar(get_args(JenisJabatan),
                                 "Pilih pimpinan, fungsional atau pelaksana"),
        "Aktif": _daftar(("ya", "tidak"), "Pilih ya atau tidak"),
        "TMT CPNS": _validasi_tanggal("1"),
    }  # fmt: skip
    petunjuk = [
        "1. Satu baris satu pegawai. NIP 18 angka ditulis sebagai teks (kolom sudah "
        "berformat teks): jangan biarkan Excel mengubahnya menjadi 1,98E+17.",
        "2. Pegawai baru: tambah baris di bawah. Pegawai pindah atau pensiun: isi Aktif "
        "dengan 'tidak', jangan hapus barisnya.",
        "3. Atasan diisi NIP atasan langsung; TMT CPNS sebagai tanggal.",
        "4. Lembar 'Hukuman disiplin': satu baris satu hukuman (NIP, tingkat ringan/sedang/"
        "berat, tanggal). Daftar di lembar itu menggantikan daftar hukuman pegawai tersebut.",
    ]
    buku = _lembar_isian(f"Daftar pegawai — {kop}", petunjuk, "Pegawai", KOLOM_PEGAWAI,
                         baris, aturan, {"NIP", "Atasan (NIP)"}, {"TMT CPNS"})  # fmt: skip
    tingkat = {
        "Tingkat": _daftar(get_args(TingkatHukuman), "Pilih ringan, sedang atau berat"),
        "Tanggal": _validasi_tanggal("1"),
    }  # fmt: skip
    _isi_lembar(buku, "Hukuman disiplin", KOLOM_HUKUMAN, hukuman, tingkat, {"NIP"}, {"Tanggal"})
    return _simpan(buku)


def formulir_pelatihan(kop: str, baris: list[list[Any]]) -> bytes:
    """The events form: one row per event (a row per extra speaker, same event name)."""
    from openpyxl.worksheet.datavalidation import DataValidation

    aturan = {
        "Kompetensi": _daftar(KOMPETENSI, "Pilih teknis, manajerial atau sosial_kultural"),
        "Bentuk": _daftar(get_args(Bentuk), "Pilih bentuk kegiatan dari daftar"),
        "Sektor narasumber": _daftar(get_args(Sektor), "Pilih sektor dari daftar"),
        "JP": DataValidation(type="decimal", operator="greaterThan", formula1="0",
                             showErrorMessage=True, error="JP lebih dari 0"),
        "Tanggal": _validasi_tanggal("36526"),
    }  # fmt: skip
    petunjuk = [
        "1. Satu baris satu kegiatan; narasumber kedua dan seterusnya di baris berikutnya "
        "dengan Nama kegiatan yang sama.",
        "2. Peserta: NIP dipisah titik koma (;). JP: jam pelajaran kegiatan itu.",
    ]
    return _simpan(_lembar_isian(
        f"Kegiatan pengembangan kompetensi — {kop}", petunjuk, "Pelatihan", KOLOM_PELATIHAN,
        baris, aturan, {"Peserta (NIP, dipisah ;)"}, {"Tanggal"}))  # fmt: skip
