"""Merging imported records into a workspace: what is new, what changes, which file each
goes to, proven against the same checks as `periksa` before anything is written.

A record is the same record when its key is: a pegawai's NIP, a report's NIP and period,
an event's name and date. Only the fields the import gives are compared and set; an
empty cell never removes a value, and nothing outside the import is removed. Written
files keep their style and comments (`sunting`); each replaced file is kept first in
`.cadangan/<waktu>/` with a note saying how to put it back.
"""

from __future__ import annotations

import datetime
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import msgspec

from asnkinerja.baca.impor import Jenis, Rekaman
from asnkinerja.inti import model
from asnkinerja.masalah import GALAT, Lokasi, Masalah, galat
from asnkinerja.sunting import BerkasYaml, TidakBisaDisunting, skalar
from asnkinerja.teks import slug

if TYPE_CHECKING:
    from asnkinerja.inti.ruang import RuangKerja

__all__ = ["TidakBisaDisunting", "periksa_gabungan", "rencanakan", "tulis"]

MODEL: dict[Jenis, type[Any]] = {
    "pegawai": model.Pegawai,
    "laporan": model.Laporan,
    "pelatihan": model.Pelatihan,
}
CADANGAN = ".cadangan"


@dataclass
class Perubahan:
    """One record added or changed, for the diff the officer reads."""

    jenis: Literal["tambah", "ubah"]
    berkas: str
    nama: str
    sumber: str
    rincian: list[str] = field(default_factory=list)


@dataclass
class Rencana:
    """What an import would do: changes per file, new file contents, problems."""

    perubahan: list[Perubahan] = field(default_factory=list)
    tetap: int = 0  # imported records already in the workspace as they are
    berkas: dict[str, BerkasYaml] = field(default_factory=dict)
    # (file, record index) -> the row it came from: problems found after merging
    # are named at their cell.
    sumber: dict[tuple[str, int], Rekaman] = field(default_factory=dict)
    masalah: list[Masalah] = field(default_factory=list)

    @property
    def isi_baru(self) -> dict[str, bytes]:
        return {n: b.bita() for n, b in self.berkas.items() if b.berubah}


def rencanakan(
    folder: Path, jenis: Jenis, rekaman: list[Rekaman], ruang: RuangKerja, sumber_berkas: str
) -> Rencana:
    """Plan the merge of `rekaman` into the workspace `ruang` (read and checked
    by `api.muat`; an empty folder is a workspace with nothing yet)."""
    r = Rencana()
    ada = _yang_ada(jenis, ruang)
    nama_nip = {str(e.data.nip): e.data.nama for e in ruang.pegawai}
    unit_nip = {str(e.data.nip): e.data.unit for e in ruang.pegawai}
    if jenis == "pegawai":
        nama_nip.update({str(x.data["nip"]): x.data["nama"] for x in rekaman})
        unit_nip.update({str(x.data["nip"]): x.data["unit"] for x in rekaman})

    def catatan(kunci: str, butir: Any) -> str | None:
        return nama_nip.get(str(butir)) if kunci in ("peserta",) else None

    def buka(nama: str) -> BerkasYaml:
        if nama not in r.berkas:
            jalur = folder / nama
            asli = jalur.read_bytes() if jalur.is_file() else None
            r.berkas[nama] = BerkasYaml(
                nama, asli, judul=f"Diimpor dari {sumber_berkas} oleh asnkinerja "
                f"pada {datetime.date.today().isoformat()}.", catatan=catatan)  # fmt: skip
        return r.berkas[nama]

    tujuan_baru = _penempat(jenis, ruang, folder, unit_nip)
    for rek in rekaman:
        kunci = _kunci(jenis, rek.data)
        letak = ada.get(kunci)
        if letak is None:
            if jenis == "laporan" and "tanggal_lapor" not in rek.data:
                r.masalah.append(galat(Lokasi(rek.rujukan(["tanggal_lapor"])), (
                    f"tanggal lapor kosong untuk {rek.nama}, laporan baru; isi tanggal laporan "
                    "diserahkan (mis. 05/02/2026)")))  # fmt: skip
                continue
            nama = tujuan_baru(rek.data)
            if not _nama_aman(nama):  # pragma: no cover - names are built from checked parts
                raise ValueError(f"nama berkas tidak aman: {nama}")
            try:
                b = buka(nama)
            except (TidakBisaDisunting, UnicodeDecodeError, OSError) as e:
                r.masalah.append(_tak_tersunting(nama, e))
                continue
            r.sumber[(nama, b.tambah(_tanpa_bawaan(rek.data)))] = rek
            r.perubahan.append(Perubahan("tambah", nama, rek.nama, rek.sumber,
                                         _ringkas_baru(jenis, rek.data)))  # fmt: skip
            continue
        nama, indeks = letak
        try:
            b = buka(nama)
        except (TidakBisaDisunting, UnicodeDecodeError, OSError) as e:
            r.masalah.append(_tak_tersunting(nama, e))
            continue
        lama = b.rekaman[indeks] if indeks < len(b.rekaman) else None
        if not isinstance(lama, dict):
            r.masalah.append(galat(Lokasi(nama, indeks), "rekaman ini tidak dapat dibaca; "
                                   "perbaiki dulu (asnkinerja periksa)"))  # fmt: skip
            continue
        ubah, rincian = _beda_rekaman(jenis, lama, rek.data)
        if ubah:
            b.ubah(indeks, ubah)
            r.sumber[(nama, indeks)] = rek
            r.perubahan.append(Perubahan("ubah", nama, rek.nama, rek.sumber, rincian))
        else:
            r.tetap += 1
    return r


# Values a list item need not write (the format's defaults): left out of new records, as a
# person writes them, and never added to an existing item that did not write them.
_BAWAAN_BUTIR = {"bobot": 1, "arah": "naik"}


def _tanpa_bawaan(d: dict[str, Any]) -> dict[str, Any]:
    if "pencapaian" not in d:
        return d
    isi = [{k: v for k, v in c.items() if _BAWAAN_BUTIR.get(k, object()) != v}
           for c in d["pencapaian"]]  # fmt: skip
    return {**d, "pencapaian": isi}


def _nama_aman(nama: str) -> bool:
    """A workspace-relative file name with no way out of the workspace."""
    bagian = nama.split("/")
    return bool(nama) and not nama.startswith("/") and all(b not in ("", ".", "..") for b in bagian)


def _tak_tersunting(nama: str, e: Exception) -> Masalah:
    return galat(Lokasi(nama), f"berkas ini tidak dapat disunting: {e}; perbaiki dulu "
                 "(asnkinerja periksa)")  # fmt: skip


def _kunci(jenis: Jenis, d: dict[str, Any]) -> tuple[Any, ...]:
    if jenis == "pegawai":
        return (str(d["nip"]),)
    if jenis == "laporan":
        return (str(d["nip"]), str(d["periode"]))
    tanggal = d["tanggal"]
    if isinstance(tanggal, str):
        tanggal = datetime.date.fromisoformat(tanggal)
    return (str(d["nama"]), tanggal)


def _yang_ada(jenis: Jenis, ruang: RuangKerja) -> dict[tuple[Any, ...], tuple[str, int]]:
    """Each existing record's key -> (file, record index)."""
    hasil: dict[tuple[Any, ...], tuple[str, int]] = {}
    if jenis == "pegawai":
        for p in ruang.pegawai:
            hasil.setdefault((str(p.data.nip),), (p.lokasi.berkas, p.lokasi.rekaman or 0))
    elif jenis == "laporan":
        for n in ruang.laporan:
            hasil.setdefault((n.nip, n.kode_periode), (n.berkas, n.indeks))
    else:
        for k in ruang.pelatihan or []:
            hasil.setdefault(
                (k.data.nama, k.data.tanggal), (k.lokasi.berkas, k.lokasi.rekaman or 0)
            )
    return hasil


def _penempat(
    jenis: Jenis, ruang: RuangKerja, folder: Path, unit_nip: dict[str, str]
) -> Callable[[dict[str, Any]], str]:
    """Which file a new record goes to: beside records like it, else the usual place."""
    if jenis == "pegawai":
        per_unit: Counter[tuple[str, str]] = Counter()
        berkas: list[str] = []
        for e in ruang.pegawai:
            per_unit[(e.lokasi.berkas, e.data.unit)] += 1
            berkas.append(e.lokasi.berkas)
        utama = "pegawai.yaml" if (folder / "pegawai.yaml").is_file() or not berkas else berkas[0]

        def pegawai(d: dict[str, Any]) -> str:
            cocok = [(n, b) for (b, u), n in per_unit.items() if u == d["unit"]]
            return max(cocok)[1] if cocok else utama

        return pegawai
    if jenis == "laporan":
        per: Counter[tuple[str, str, str]] = Counter()
        berfolder = False
        for n in ruang.laporan:
            per[(n.berkas, n.kode_periode, unit_nip.get(n.nip, ""))] += 1
            berfolder = berfolder or n.berkas.count("/") >= 2

        def laporan(d: dict[str, Any]) -> str:
            # The period was checked and spelt as a period code when read (2026-01, 2026-T1).
            p, u = str(d["periode"]), unit_nip.get(str(d["nip"]), "")
            # Files per period and unit: the unit's file of the period, else a new one for
            # it; files per period: the period's file (whichever units it holds).
            for sama_unit in (True,) if berfolder else (True, False):
                cocok = Counter(
                    {k[0]: n for k, n in per.items()
                     if k[1] == p and (k[2] == u or not sama_unit)}
                )  # fmt: skip
                if cocok:
                    return cocok.most_common(1)[0][0]
            if berfolder:
                return f"laporan/{p}/{slug(u) or 'impor'}.yaml"
            return f"laporan/{p}.yaml"

        return laporan
    per_tahun: Counter[tuple[str, int]] = Counter()
    for k in ruang.pelatihan or []:
        per_tahun[(k.lokasi.berkas, k.data.tanggal.year)] += 1
    semua = sorted({b for b, _ in per_tahun})

    def pelatihan(d: dict[str, Any]) -> str:
        cocok = Counter({b: n for (b, t), n in per_tahun.items() if t == d["tanggal"].year})
        if cocok:
            return cocok.most_common(1)[0][0]
        if (folder / "pelatihan").is_dir():
            return f"pelatihan/{d['tanggal'].year}.yaml"
        return semua[-1] if semua else "pelatihan.yaml"

    return pelatihan


def _setara(a: Any, b: Any) -> bool:
    """Equal in meaning: a NIP as number or text, 10 and 10.0, a date and its ISO text."""
    if isinstance(a, dict) and isinstance(b, dict):
        kunci = a.keys() | b.keys()
        return all(_setara(a.get(k), b.get(k)) for k in kunci)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_setara(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return Decimal(str(a)) == Decimal(str(b))
    if isinstance(a, (int, str)) and isinstance(b, (int, str)):
        return str(a) == str(b)
    return bool(a == b)


def _lengkap(jenis: Jenis, d: dict[str, Any]) -> dict[str, Any] | None:
    """A record with every default filled in, as the loader sees it (None if it is not
    a valid record: then only what is written is compared)."""
    try:
        hasil: dict[str, Any] = msgspec.to_builtins(msgspec.convert(d, MODEL[jenis], strict=False))
        return hasil
    except (msgspec.ValidationError, TypeError):
        return None


def _beda_rekaman(
    jenis: Jenis, lama: dict[str, Any], baru: dict[str, Any]
) -> tuple[dict[str, Any], list[str]]:
    """The keys to set on an existing record, and the diff lines to show."""
    calon: dict[str, Any] = {}
    for k, v in baru.items():
        if isinstance(v, dict) and isinstance(lama.get(k), dict):
            v = {**lama[k], **v}  # penilaian: the keys the import does not hold stay
        elif k in _IDENTITAS_BUTIR and isinstance(v, list) and isinstance(lama.get(k), list):
            v = _gabung_butir(lama[k], v, _IDENTITAS_BUTIR[k])
        calon[k] = v
    gabung = {**lama, **calon}
    a, b = _lengkap(jenis, lama), _lengkap(jenis, gabung)
    ubah: dict[str, Any] = {}
    rincian: list[str] = []
    for k, v in calon.items():
        x = a.get(k) if a is not None else lama.get(k)
        y = b.get(k) if b is not None else v
        if not _setara(x, y):
            ubah[k] = v
            rincian += _beda(k, lama.get(k), v)
    return ubah, rincian


# Lists whose items are records, and the key that says which item is which: an item in
# both keeps what the import does not give (a Satuan or Instansi column left out).
_IDENTITAS_BUTIR = {"pencapaian": "indikator", "narasumber": "nama"}


def _gabung_butir(lama: list[Any], baru: list[Any], identitas: str) -> list[Any]:
    per_nama = {str(x.get(identitas)): x for x in lama if isinstance(x, dict)}
    hasil = []
    for x in baru:
        dulu = per_nama.get(str(x.get(identitas)))
        if dulu is None:
            hasil.append(_tanpa_bawaan({"pencapaian": [x]})["pencapaian"][0]
                         if identitas == "indikator" else x)  # fmt: skip
            continue
        gabung = {**dulu, **x}
        for k, v in _BAWAAN_BUTIR.items():  # a default the old item did not write stays out
            if k not in dulu and gabung.get(k) == v:
                gabung.pop(k)
        hasil.append(gabung)
    return hasil


def _pendek(x: Any) -> str:
    if x is None:
        return "(kosong)"
    if isinstance(x, list):
        if all(not isinstance(i, (dict, list)) for i in x):
            teks = "; ".join(str(i) for i in x)
            return teks if len(teks) <= 60 else teks[:57] + "..."
        return f"{len(x)} butir"
    if isinstance(x, dict):
        return f"{len(x)} isian"
    if isinstance(x, (int, float, Decimal)) and not isinstance(x, bool):
        return skalar(x).replace(".", ",")  # as an officer writes a number: 7,5
    teks = skalar(x)
    return teks if len(teks) <= 60 else teks[:57] + '..."'


def _beda(jalur: str, lama: Any, baru: Any) -> list[str]:
    """Diff lines `jalur: lama → baru`, down to the changed value; lists of records are
    matched by their indikator or nama."""
    if isinstance(lama, dict) and isinstance(baru, dict):
        hasil: list[str] = []
        for k in baru:
            if not _setara(lama.get(k), baru[k]):
                hasil += _beda(f"{jalur}.{k}", lama.get(k), baru[k])
        return hasil
    if (isinstance(lama, list) and isinstance(baru, list) and lama and baru
            and all(isinstance(i, dict) for i in [*lama, *baru])):  # fmt: skip
        nama = "indikator" if "indikator" in baru[0] else "nama" if "nama" in baru[0] else None
        if nama is not None:
            lama_per = {str(i.get(nama)): i for i in lama}
            baru_per = {str(i.get(nama)): i for i in baru}
            hasil = []
            for n, i in baru_per.items():
                label = f"{jalur}[{n[:40]}]"
                hasil += _beda(label, lama_per[n], i) if n in lama_per else [f"{label}: baru"]
            hasil += [f"{jalur}[{n[:40]}]: dihapus" for n in lama_per if n not in baru_per]
            return hasil
    if (isinstance(lama, dict) and isinstance(baru, dict)) or _setara(lama, baru):
        return []
    return [f"{jalur}: {_pendek(lama)} → {_pendek(baru)}"]


def _ringkas_baru(jenis: Jenis, d: dict[str, Any]) -> list[str]:
    if jenis == "pegawai":
        return [f"unit {d['unit']}"]
    if jenis == "laporan":
        return [f"{len(d['pencapaian'])} indikator"]
    return [f"{len(d.get('peserta', []))} peserta, {d.get('jp')} JP"]


# ---------------------------------------------------------------- proving and writing
def periksa_gabungan(
    folder: Path, isi_baru: dict[str, bytes], sumber: dict[tuple[str, int], Rekaman],
    hari_ini: datetime.date,
) -> tuple[list[Masalah], int]:  # fmt: skip
    """The merged workspace checked as `periksa` would, in a temporary copy: its errors
    (those in imported records named at their cell) and how many warnings it has."""
    from asnkinerja import api
    from asnkinerja.baca.temukan import temukan

    with tempfile.TemporaryDirectory(prefix="asnkinerja-impor-") as tmp:
        salinan = Path(tmp)
        tata: list[Masalah] = []
        if folder.is_dir():
            daftar, tata = temukan(folder)  # a broken link or unreadable folder stays an error
            for b in daftar:
                tujuan = salinan / b.nama
                tujuan.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(b.jalur, tujuan)
        for nama, data in isi_baru.items():
            tujuan = salinan / nama
            if not _nama_aman(nama):  # pragma: no cover - names are built from checked parts
                raise ValueError(f"nama berkas tidak aman: {nama}")
            tujuan.parent.mkdir(parents=True, exist_ok=True)
            tujuan.unlink(missing_ok=True)  # a copied link: replace it, never write through
            tujuan.write_bytes(data)
        t = api.muat(salinan, hari_ini)
        galat_: list[Masalah] = []
        lain: list[Masalah] = []
        for m in t.masalah:
            if m.tingkat != GALAT:
                continue
            asal = sumber.get((m.lokasi.berkas, m.lokasi.rekaman or 0))
            if asal is not None and m.lokasi.rekaman is not None:
                sel = asal.rujukan(m.lokasi.jalur)
                galat_.append(galat(Lokasi(sel), f"{m.pesan} (akan ditulis ke {m.lokasi.berkas})"))
            else:
                lain.append(m)
        if lain:
            from asnkinerja.baca import muat as baca

            galat_ += baca.lengkapi(t.muatan, lain)
        # What the copy could not carry (a broken or outside link, an unreadable folder) is
        # still the workspace's error; what the import itself creates is not.
        sudah = {(m.lokasi.berkas, m.pesan) for m in galat_}
        # Only a file the import writes itself settles a layout error about it (a missing
        # pegawai.yaml); a link or folder error stays, even if a file goes below it.
        galat_ += [m for m in tata if m.tingkat == GALAT
                   and not (m.lokasi.berkas in isi_baru
                            and not (folder / m.lokasi.berkas).is_symlink())
                   and (m.lokasi.berkas, m.pesan) not in sudah]  # fmt: skip
        n_peringatan = sum(1 for m in t.masalah if m.tingkat != GALAT)
    return galat_, n_peringatan


def tulis(folder: Path, isi_baru: dict[str, bytes], keterangan: str) -> Path | None:
    """Write the changed files, each atomically, the replaced ones kept first in
    `.cadangan/<waktu>/` (returned; None when every file is new)."""
    from asnkinerja.atomik import tulis_atomik

    waktu = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    cadangan = folder / CADANGAN / waktu
    i = 2
    while cadangan.exists():
        cadangan = folder / CADANGAN / f"{waktu}-{i}"
        i += 1
    from asnkinerja.errors import GagalMenulis

    # Every target inside the workspace, links resolved, before anything is written: a
    # linked folder or file may lead out of it (temukan names it; this is the last guard).
    akar = folder.resolve()
    for n in isi_baru:
        if not _nama_aman(n) or not (folder / n).resolve().is_relative_to(akar):
            raise GagalMenulis(
                f"{n} akan tertulis di luar ruang kerja ({(folder / n).resolve()}) lewat sebuah "
                "tautan (symlink); tidak ada yang ditulis. Hapus tautannya (asnkinerja periksa)"
            )
    lama = [n for n in isi_baru if (folder / n).is_file()]
    baru = [n for n in isi_baru if n not in lama]
    ditulis: list[str] = []
    try:
        for n in lama:
            tulis_atomik(cadangan / n, (folder / n).read_bytes())
        if lama:
            catatan = [
                f"Isi berkas sebelum: {keterangan}",
                f"Waktu: {datetime.datetime.now().strftime('%d-%m-%Y %H:%M')}",
                "",
                "Untuk mengembalikan, salin berkas di folder ini ke tempat yang sama di ruang "
                "kerja:",
                *(f"  {n}" for n in lama),
            ]
            if baru:
                catatan += ["", "Berkas baru yang dibuat (hapus untuk mengembalikan):",
                            *(f"  {n}" for n in baru)]  # fmt: skip
            tulis_atomik(cadangan / "BACA.txt", ("\n".join(catatan) + "\n").encode("utf-8"))
        for n, data in isi_baru.items():
            tujuan = folder / n
            if tujuan.is_symlink():  # a link inside the workspace (temukan checked it)
                tujuan = tujuan.resolve()
            tulis_atomik(tujuan, data)
            ditulis.append(n)
    except OSError as e:
        sudah = ", ".join(ditulis) or "belum ada"
        simpan = (f"Isi lamanya ada di {cadangan}. " if ditulis and cadangan.exists()
                  else "")  # fmt: skip
        raise GagalMenulis(
            f"gagal menulis ({e.strerror or e}: {e.filename or ''}); berkas yang sudah ditulis: "
            f"{sudah}. {simpan}Tidak ada berkas yang setengah tertulis"
        ) from e
    return cadangan if lama else None
