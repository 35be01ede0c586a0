"""One input file, read: its bytes decoded, parsed and typed into records.

Two pure stages per file: `olah` (the file's bytes -> typed records, `IsiBerkas`) and,
for a report file, `nilai` (typed reports and the two policy values scoring uses ->
scored reports, `NilaiBerkas`, by `inti.laporan`); the cache keeps the last stage's
result (`muat`). Neither raises for anything inside the file: what cannot be typed comes
back as problems. `olah_berkas` runs both in a worker process.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import msgspec

from asnkinerja.baca import cache, skema, yamlio
from asnkinerja.baca.batas import BATAS_BARIS, BATAS_REKAMAN, BATAS_UKURAN
from asnkinerja.baca.temukan import JenisBerkas
from asnkinerja.inti import model
from asnkinerja.inti.laporan import AturanNilai, NilaiLaporan, nilai_berkas
from asnkinerja.inti.nip import normalkan
from asnkinerja.masalah import Lokasi, Masalah, galat, peringatan
from asnkinerja.teks import KENDALI, ribuan, tampak

JENIS_STRUCT: dict[JenisBerkas, type[msgspec.Struct]] = {
    "kebijakan": model.Kebijakan,
    "pegawai": model.Pegawai,
    "laporan": model.Laporan,
    "pelatihan": model.Pelatihan,
    "penetapan": model.Penetapan,
}


class IsiBerkas(msgspec.Struct, array_like=True, omit_defaults=True):
    """What one input file holds, typed: the unit of parallel work and of the cache.

    Records that could not be typed at all are left out (their problems say why);
    the others keep their number in the file, which is how lines are found later.
    """

    masalah: list[Masalah] = []
    terbaca: bool = True
    nip_cacat: list[str] = []
    jumlah_rekaman: int | None = None
    kebijakan: list[tuple[int, model.Kebijakan]] = []
    pegawai: list[tuple[int, model.Pegawai]] = []
    pelatihan: list[tuple[int, model.Pelatihan]] = []
    laporan: list[tuple[int, model.Laporan]] = []
    penetapan: list[tuple[int, model.Penetapan]] = []


class NilaiBerkas(msgspec.Struct, array_like=True, omit_defaults=True):
    """A report file as the evaluation uses it: its problems and its reports, scored."""

    masalah: list[Masalah] = []
    terbaca: bool = True
    jumlah_rekaman: int | None = None
    laporan: list[NilaiLaporan] = []


KODE = msgspec.msgpack.Encoder()
BACA = msgspec.msgpack.Decoder(IsiBerkas)
BACA_NILAI = msgspec.msgpack.Decoder(NilaiBerkas)


def _mb(n: int) -> str:
    return f"{n / 1024 / 1024:.1f}".replace(".", ",") + " MB"


def baca(jalur: Path, nama: str) -> tuple[bytes | None, os.stat_result | None, IsiBerkas | None]:
    """A file's bytes and their size and time, or the problem of a file that cannot be read
    or is larger than `BATAS_UKURAN` (never read whole)."""
    try:
        with jalur.open("rb") as f:
            st = os.fstat(f.fileno())
            data = f.read(BATAS_UKURAN + 1)
            if len(data) > BATAS_UKURAN:
                besar = max(st.st_size, len(data))
                isi = IsiBerkas([galat(Lokasi(nama), (
                    f"berkas terlalu besar ({_mb(besar)}; paling besar {_mb(BATAS_UKURAN)} per "
                    "berkas) dan tidak dibaca; bagi isinya ke beberapa berkas, mis. satu berkas "
                    "per unit atau per bulan"))], terbaca=False)  # fmt: skip
                return None, None, isi
            return data, st, None
    except OSError as e:
        isi = IsiBerkas([galat(Lokasi(nama), f"berkas tidak dapat dibaca: {e.strerror}")])
        isi.terbaca = False
        return None, None, isi


def olah_berkas(
    jalur: Path, nama: str, jenis: JenisBerkas, aturan: AturanNilai, folder_cache: Path | None
) -> tuple[bytes, cache.Kunci | None]:
    """Read and type one file in a worker process, and score it if it holds reports; keep
    the result in the cache at `folder_cache` (None: no cache). Returns it encoded
    (`NilaiBerkas` for a report file, else `IsiBerkas`) with the cache key of the exact
    bytes read (None if the file could not be read)."""
    data, st, gagal = baca(jalur, nama)
    if data is None or st is None:
        assert gagal is not None
        if jenis == "laporan":  # what the loader decodes a report file's result as
            return KODE.encode(NilaiBerkas(gagal.masalah, terbaca=False)), None
        return KODE.encode(gagal), None
    isi = olah(data, nama, jenis)
    k = cache.kunci(nama, data, st.st_size, st.st_mtime_ns)
    if jenis == "laporan":
        kode, k_simpan = (
            sandikan(nilai(isi, nama, aturan), nama),
            cache.kunci_nilai(k, aturan.parameter()),
        )
    else:
        kode, k_simpan = sandikan(isi, nama), k
    if folder_cache is not None:
        cache.Cache.pada(folder_cache).simpan(k_simpan, kode)
    return kode, k


def nilai(isi: IsiBerkas, nama: str, aturan: AturanNilai) -> NilaiBerkas:
    """A report file's typed content, its reports scored (`inti.laporan.nilai_berkas`)."""
    laporan = nilai_berkas(nama, isi.laporan, aturan)
    return NilaiBerkas(isi.masalah, isi.terbaca, isi.jumlah_rekaman, laporan)


def sandikan(isi: IsiBerkas | NilaiBerkas, nama: str) -> bytes:
    try:
        return KODE.encode(isi)
    except (msgspec.EncodeError, OverflowError, UnicodeEncodeError) as e:  # pragma: no cover
        # Every value is typed and bounded by the schema; this is a safety net only.
        pesan = f"isi berkas tidak dapat diproses ({e}); periksa angka yang sangat panjang"
        return KODE.encode(IsiBerkas([galat(Lokasi(nama), pesan)], terbaca=False))


def olah(data: bytes, nama: str, jenis: JenisBerkas) -> IsiBerkas:
    """Decode, parse and type one file's bytes."""
    butir = data.count(b"\n") + data.count(b",")
    if butir > BATAS_BARIS:
        return IsiBerkas([galat(Lokasi(nama), (
            f"berkas berisi {ribuan(butir)} baris dan butir (paling banyak "
            f"{ribuan(BATAS_BARIS)} per berkas) dan tidak dibaca; bagi isinya ke beberapa "
            "berkas, mis. satu berkas per unit atau per bulan"))], terbaca=False)  # fmt: skip
    teks, masalah = yamlio.dekode(data, nama)
    if teks is None:
        return IsiBerkas(masalah, terbaca=False)
    rekaman, masalah = yamlio.urai(teks, nama)
    if rekaman is None:
        return IsiBerkas(masalah, terbaca=False)
    if len(rekaman) > BATAS_REKAMAN:
        return IsiBerkas([galat(Lokasi(nama), (
            f"berkas berisi {ribuan(len(rekaman))} rekaman (paling banyak "
            f"{ribuan(BATAS_REKAMAN)} per berkas); bagi isinya ke beberapa berkas, mis. satu "
            "berkas per unit"))], terbaca=False)  # fmt: skip
    if b"\x00" in data.translate(_MUNGKIN_KENDALI):  # rare: only then is each string looked at
        masalah = [*masalah, *_kendali(rekaman, nama)]
    if jenis == "kebijakan":
        isi_kebijakan = _ketik_kebijakan(nama, rekaman)
        isi_kebijakan.masalah = [*masalah, *isi_kebijakan.masalah]
        return isi_kebijakan
    if not rekaman:
        masalah.append(peringatan(Lokasi(nama), f"berkas kosong: tidak berisi data {jenis}"))
    struktur = JENIS_STRUCT[jenis]
    try:  # a clean file (nearly all of them) is typed in one call
        semua = msgspec.convert(rekaman, list[struktur])  # type: ignore[valid-type]
    except msgspec.ValidationError:
        semua = None
    if semua is not None:
        # A report's NIPs and period are read as text when it is scored (`inti.laporan`).
        hasil = list(enumerate(semua if jenis == "laporan" else map(_normalkan, semua)))
        return _isi(jenis, hasil, IsiBerkas(masalah, jumlah_rekaman=len(rekaman)))
    hasil = []
    cacat: set[str] = set()
    for i, nilai in enumerate(rekaman):
        lokasi = Lokasi(nama, i)
        if not isinstance(nilai, dict):
            masalah.append(
                galat(
                    lokasi,
                    f"setiap butir {jenis} harus berupa pemetaan (baris-baris "
                    f"'kunci: nilai'), bukan {skema.tampil(nilai)}",
                )
            )
            continue
        obj, m = skema.ubah(nilai, struktur, lokasi)
        masalah.extend(m)
        if obj is not None:
            hasil.append((i, _normalkan(obj)))
        elif isinstance(nilai.get("nip"), (str, int)) and not isinstance(nilai["nip"], bool):
            cacat.add(normalkan(nilai["nip"]))
        elif isinstance(nilai.get("nip"), float) and 1e17 <= nilai["nip"] < 1e18:
            # Excel's 1.98609262010052E+17: the last digits are lost, but other files
            # that name this person should not all be reported as strangers.
            cacat.add(f"~{nilai['nip']!r}")
    isi = IsiBerkas(masalah, nip_cacat=sorted(cacat), jumlah_rekaman=len(rekaman))
    return _isi(jenis, hasil, isi)


# The bytes that may make a control character in a string: a raw C0 control (not tab or a
# line break), DEL, a backslash (a YAML escape such as "\e" or "\x1b") or 0xC2 (the lead
# byte of a C1 control in UTF-8) map to 0, every other byte to 1. One `translate` over a
# file costs ~1 ms per MB; a regex search cost ten times that on the W1 workspace.
_MUNGKIN_KENDALI = bytes(
    0 if (c < 0x20 and c not in (0x09, 0x0A, 0x0D)) or c in (0x7F, 0x5C, 0xC2) else 1
    for c in range(256)
)


def _kendali(rekaman: list[Any], nama: str) -> list[Masalah]:
    """Every text value holding a control character (other than tab and newline): it would
    hide or spoof what the tool prints, and never belongs in a name or a report."""
    hasil: list[Masalah] = []

    def lihat(x: Any, lokasi: Lokasi) -> None:
        if isinstance(x, str):
            m = KENDALI.search(x)
            if m:
                hasil.append(peringatan(lokasi, (
                    f"teks ini berisi karakter kendali tak terlihat ({tampak(m.group())}, kode "
                    f"{ord(m.group()):#04x}) yang dapat mengacaukan tampilan; di layar dan "
                    "laporan ia ditampilkan sebagai tanda, tidak dijalankan. Hapus karakter itu "
                    "(ketik ulang teksnya)")))  # fmt: skip
        elif isinstance(x, dict):
            for k, v in x.items():
                if isinstance(k, str) and KENDALI.search(k):
                    lihat(k, lokasi.kunci(k))
                lihat(v, lokasi.turun(k) if isinstance(k, (str, int)) else lokasi)
        elif isinstance(x, list):
            for i, v in enumerate(x):
                lihat(v, lokasi.turun(i))

    for i, r in enumerate(rekaman):
        lihat(r, Lokasi(nama, i))
    return hasil


def _isi(jenis: JenisBerkas, hasil: list[tuple[int, Any]], isi: IsiBerkas) -> IsiBerkas:
    if jenis == "pegawai":
        isi.pegawai = hasil
    elif jenis == "pelatihan":
        isi.pelatihan = hasil
    elif jenis == "penetapan":
        isi.penetapan = hasil
    else:
        isi.laporan = hasil
    return isi


def _ketik_kebijakan(nama: str, rekaman: list[Any]) -> IsiBerkas:
    lokasi = Lokasi(nama, 0)
    if not rekaman:
        return IsiBerkas(kebijakan=[(0, model.bawaan())], jumlah_rekaman=0)
    if len(rekaman) > 1 or not isinstance(rekaman[0], dict):
        pesan = (
            "kebijakan.yaml harus berisi satu pemetaan (baris-baris 'kunci: nilai'), "
            "bukan daftar atau beberapa dokumen"
        )
        return IsiBerkas([galat(lokasi, pesan)], jumlah_rekaman=len(rekaman))
    obj, masalah = skema.ubah(rekaman[0], model.Kebijakan, lokasi)
    return IsiBerkas(
        masalah, kebijakan=[(0, _normalkan(obj))] if obj is not None else [], jumlah_rekaman=1
    )


def _normalkan(obj: Any) -> Any:
    """NIPs written as bare numbers become text, so one NIP has one spelling; a period is
    written without the spaces around it."""
    if isinstance(obj, model.Pegawai):
        obj.nip = normalkan(obj.nip)
        if obj.atasan is not None:
            obj.atasan = normalkan(obj.atasan)
    elif isinstance(obj, model.Laporan):
        obj.nip = normalkan(obj.nip)
        obj.periode = obj.periode.strip()
        if obj.penilaian is not None:
            obj.penilaian.penilai = normalkan(obj.penilaian.penilai)
    elif isinstance(obj, model.Pelatihan):
        obj.peserta = [normalkan(n) for n in obj.peserta]
    elif isinstance(obj, model.Penetapan):
        obj.nip = normalkan(obj.nip)
        obj.penilai = normalkan(obj.penilai)
        obj.periode = obj.periode.strip()
    elif isinstance(obj, model.Kebijakan):
        for t in (obj.penandatangan, obj.dibuat_oleh, obj.penghargaan.keputusan.penandatangan):
            if t is not None and t.nip is not None:
                t.nip = normalkan(t.nip)
        for pj in obj.pejabat:
            pj.nip = normalkan(pj.nip)
    return obj
