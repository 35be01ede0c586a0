"""Reading a spreadsheet (XLSX or CSV) as plain sheets of cells, for `impor`.

What a cell held is kept as Excel held it (text, number, date, a formula's cached value),
with where it came from, so each later problem can name `berkas:Lembar!C14`. Merged
cells are spread over every cell of their range and remembered, so a NIP merged over
two rows can be refused rather than guessed. Nothing here decides what a column means.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from asnkinerja.errors import BerkasTidakTerbaca
from asnkinerja.teks import ribuan


@dataclass(frozen=True)
class Sel:
    """One cell's value as the spreadsheet stored it, and its formula if it had one."""

    nilai: Any  # str, int, float, bool, datetime.date/datetime, or None
    rumus: str | None = None  # "=SUM(B2:B4)": `nilai` is its cached value (None: none kept)
    gabungan: str | None = None  # the merged range ("B3:B9") this cell is part of


@dataclass
class Lembar:
    """One sheet: rows of cells (row 1 first), and its name as Excel shows it."""

    nama: str
    baris: list[list[Sel]] = field(default_factory=list)
    # Sheet names appear in a cell reference only for workbooks (a CSV has one table).
    buku: bool = True

    def rujukan(self, berkas: str, baris: int, kolom: int | None = None) -> str:
        """`berkas:Lembar!C14` (1-based row and column), or `berkas:baris 14` for a CSV."""
        if kolom is None:
            return f"{berkas}:{self.nama}!{baris}:{baris}" if self.buku else f"{berkas}:{baris}"
        sel = f"{huruf_kolom(kolom)}{baris}"
        return f"{berkas}:{self.nama}!{sel}" if self.buku else f"{berkas}:{sel}"


def huruf_kolom(n: int) -> str:
    """1 -> A, 27 -> AA."""
    huruf = ""
    while n:
        n, sisa = divmod(n - 1, 26)
        huruf = chr(ord("A") + sisa) + huruf
    return huruf


def baca_lembar(jalur: Path) -> list[Lembar]:
    """Every sheet of `jalur` (.xlsx, .xlsm or .csv). Raises BerkasTidakTerbaca with what to do."""
    akhiran = jalur.suffix.lower()
    if jalur.is_dir():
        raise BerkasTidakTerbaca(f"{jalur} adalah folder; sebut berkas .xlsx atau .csv-nya")
    if not jalur.exists():
        raise BerkasTidakTerbaca(f"berkas {jalur} tidak ada")
    if not jalur.is_file():  # a pipe, a device (a link to /dev/zero)
        raise BerkasTidakTerbaca(f"{jalur} bukan berkas biasa; simpan sebagai .xlsx atau .csv")
    if akhiran == ".csv":
        return [_baca_csv(jalur)]
    if akhiran == ".xls":
        raise BerkasTidakTerbaca(
            f"{jalur.name} berformat Excel lama (.xls); buka di Excel lalu simpan sebagai "
            "Buku Kerja Excel (.xlsx)"
        )
    if akhiran not in (".xlsx", ".xlsm"):
        raise BerkasTidakTerbaca(f"{jalur.name}: hanya berkas .xlsx atau .csv yang dapat diimpor")
    return _baca_xlsx(jalur)


def _baca_xlsx(jalur: Path) -> list[Lembar]:
    import openpyxl

    data = _baca_bita(jalur)
    _periksa_arsip(jalur, data)
    try:
        # Read-only (streaming) mode, values only: about half the time of a full load on a
        # 5,000-row form. A sheet whose XML holds a formula is read again cell by cell for
        # the formulas, and once more for their cached values.
        buku = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        hasil: list[Lembar] = []
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            # Each sheet's XML: the read-only sheet keeps its path inside the archive.
            lembar_ro: list[Any] = list(buku.worksheets)
            xml = [z.read(ws._worksheet_path).decode("utf-8", errors="replace")
                   for ws in lembar_ro]  # fmt: skip
        for ws in buku.worksheets:
            ws.reset_dimensions()  # some programs write a wrong size; read every row
            lembar = Lembar(ws.title)
            for b in ws.iter_rows(values_only=True):
                if len(lembar.baris) >= BATAS_BARIS_LEMBAR:
                    raise _terlalu_banyak(f"{jalur.name}: lembar {ws.title}")
                lembar.baris.append([Sel(v) for v in b[:BATAS_KOLOM]])
            hasil.append(lembar)
        if any(_RUMUS.search(x) for x in xml):
            rumus = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
            for lembar, ws, isi in zip(hasil, rumus.worksheets, xml, strict=True):
                if not _RUMUS.search(isi):
                    continue
                ws.reset_dimensions()
                for r, baris in enumerate(ws.iter_rows()):
                    if r >= len(lembar.baris):
                        break
                    for c, x in enumerate(baris[: len(lembar.baris[r])]):
                        if getattr(x, "data_type", None) == "f":
                            lembar.baris[r][c] = Sel(lembar.baris[r][c].nilai, str(x.value))
        for lembar, isi in zip(hasil, xml, strict=True):
            _sebar_gabungan(lembar, _RENTANG_GABUNGAN.findall(isi))
    except BerkasTidakTerbaca:
        raise
    except Exception as e:
        # (BadZipFile, XML ParseError, KeyError, ValueError...): said, never a traceback.
        awal = data[:8]
        if awal.startswith(b"\xd0\xcf\x11\xe0"):
            sebab = ("berformat Excel lama (.xls) atau dikunci kata sandi; buka di Excel, "
                     "buang kata sandinya, lalu simpan sebagai .xlsx")  # fmt: skip
        else:
            sebab = f"bukan buku kerja .xlsx yang utuh ({type(e).__name__}); simpan ulang di Excel"
        raise BerkasTidakTerbaca(f"{jalur.name} {sebab}") from e
    return hasil


# A sheet's merged ranges, from its XML (read-only mode does not parse them), and
# whether it holds a formula.
_RUMUS = re.compile(r"<(?:\w+:)?f[ >/]")
_RENTANG_GABUNGAN = re.compile(r'<(?:\w+:)?mergeCell\s[^>]*ref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"')


# Bounds on a workbook to import, far above any office's (a roster of 50,000 is a few MB):
# a damaged or hostile file (a "zip bomb") is refused before it fills the memory.
BATAS_UKURAN_BUKU = 64 * 1024 * 1024  # bytes on disk
BATAS_ISI_BUKU = 1024 * 1024 * 1024  # bytes once unpacked
BATAS_BARIS_LEMBAR = 200_000
BATAS_KOLOM = 200


def _terlalu_banyak(tempat: str) -> BerkasTidakTerbaca:
    return BerkasTidakTerbaca(
        f"{tempat}: lebih dari {ribuan(BATAS_BARIS_LEMBAR)} baris; bagi datanya ke beberapa "
        "berkas (mis. per OPD)"
    )


def _periksa_arsip(jalur: Path, data: bytes) -> None:
    if len(data) > BATAS_UKURAN_BUKU:
        raise BerkasTidakTerbaca(
            f"{jalur.name} terlalu besar ({len(data) / 1024 / 1024:.0f} MB; paling besar "
            f"{BATAS_UKURAN_BUKU // 1024 // 1024} MB); bagi datanya ke beberapa berkas"
        )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            isi = sum(i.file_size for i in z.infolist())
    except zipfile.BadZipFile:
        return  # said when it is opened
    if isi > BATAS_ISI_BUKU:
        gb = f"{isi / 1024**3:.1f}".replace(".", ",")
        raise BerkasTidakTerbaca(
            f"{jalur.name} berisi {gb} GB setelah dibuka (paling besar 1 GB): bukan buku kerja "
            "biasa, atau rusak; simpan ulang di Excel"
        )


def _sebar_gabungan(lembar: Lembar, rentang: list[str]) -> None:
    """A merged range's value (its top-left cell's) in every cell of the range."""
    from openpyxl.utils.cell import range_boundaries

    for r in rentang:
        k1, b1, k2, b2 = range_boundaries(r)
        assert k1 is not None and b1 is not None and k2 is not None and b2 is not None
        # A merge past the data (a whole column, A1:A1048576) adds nothing beyond it.
        b2, k2 = min(b2, len(lembar.baris)), min(k2, BATAS_KOLOM)
        if b1 > b2 or k1 > k2:
            continue
        pojok = _sel(lembar, b1, k1)
        for b in range(b1, b2 + 1):
            baris = lembar.baris[b - 1]
            while len(baris) < k2:
                baris.append(Sel(None))
            for k in range(k1, k2 + 1):
                baris[k - 1] = Sel(pojok.nilai, pojok.rumus, r)


def _sel(lembar: Lembar, baris: int, kolom: int) -> Sel:
    isi = lembar.baris[baris - 1] if baris <= len(lembar.baris) else []
    return isi[kolom - 1] if kolom <= len(isi) else Sel(None)


def _baca_bita(jalur: Path) -> bytes:
    try:
        return jalur.read_bytes()
    except PermissionError as e:
        raise BerkasTidakTerbaca(
            f"{jalur.name} tidak dapat dibaca (izin ditolak atau sedang dibuka program lain); "
            "tutup berkasnya di Excel lalu ulangi"
        ) from e
    except OSError as e:
        raise BerkasTidakTerbaca(f"{jalur.name} tidak dapat dibaca: {e.strerror or e}") from e


def _baca_csv(jalur: Path) -> Lembar:
    """A CSV as Excel writes it in Indonesia: UTF-8 (with or without BOM) or Windows-1252,
    separated by `;` (the Indonesian list separator), `,` or tab. Every cell is text:
    numbers and dates are read from text later, as for a text cell of a workbook."""
    data = _baca_bita(jalur)
    _periksa_arsip(jalur, data)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        teks = data.decode("utf-16")
    else:
        try:
            teks = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            teks = data.decode("cp1252", errors="replace")
    awal = "\n".join(teks.split("\n", 20)[:20])  # a title line above the headers is common
    pemisah = max(";,\t", key=awal.count)
    lembar = Lembar(jalur.stem, buku=False)
    try:
        for isi in csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah):
            if len(lembar.baris) >= BATAS_BARIS_LEMBAR:
                raise _terlalu_banyak(jalur.name)
            lembar.baris.append([Sel(v if v != "" else None) for v in isi[:BATAS_KOLOM]])
    except csv.Error as e:
        raise BerkasTidakTerbaca(f"{jalur.name} bukan CSV yang dapat dibaca ({e})") from e
    return lembar


def tanggal_excel(
    serial: float, epoch: datetime.date = datetime.date(1899, 12, 30)
) -> datetime.date:
    """An Excel date serial (days since 30 December 1899 in the 1900 system) as a date."""
    return epoch + datetime.timedelta(days=int(serial))
