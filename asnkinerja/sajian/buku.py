"""The evaluation as a workbook (XLSX) or a CSV table, for the leadership and for the
finance office (BPKAD), from the presentation data (`keluaran.sajikan`).

Numbers stay numbers, dates dates, NIPs text; every sheet has Indonesian headers, a frozen
header row, an autofilter and widths that fit. Any text that a spreadsheet would execute
(starting with =, +, -, @, a tab or a carriage return) is written with a leading
apostrophe, so no cell is ever a formula. openpyxl writes (and will read, for `impor`)
in pure Python: one library for offline installs; docs/benchmark.md has the measurement.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Any

from asnkinerja.inti.regulasi import NAMA_RATING, PREDIKAT, SINGKATAN_PREDIKAT

_BAHAYA = ("=", "+", "-", "@", "\t", "\r")
# Control characters a workbook cannot hold (a vertical tab pasted from Word): dropped.
_KENDALI = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_FORMAT_TANGGAL = "dd/mm/yyyy"
_FORMAT_UANG = "#,##0"


def aman(x: Any) -> Any:
    """A value as a spreadsheet may hold it: text that would run as a formula is
    neutralised with a leading apostrophe; numbers, dates and None pass as they are."""
    if not isinstance(x, str):
        return x
    x = _KENDALI.sub("", x)
    if x.startswith(_BAHAYA) and x != "-":  # "-" alone: no value
        return "'" + x
    return x


def _rating(r: str | None) -> str:
    return NAMA_RATING.get(r, "-") if r else "-"  # type: ignore[call-overload]


def _tanggal(teks: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(teks) if teks else None


def _lembar_pegawai(data: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    judul = ["No", "NIP", "Nama", "Unit", "Status", "Golongan", "Jabatan", "Rating hasil kerja",
             "Nilai hasil kerja", "Rating perilaku", "Nilai perilaku", "Predikat",
             "Ditetapkan penilai", "Predikat rekomendasi", "Nilai akhir", "Tren", "JP",
             "Laporan wajib", "Laporan masuk", "Terlambat", "Tidak lengkap"]  # fmt: skip
    baris = [
        [i, p["nip"], p["nama"], p["unit"], p["status"], p["golongan"],
         "" if data["disamarkan"] else p["jabatan"],  # a jabatan names its holder
         _rating(p["rating_hasil_kerja"]), p["nilai_hasil_kerja"], _rating(p["rating_perilaku"]),
         p["nilai_perilaku"], p["predikat"] or "-", "Ya" if p["ditetapkan"] else "Tidak",
         p["rekomendasi"]["predikat"] or "-", p["nilai_akhir"], p["tren"] or "-", p["jp"],
         p["laporan"]["diharapkan"], p["laporan"]["masuk"], p["laporan"]["terlambat"],
         p["laporan"]["tidak_lengkap"]]
        for i, p in enumerate(data["pegawai"], start=1)
    ]  # fmt: skip
    return judul, baris


def _lembar(data: dict[str, Any]) -> list[tuple[str, list[str], list[list[Any]]]]:
    """Every sheet: (name, headers, rows)."""
    lembar = [("Pegawai", *_lembar_pegawai(data))]
    unit = [
        [u["nama"], u["jumlah_pegawai"], *(u["sebaran"][p]["jumlah"] for p in PREDIKAT),
         u["tanpa_predikat"], u["rata_hasil_kerja"], u["rata_perilaku"], u["rata_akhir"],
         u["kepatuhan_persen"],
         "-" if not u["kurva"] else ("sesuai" if u["kurva"]["dipenuhi"] else "melanggar")]
        for u in [*data["unit"], data["total"]]
    ]  # fmt: skip
    lembar.append(("Unit", ["Unit", "Pegawai", *SINGKATAN_PREDIKAT.values(), "Belum",
                            "Rata-rata hasil kerja", "Rata-rata perilaku", "Rata-rata nilai akhir",
                            "Kepatuhan laporan (%)", "Kurva"], unit))  # fmt: skip
    kurva = [
        [u["nama"], u["kurva"]["predikat_organisasi"], a["uraian"], a["jumlah"], a["batas_orang"],
         a["rincian"], "dipenuhi" if a["dipenuhi"] else "tidak dipenuhi"]
        for u in data["unit"] if u["kurva"] for a in u["kurva"]["aturan"]
    ]  # fmt: skip
    lembar.append(("Kurva", ["Unit", "Predikat organisasi", "Aturan", "Jumlah pegawai",
                             "Batas (orang)", "Perhitungan", "Hasil"], kurva))  # fmt: skip
    if "penghargaan" in data:
        ph = [[p["peringkat"], p["nip"], p["nama"], p["unit"], p["predikat"], p["nilai_akhir"],
               p["nomor_piagam"], p["insentif"], p["rincian"]]
              for p in data["penghargaan"]]  # fmt: skip
        lembar.append(("Penghargaan", ["Peringkat", "NIP", "Nama", "Unit", "Predikat",
                                       "Nilai akhir", "Nomor piagam", "Insentif (Rp)",
                                       "Perhitungan"], ph))  # fmt: skip
        ny = [[n["nip"], n["nama"], n["unit"], n["nilai_akhir"], "; ".join(n["alasan"])]
              for n in data["nyaris"]]  # fmt: skip
        lembar.append(("Nyaris", ["NIP", "Nama", "Unit", "Nilai akhir",
                                  "Alasan tidak memenuhi syarat"], ny))  # fmt: skip
        if data["insentif"]["berinsentif"]:  # no payment outside the award period
            lembar.append(("Pembayaran", *_pembayaran(data)))
    if "mentoring" in data:
        mt = [[i, m["mentor"], m["nama_mentor"], m["unit_mentor"], m["mentee"], m["nama_mentee"],
               m["unit_mentee"], m["predikat_mentee"]]
              for i, m in enumerate(data["mentoring"], start=1)]  # fmt: skip
        lembar.append(("Mentoring", ["No", "NIP mentor", "Mentor", "Unit mentor", "NIP mentee",
                                     "Mentee", "Unit mentee", "Predikat mentee"], mt))  # fmt: skip
    if "pengembangan" in data:
        pg = [[j["nip"], j["nama"], j["unit"], j["status"], j["jp"], j["jp_wajib"], j["jp_tahun"],
               j["jp_maksimal"], "Ya" if j["memenuhi"] else "Tidak", j["catatan"]]
              for j in data["pengembangan"]]  # fmt: skip
        lembar.append(("Pengembangan", ["NIP", "Nama", "Unit", "Status", "JP dalam periode",
                                        "JP wajib", "JP sejak awal tahun", "Batas JP PPPK",
                                        "Memenuhi", "Catatan"], pg))  # fmt: skip
    lembar.append(("Keterangan", ["Keterangan", "Isi"], _keterangan(data)))
    return lembar


def _pembayaran(data: dict[str, Any]) -> tuple[list[str], list[list[Any]]]:
    """For the finance office: who receives what; the total and what is left equal the
    budget exactly."""
    ins = data["insentif"]
    baris: list[list[Any]] = [
        [i, p["nip"], p["nama"], p["golongan"] or "-", p["unit"], p["insentif"] or 0]
        for i, p in enumerate(data["penghargaan"], start=1)
    ]
    baris.append([None, None, "JUMLAH", None, None, ins["terbagi"]])
    if ins["sebagian"]:  # one OPD's awardees: the rest of the budget is other units'
        baris.append([None, None, "Anggaran seluruh instansi", None, None, ins["anggaran"]])
        return ["No", "NIP", "Nama", "Golongan", "Unit", "Insentif (Rp)"], baris
    if ins["sisa"]:
        baris.append([None, None, "Sisa anggaran (pembulatan)", None, None, ins["sisa"]])
    baris.append([None, None, "Anggaran", None, None, ins["anggaran"]])
    return ["No", "NIP", "Nama", "Golongan", "Unit", "Insentif (Rp)"], baris


def _keterangan(data: dict[str, Any]) -> list[list[Any]]:
    d = data["dasar"]
    return [
        ["Instansi", data["instansi"]],
        ["Periode penilaian", data["periode_label"]],
        ["Tanggal cetak", _tanggal(data["tanggal"])],
        ["Dasar", d["regulasi"]],
        ["Ketentuan instansi", d["kebijakan"] or "belum dicantumkan"],
        *([k["uraian"], f"{k['nilai']} ({k['sumber']})"] for k in d["ketentuan"]),
        ["Data pribadi disamarkan", "Ya" if data["disamarkan"] else "Tidak"],
        ["Sidik data", data["sidik_data"]],
        ["Versi asnkinerja", data["versi"]],
    ]


def _lebar(judul: Sequence[str], baris: Iterable[Sequence[Any]]) -> list[float]:
    lebar = [len(j) for j in judul]
    for b in baris:
        for i, x in enumerate(b):
            n = 10 if isinstance(x, datetime.date) else len(str(x)) if x is not None else 0
            lebar[i] = max(lebar[i], n)
    return [min(60, n + 2) for n in lebar]


def xlsx(data: dict[str, Any]) -> bytes:
    """The workbook: Pegawai, Unit, Kurva, Penghargaan, Nyaris, Pembayaran, Mentoring,
    Pengembangan and Keterangan."""
    import openpyxl  # only for commands that write a workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    buku = openpyxl.Workbook(write_only=True)
    tebal = Font(bold=True)
    for nama, judul, baris in _lembar(data):
        lembar = buku.create_sheet(nama)
        for i, w in enumerate(_lebar(judul, baris), start=1):
            lembar.column_dimensions[get_column_letter(i)].width = w
        lembar.freeze_panes = "A2"
        if baris:
            lembar.auto_filter.ref = f"A1:{get_column_letter(len(judul))}{len(baris) + 1}"
        kepala = []
        for j in judul:
            c = WriteOnlyCell(lembar, value=j)
            c.font = tebal
            kepala.append(c)
        lembar.append(kepala)
        uang = {i for i, j in enumerate(judul) if j.startswith("Insentif")}
        for b in baris:
            sel = []
            for i, x in enumerate(b):
                c = WriteOnlyCell(lembar, value=aman(x))
                if isinstance(x, str):
                    c.data_type = "s"  # text, even "#N/A" or "=..." (never an error or formula)
                    c.number_format = "@"  # NIP and every text stay text
                elif isinstance(x, datetime.date):
                    c.number_format = _FORMAT_TANGGAL
                elif i in uang and isinstance(x, (int, Decimal)):
                    c.number_format = _FORMAT_UANG
                sel.append(c)
            lembar.append(sel)
    return simpan_tetap(buku, datetime.date.fromisoformat(data["tanggal"]))


def simpan_tetap(buku: Any, tanggal: datetime.date) -> bytes:
    """A workbook's bytes, the same for the same content: its creation time and every
    archive entry's time are the date in force (`--tanggal`), not the clock. An unchanged
    evaluation then writes an identical file, and a kill test can tell old from new."""
    import zipfile

    waktu = datetime.datetime.combine(max(tanggal, datetime.date(1980, 1, 1)), datetime.time())
    buku.properties.created = buku.properties.modified = waktu
    mentah = io.BytesIO()
    buku.save(mentah)
    keluar = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(mentah.getvalue())) as masuk,
        zipfile.ZipFile(keluar, "w", zipfile.ZIP_DEFLATED) as z,
    ):
        for info in masuk.infolist():
            baru = zipfile.ZipInfo(info.filename, date_time=waktu.timetuple()[:6])
            baru.compress_type = zipfile.ZIP_DEFLATED
            baru.external_attr = info.external_attr
            isi = masuk.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps "modified" on saving
                cap = waktu.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
                isi = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + cap, isi)
            z.writestr(baru, isi)
    return keluar.getvalue()


def csv_pegawai(data: dict[str, Any]) -> bytes:
    """The Pegawai table as CSV for Excel in an Indonesian locale: UTF-8 with BOM, `;`
    between fields and decimal commas (README: opening it with NIP as text)."""
    judul, baris = _lembar_pegawai(data)
    keluar = io.StringIO()
    tulis = csv.writer(keluar, delimiter=";", lineterminator="\r\n")
    tulis.writerow(judul)
    for b in baris:
        tulis.writerow(
            [
                "" if x is None
                else str(x).replace(".", ",") if isinstance(x, Decimal)
                else aman(x)
                for x in b
            ]
        )  # fmt: skip
    return ("\ufeff" + keluar.getvalue()).encode("utf-8")
