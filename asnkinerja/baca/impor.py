"""From a spreadsheet's cells to the workspace's records: which column means what, and each
cell read as the format wants it, every problem naming its cell (`pegawai.xlsx:Sheet1!C14`).

Headers are matched without regard to case, spaces and punctuation, with the synonyms
of SIASN/SIMPEG exports and this tool's own forms (`sajian.templat`); `--peta` maps any
other header. Nothing is guessed: a NIP that a spreadsheet stored as a number is refused
(Excel keeps 15 digits, so the last ones may already be 0), a cell that cannot be read
is a problem, and a column that means nothing here is listed once as ignored.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal

from asnkinerja.baca.lembar import Lembar, Sel, huruf_kolom, tanggal_excel
from asnkinerja.inti import nip as nip_mod
from asnkinerja.inti.periode import Periode
from asnkinerja.inti.regulasi import (
    BERAKHLAK,
    GOLONGAN_PNS,
    GOLONGAN_PPPK,
    KOMPETENSI,
    NAMA_BERAKHLAK,
    SKOR_MAKSIMAL,
    SKOR_MINIMAL,
)
from asnkinerja.masalah import Lokasi, Masalah, galat
from asnkinerja.teks import KENDALI, KENDALI_SEMUA

Jenis = Literal["pegawai", "laporan", "pelatihan"]
JENIS: tuple[Jenis, ...] = ("pegawai", "laporan", "pelatihan")


def normal(judul: Any) -> str:
    """A header as compared: lower case, letters and digits, single spaces."""
    return re.sub(r"[^0-9a-z]+", " ", str(judul).casefold()).strip()


# Each field of a kind, with the headers that mean it (this tool's forms' headers first).
_NIP = ("nip", "nip baru", "nip ni pppk", "ni pppk", "nomor induk pegawai", "nip 18 digit")
SINONIM: dict[Jenis, dict[str, tuple[str, ...]]] = {
    "pegawai": {
        "nip": _NIP,
        "nama": ("nama", "nama lengkap", "nama pegawai", "nama asn", "nama pns"),
        "status": ("status", "status asn", "status pegawai", "jenis pegawai", "jenis asn"),
        "golongan": (
            "golongan",
            "gol",
            "gol akhir",
            "golongan akhir",
            "gol ruang",
            "golongan ruang",
            "pangkat golongan",
            "gol ruang akhir",
            "pangkat gol",
        ),
        "jabatan": ("jabatan", "jabatan nama", "nama jabatan"),
        "jenis_jabatan": ("jenis jabatan", "jenis jabatan nama"),
        "unit": (
            "unit",
            "unit kerja",
            "unor",
            "unor nama",
            "opd",
            "unit organisasi",
            "satuan kerja",
            "satker",
            "perangkat daerah",
            "nama unor",
            "unit kerja nama",
        ),
        "atasan": ("atasan nip", "atasan", "nip atasan", "atasan langsung", "nip atasan langsung"),
        "tmt_cpns": ("tmt cpns", "tmt cpns pppk"),
        "aktif": ("aktif", "status aktif", "masih aktif"),
    },
    "laporan": {
        "nip": _NIP,
        "nama": ("nama", "nama pegawai", "nama lengkap"),
        "jabatan": ("jabatan", "nama jabatan"),
        "periode": ("periode", "periode laporan", "bulan"),
        "penilai": ("penilai nip", "penilai", "nip penilai", "atasan nip", "nip atasan"),
        "indikator": ("indikator", "indikator kinerja", "indikator kinerja individu", "iki"),
        "satuan": ("satuan",),
        "target": ("target",),
        "realisasi": ("realisasi", "capaian realisasi"),
        "bobot": ("bobot",),
        "arah": ("arah naik turun", "arah"),
        "tanggal_lapor": ("tanggal lapor", "tanggal laporan", "tgl lapor", "tanggal"),
        "tantangan": ("tantangan", "kendala", "tantangan kendala"),
        "rencana_perbaikan": ("rencana perbaikan", "rencana tindak lanjut"),
        **{a: tuple(dict.fromkeys((normal(NAMA_BERAKHLAK[a]), normal(a)))) for a in BERAKHLAK},
        "umpan_balik": ("umpan balik", "umpan balik atasan", "catatan atasan"),
    },
    "pelatihan": {
        "nama": ("nama kegiatan", "kegiatan", "nama pelatihan", "judul", "nama diklat"),
        "kompetensi": ("kompetensi", "jenis kompetensi"),
        "bentuk": ("bentuk", "bentuk kegiatan", "jenis kegiatan"),
        "tanggal": ("tanggal", "tanggal kegiatan", "tanggal mulai", "tgl"),
        "jp": ("jp", "jumlah jp", "jam pelajaran"),
        "narasumber": ("narasumber", "nama narasumber", "pemateri"),
        "sektor": ("sektor narasumber", "sektor"),
        "instansi": ("instansi narasumber", "asal narasumber"),
        "peserta": ("peserta nip dipisah", "peserta", "nip peserta", "peserta nip"),
    },
}
# The roster's second sheet: each sanction a row (`hukuman_disiplin` of the employee).
SINONIM_HUKUMAN: dict[str, tuple[str, ...]] = {
    "nip": _NIP,
    "nama": ("nama", "nama pegawai"),
    "tingkat": ("tingkat", "tingkat hukuman", "tingkat hukuman disiplin"),
    "tanggal": ("tanggal", "tanggal hukuman", "tmt hukuman", "tanggal sk"),
    "keterangan": ("keterangan", "uraian", "jenis pelanggaran"),
}
# What a kind cannot do without; the first one is the record's identity.
WAJIB: dict[Jenis, tuple[str, ...]] = {
    "pegawai": ("nip", "nama", "unit"),
    "laporan": ("nip", "indikator", "target", "realisasi"),
    "pelatihan": ("nama", "tanggal"),
}
# Headers known not to be data: a row number, a photo. Never listed as ignored.
_BUKAN_DATA = {"no", "no urut", "nomor", "nomor urut", "urut"}
_SATU_NILAI_LAPORAN = ("tanggal_lapor", "penilai", "umpan_balik", *BERAKHLAK)


@dataclass
class Rekaman:
    """One record as read: its keys as the YAML format writes them, and its rows."""

    data: dict[str, Any]
    sumber: str  # the first row it came from, `berkas:Lembar!5:5`
    nama: str = ""  # who or what, for messages and the diff
    # The cell of each value, by its path ("atasan", "pencapaian.0.realisasi"): a problem
    # found once the record is merged is named at its cell.
    sel: dict[str, str] = field(default_factory=dict)

    def rujukan(self, jalur: Iterable[Any]) -> str:
        """The cell of the value at `jalur` (or of the nearest value above it)."""
        langkah = [str(x) for x in jalur]
        while langkah:
            ref = self.sel.get(".".join(langkah))
            if ref is not None:
                return ref
            langkah.pop()
        return self.sumber


@dataclass
class HasilBaca:
    rekaman: list[Rekaman] = field(default_factory=list)
    masalah: list[Masalah] = field(default_factory=list)
    catatan: list[str] = field(default_factory=list)


@dataclass
class _Tabel:
    """A sheet with its header row found: each field's column (1-based)."""

    lembar: Lembar
    judul_baris: int
    kolom: dict[str, int]


class _Pembaca:
    """Reads cells of one table, collecting every problem with its cell."""

    def __init__(self, berkas: str, tabel: _Tabel, hasil: HasilBaca, hari_ini: datetime.date):
        self.berkas, self.tabel, self.hasil, self.hari_ini = berkas, tabel, hasil, hari_ini

    def sel(self, baris: int, kunci: str) -> Sel:
        k = self.tabel.kolom.get(kunci)
        if k is None:
            return Sel(None)
        isi = self.tabel.lembar.baris[baris - 1]
        return isi[k - 1] if k <= len(isi) else Sel(None)

    def rujukan(self, baris: int, kunci: str | None = None) -> str:
        k = self.tabel.kolom.get(kunci) if kunci else None
        return self.tabel.lembar.rujukan(self.berkas, baris, k)

    def salah(self, baris: int, kunci: str, pesan: str) -> None:
        self.hasil.masalah.append(galat(Lokasi(self.rujukan(baris, kunci)), pesan))

    def nilai(self, baris: int, kunci: str) -> Any:
        """The cell's value (a formula's cached one); a formula without one is a problem."""
        s = self.sel(baris, kunci)
        if s.rumus is not None and s.nilai is None:
            self.salah(baris, kunci, (
                f"sel berisi rumus {s.rumus} tanpa nilai tersimpan (berkas belum pernah "
                "dihitung di Excel); buka berkas di Excel lalu simpan ulang, atau ganti rumus "
                "dengan nilainya"))  # fmt: skip
            return None
        v = s.nilai
        if isinstance(v, str):
            v = KENDALI_SEMUA.sub(" ", v).strip()
            if v.startswith("'"):  # the apostrophe that keeps a text cell text
                v = v[1:].strip()
            return v or None
        return v

    def teks(self, baris: int, kunci: str) -> str | None:
        v = self.nilai(baris, kunci)
        if v is None:
            return None
        if isinstance(v, bool):
            return "ya" if v else "tidak"
        if isinstance(v, float) and v.is_integer():
            return str(int(v))
        if isinstance(v, datetime.datetime):
            return v.date().isoformat()
        if isinstance(v, datetime.date):
            return v.isoformat()
        return " ".join(str(v).split())

    def nip(self, baris: int, kunci: str, teks: Any = None) -> str | None:
        v = self.nilai(baris, kunci) if teks is None else teks
        if v is None:
            return None
        pesan = _pesan_nip(v)
        if pesan is not None:
            self.salah(baris, kunci, pesan)
            return None
        return re.sub(r"\s+", "", str(v))

    def angka(self, baris: int, kunci: str) -> int | float | None:
        v = self.nilai(baris, kunci)
        if v is None:
            return None
        hasil, pesan = _angka(v)
        if pesan is not None:
            self.salah(baris, kunci, pesan)
        return hasil

    def tanggal(self, baris: int, kunci: str) -> datetime.date | None:
        v = self.nilai(baris, kunci)
        if v is None:
            return None
        hasil, pesan = _tanggal(v)
        if pesan is not None:
            self.salah(baris, kunci, pesan)
        return hasil

    def pilihan(self, baris: int, kunci: str, sah: Iterable[str],
                sebutan: dict[str, str] | None = None) -> str | None:  # fmt: skip
        t = self.teks(baris, kunci)
        if t is None:
            return None
        sah = tuple(sah)
        n = normal(t)
        for s in sah:
            if n == normal(s):
                return s
        if sebutan and n in sebutan:
            return sebutan[n]
        self.salah(baris, kunci, f'"{t}" bukan pilihan yang dikenal; pilih {", ".join(sah)}')
        return None

    def daftar(self, baris: int, kunci: str) -> list[str]:
        """Items of a cell: one per line (Alt+Enter) and split at ';' (as the form says)."""
        s = self.sel(baris, kunci)
        if s.nilai is None:
            self.nilai(baris, kunci)  # a formula without a value is still a problem
            return []
        teks = str(self.teks_mentah(s.nilai))
        return [" ".join(x.split()) for x in re.split(r"[;\n]", teks) if x.strip()]

    @staticmethod
    def teks_mentah(v: Any) -> Any:
        """A cell's text with its line breaks (one item a line) and no other control."""
        if isinstance(v, str):
            v = KENDALI.sub(" ", v.replace("\r\n", "\n").replace("\r", "\n"))
            return v.replace("\t", " ")
        return v

    def tambah(self, rek: Rekaman, kunci: str, butir: Any, baris: int, kolom: str,
               **kolom_isian: str) -> None:  # fmt: skip
        """Append `butir` to the record's list `kunci`, with the cells it came from (the
        item's, and `kolom_isian` for its fields), so a problem found once merged is named
        at its cell."""
        daftar = rek.data.setdefault(kunci, [])
        i = len(daftar)
        rek.sel.setdefault(kunci, self.rujukan(baris, kolom))
        rek.sel[f"{kunci}.{i}"] = self.rujukan(baris, kolom)
        for isian, k in kolom_isian.items():
            rek.sel[f"{kunci}.{i}.{isian}"] = self.rujukan(baris, k)
        daftar.append(butir)


def _pesan_nip(v: Any) -> str | None:
    """Why a NIP cell cannot be taken as it is, or None."""
    if isinstance(v, (bool, datetime.date, datetime.datetime)):
        return f"NIP harus 18 angka, bukan {v}"
    if isinstance(v, (int, float)):
        teks = f"{v:.0f}" if isinstance(v, float) else str(v)
        return (
            f"NIP tersimpan sebagai angka ({teks}), bukan teks: Excel hanya menyimpan 15 angka "
            "pertama sehingga angka terakhirnya bisa sudah berubah menjadi 0. Format kolom NIP "
            "sebagai Teks lalu ketik ulang NIP dari SK; NIP tidak diubah otomatis"
        )
    t = str(v).strip()
    if re.fullmatch(r"[0-9][.,][0-9]+[eE]\+?[0-9]+", t):
        return (
            f'NIP tertulis dalam notasi ilmiah ("{t}"): Excel menyimpannya sebagai angka dan '
            "angka terakhirnya hilang. Format kolom NIP sebagai Teks lalu ketik ulang NIP dari SK"
        )
    polos = re.sub(r"\s+", "", t)
    if len(polos) == 18 and polos.isdigit() and polos.endswith("000"):
        return (
            f"NIP {polos} berakhir 000: tanda NIP yang pernah disimpan Excel sebagai angka "
            "(hanya 15 angka pertama yang tersimpan). Ketik ulang NIP dari SK di sel berformat Teks"
        )
    if not (polos.isascii() and polos.isdigit() and len(polos) == 18):
        return f'NIP harus 18 angka, bukan "{t}"'
    return None


def _angka(v: Any) -> tuple[int | float | None, str | None]:
    if isinstance(v, (bool, datetime.date, datetime.datetime)):
        return None, f"bukan angka: {v}"
    if isinstance(v, (int, float)):
        return (int(v) if isinstance(v, float) and v.is_integer() and abs(v) < 1e15 else v), None
    t = str(v).strip().replace(" ", "").replace("\u00a0", "")
    if re.fullmatch(r"-?\d{1,3}(\.\d{3})+,\d+", t):  # 1.234,5: Indonesian thousands
        t = t.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d+,\d+", t):  # decimal comma
        t = t.replace(",", ".")
    elif re.fullmatch(r"-?\d{1,3}(\.\d{3})+", t):
        return None, (
            f'"{v}" bisa berarti ribuan atau desimal; tulis angkanya tanpa pemisah ribuan '
            "(mis. 1234 atau 1,234)"
        )
    try:
        d = Decimal(t)
    except InvalidOperation:
        return None, f'"{v}" bukan angka; isi angka saja (desimal dengan koma, mis. 12,5)'
    if not d.is_finite():
        return None, f'"{v}" bukan angka'
    if abs(d) >= 10**15:
        return None, f'"{v}" terlalu besar (paling besar 999.999.999.999.999)'
    return (int(d) if d == d.to_integral_value() and abs(d) < 10**15 else float(d)), None


_BULAN = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "pebruari": 2, "maret": 3, "mar": 3,
    "april": 4, "apr": 4, "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8,
    "agu": 8, "agt": 8, "agus": 8, "september": 9, "sep": 9, "sept": 9, "oktober": 10,
    "okt": 10, "november": 11, "nov": 11, "nopember": 11, "desember": 12, "des": 12,
}  # fmt: skip


def _tanggal(v: Any) -> tuple[datetime.date | None, str | None]:
    if isinstance(v, datetime.datetime):
        return v.date(), None
    if isinstance(v, datetime.date):
        return v, None
    if isinstance(v, bool):
        return None, f"bukan tanggal: {v}"
    if isinstance(v, (int, float)):
        if 20000 <= v <= 80000:  # an Excel serial between 1954 and 2119
            return tanggal_excel(v), None
        return None, f"{v} bukan tanggal; tulis sebagai tanggal, mis. 14/03/2025"
    t = " ".join(str(v).split())
    salah = f'"{t}" bukan tanggal yang dikenal; tulis HH/BB/TTTT, mis. 14/03/2025'
    try:
        m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", t)
        if m:
            return datetime.date(int(m[1]), int(m[2]), int(m[3])), None
        m = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})", t)
        if m:
            return datetime.date(int(m[3]), int(m[2]), int(m[1])), None
        m = re.fullmatch(r"(\d{1,2})[ \-]([A-Za-z]+)\.?[ \-](\d{4})", t)
        if m and m[2].casefold() in _BULAN:
            return datetime.date(int(m[3]), _BULAN[m[2].casefold()], int(m[1])), None
    except ValueError:
        return None, f'"{t}" bukan tanggal yang mungkin; tulis HH/BB/TTTT (hari dahulu)'
    return None, salah


def _golongan(t: str) -> str:
    """ "III/C", "III / c", "Penata Muda (III/a)" -> "III/a"; anything else as written."""
    m = re.search(r"\b(IV|III|II|I)\s*/\s*([a-e])\b", t, re.IGNORECASE)
    if m:
        g = f"{m[1].upper()}/{m[2].lower()}"
        if g in GOLONGAN_PNS:
            return g
    return t.strip()


def baca_peta(jalur: Path) -> dict[str, str]:
    """`--peta`: a YAML mapping of header -> field. `errors.PilihanSalah` when it is not one."""
    from asnkinerja.baca.yamlio import urai
    from asnkinerja.errors import PilihanSalah

    try:
        teks = jalur.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as e:
        raise PilihanSalah(f"--peta: {jalur} tidak dapat dibaca ({e})") from e
    isi, masalah = urai(teks, jalur.name)
    if isi is None or len(isi) != 1 or not isinstance(isi[0], dict):
        sebab = masalah[0].baris_teks() if masalah else "isinya bukan pasangan judul: kolom"
        raise PilihanSalah(f'--peta: {sebab}; tulis satu per baris, mis. "NO. INDUK": nip')
    return {str(k): str(v) for k, v in isi[0].items()}


# ---------------------------------------------------------------- finding the table
def cari_tabel(
    lembar: list[Lembar], jenis: Jenis, peta: dict[str, str], berkas: str,
    nama_lembar: str | None, hasil: HasilBaca,
) -> list[_Tabel]:  # fmt: skip
    """The sheets that hold `jenis` (laporan: every one; else the one that matches best),
    with each field's column. Problems (none found, two equally good, a field in two
    columns) go to `hasil`."""
    sinonim = {normal(j): k for k, js in SINONIM[jenis].items() for j in js}
    sinonim.update({normal(j): k for j, k in peta.items()})
    calon: list[tuple[int, _Tabel]] = []
    dilihat: list[str] = []
    for lb in lembar:
        if nama_lembar is not None and lb.nama != nama_lembar:
            continue
        t = _judul(lb, sinonim, WAJIB[jenis][0])
        if t is None:
            pertama = next((b for b in lb.baris if any(s.nilai is not None for s in b)), None)
            if pertama is not None and normal(lb.nama) not in ("petunjuk", "keterangan"):
                judul = ", ".join(str(s.nilai) for s in pertama if s.nilai is not None)
                dilihat.append(f"{lb.nama}: {judul[:200]}")
            continue
        calon.append((len(t.kolom), t))
    if nama_lembar is not None and not any(lb.nama == nama_lembar for lb in lembar):
        hasil.masalah.append(galat(Lokasi(berkas), (
            f'lembar "{nama_lembar}" tidak ada; lembar yang ada: '
            + ", ".join(lb.nama for lb in lembar))))  # fmt: skip
        return []
    if not calon:
        dicari = " / ".join(j.upper() for j in SINONIM[jenis][WAJIB[jenis][0]][:3])
        hasil.masalah.append(galat(Lokasi(berkas), (
            f"tidak ada lembar dengan judul kolom {dicari} untuk impor {jenis}; judul yang "
            f"ditemukan: {'; '.join(dilihat) or '(lembar kosong)'}. Ganti judul kolomnya atau "
            "petakan dengan --peta PETA.yaml")))  # fmt: skip
        return []
    if jenis == "laporan":
        dipilih = [t for _, t in calon]
    else:
        terbaik = max(n for n, _ in calon)
        dipilih = [t for n, t in calon if n == terbaik]
        if len(dipilih) > 1:
            nama = " dan ".join(f'"{t.lembar.nama}"' for t in dipilih)
            hasil.masalah.append(galat(Lokasi(berkas), (
                f"dua lembar sama-sama cocok untuk impor {jenis}: {nama}; pilih satu dengan "
                "--lembar NAMA, atau hapus lembar yang lama")))  # fmt: skip
            return []
        lain = [lb.nama for lb in lembar if lb is not dipilih[0].lembar
                and normal(lb.nama) not in ("petunjuk", "keterangan")]  # fmt: skip
        if lain:
            hasil.catatan.append(f"Lembar yang tidak dibaca: {', '.join(lain)}.")
    for t in dipilih:
        _periksa_kolom(t, jenis, berkas, sinonim, hasil)
    return dipilih


def _judul(lb: Lembar, sinonim: dict[str, str], identitas: str) -> _Tabel | None:
    """The header row among the first 20 (title rows may sit above it): the first row
    naming the identity field and at least one other."""
    for r, isi in enumerate(lb.baris[:20], start=1):
        kolom: dict[str, int] = {}
        for k, s in enumerate(isi, start=1):
            if isinstance(s.nilai, str):
                f = sinonim.get(normal(s.nilai))
                if f is not None and f not in kolom:
                    kolom[f] = k
        if identitas in kolom and len(kolom) >= 2:
            return _Tabel(lb, r, kolom)
    return None


def _periksa_kolom(t: _Tabel, jenis: Jenis, berkas: str, sinonim: dict[str, str],
                   hasil: HasilBaca) -> None:  # fmt: skip
    judul = t.lembar.baris[t.judul_baris - 1]
    abaikan: list[str] = []
    for k, s in enumerate(judul, start=1):
        if s.nilai is None:
            continue
        f = sinonim.get(normal(s.nilai))
        if f is None:
            if normal(s.nilai) not in _BUKAN_DATA:
                abaikan.append(f"{huruf_kolom(k)} ({s.nilai})")
        elif t.kolom[f] != k:
            pertama = huruf_kolom(t.kolom[f])
            hasil.masalah.append(galat(Lokasi(t.lembar.rujukan(berkas, t.judul_baris, k)), (
                f'kolom "{s.nilai}" dan kolom {pertama} sama-sama dibaca sebagai {f}; hapus '
                "atau ganti judul salah satunya, atau petakan dengan --peta")))  # fmt: skip
    kurang = [f for f in WAJIB[jenis] if f not in t.kolom]
    if kurang:
        ada = ", ".join(str(s.nilai) for s in judul if s.nilai is not None)
        daftar = "; ".join(f"{f} ({' / '.join(j.upper() for j in SINONIM[jenis][f][:3])})"
                           for f in kurang)  # fmt: skip
        hasil.masalah.append(galat(Lokasi(t.lembar.rujukan(berkas, t.judul_baris)), (
            f"kolom wajib tidak ditemukan: {daftar}. Judul yang ada: {ada}. Tambahkan "
            "kolomnya, ganti judulnya, atau petakan dengan --peta PETA.yaml")))  # fmt: skip
    if abaikan:
        hasil.catatan.append(
            f"Kolom yang diabaikan di lembar {t.lembar.nama}: {', '.join(abaikan)}."
        )
    gabungan = {c.gabungan for b in t.lembar.baris[t.judul_baris :] for c in b if c.gabungan}
    for rentang in sorted(gabungan):
        _periksa_gabungan(t, rentang, berkas, hasil)


def _periksa_gabungan(t: _Tabel, rentang: str, berkas: str, hasil: HasilBaca) -> None:
    """A merged cell spread down one column is fine (a unit over its employees); one
    spread across two read columns cannot be split and is refused."""
    from openpyxl.utils.cell import range_boundaries

    k1, b1, k2, b2 = range_boundaries(rentang)
    assert k1 is not None and k2 is not None and b1 is not None and b2 is not None
    dibaca = [f for f, k in t.kolom.items() if k1 <= k <= k2]
    judul = t.lembar.baris[t.judul_baris - 1]
    nama = [str(judul[t.kolom[f] - 1].nilai) for f in dibaca]
    if len(dibaca) > 1:
        hasil.masalah.append(galat(Lokasi(f"{berkas}:{t.lembar.nama}!{rentang}"), (
            f"sel gabungan {rentang} melintasi kolom {' dan '.join(nama)}; pisahkan "
            "gabungan sel (Merge & Center dimatikan) dan isi setiap kolom")))  # fmt: skip
    elif dibaca and b2 > b1:
        hasil.catatan.append(
            f"Sel gabungan {t.lembar.nama}!{rentang} ({nama[0]}) diisikan ke setiap barisnya."
        )


def _baris_data(t: _Tabel) -> Iterable[int]:
    """Row numbers (1-based) below the header with any read cell filled."""
    kolom = list(t.kolom.values())
    for r in range(t.judul_baris + 1, len(t.lembar.baris) + 1):
        isi = t.lembar.baris[r - 1]
        if any(k <= len(isi) and isi[k - 1].nilai not in (None, "") for k in kolom):
            yield r


# ---------------------------------------------------------------- reading records
def baca_rekaman(
    lembar: list[Lembar], jenis: Jenis, berkas: str, *, peta: dict[str, str] | None = None,
    nama_lembar: str | None = None, periode: str | None = None,
    hari_ini: datetime.date | None = None,
) -> HasilBaca:  # fmt: skip
    """Every record of `jenis` in the sheets, or every problem with its cell."""
    hasil = HasilBaca()
    hari = hari_ini or datetime.date.today()
    hukuman = _tabel_hukuman(lembar) if jenis == "pegawai" and nama_lembar is None else None
    sisa = [lb for lb in lembar if hukuman is None or lb is not hukuman.lembar]
    tabel = cari_tabel(sisa, jenis, peta or {}, berkas, nama_lembar, hasil)
    if hasil.masalah:
        return hasil
    for t in tabel:
        p = _Pembaca(berkas, t, hasil, hari)
        if jenis == "pegawai":
            _pegawai(p)
        elif jenis == "laporan":
            _laporan(p, periode)
        else:
            _pelatihan(p)
    _ganda(hasil, jenis)
    if hukuman is not None:
        _hukuman(_Pembaca(berkas, hukuman, hasil, hari))
    return hasil


def _tabel_hukuman(lembar: list[Lembar]) -> _Tabel | None:
    """The sanctions sheet of a roster workbook (NIP and Tingkat columns), if it has one."""
    sinonim = {normal(j): k for k, js in SINONIM_HUKUMAN.items() for j in js}
    for lb in lembar:
        t = _judul(lb, sinonim, "nip")
        if t is not None and "tingkat" in t.kolom:
            return t
    return None


def _hukuman(p: _Pembaca) -> None:
    """Each sanction row added to its employee's record: the sheet holds their whole list."""
    per_nip = {str(r.data["nip"]): r for r in p.hasil.rekaman}
    for r in _baris_data(p.tabel):
        nip = p.nip(r, "nip")
        if nip is None:
            if p.sel(r, "nip").nilai is None:
                p.salah(r, "nip", "NIP kosong; setiap baris hukuman disiplin wajib punya NIP")
            continue
        rek = per_nip.get(nip)
        if rek is None:
            p.salah(r, "nip", f"NIP {nip} tidak ada di lembar pegawai; hukuman disiplin hanya "
                              "untuk pegawai yang diimpor bersamanya")  # fmt: skip
            continue
        tingkat = p.pilihan(r, "tingkat", ("ringan", "sedang", "berat"))
        tanggal = p.tanggal(r, "tanggal")
        for k, v in (("tingkat", tingkat), ("tanggal", tanggal)):
            if v is None and p.sel(r, k).nilai is None:
                p.salah(r, k, f"{k} hukuman disiplin kosong; isi atau hapus baris ini")
        if tingkat is None or tanggal is None:
            continue
        h: dict[str, Any] = {"tingkat": tingkat, "tanggal": tanggal}
        ket = p.teks(r, "keterangan")
        if ket is not None:
            h["keterangan"] = ket
        p.tambah(rek, "hukuman_disiplin", h, r, "tingkat", tanggal="tanggal")


def _pegawai(p: _Pembaca) -> None:
    for r in _baris_data(p.tabel):
        nip = p.nip(r, "nip")
        nama, unit = p.teks(r, "nama"), p.teks(r, "unit")
        for kunci, isi in (("nip", nip), ("nama", nama), ("unit", unit)):
            if isi is None and p.sel(r, kunci).nilai is None:
                p.salah(r, kunci, f"{kunci} kosong; setiap baris pegawai wajib punya NIP, nama "
                                  "dan unit (hapus baris yang bukan pegawai)")  # fmt: skip
        status = p.pilihan(r, "status", ("PNS", "PPPK"), {"cpns": "PNS", "p3k": "PPPK",
                                                          "pppk paruh waktu": "PPPK"})  # fmt: skip
        d: dict[str, Any] = {"nip": nip, "nama": nama}
        if status is not None:
            d["status"] = status
        gol = p.teks(r, "golongan")
        if gol is not None:
            gol = _golongan(gol)
            # Without a Status column the record's own status decides (checked once merged).
            pesan = (nip_mod.periksa_golongan(gol, status) if status is not None
                     else None if gol in GOLONGAN_PNS or gol in GOLONGAN_PPPK
                     else nip_mod.periksa_golongan(gol, "PNS"))  # fmt: skip
            if pesan is not None:
                p.salah(r, "golongan", pesan)
            d["golongan"] = gol
        jabatan = p.teks(r, "jabatan")
        if jabatan is not None:
            d["jabatan"] = jabatan
        jenis = p.pilihan(r, "jenis_jabatan", ("pimpinan", "fungsional", "pelaksana"), {
            "struktural": "pimpinan", "jabatan struktural": "pimpinan",
            "jabatan pimpinan tinggi": "pimpinan", "administrator": "pimpinan",
            "pengawas": "pimpinan", "fungsional tertentu": "fungsional",
            "jabatan fungsional": "fungsional", "jabatan fungsional tertentu": "fungsional",
            "fungsional umum": "pelaksana", "jabatan pelaksana": "pelaksana",
        })  # fmt: skip
        if jenis is not None:
            d["jenis_jabatan"] = jenis
        d["unit"] = unit
        atasan = p.nip(r, "atasan")
        if atasan is not None:
            d["atasan"] = atasan
        tmt = p.tanggal(r, "tmt_cpns")
        if tmt is not None:
            d["tmt_cpns"] = tmt
        aktif = p.pilihan(r, "aktif", ("ya", "tidak"), {
            "aktif": "ya", "true": "ya", "y": "ya", "1": "ya", "benar": "ya",
            "tidak aktif": "tidak", "false": "tidak", "t": "tidak", "0": "tidak",
            "salah": "tidak", "non aktif": "tidak", "nonaktif": "tidak"})  # fmt: skip
        if aktif is not None:
            d["aktif"] = aktif == "ya"
        if nip is not None and nama is not None and unit is not None:
            sel = {k: p.rujukan(r, k) for k in d if k in p.tabel.kolom}
            p.hasil.rekaman.append(Rekaman(d, p.rujukan(r), f"{nama}, NIP {nip}", sel))


def _periode_teks(v: Any) -> str | None:
    """A period cell: text as written; a date Excel made of "2025-10" becomes 2025-10."""
    if isinstance(v, datetime.datetime):
        v = v.date()
    if isinstance(v, datetime.date):
        return f"{v.year:04d}-{v.month:02d}"
    if v is None:
        return None
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return " ".join(str(v).split())


def _laporan(p: _Pembaca, periode_bawaan: str | None) -> None:
    kelompok: dict[tuple[str, str], list[int]] = {}
    for r in _baris_data(p.tabel):
        nip = p.nip(r, "nip")
        periode = _periode_teks(p.nilai(r, "periode")) or periode_bawaan
        if periode is None:
            p.salah(r, "periode", "periode kosong; isi kolom Periode (mis. 2026-01) atau "
                                  "beri --periode saat impor")  # fmt: skip
        elif (dibaca := Periode.urai(periode)) is None:
            tampil = periode if len(periode) <= 40 else periode[:37] + "..."
            p.salah(r, "periode", f'periode "{tampil}" tidak dikenal; tulis bulan (2026-01), '
                                  "triwulan (2026-T1) atau semester (2026-S1)")  # fmt: skip
            periode = None
        else:
            periode = dibaca.kode()  # one spelling: ２０２５-０１ is 2025-01
        if nip is None:
            if p.sel(r, "nip").nilai is None:
                p.salah(r, "nip", "NIP kosong; setiap baris laporan wajib punya NIP pegawai")
            continue
        if periode is not None:
            kelompok.setdefault((nip, periode), []).append(r)
    belum: list[str] = []
    for (nip, periode), baris in kelompok.items():
        nama = next((n for r in baris if (n := p.teks(r, "nama"))), "")
        siapa = f"{nama}, NIP {nip}" if nama else f"NIP {nip}"
        terisi = any(
            p.sel(r, k).nilai is not None
            for r in baris
            for k in ("realisasi", "tanggal_lapor", "tantangan", "rencana_perbaikan",
                      "umpan_balik", *BERAKHLAK)
        )  # fmt: skip
        if not terisi:
            belum.append(siapa)
            continue
        satu: dict[str, Any] = {}
        for k in _SATU_NILAI_LAPORAN:
            for r in baris:
                if p.sel(r, k).nilai is None:
                    continue
                if k == "tanggal_lapor":
                    v: Any = p.tanggal(r, k)
                elif k == "penilai":
                    v = p.nip(r, k)
                elif k == "umpan_balik":
                    v = p.teks(r, k)
                else:
                    v = _skor(p, r, k)
                if v is None:
                    break
                if k in satu and satu[k][0] != v:
                    p.salah(r, k, (f"{k} berbeda dengan baris {satu[k][1]} untuk pegawai yang "
                                   "sama; isi sekali, di baris pertama pegawai itu"))  # fmt: skip
                    break
                satu.setdefault(k, (v, r))
        pencapaian: list[dict[str, Any]] = []
        sel = {k: p.rujukan(r, k) for k, (_, r) in satu.items()}
        sel.update({f"penilaian.perilaku.{k}": v for k, v in sel.items() if k in BERAKHLAK})
        sel["penilaian.penilai"] = sel.get("penilai", p.rujukan(baris[0], "penilai"))
        sel["penilaian.umpan_balik"] = sel.get("umpan_balik", p.rujukan(baris[0], "umpan_balik"))
        for k in ("nip", "periode", "tantangan", "rencana_perbaikan"):
            sel[k] = p.rujukan(baris[0], k)
        for r in baris:
            ind = p.teks(r, "indikator")
            if ind is None:
                if p.sel(r, "target").nilai is not None or p.sel(r, "realisasi").nilai is not None:
                    p.salah(r, "indikator", "nama indikator kosong padahal target atau "
                                            "realisasi diisi")  # fmt: skip
                continue
            c: dict[str, Any] = {"indikator": ind}
            for k in ("target", "realisasi"):
                v = p.angka(r, k)
                if v is None and p.sel(r, k).nilai is None:
                    p.salah(r, k, (f"{k} kosong untuk indikator \"{ind}\"; isi angka (0 bila "
                                   "tidak tercapai) atau hapus baris indikator ini"))  # fmt: skip
                c[k] = v
            satuan = p.teks(r, "satuan")
            if satuan is not None:
                c["satuan"] = satuan
            bobot = p.angka(r, "bobot")
            if bobot is not None:
                c["bobot"] = bobot
            arah = p.pilihan(r, "arah", ("naik", "turun"))
            if arah is not None:
                c["arah"] = arah
            i = len(pencapaian)
            sel[f"pencapaian.{i}"] = p.rujukan(r, "indikator")
            sel.update(
                {
                    f"pencapaian.{i}.{k}": p.rujukan(r, k)
                    for k in ("indikator", "target", "realisasi", "satuan", "bobot", "arah")
                }
            )
            pencapaian.append({"indikator": c.pop("indikator"), "target": c.pop("target"),
                               "realisasi": c.pop("realisasi"), **c})  # fmt: skip
        r0 = baris[0]
        sel.setdefault("tanggal_lapor", p.rujukan(r0, "tanggal_lapor"))
        if not pencapaian:
            p.salah(r0, "indikator", f"laporan {siapa} tanpa indikator; isi minimal satu")
        d: dict[str, Any] = {"nip": nip, "periode": periode}
        if "tanggal_lapor" in satu:
            d["tanggal_lapor"] = satu["tanggal_lapor"][0]
        d["pencapaian"] = pencapaian
        for k in ("tantangan", "rencana_perbaikan"):
            butir = [x for r in baris for x in p.daftar(r, k)]
            if butir:
                d[k] = list(dict.fromkeys(butir))
        skor = {a: satu[a][0] for a in BERAKHLAK if a in satu}
        if skor or "umpan_balik" in satu:
            kurang = [a for a in BERAKHLAK if a not in skor]
            for a in kurang:
                if p.sel(r0, a).nilai is None:
                    p.salah(r0, a, (f"nilai {NAMA_BERAKHLAK[a]} kosong; isi ketujuh nilai "
                                    "BerAKHLAK (1-5), atau kosongkan semuanya bila belum "
                                    "dinilai"))  # fmt: skip
            if "penilai" not in satu and p.sel(r0, "penilai").nilai is None:
                p.salah(r0, "penilai", "penilai kosong padahal nilai BerAKHLAK diisi; isi NIP "
                                       "atasan yang menilai")  # fmt: skip
            pen: dict[str, Any] = {"penilai": satu["penilai"][0] if "penilai" in satu else None,
                                   "perilaku": skor}  # fmt: skip
            if "umpan_balik" in satu:
                pen["umpan_balik"] = satu["umpan_balik"][0]
            d["penilaian"] = pen
        p.hasil.rekaman.append(Rekaman(d, p.rujukan(r0), f"{siapa}, {periode}", sel))
    if belum:
        p.hasil.catatan.append(
            f"Lembar {p.tabel.lembar.nama}: {len(belum)} pegawai belum diisi, laporannya tidak "
            f"diimpor: {'; '.join(belum)}."
        )


def _skor(p: _Pembaca, r: int, k: str) -> int | None:
    v = p.angka(r, k)
    if v is None:
        return None
    if not (isinstance(v, int) and SKOR_MINIMAL <= v <= SKOR_MAKSIMAL):
        p.salah(r, k, f"nilai {NAMA_BERAKHLAK[k]} harus bilangan bulat {SKOR_MINIMAL} sampai "
                      f"{SKOR_MAKSIMAL}, bukan {v}")  # fmt: skip
        return None
    return v


def _pelatihan(p: _Pembaca) -> None:
    kegiatan: dict[tuple[str, datetime.date], Rekaman] = {}
    terakhir: dict[str, Rekaman] = {}
    for r in _baris_data(p.tabel):
        nama = p.teks(r, "nama")
        if nama is None:
            p.salah(r, "nama", "nama kegiatan kosong; narasumber berikutnya ditulis di baris "
                               "dengan nama kegiatan yang sama")  # fmt: skip
            continue
        tanggal = p.tanggal(r, "tanggal")
        if tanggal is None:
            rek = terakhir.get(nama)
            if rek is None:
                if p.sel(r, "tanggal").nilai is None:
                    p.salah(r, "tanggal", f'tanggal kegiatan "{nama}" kosong; isi tanggalnya')
                continue
        else:
            rek = kegiatan.get((nama, tanggal))
        if rek is None:
            assert tanggal is not None
            d: dict[str, Any] = {"nama": nama}
            for k, sah in (
                ("kompetensi", KOMPETENSI),
                (
                    "bentuk",
                    ("pelatihan", "workshop", "seminar", "sosialisasi", "mentoring", "lainnya"),
                ),
            ):
                v = p.pilihan(r, k, sah, {"sosial kultural": "sosial_kultural"})
                if v is None and p.sel(r, k).nilai is None:
                    p.salah(r, k, f'{k} kosong untuk kegiatan "{nama}"; pilih {", ".join(sah)}')
                d[k] = v
            d["tanggal"] = tanggal
            jp = p.angka(r, "jp")
            if jp is None and p.sel(r, "jp").nilai is None:
                p.salah(r, "jp", f'JP kosong untuk kegiatan "{nama}"; isi jam pelajarannya')
            d["jp"] = jp
            rek = Rekaman(
                d,
                p.rujukan(r),
                f"{nama}, {tanggal.isoformat()}",
                {k: p.rujukan(r, k) for k in d if k in p.tabel.kolom},
            )
            kegiatan[(nama, tanggal)] = rek
            p.hasil.rekaman.append(rek)
        terakhir[nama] = rek
        ns = p.teks(r, "narasumber")
        if ns is not None:
            sektor = p.pilihan(r, "sektor", ("pemerintah", "swasta", "akademisi", "masyarakat",
                                             "lainnya"))  # fmt: skip
            if sektor is None and p.sel(r, "sektor").nilai is None:
                p.salah(r, "sektor", f'sektor narasumber "{ns}" kosong; pilih pemerintah, '
                                     "swasta, akademisi, masyarakat atau lainnya")  # fmt: skip
            n: dict[str, Any] = {"nama": ns, "sektor": sektor}
            instansi = p.teks(r, "instansi")
            if instansi is not None:
                n["instansi"] = instansi
            p.tambah(rek, "narasumber", n, r, "narasumber", sektor="sektor")
        peserta = p.sel(r, "peserta").nilai
        if isinstance(peserta, (int, float)) and not isinstance(peserta, bool):
            p.nip(r, "peserta")  # one NIP stored as a number: refused with its cell
        elif peserta is not None:
            for x in re.split(r"[;,\s]+", str(p.teks_mentah(peserta))):
                if x.strip():
                    n_ = p.nip(r, "peserta", x.strip().lstrip("'"))
                    if n_ is not None and n_ not in rek.data.get("peserta", []):
                        p.tambah(rek, "peserta", n_, r, "peserta")


def _ganda(hasil: HasilBaca, jenis: Jenis) -> None:
    """The same record twice in the import: refused at the second row."""
    dilihat: dict[tuple[Any, ...], Rekaman] = {}
    for rek in hasil.rekaman:
        d = rek.data
        kunci = ((d["nip"],) if jenis == "pegawai" else (d["nip"], d["periode"])
                 if jenis == "laporan" else (d["nama"], d["tanggal"]))  # fmt: skip
        if kunci in dilihat:
            hasil.masalah.append(galat(Lokasi(rek.sumber), (
                f"{rek.nama} sudah ada di {dilihat[kunci].sumber}; satu "
                f"{'pegawai' if jenis == 'pegawai' else 'rekaman'} cukup satu kali")))  # fmt: skip
        else:
            dilihat[kunci] = rek
