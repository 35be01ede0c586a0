"""Reading YAML: the one module that knows which parser is used.

Values come from `yaml-rs` (a Rust parser with YAML 1.2 meaning: `no`, `yes`,
`on` stay text, `010` is ten; a duplicated key is an error). It is many times faster
than PyYAML's C loader on our report files (docs/benchmark.md) but keeps
no positions, so line and column are found afterwards, only for a file that has
a problem, by composing it with PyYAML (nodes with marks, no value meaning).

A file holds records: one mapping, a list of mappings, or several documents
(`---`) of either. `urai` and `posisi.PetaPosisi` flatten them the same way, so
record number k means the same mapping for both parsers.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING, Any

import yaml_rs

from asnkinerja.masalah import Lokasi, Masalah, galat

if TYPE_CHECKING:
    import yaml

_POSISI_RE = re.compile(r"line (\d+), column (\d+)")
_KUNCI_GANDA_RE = re.compile(r"duplicate mapping key")

# PyYAML is imported only when lines are looked up (a file with a problem, jelaskan):
# importing it slows every process's start-up, and most runs never need it.


@functools.cache
def pemuat() -> type[yaml.SafeLoader]:
    """The C composer when there is one (much faster); the pure one gives the same marks."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def dekode(data: bytes, berkas: str) -> tuple[str | None, list[Masalah]]:
    """Bytes to text: UTF-8, with or without the BOM that Windows Notepad writes."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return None, [
            galat(
                Lokasi(berkas),
                "berkas disimpan sebagai UTF-16 ('Unicode' di Notepad/Excel); simpan ulang "
                "dengan pengodean UTF-8",
            )
        ]
    if b"\x00" in data:
        return None, [_masalah_nul(data, berkas)]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as e:
        baris = data[: e.start].count(b"\n") + 1
        return None, [
            galat(
                Lokasi(berkas, baris=baris),
                "berkas bukan teks UTF-8 (mungkin disimpan sebagai ANSI/Windows-1252); "
                "simpan ulang dengan pengodean UTF-8",
            )
        ]


def _masalah_nul(data: bytes, berkas: str) -> Masalah:
    """A file with NUL bytes: UTF-16 saved without its byte-order mark (every other byte
    is 0), a stray NUL in text (named by its line), or a binary file."""
    contoh = data[:4096]
    genap, ganjil = contoh[0::2].count(0), contoh[1::2].count(0)
    separuh = max(1, len(contoh) // 2)
    if max(genap, ganjil) > 0.3 * separuh and min(genap, ganjil) < 0.05 * separuh:
        return galat(Lokasi(berkas), (
            "berkas disimpan sebagai UTF-16 ('Unicode' di Notepad/Excel, tanpa penanda BOM); "
            "simpan ulang sebagai UTF-8"))  # fmt: skip
    if data.count(0) <= max(8, len(data) // 1000):
        try:
            data.replace(b"\x00", b"").decode("utf-8-sig")
        except UnicodeDecodeError:
            pass
        else:
            baris = data[: data.index(0)].count(b"\n") + 1
            return galat(Lokasi(berkas, baris=baris), (
                "baris ini berisi karakter NUL (byte 0) yang tidak terlihat, biasanya dari "
                "salin-tempel atau berkas yang rusak; hapus karakter itu (ketik ulang "
                "barisnya)"))  # fmt: skip
    return galat(Lokasi(berkas), (
        "berkas ini bukan teks (berisi data biner, mungkin berkas Excel atau PDF yang diberi "
        "akhiran .yaml); simpan sebagai teks YAML atau pindahkan dari ruang kerja"))  # fmt: skip


def ratakan(dokumen: Any) -> list[Any]:
    """The records of a parsed file, documents and top-level lists flattened."""
    if dokumen is None:
        return []
    if not isinstance(dokumen, list):
        return [dokumen]
    hasil: list[Any] = []
    for butir in dokumen:
        if butir is None:
            continue
        if isinstance(butir, list):
            hasil.extend(butir)
        else:
            hasil.append(butir)
    return hasil


def urai(teks: str, berkas: str) -> tuple[list[Any] | None, list[Masalah]]:
    """Parse one file's text into its records; None and a problem if it is not YAML."""
    try:
        dokumen = yaml_rs.loads(teks, parse_datetime=True)
    except yaml_rs.YAMLDecodeError as e:
        return None, [_masalah_sintaks(str(e), teks, berkas)]
    return ratakan(dokumen), []


def _masalah_sintaks(pesan_asli: str, teks: str, berkas: str) -> Masalah:
    if _KUNCI_GANDA_RE.search(pesan_asli):
        return _masalah_kunci_ganda(pesan_asli, teks, berkas)
    cocok = _POSISI_RE.search(pesan_asli)
    baris = kolom = None
    if cocok:
        baris, kolom = int(cocok.group(1)), int(cocok.group(2))
    # The parser's own words (English) stay as a detail; the advice is ours.
    rinci = pesan_asli.strip().splitlines()[-1].strip() if pesan_asli.strip() else ""
    return galat(
        Lokasi(berkas, baris=baris, kolom=kolom),
        f"YAML tidak dapat dibaca ({rinci}); periksa indentasi, tanda titik dua "
        "dan tanda kutip di baris ini atau baris sebelumnya",
    )


def _masalah_kunci_ganda(pesan_asli: str, teks: str, berkas: str) -> Masalah:
    cocok = re.search(r"key: '(.*)'", pesan_asli)
    nama = cocok.group(1) if cocok else "?"
    lokasi = Lokasi(berkas)
    lihat: Lokasi | None = None
    ganda = _cari_kunci_ganda(teks)
    if ganda is not None:
        nama, pertama, kedua = ganda
        lokasi = Lokasi(berkas, baris=kedua[0], kolom=kedua[1])
        lihat = Lokasi(berkas, baris=pertama[0], kolom=pertama[1])
    return galat(
        lokasi,
        f'kunci "{nama}" ditulis dua kali dalam satu pemetaan; nilai yang kedua akan '
        "menimpa yang pertama, jadi hapus atau ganti salah satunya",
        lihat,
    )


# Characters PyYAML refuses outright that the parser in use (yaml-rs) accepts as ordinary
# characters: for finding positions each becomes an ordinary letter, one for one, so the
# structure, every line and every column stay.
_TAK_TERIMA_PYYAML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")


def untuk_posisi(teks: str) -> str:
    """`teks` as PyYAML composes it to find places: same length, same lines."""
    return _TAK_TERIMA_PYYAML.sub("x", teks) if _TAK_TERIMA_PYYAML.search(teks) else teks


def susun(teks: str) -> list[yaml.Node] | None:
    import yaml

    try:
        return list(yaml.compose_all(untuk_posisi(teks), Loader=pemuat()))
    except yaml.YAMLError:
        return None


def _cari_kunci_ganda(teks: str) -> tuple[str, tuple[int, int], tuple[int, int]] | None:
    import yaml

    dokumen = susun(teks)
    if dokumen is None:
        return None
    tumpukan: list[yaml.Node] = [d for d in dokumen if d is not None]
    while tumpukan:
        simpul = tumpukan.pop()
        if isinstance(simpul, yaml.MappingNode):
            dilihat: dict[str, yaml.Node] = {}
            for kunci, nilai in simpul.value:
                if isinstance(kunci, yaml.ScalarNode):
                    if kunci.value in dilihat:
                        awal = dilihat[kunci.value].start_mark
                        m = kunci.start_mark
                        return (
                            kunci.value,
                            (awal.line + 1, awal.column + 1),
                            (m.line + 1, m.column + 1),
                        )
                    dilihat[kunci.value] = kunci
                tumpukan.append(nilai)
        elif isinstance(simpul, yaml.SequenceNode):
            tumpukan.extend(simpul.value)
    return None


def kosong(simpul: yaml.Node) -> bool:
    import yaml

    return (
        isinstance(simpul, yaml.ScalarNode)
        and simpul.tag == "tag:yaml.org,2002:null"
        and simpul.value in ("", "~", "null", "Null", "NULL")
    )
