"""Changing a workspace's YAML files the way a careful person would by hand: new records
appended in the file's own style, a changed value replaced on its own line (its comment
kept), every other byte left as it was. No YAML library writes that way (they re-emit
the whole file and lose the comments), so the edit is textual and then proven: the
edited file is parsed again and must hold exactly the intended records, else the
changed record is written whole; if even that does not parse back, nothing is written.
"""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from asnkinerja.baca.posisi import potong_rekaman
from asnkinerja.baca.yamlio import urai

# Characters a YAML reader refuses or folds even inside double quotes: escaped.
_LOLOS = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_KUNCI = re.compile(r"^(- |  )([A-Za-z_][A-Za-z0-9_]*):(.*)$")
_KUNCI_DOKUMEN = re.compile(r"^()([A-Za-z_][A-Za-z0-9_]*):(.*)$")
# Keys whose values are choices from a list; written bare, as in the sample workspace.
PILIHAN = {"status", "jenis_jabatan", "tingkat", "kompetensi", "bentuk", "sektor", "arah"}
_POLOS = re.compile(r"[a-z][a-z_]*|PNS|PPPK")
_KATA_YAML = {"true", "false", "yes", "no", "on", "off", "y", "n", "null"}
# A scalar on the key's line, then an optional comment.
_NILAI_KOMENTAR = re.compile(r"""^( *)("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^#'"]*?)( +#.*)?$""")


class TidakBisaDisunting(Exception):
    """The file cannot be edited so that it parses back to the intended records."""


def skalar(x: Any, pilihan: bool = False) -> str:
    """One value as YAML text: strings double-quoted, numbers and dates bare (and a
    choice from a list, `pilihan`, bare as people write it: PNS, pimpinan, teknis)."""
    if isinstance(x, bool):
        return "true" if x else "false"
    if x is None:
        return "null"
    if isinstance(x, int):
        return str(x)
    if isinstance(x, float):
        teks = format(Decimal(repr(x)), "f")
        return teks[:-2] if teks.endswith(".0") else teks
    if isinstance(x, Decimal):
        return format(x, "f")
    if isinstance(x, (datetime.date, datetime.datetime)):
        return x.isoformat()
    if pilihan and _POLOS.fullmatch(x) and x.lower() not in _KATA_YAML:
        return str(x)
    teks = json.dumps(str(x), ensure_ascii=False)
    return _LOLOS.sub(lambda m: f"\\u{ord(m.group()):04x}", teks)


Catatan = Callable[[str, Any], str | None]  # (key, item) -> a comment for a list item


def _blok(kunci: str, nilai: Any, indent: int, catatan: Catatan | None) -> list[str]:
    pad = " " * indent
    if isinstance(nilai, dict):
        if not nilai:
            return [f"{pad}{kunci}: {{}}"]
        baris = [f"{pad}{kunci}:"]
        for k, v in nilai.items():
            baris += _blok(k, v, indent + 2, catatan)
        return baris
    if isinstance(nilai, list):
        if not nilai:
            return [f"{pad}{kunci}: []"]
        baris = [f"{pad}{kunci}:"]
        for butir in nilai:
            if isinstance(butir, dict) and butir:
                isi = [x for k, v in butir.items() for x in _blok(k, v, indent + 4, catatan)]
                isi[0] = f"{pad}  - {isi[0][indent + 4 :]}"
                baris += isi
            elif isinstance(butir, (dict, list)):  # an empty mapping or list, or a nested list
                baris.append(f"{pad}  - {json.dumps(butir, ensure_ascii=False, default=str)}")
            else:
                c = catatan(kunci, butir) if catatan else None
                baris.append(f"{pad}  - {skalar(butir)}" + (f"  # {c}" if c else ""))
        return baris
    return [f"{pad}{kunci}: {skalar(nilai, kunci in PILIHAN)}"]


def tulis_rekaman(data: dict[str, Any], butir: bool = True,
                  catatan: Catatan | None = None) -> str:  # fmt: skip
    """A record as a top-level list item (`- nip: ...`) or a document (`butir` false)."""
    indent = 2 if butir else 0
    baris = [x for k, v in data.items() for x in _blok(k, v, indent, catatan)]
    if butir and baris:
        baris[0] = "- " + baris[0][2:]
    return "\n".join(baris) + "\n"


@dataclass
class BerkasYaml:
    """One YAML file being changed: its text as read, and the edits to make."""

    nama: str
    asli: bytes | None  # None: a new file
    judul: str = ""  # a new file's opening comment
    _teks: str = field(default="", repr=False)
    _crlf: bool = False
    _bom: bool = False
    rekaman: list[Any] = field(default_factory=list)  # the records as parsed
    _ubah: dict[int, dict[str, Any]] = field(default_factory=dict)
    _tambah: list[dict[str, Any]] = field(default_factory=list)
    catatan: Catatan | None = None

    def __post_init__(self) -> None:
        if self.asli is None:
            return
        teks = self.asli.decode("utf-8")
        self._bom = teks.startswith("\ufeff")
        teks = teks.removeprefix("\ufeff")
        # Windows line endings throughout: edited as \n and written back as \r\n. A file
        # that mixes both is edited as it is (untouched lines keep their \r).
        self._crlf = "\r\n" in teks and teks.count("\r\n") == teks.count("\n")
        self._teks = teks.replace("\r\n", "\n") if self._crlf else teks
        rekaman, masalah = urai(self._teks, self.nama)
        if rekaman is None:
            raise TidakBisaDisunting(masalah[0].pesan if masalah else "bukan YAML")
        self.rekaman = rekaman

    def ubah(self, indeks: int, nilai: dict[str, Any]) -> None:
        """Set these top-level keys of record `indeks` (others are kept)."""
        self._ubah.setdefault(indeks, {}).update(nilai)

    def tambah(self, data: dict[str, Any]) -> int:
        """Append a record; its index in the edited file."""
        self._tambah.append(data)
        return len(self.rekaman) + len(self._tambah) - 1

    @property
    def berubah(self) -> bool:
        return bool(self._ubah or self._tambah)

    def harapan(self) -> list[Any]:
        """The records the edited file must parse to."""
        hasil = [dict(r) if isinstance(r, dict) else r for r in self.rekaman]
        for i, nilai in self._ubah.items():
            hasil[i].update(nilai)
        return hasil + [dict(d) for d in self._tambah]

    def bita(self) -> bytes:
        """The edited file, in the original's line endings and byte-order mark."""
        teks = self._teks_baru()
        if self._crlf:
            teks = teks.replace("\n", "\r\n")
        return (("\ufeff" if self._bom else "") + teks).encode("utf-8")

    def _teks_baru(self) -> str:
        harapan = self.harapan()
        for utuh in (False, True):
            teks = self._sunting(utuh)
            dibaca, _ = urai(teks, self.nama)
            if dibaca is not None and _sama(dibaca, harapan):
                return teks
        raise TidakBisaDisunting(
            f"{self.nama}: perubahan tidak dapat ditulis dengan aman (bentuk berkas tidak "
            "biasa); tidak ada yang ditulis"
        )

    def _sunting(self, utuh: bool) -> str:
        teks = self._teks
        potongan = potong_rekaman(teks) if self._ubah or teks.strip() else []
        butir_gaya = all(p[2] for p in potongan) if potongan else True
        if self._ubah and len(potongan) != len(self.rekaman):
            raise TidakBisaDisunting(
                f"{self.nama}: rekaman berkas ini tidak dapat dipisahkan dengan aman; tidak "
                "ada yang ditulis"
            )
        keluar: list[str] = []
        sebelum = 0
        for i, (a, b, butir, _) in enumerate(potongan):
            if i not in self._ubah:
                continue
            keluar.append(teks[sebelum:a])
            kepala, isi, ekor = _pisah(teks[a:b])
            if utuh:
                baru = {**(self.rekaman[i] or {}), **self._ubah[i]}
                isi = tulis_rekaman(baru, butir, self.catatan).rstrip("\n")
            else:
                isi = _ganti_kunci(isi, self._ubah[i], self.catatan, butir)
            keluar.append(kepala + isi + ekor)
            sebelum = b
        keluar.append(teks[sebelum:])
        hasil = "".join(keluar)
        if self._tambah:
            if self.asli is None and self.judul:
                hasil = "".join(f"# {j}\n" if j else "#\n" for j in self.judul.split("\n"))
            if hasil and not hasil.endswith("\n"):
                hasil += "\n"
            if hasil.strip() in ("[]", "---"):
                hasil = ""
            jarak = "\n" if _berjarak(self._teks, potongan) else ""
            for d in self._tambah:
                if not butir_gaya:
                    hasil += "---\n"
                elif hasil.strip() and not _hanya_komentar(hasil):
                    hasil += jarak
                hasil += tulis_rekaman(d, butir_gaya, self.catatan)
        return hasil


def _sama(a: Any, b: Any) -> bool:
    """Records equal as the loader reads them (a NIP as text or as a number is the same)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_sama(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_sama(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, bool) or isinstance(b, bool):
        return a is b
    if isinstance(a, (int, float, Decimal)) and isinstance(b, (int, float, Decimal)):
        return Decimal(str(a)) == Decimal(str(b))
    return bool(a == b)


def _hanya_komentar(teks: str) -> bool:
    return all(not b.strip() or b.lstrip().startswith("#") for b in teks.splitlines())


def _berjarak(teks: str, potongan: list[tuple[int, int, bool, int]]) -> bool:
    """Whether the file's records are separated by a blank line."""
    if len(potongan) < 2:
        return False
    a = potongan[1][0]
    sebelum = teks[:a].rstrip(" ")
    return sebelum.endswith("\n\n") or bool(re.search(r"\n\n(#[^\n]*\n)+$", sebelum))


def _kosong_atau_komentar(baris: str) -> bool:
    return not baris.strip() or baris.lstrip().startswith("#")


def _pisah(potong: str) -> tuple[str, str, str]:
    """A record's slice as (head, record, tail): the blank and comment lines before it (a
    document's header) and after it (which belong to the next record, like
    "# ---- Distrik Wanggar"), kept as they are whatever happens to the record."""
    baris = potong.split("\n")
    awal = 0
    while awal < len(baris) - 1 and _kosong_atau_komentar(baris[awal]):
        awal += 1
    akhir = len(baris)
    while akhir > awal + 1 and (not baris[akhir - 1].strip() or baris[akhir - 1].startswith("#")):
        akhir -= 1
    kepala = "".join(b + "\n" for b in baris[:awal])
    isi = "\n".join(baris[awal:akhir])
    return kepala, isi, potong[len(kepala) + len(isi) :]


def _ganti_kunci(
    isi: str, nilai: dict[str, Any], catatan: Catatan | None, butir: bool = True
) -> str:
    """A record (a list item, or a document when not `butir`) with these top-level keys
    set: a scalar in place (its line's comment kept), a block replaced whole (comment lines
    after it kept), a new key added at the end."""
    baris = isi.split("\n")
    indent = 2 if butir else 0
    pola = _KUNCI if butir else _KUNCI_DOKUMEN
    letak: dict[str, tuple[int, int]] = {}  # key -> (first line, line after its block)
    mulai: list[tuple[str, int]] = []
    for i, b in enumerate(baris):
        m = pola.match(b)
        if m and (not butir or (i == 0) == (m[1] == "- ")):
            mulai.append((m[2], i))
    for j, (k, i) in enumerate(mulai):
        ujung = mulai[j + 1][1] if j + 1 < len(mulai) else len(baris)
        while ujung > i + 1 and _kosong_atau_komentar(baris[ujung - 1]):
            ujung -= 1
        letak[k] = (i, ujung)
    ganti: dict[int, tuple[int, list[str]]] = {}
    tambahan: list[str] = []
    for k, v in nilai.items():
        baru = _blok(k, v, indent, catatan)
        if k not in letak:
            tambahan += baru
            continue
        i, ujung = letak[k]
        awalan = baris[i][:indent]
        m = pola.match(baris[i])
        assert m is not None
        lama = _NILAI_KOMENTAR.match(m[3])
        sebaris = len(baru) == 1 and ujung == i + 1 and lama is not None and lama[2].strip()
        if sebaris and lama is not None and not lama[2].startswith(("|", ">", "&", "*", "!")):
            ganti[i] = (i + 1, [f"{awalan}{k}: {skalar(v, k in PILIHAN)}{lama[3] or ''}"])
        else:
            baru[0] = awalan + baru[0][indent:]
            ganti[i] = (ujung, baru)
    keluar: list[str] = []
    i = 0
    while i < len(baris):
        if i in ganti:
            ujung, isi_baru = ganti[i]
            keluar += isi_baru
            i = ujung
        else:
            keluar.append(baris[i])
            i += 1
    while keluar and not keluar[-1].strip():
        keluar.pop()
    return "\n".join(keluar + tambahan)
