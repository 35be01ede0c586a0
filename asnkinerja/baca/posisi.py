"""Lines and columns: where in a file a record or a value was written.

Found only when asked (a file with a problem, `jelaskan`), with PyYAML composing
the file (nodes with marks). A file is sliced into records by plain text search
first (`potong_rekaman`), so only the records asked about are composed; the
slices are checked against composing the whole file (tests/test_yamlio.py).
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from asnkinerja.baca.yamlio import kosong, pemuat, susun, untuk_posisi
from asnkinerja.masalah import Langkah, Lokasi, Masalah

if TYPE_CHECKING:
    import yaml


_ISI = re.compile(r"^[ \t]*[^#\s]", re.M)
_SPASI = " \t\r\n"


def potong_rekaman(teks: str) -> list[tuple[int, int, bool, int]]:
    """Cheap guess of each record's text span: (start, end, is a list item, line).

    Records are top-level list items (`- ` at column 0) or whole documents
    (`---`). The guess is only used when it finds exactly as many records as the
    parser did. Plain `str.find` keeps this at memory speed on a 3 MB file.
    """
    if "\n---" not in teks and not teks.startswith("---"):
        cepat = potong_butir(teks)  # one document, a list: the shape of nearly every file
        if cepat:
            return cepat
    return potong_umum(teks)


def potong_umum(teks: str) -> list[tuple[int, int, bool, int]]:
    """`potong_rekaman` for any shape: documents, list items, or both."""
    pemisah: list[tuple[int, int]] = []  # document separators: (start, end of line)
    butir: list[int] = []  # starts of top-level list items
    awal_baris = [0] if teks.startswith("-") else []
    i = teks.find("\n-")
    while i != -1:
        awal_baris.append(i + 1)
        i = teks.find("\n-", i + 1)
    for i in awal_baris:
        if teks.startswith("---", i) and (i + 3 == len(teks) or teks[i + 3] in _SPASI):
            akhir_baris = teks.find("\n", i)
            pemisah.append((i, len(teks) if akhir_baris == -1 else akhir_baris))
        elif i + 1 == len(teks) or teks[i + 1] in _SPASI:
            butir.append(i)
    awal_dokumen = [0] + [akhir for _, akhir in pemisah]
    akhir_dokumen = [mulai for mulai, _ in pemisah] + [len(teks)]
    potongan: list[tuple[int, int, bool]] = []
    k = 0
    for a, b in zip(awal_dokumen, akhir_dokumen, strict=True):
        awal = []
        while k < len(butir) and butir[k] < b:
            if butir[k] >= a:
                awal.append(butir[k])
            k += 1
        if awal:
            ujung_butir = [*awal[1:], b]
            potongan.extend((x, y, True) for x, y in zip(awal, ujung_butir, strict=True))
        elif _ISI.search(teks, a, b) and not teks[a:b].strip().startswith("..."):
            potongan.append((a, b, False))
    # Line of each start, counted once over the file in order.
    hasil: list[tuple[int, int, bool, int]] = []
    baris, sebelum = 0, 0
    for a, b, adalah_butir in potongan:
        baris += teks.count("\n", sebelum, a)
        sebelum = a
        hasil.append((a, b, adalah_butir, baris))
    return hasil


_BUTIR = re.compile(r"\n-(?![^ \t\r\n])")


def potong_butir(teks: str) -> list[tuple[int, int, bool, int]]:
    """`potong_rekaman` for a file without document separators: its top-level list
    items, found and line-counted in whole-file passes (no Python step per line)."""
    awal = [m.start() + 1 for m in _BUTIR.finditer(teks)]
    if teks.startswith("-") and (len(teks) == 1 or teks[1] in _SPASI):
        awal.insert(0, 0)
    akhir = [*awal[1:], len(teks)]
    baris = itertools.accumulate(map(teks.count, itertools.repeat("\n"), [0, *awal], awal))
    return list(zip(awal, akhir, itertools.repeat(True), baris))


@functools.cache
def _pemuat_posisi() -> type[yaml.SafeLoader]:
    class _PemuatPosisi(pemuat()):  # type: ignore[misc]
        """Composes nodes with marks and skips tag resolution (we only need places)."""

        def resolve(self, kind: Any, value: Any, implicit: Any) -> str:
            return "tag:yaml.org,2002:str"

    return _PemuatPosisi


def _susun_cepat(teks: str) -> list[yaml.Node] | None:
    import yaml

    try:
        return list(yaml.compose_all(untuk_posisi(teks), Loader=_pemuat_posisi()))
    except yaml.YAMLError:
        return None


class PetaPosisi:
    """Line and column of any value in a file.

    Only the records asked about are composed (each from its own slice of the
    text), so finding the line of one problem in a 3 MB file stays cheap.
    """

    def __init__(self, teks: str, jumlah_rekaman: int | None = None) -> None:
        self.teks = teks
        self._potongan = potong_rekaman(teks)
        if jumlah_rekaman is not None and len(self._potongan) != jumlah_rekaman:
            self._potongan = []
        # Record -> (node, lines before its slice); marks inside a slice count from 0.
        self._simpul: dict[int, tuple[yaml.Node | None, int]] = {}
        self._utuh: list[yaml.Node] | None = None

    def _rekaman(self, i: int) -> tuple[yaml.Node | None, int]:
        import yaml

        if i in self._simpul:
            return self._simpul[i]
        hasil: tuple[yaml.Node | None, int] | None = None
        if i < len(self._potongan):
            a, b, butir, baris = self._potongan[i]
            dokumen = _susun_cepat(self.teks[a:b])
            if dokumen and len(dokumen) == 1:
                d = dokumen[0]
                if butir and isinstance(d, yaml.SequenceNode) and len(d.value) == 1:
                    hasil = d.value[0], baris
                elif not butir:
                    hasil = d, baris
        if hasil is None:
            semua = self.semua()
            hasil = (semua[i] if i < len(semua) else None), 0
        self._simpul[i] = hasil
        return hasil

    def semua(self) -> list[yaml.Node]:
        """Every record, composing the whole file (the slow, always-right way)."""
        import yaml

        if self._utuh is not None:
            return self._utuh
        dokumen = susun(self.teks)
        self._utuh = []
        if dokumen is None:
            return self._utuh
        dokumen = [d for d in dokumen if d is not None and not kosong(d)]
        puncak: list[yaml.Node]
        if len(dokumen) == 1:
            d = dokumen[0]
            puncak = d.value if isinstance(d, yaml.SequenceNode) else [d]
        else:
            puncak = dokumen
        for simpul in puncak:
            if kosong(simpul):
                continue
            if isinstance(simpul, yaml.SequenceNode):
                self._utuh.extend(simpul.value)
            else:
                self._utuh.append(simpul)
        return self._utuh

    def cari(self, lokasi: Lokasi, tepat: bool = False) -> tuple[int | None, int | None]:
        """1-based line and column of `lokasi`, or of the nearest node above it.

        With `tepat`, (None, None) when the path is not written in the file.
        """
        if lokasi.rekaman is None:
            return None, None
        cepat = None if tepat else self._cari_baris(lokasi)
        if cepat is not None:
            return cepat
        simpul, geser = self._rekaman(lokasi.rekaman)
        if simpul is None:
            # PyYAML cannot compose what the parser in use accepted (the two differ on odd
            # text): the record's own first line still says where to look.
            return (None, None) if tepat else self._awal_rekaman(lokasi.rekaman)
        for i, langkah in enumerate(lokasi.jalur):
            terakhir = i == len(lokasi.jalur) - 1
            anak = _anak(simpul, langkah, kunci=terakhir and lokasi.di_kunci)
            if anak is None:
                if tepat:
                    return None, None
                break
            simpul = anak
        m = simpul.start_mark
        return geser + m.line + 1, m.column + 1

    def _awal_rekaman(self, i: int) -> tuple[int | None, int | None]:
        """Line and column of the first character of record `i`'s text, if sliced."""
        if i >= len(self._potongan):
            return None, None
        a, b, _, baris = self._potongan[i]
        m = _ISI.search(self.teks, a, b)
        return (baris + 1, 1) if m is None else self._tempat(a, baris, m.end() - 1)

    def _tempat(self, a: int, baris: int, pos: int) -> tuple[int, int]:
        """1-based line and column of text position `pos` in the slice starting at `a`,
        whose first line is `baris` (0-based)."""
        awal_baris = max(self.teks.rfind("\n", a, pos) + 1, a)
        return baris + self.teks.count("\n", a, pos) + 1, pos - awal_baris + 1

    def _cari_baris(self, lokasi: Lokasi) -> tuple[int, int] | None:
        """The place of a record or of its top-level key's value, by reading lines.

        Handles the common shape (`- kunci: nilai` block items) at memory speed;
        returns None for anything else, which is then composed. Must agree with
        composing exactly (tests/test_yamlio.py checks it on the sample).
        """
        i = lokasi.rekaman
        if i is None or i >= len(self._potongan) or lokasi.di_kunci or len(lokasi.jalur) > 1:
            return None
        a, b, butir, baris = self._potongan[i]
        teks = self.teks
        if not butir:
            return None
        j = a + 1
        while j < b and teks[j] == " ":
            j += 1
        if j >= b or not (teks[j].isalpha() or teks[j] == "_"):
            return None  # not a `- kunci: ...` block mapping
        indent = j - a
        if not lokasi.jalur:
            return baris + 1, indent + 1
        kunci = lokasi.jalur[0]
        if not isinstance(kunci, str) or not _KUNCI_SEDERHANA.match(kunci):
            return None
        pola = kunci + ":"
        cari = "\n" + " " * indent + pola
        if teks.startswith(pola, j):
            pos = j
            if teks.find(cari, a, b) != -1:
                return None
        else:
            k = teks.find(cari, a, b)
            if k == -1 or teks.find(cari, k + 1, b) != -1:
                return None
            pos = k + 1 + indent
        v = pos + len(pola)
        if v < b and teks[v] not in " \t\r\n":
            return None
        while v < b and teks[v] in " \t":
            v += 1
        if v >= b or teks[v] in "\r\n#":
            return None  # the value starts on a later line: let the composer say where
        return self._tempat(a, baris, v)


_KUNCI_SEDERHANA = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


def _anak(simpul: yaml.Node, langkah: Langkah, kunci: bool) -> yaml.Node | None:
    import yaml

    if isinstance(simpul, yaml.MappingNode):
        for k, v in simpul.value:
            if isinstance(k, yaml.ScalarNode) and k.value == str(langkah):
                return k if kunci else v
        return None
    if (
        isinstance(simpul, yaml.SequenceNode)
        and isinstance(langkah, int)
        and 0 <= langkah < len(simpul.value)
    ):
        node: yaml.Node = simpul.value[langkah]
        return node
    return None


class Penempat:
    """Places locations in files: reads and maps each file once, on first need.

    `baca` gives a file's text by its workspace-relative name (None if unreadable);
    `jumlah_rekaman` how many records the fast parser found in each file (a check on
    the cheap record slicing).
    """

    def __init__(
        self, baca: Callable[[str], str | None], jumlah_rekaman: dict[str, int] | None = None
    ) -> None:
        self._baca = baca
        self._jumlah = jumlah_rekaman or {}
        self._peta: dict[str, PetaPosisi | None] = {}

    def tempatkan(self, lokasi: Lokasi, tepat: bool = False) -> Lokasi | None:
        """`lokasi` with line and column; None if `tepat` and the path is not written."""
        if lokasi.baris is not None or lokasi.rekaman is None:
            return lokasi  # already placed, or about the file as a whole
        if lokasi.berkas not in self._peta:
            teks = self._baca(lokasi.berkas)
            jumlah = self._jumlah.get(lokasi.berkas)
            self._peta[lokasi.berkas] = PetaPosisi(teks, jumlah) if teks is not None else None
        p = self._peta[lokasi.berkas]
        if p is None:
            return lokasi
        baris, kolom = p.cari(lokasi, tepat)
        if tepat and baris is None:
            return None
        return Lokasi(lokasi.berkas, lokasi.rekaman, lokasi.jalur, lokasi.di_kunci, baris, kolom)

    def teks(self, lokasi: Lokasi, tepat: bool = False) -> str:
        """`berkas:baris:kolom`; with `tepat`, "" for a path not written in the file."""
        hasil = self.tempatkan(lokasi, tepat)
        return "" if hasil is None else hasil.teks()


def lengkapi_posisi(
    masalah: list[Masalah],
    baca: Callable[[str], str | None],
    jumlah_rekaman: dict[str, int] | None = None,
) -> list[Masalah]:
    """Fill in line and column, reading each file with a problem once."""
    penempat = Penempat(baca, jumlah_rekaman)

    def tempat(lokasi: Lokasi) -> Lokasi:
        hasil = penempat.tempatkan(lokasi)
        assert hasil is not None  # only `tepat` lookups can come back empty
        return hasil

    hasil = []
    for m in masalah:
        lihat = tempat(m.lihat_juga) if m.lihat_juga is not None else None
        hasil.append(Masalah(tempat(m.lokasi), m.tingkat, m.pesan, lihat))
    return hasil
