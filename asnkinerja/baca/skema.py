"""Turning raw YAML values into typed records, listing every problem.

The fast path is one `msgspec.convert` per record. Only a record that fails it
is walked here, field by field, against the same struct definitions (through
`msgspec.inspect`), so that the user sees every problem of the record at once,
each in Bahasa Indonesia with its exact place and what to do.
"""

from __future__ import annotations

import datetime
import math
from typing import Any, TypeVar, cast

import msgspec
from msgspec import inspect as mi

from asnkinerja.inti.regulasi import SKOR_MAKSIMAL, SKOR_MINIMAL
from asnkinerja.masalah import Lokasi, Masalah, galat, maksudnya, mirip
from asnkinerja.teks import ribuan

T = TypeVar("T")


_INFO: dict[type[Any], mi.Type] = {}


def info_jenis(jenis: type[Any]) -> mi.Type:
    """msgspec's description of a record type, which `periksa_nilai` walks (made once)."""
    if jenis not in _INFO:
        _INFO[jenis] = mi.type_info(jenis)
    return _INFO[jenis]


def ubah(nilai: Any, jenis: type[T], lokasi: Lokasi) -> tuple[T | None, list[Masalah]]:
    """One record to its struct, or None and every problem found in it."""
    try:
        return msgspec.convert(nilai, jenis), []
    except msgspec.ValidationError as e:
        info = info_jenis(cast("type[Any]", jenis))
        rapi = rapikan(nilai, info)
        try:
            return msgspec.convert(rapi, jenis), []
        except msgspec.ValidationError:
            pass
        masalah: list[Masalah] = []
        periksa_nilai(rapi, info, lokasi, None, masalah)
        if not masalah:  # the walker must never be more lenient than msgspec
            masalah.append(galat(lokasi, f"isi tidak sah: {e}"))
        return _pangkas(rapi, jenis, lokasi, masalah), masalah


# Keys whose loss would change what other checks say about the record (a PPPK read as
# a PNS, a report read as unrated): a record with a problem there is not checked further.
_TAK_DIPANGKAS = frozenset(
    {"nip", "nama", "unit", "status", "periode", "penilaian", "tantangan", "rencana_perbaikan"}
)


def _pangkas(nilai: Any, jenis: type[T], lokasi: Lokasi, masalah: list[Masalah]) -> T | None:
    """The record without its faulty parts, so the checks across records still see it.

    Only optional keys and single list items are removed; the record's problems are
    already reported, so the evaluation refuses the workspace anyway.
    """
    if not isinstance(nilai, dict):
        return None
    buang_kunci: set[str] = set()
    buang_butir: dict[str, set[int]] = {}
    for m in masalah:
        jalur = m.lokasi.jalur[len(lokasi.jalur) :]
        if not jalur or not isinstance(jalur[0], str) or jalur[0] in _TAK_DIPANGKAS:
            return None
        if len(jalur) >= 2 and isinstance(jalur[1], int) and isinstance(nilai.get(jalur[0]), list):
            buang_butir.setdefault(jalur[0], set()).add(jalur[1])
        else:
            buang_kunci.add(jalur[0])
    sisa = {
        k: ([x for i, x in enumerate(v) if i not in buang_butir[k]] if k in buang_butir else v)
        for k, v in nilai.items()
        if k not in buang_kunci
    }
    try:
        return msgspec.convert(sisa, jenis)
    except msgspec.ValidationError:
        return None


def _boleh_kosong(t: mi.Type) -> bool:
    return isinstance(t, mi.NoneType) or (
        isinstance(t, mi.UnionType) and any(isinstance(x, mi.NoneType) for x in t.types)
    )


def rapikan(nilai: Any, t: mi.Type) -> Any:
    """What an officer means, on the slow path only: a blank optional key is its default,
    a single text where a list of texts belongs is a one-item list."""
    if isinstance(t, mi.UnionType):
        for x in t.types:
            if isinstance(x, (mi.StructType, mi.ListType, mi.DictType)):
                return rapikan(nilai, x)
        return nilai
    if isinstance(t, mi.StructType) and isinstance(nilai, dict):
        medan = {f.encode_name: f for f in t.fields}
        hasil = {}
        for k, v in nilai.items():
            f = medan.get(k) if isinstance(k, str) else None
            if f is None:
                hasil[k] = v
            elif v is None and not _boleh_kosong(f.type) and not f.required:
                continue  # blank: the documented default
            else:
                hasil[k] = rapikan(v, f.type)
        return hasil
    if isinstance(t, mi.ListType):
        if isinstance(nilai, str) and isinstance(t.item_type, mi.StrType):
            return [nilai] if nilai.strip() else []
        if isinstance(nilai, list):
            return [rapikan(v, t.item_type) for v in nilai]
    if isinstance(t, mi.DictType) and isinstance(nilai, dict):
        kosong = isinstance(t.value_type, mi.StructType)  # `Distrik Uji:` blank = defaults
        return {
            k: ({} if v is None and kosong else rapikan(v, t.value_type)) for k, v in nilai.items()
        }
    return nilai


def tampil(nilai: Any) -> str:
    """A value as the user wrote it, short, for a message."""
    if nilai is None:
        return "kosong"
    if isinstance(nilai, bool):
        return "true" if nilai else "false"
    if isinstance(nilai, str):
        teks = nilai if len(nilai) <= 40 else nilai[:37] + "..."
        return f'"{teks}"'
    if isinstance(nilai, dict):
        return "sebuah pemetaan (kunci: nilai)"
    if isinstance(nilai, list):
        return "sebuah daftar"
    if isinstance(nilai, datetime.datetime):
        return f"{nilai.isoformat(sep=' ')} (tanggal dengan jam)"
    if isinstance(nilai, (int, float)) and abs(nilai) >= 10**15:
        return _sangat_besar(nilai)
    if isinstance(nilai, float) and nilai.is_integer():
        return str(int(nilai))
    return str(nilai)


def _sangat_besar(x: float) -> str:
    """A huge number readably: "sekitar 1,0 x 10^30" (never a 300-digit echo)."""
    if isinstance(x, float) and not math.isfinite(x):
        return "tak terhingga"
    if isinstance(x, int):  # exact however long: the leading digits and their count
        digit = str(abs(x))
        m, e = (
            f"{'-' if x < 0 else ''}{digit[0]}.{digit[1] if len(digit) > 1 else 0}",
            len(digit) - 1,
        )
    else:
        m, e_teks = f"{x:.1e}".split("e")
        e = int(e_teks)
    return f"sekitar {m.replace('.', ',')} x 10^{e}"


def jenis_teks(t: mi.Type) -> str:
    """What a value of type `t` looks like, in words."""
    if isinstance(t, mi.UnionType):
        bagian = [jenis_teks(x) for x in t.types if not isinstance(x, mi.NoneType)]
        if any(isinstance(x, mi.StrType) for x in t.types) and any(
            isinstance(x, mi.IntType) for x in t.types
        ):
            return "NIP 18 angka"
        return " atau ".join(dict.fromkeys(bagian))
    if isinstance(t, mi.IntType):
        return "bilangan bulat"
    if isinstance(t, mi.FloatType):
        return "angka"
    if isinstance(t, mi.StrType):
        return "teks"
    if isinstance(t, mi.BoolType):
        return "true atau false"
    if isinstance(t, mi.DateType):
        return "tanggal TTTT-BB-HH (mis. 2026-11-05)"
    if isinstance(t, mi.LiteralType):
        return "salah satu dari: " + ", ".join(str(v) for v in t.values)
    if isinstance(t, mi.ListType):
        return "daftar (tiap butir diawali '- ')"
    if isinstance(t, (mi.StructType, mi.DictType)):
        return "pemetaan (kunci: nilai)"
    return "nilai yang sah"


def _nama(nama: str | None) -> str:
    return nama if nama is not None else "nilai"


def periksa_nilai(
    nilai: Any, t: mi.Type, lokasi: Lokasi, nama: str | None, keluar: list[Masalah]
) -> None:
    """Append to `keluar` every problem of `nilai` against type `t`."""
    if nilai is None and not _boleh_kosong(t):
        keluar.append(galat(lokasi, f"{_nama(nama)} kosong; isi dengan {jenis_teks(t)}"))
        return
    if isinstance(t, mi.UnionType):
        _periksa_union(nilai, t, lokasi, nama, keluar)
    elif isinstance(t, mi.StructType):
        _periksa_struct(nilai, t, lokasi, nama, keluar)
    elif isinstance(t, mi.DictType):
        _periksa_dict(nilai, t, lokasi, nama, keluar)
    elif isinstance(t, mi.ListType):
        _periksa_list(nilai, t, lokasi, nama, keluar)
    else:
        pesan = _periksa_skalar(nilai, t, nama)
        if pesan is not None:
            keluar.append(galat(lokasi, pesan))


def _periksa_union(
    nilai: Any, t: mi.UnionType, lokasi: Lokasi, nama: str | None, keluar: list[Masalah]
) -> None:
    if nilai is None and any(isinstance(x, mi.NoneType) for x in t.types):
        return
    pilihan = [x for x in t.types if not isinstance(x, mi.NoneType)]
    if len(pilihan) == 1:
        periksa_nilai(nilai, pilihan[0], lokasi, nama, keluar)
        return
    # str | int: a NIP. Anything but text or a whole number is wrong.
    if isinstance(nilai, str) or (isinstance(nilai, int) and not isinstance(nilai, bool)):
        return
    if isinstance(nilai, float):
        keluar.append(
            galat(
                lokasi,
                f"{_nama(nama)} tertulis sebagai angka desimal/berpangkat ({nilai!r}), biasanya "
                "karena disalin dari Excel: angka terakhirnya sudah hilang; tulis NIP lengkap "
                'di antara tanda kutip, mis. "198609262010052004"',
            )
        )
        return
    keluar.append(
        galat(lokasi, f"{_nama(nama)} harus berupa {jenis_teks(t)}, bukan {tampil(nilai)}")
    )


def _periksa_struct(
    nilai: Any, t: mi.StructType, lokasi: Lokasi, nama: str | None, keluar: list[Masalah]
) -> None:
    if not isinstance(nilai, dict):
        keluar.append(
            galat(
                lokasi,
                f"{_nama(nama)} harus berupa pemetaan (baris-baris 'kunci: nilai'), "
                f"bukan {tampil(nilai)}",
            )
        )
        return
    medan = {f.encode_name: f for f in t.fields}
    disarankan: set[str] = set()
    for kunci, isi in nilai.items():
        if not isinstance(kunci, str):
            keluar.append(galat(lokasi, f"kunci {tampil(kunci)} harus berupa teks"))
            continue
        f = medan.get(kunci)
        if f is None:
            pesan, saran = _pesan_kunci_asing(kunci, list(medan), set(nilai))
            keluar.append(galat(lokasi.kunci(kunci), pesan))
            if saran is not None:
                disarankan.add(saran)
            continue
        periksa_nilai(isi, f.type, lokasi.turun(kunci), kunci, keluar)
    # A misspelt key already says which key it meant; "missing" would say it twice.
    hilang = [
        f
        for f in t.fields
        if f.required and f.encode_name not in nilai and f.encode_name not in disarankan
    ]
    if not hilang:
        return
    if t.cls.__name__ == "Perilaku":
        daftar = ", ".join(f.encode_name for f in hilang)
        keluar.append(
            galat(
                lokasi,
                f"aspek BerAKHLAK belum dinilai: {daftar}; beri tiap aspek nilai bulat "
                f"{SKOR_MINIMAL} sampai {SKOR_MAKSIMAL}",
            )
        )
        return
    for f in hilang:
        keluar.append(
            galat(
                lokasi,
                f'kunci wajib "{f.encode_name}" tidak ada; tambahkan '
                f'"{f.encode_name}: ..." berisi {jenis_teks(f.type)}',
            )
        )


def _pesan_kunci_asing(kunci: str, dikenal: list[str], dipakai: set[Any]) -> tuple[str, str | None]:
    """The message for an unknown key, and the key it most likely meant.

    A known key not yet written is the likelier meaning, so it is tried first.
    """
    belum = [k for k in dikenal if k not in dipakai]
    saran = (
        mirip(kunci, belum)
        or mirip(kunci, dikenal)
        or [k for k in belum if kunci.startswith(k) or k.startswith(kunci)][:1]
    )
    if saran:
        return f'kunci "{kunci}" tidak dikenal{maksudnya(saran)}', saran[0]
    return f'kunci "{kunci}" tidak dikenal; kunci yang boleh: {", ".join(dikenal)}', None


def _periksa_dict(
    nilai: Any, t: mi.DictType, lokasi: Lokasi, nama: str | None, keluar: list[Masalah]
) -> None:
    if not isinstance(nilai, dict):
        keluar.append(galat(lokasi, f"{_nama(nama)} harus berupa pemetaan, bukan {tampil(nilai)}"))
        return
    for kunci, isi in nilai.items():
        pesan = _periksa_skalar(kunci, t.key_type, f"kunci di {_nama(nama)}")
        if pesan is not None:
            keluar.append(galat(lokasi.kunci(str(kunci)), pesan))
            continue
        periksa_nilai(isi, t.value_type, lokasi.turun(str(kunci)), str(kunci), keluar)


def _periksa_list(
    nilai: Any, t: mi.ListType, lokasi: Lokasi, nama: str | None, keluar: list[Masalah]
) -> None:
    if not isinstance(nilai, list):
        keluar.append(
            galat(
                lokasi,
                f"{_nama(nama)} harus berupa daftar (tiap butir di baris sendiri diawali "
                f"'- '), bukan {tampil(nilai)}",
            )
        )
        return
    if t.min_length is not None and len(nilai) < t.min_length:
        keluar.append(
            galat(
                lokasi, f"{_nama(nama)} tidak boleh kosong; isi paling sedikit {t.min_length} butir"
            )
        )
    for i, isi in enumerate(nilai):
        periksa_nilai(isi, t.item_type, lokasi.turun(i), nama, keluar)


def _periksa_skalar(nilai: Any, t: mi.Type, nama: str | None) -> str | None:
    """The message for a wrong scalar, or None when it is right."""
    n = _nama(nama)
    if isinstance(t, mi.AnyType):
        return None
    if isinstance(t, mi.StrType):
        if isinstance(nilai, str):
            return None
        if isinstance(nilai, datetime.date) and n == "periode":
            return (
                f"periode ditulis sebagai tanggal ({nilai.isoformat()}); tulis bulan seperti "
                f"{nilai:%Y-%m}, triwulan seperti {nilai.year}-T{(nilai.month - 1) // 3 + 1}, "
                "atau semester"
            )
        return f"{n} harus berupa teks, bukan {tampil(nilai)}; beri tanda kutip jika perlu"
    if isinstance(t, mi.BoolType):
        if isinstance(nilai, bool):
            return None
        return f"{n} harus true atau false, bukan {tampil(nilai)}"
    if isinstance(t, mi.DateType):
        return _periksa_tanggal(nilai, n)
    if isinstance(t, mi.LiteralType):
        if nilai in t.values and type(nilai) is type(t.values[0]):
            return None
        pilihan = ", ".join(str(v) for v in t.values)
        pilihan_teks = [str(v) for v in t.values]
        sama = [v for v in pilihan_teks if v.lower() == str(nilai).strip().lower()]
        saran = maksudnya(sama or mirip(str(nilai), pilihan_teks))
        return f"{n} harus salah satu dari: {pilihan}; bukan {tampil(nilai)}{saran}"
    if isinstance(t, (mi.IntType, mi.FloatType)):
        return _periksa_angka(nilai, t, n)
    return None


def _periksa_tanggal(nilai: Any, n: str) -> str | None:
    if isinstance(nilai, datetime.datetime):
        return f"{n} harus tanggal saja (TTTT-BB-HH) tanpa jam, bukan {tampil(nilai)}"
    if isinstance(nilai, datetime.date):
        return None
    if isinstance(nilai, str):
        try:
            datetime.date.fromisoformat(nilai)
        except ValueError:
            pass
        else:
            return None
        bagian = nilai.split("-")
        if len(bagian) == 3 and all(b.isdigit() for b in bagian) and len(bagian[0]) == 4:
            return f"{n}: tanggal {nilai} tidak ada di kalender; periksa bulan dan harinya"
    return f"{n} harus tanggal dengan format TTTT-BB-HH (mis. 2026-11-05), bukan {tampil(nilai)}"


def _periksa_angka(nilai: Any, t: mi.IntType | mi.FloatType, n: str) -> str | None:
    bulat = isinstance(t, mi.IntType)
    kata = "bilangan bulat" if bulat else "angka"
    if isinstance(nilai, bool) or not isinstance(nilai, (int, float)):
        return f"{n} harus berupa {kata}, bukan {tampil(nilai)}"
    if bulat and isinstance(nilai, float):
        return f"{n} harus berupa bilangan bulat, bukan {tampil(nilai)}"
    if isinstance(nilai, float) and not math.isfinite(nilai):
        return f"{n} harus berupa angka biasa, bukan {tampil(nilai)}"
    syarat = []
    if t.gt is not None and not nilai > t.gt:
        syarat.append(f"lebih dari {tampil(t.gt)}")
    if t.ge is not None and not nilai >= t.ge:
        syarat.append(f"paling kecil {tampil(t.ge)}")
    if t.lt is not None and not nilai < t.lt:
        syarat.append(f"kurang dari {tampil(t.lt)}")
    if t.le is not None and not nilai <= t.le:
        syarat.append(f"paling besar {tampil(t.le)}")
    if not syarat:
        return None
    # Above the sanity cap that keeps every sum exact (10^15, larger than any budget):
    # said as too large, with the limit readable, not as "must be more than 0".
    if t.lt is not None and t.lt >= 10**14 and not nilai < t.lt:
        return (f"{n} terlalu besar ({tampil(nilai)}); harus kurang dari {ribuan(t.lt)}; "
                "periksa angka nol yang berlebih")  # fmt: skip
    if t.le is not None and t.le >= 10**14 and not nilai <= t.le:
        return (f"{n} terlalu besar ({tampil(nilai)}); paling besar {ribuan(t.le)}; "
                "periksa angka nol yang berlebih")  # fmt: skip
    rentang = _rentang(t)
    return f"{n} harus {rentang}, bukan {tampil(nilai)}"


def _rentang(t: mi.IntType | mi.FloatType) -> str:
    bawah = (
        f"lebih dari {tampil(t.gt)}"
        if t.gt is not None
        else (f"paling kecil {tampil(t.ge)}" if t.ge is not None else None)
    )
    atas = None
    if t.le is not None:
        atas = f"paling besar {tampil(t.le)}"
    elif t.lt is not None and t.lt < 10**14:
        atas = f"kurang dari {tampil(t.lt)}"
    if bawah and atas and t.ge is not None and t.le is not None:
        return f"antara {tampil(t.ge)} dan {tampil(t.le)}"
    bagian = [b for b in (bawah, atas) if b]
    return " dan ".join(bagian) if bagian else "angka yang wajar"
