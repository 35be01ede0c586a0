"""Loading a workspace: every input file read into typed records, with their locations,
and the reports scored.

The only module that opens the input files, and it only reads them. Each file goes
through pure stages (`berkas`): reading (bytes -> typed records) and, for reports,
scoring (`inti.laporan.nilai_berkas`, which needs two policy values, so the policy file
is read first). The per-file cache wraps them from outside, keyed by exactly what they
depend on: the file's bytes, and for a report file also those two values. Under a new
policy a report file's kept reports are scored again from what they hold
(`inti.laporan.nilai_ulang`): no file is parsed. What is not in the cache is parsed on
every core. Nothing here checks across records or presents.
"""

from __future__ import annotations

import base64
import collections
import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import msgspec

from asnkinerja.baca import cache, yamlio
from asnkinerja.baca.berkas import (
    BACA,
    BACA_NILAI,
    IsiBerkas,
    NilaiBerkas,
    baca,
    nilai,
    olah,
    olah_berkas,
    sandikan,
)
from asnkinerja.baca.sidik import inti_prosesor, kunci_sekarang, sidik_data, tiap_berkas
from asnkinerja.baca.temukan import Berkas, temukan
from asnkinerja.inti import model
from asnkinerja.inti.laporan import AturanNilai, NilaiLaporan, nilai_ulang
from asnkinerja.inti.ruang import Entri
from asnkinerja.masalah import Lokasi, Masalah, galat, urutkan

T = TypeVar("T")
Progres = Callable[[int, int], None]  # (bytes done, bytes in all)
# Below this much YAML to parse, starting worker processes costs more than it saves.
AMBANG_PARALEL = 4_000_000
Isi = IsiBerkas | NilaiBerkas  # what a file gave: typed records, or reports scored


@dataclass
class Muatan:
    """Everything read from a workspace folder, typed, and the problems found reading it."""

    folder: Path
    kebijakan: model.Kebijakan
    kebijakan_lokasi: Lokasi | None
    pegawai: list[Entri[model.Pegawai]]
    laporan: list[NilaiLaporan]  # scored under `kebijakan`, file by file
    # None when the workspace has no pelatihan file at all (not the same as none held).
    pelatihan: list[Entri[model.Pelatihan]] | None
    masalah: list[Masalah]
    # The penilai's decisions on annual ratings (penetapan.yaml), if any.
    penetapan: list[Entri[model.Penetapan]] = field(default_factory=list)
    berkas: list[str] = field(default_factory=list)
    # NIPs of roster entries that could not be typed, and whether a whole roster
    # file was unreadable: both keep one broken entry from flooding the output
    # with "not in the roster" errors for every report that names it.
    nip_cacat: set[str] = field(default_factory=set)
    pegawai_tak_terbaca: bool = False
    # Records found per file, to check the cheap slicing that finds line numbers.
    jumlah_rekaman: dict[str, int] = field(default_factory=dict)
    # The exact inputs this run read, for keeping its result (None: no cache, or a
    # file that could not be read, or one that changed while lines were looked up).
    jejak: cache.Jejak | None = None
    # One hash over every input file's name and content (`sidik.sidik_data`): what the
    # documents print, so that an auditor can tell they came from the same data.
    sidik_data: str = ""
    # The kop's logo (logo.png/.jpg/.svg in the workspace) as a data: URI, or "".
    logo: str = ""


def muat(folder: Path, *, pakai_cache: bool = True, progres: Progres | None = None) -> Muatan:
    """Every file of the workspace, typed and its reports scored; problems without line
    numbers yet (`lengkapi`)."""
    daftar, masalah_tata = temukan(folder)
    hasil = Muatan(folder, model.bawaan(), None, [], [], None, list(masalah_tata))
    hasil.berkas = [b.nama for b in daftar]
    tembolok = None
    if pakai_cache and daftar:
        try:
            tembolok = cache.Cache(folder)
        except (OSError, RuntimeError, ValueError):  # no home folder (a service account), or
            tembolok = None  # a folder name not in UTF-8: no cache
    kunci: dict[str, cache.Kunci | None] = {}
    # The policy first: the reports are scored under two of its values.
    kebijakan = [b for b in daftar if b.jenis == "kebijakan"]
    isi_kebijakan = _olah_semua(kebijakan, None, tembolok, None, kunci)
    for b in kebijakan:
        _tambahkan(hasil, b, isi_kebijakan[b.nama])
    aturan = AturanNilai.dari(hasil.kebijakan)
    for b in daftar:
        if b.jenis == "logo":
            hasil.logo, kunci[b.nama], m = _baca_logo(b)
            hasil.masalah.extend(m)
    lain = [b for b in daftar if b.jenis not in ("kebijakan", "logo")]
    isi_lain = _olah_semua(lain, aturan, tembolok, progres, kunci)
    for b in lain:
        _tambahkan(hasil, b, isi_lain.pop(b.nama))
    if tembolok is not None:
        tembolok.rapikan()
        hasil.jejak = cache.jejak_dari(masalah_tata, (kunci.get(b.nama) for b in daftar))
    hasil.sidik_data = sidik_data(kunci.get(b.nama) for b in daftar)
    return hasil


_JENIS_GAMBAR = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
                 ".svg": "image/svg+xml"}  # fmt: skip
_LOGO_MAKS = 2 * 1024 * 1024


def _baca_logo(b: Berkas) -> tuple[str, cache.Kunci | None, list[Masalah]]:
    """The logo as a data: URI (documents embed it, so they fetch nothing), its key, and
    its problems."""
    data, st, gagal = baca(b.jalur, b.nama)
    if data is None or st is None:
        return "", None, gagal.masalah if gagal is not None else []
    k = cache.kunci(b.nama, data, st.st_size, st.st_mtime_ns)
    if len(data) > _LOGO_MAKS:
        pesan = "logo lebih dari 2 MB; perkecil gambarnya (cukup 300 piksel lebar)"
        return "", k, [galat(Lokasi(b.nama), pesan)]
    jenis = _JENIS_GAMBAR[b.jalur.suffix.lower()]
    return f"data:{jenis};base64,{base64.b64encode(data).decode('ascii')}", k, []


def _tambahkan(hasil: Muatan, b: Berkas, isi: Isi) -> None:
    hasil.masalah.extend(isi.masalah)
    if isi.jumlah_rekaman is not None:
        hasil.jumlah_rekaman[b.nama] = isi.jumlah_rekaman
    if isinstance(isi, NilaiBerkas):
        hasil.laporan.extend(isi.laporan)
    elif b.jenis == "kebijakan":
        if isi.kebijakan and hasil.kebijakan_lokasi is None and b.nama == hasil.berkas[0]:
            hasil.kebijakan = isi.kebijakan[0][1]
            hasil.kebijakan_lokasi = Lokasi(b.nama, 0)
    elif b.jenis == "pegawai":
        hasil.pegawai.extend(Entri(p, Lokasi(b.nama, i)) for i, p in isi.pegawai)
        hasil.nip_cacat.update(isi.nip_cacat)
        hasil.pegawai_tak_terbaca |= not isi.terbaca
    elif b.jenis == "pelatihan":
        hasil.pelatihan = (hasil.pelatihan or []) + [
            Entri(p, Lokasi(b.nama, i)) for i, p in isi.pelatihan
        ]
    elif b.jenis == "penetapan":
        hasil.penetapan.extend(Entri(p, Lokasi(b.nama, i)) for i, p in isi.penetapan)


def _olah_semua(
    daftar: list[Berkas],
    aturan: AturanNilai | None,
    tembolok: cache.Cache | None,
    progres: Progres | None,
    kunci: dict[str, cache.Kunci | None],
) -> dict[str, Isi]:
    """Every file's content: the cache's where current, the rest parsed, on every core.
    Report files come scored under `aturan`. `kunci` receives the key of the exact bytes
    each file's content came from."""
    hasil: dict[str, Isi] = {}
    if tembolok is not None:
        ada = tiap_berkas(lambda b: _dari_cache(b, aturan, tembolok), daftar)
        for b, (isi, k) in zip(daftar, ada, strict=True):
            kunci[b.nama] = k
            if isi is not None:
                hasil[b.nama] = isi
    perlu = [(b, _ukuran(b.jalur)) for b in daftar if b.nama not in hasil]
    total = sum(u for _, u in perlu)
    selesai = 0
    if progres is not None:  # parsing starts (or, with nothing to parse, loading is done)
        progres(0, total)

    def terima(b: Berkas, ukuran: int, isi: Isi, k: cache.Kunci | None) -> None:
        nonlocal selesai
        hasil[b.nama] = isi
        kunci[b.nama] = k
        selesai += ukuran
        if progres is not None:
            progres(selesai, total)

    def di_sini(b: Berkas, ukuran: int) -> None:
        data, st, gagal = baca(b.jalur, b.nama)
        if data is None or st is None:
            assert gagal is not None
            terima(b, ukuran, gagal, None)
            return
        isi = olah(data, b.nama, b.jenis)
        k = cache.kunci(b.nama, data, st.st_size, st.st_mtime_ns)  # of the bytes parsed
        if b.jenis == "laporan":
            terima(b, ukuran, _nilai_dan_simpan(isi, b.nama, aturan, tembolok, k), k)
            return
        if tembolok is not None and k is not None:
            tembolok.simpan(k, sandikan(isi, b.nama))
        terima(b, ukuran, isi, k)

    def dari_pekerja(b: Berkas, ukuran: int, kode: bytes, k: cache.Kunci | None) -> None:
        # The worker kept what it made in the cache itself: this run's entry.
        if tembolok is not None and k is not None:
            if aturan is not None and b.jenis == "laporan":
                tembolok.pakai(cache.kunci_nilai(k, aturan.parameter()))
            else:
                tembolok.pakai(k)
        isi = BACA_NILAI.decode(kode) if b.jenis == "laporan" else BACA.decode(kode)
        terima(b, ukuran, isi, k)

    perlu.sort(key=lambda x: -x[1])  # the largest first: the workers finish together
    inti = min(inti_prosesor(), len(perlu))
    if inti > 1 and total >= AMBANG_PARALEL and aturan is not None:
        from concurrent.futures.process import BrokenProcessPool

        with contextlib.suppress(OSError, BrokenProcessPool):
            folder_cache = tembolok.folder if tembolok is not None else None
            _paralel(collections.deque(perlu), (aturan, folder_cache), inti - 1, dari_pekerja,
                     di_sini)  # fmt: skip
    for b, ukuran in perlu:  # what is left: all of it, or what the workers could not do
        if b.nama not in hasil:
            di_sini(b, ukuran)
    return hasil


def _nilai_dan_simpan(
    isi: IsiBerkas,
    nama: str,
    aturan: AturanNilai | None,
    tembolok: cache.Cache | None,
    k: cache.Kunci | None,
) -> NilaiBerkas:
    """A report file's records scored (the second stage), kept in the cache under the key
    of the bytes they came from and the policy values."""
    assert aturan is not None  # report files are loaded after the policy
    dinilai = nilai(isi, nama, aturan)
    if tembolok is not None and k is not None:
        tembolok.simpan(cache.kunci_nilai(k, aturan.parameter()), sandikan(dinilai, nama))
    return dinilai


Hasil = tuple[bytes, cache.Kunci | None]


def _paralel(
    sisa: collections.deque[tuple[Berkas, int]],
    untuk_pekerja: tuple[AturanNilai, Path | None],
    pekerja: int,
    terima: Callable[[Berkas, int, bytes, cache.Kunci | None], None],
    di_sini: Callable[[Berkas, int], None],
) -> None:
    """Parse in `pekerja` spawned processes (as on Windows: nothing relies on fork) and in
    this one: the workers take the largest files first, this process the smallest, until
    none is left. This process is one of the cores; its results need no decoding."""
    import multiprocessing  # only for large runs: start-up time
    from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

    konteks = multiprocessing.get_context("spawn")
    tugas: dict[Future[Hasil], tuple[Berkas, int]] = {}

    def ambil(selesai: set[Future[Hasil]]) -> None:
        for f in selesai:
            b, u = tugas.pop(f)
            terima(b, u, *f.result())

    tersisa = sum(u for _, u in sisa)  # bytes not yet taken by anyone
    with ProcessPoolExecutor(max_workers=pekerja, mp_context=konteks) as pool:

        def kirim() -> None:
            # One file per worker, and a second queued behind it (so a worker is not idle
            # while this process finishes a file) only if what stays for this process is
            # at least as large: a few large files are never all queued to one worker.
            nonlocal tersisa
            while sisa and len(tugas) < 2 * pekerja:
                b, u = sisa[0]
                if len(tugas) >= pekerja and tersisa - u < u:
                    return
                sisa.popleft()
                tersisa -= u
                f = pool.submit(olah_berkas, b.jalur, b.nama, b.jenis, *untuk_pekerja)
                tugas[f] = (b, u)

        kirim()
        while sisa:
            b, u = sisa.pop()
            tersisa -= u
            di_sini(b, u)
            ambil({f for f in tugas if f.done()})
            kirim()
        while tugas:
            ambil(wait(tugas, return_when=FIRST_COMPLETED).done)


def _ukuran(jalur: Path) -> int:
    try:
        return jalur.stat().st_size
    except OSError:
        return 0


def _dari_cache(
    b: Berkas, aturan: AturanNilai | None, tembolok: cache.Cache
) -> tuple[Isi | None, cache.Kunci | None]:
    """A file's content from the cache, or None. A report file's scored reports: as kept
    under this policy, or kept under other policy values and scored again (kept too)."""
    k = kunci_sekarang(b)
    if k is None:
        return None, None
    try:
        if b.jenis != "laporan" or aturan is None:
            data = tembolok.ambil(k)
            return (BACA.decode(data) if data is not None else None), k
        k_nilai = cache.kunci_nilai(k, aturan.parameter())
        data = tembolok.ambil(k_nilai)
        if data is not None:
            return BACA_NILAI.decode(data), k
        lain = tembolok.ambil_sebelumnya(k_nilai)
        if lain is None:
            return None, k
        isi = BACA_NILAI.decode(lain[1])
        isi.laporan = nilai_ulang(isi.laporan, aturan)
        tembolok.simpan(k_nilai, sandikan(isi, b.nama))
        return isi, k
    except msgspec.DecodeError:  # cannot happen short of a bug or a damaged disk: a miss
        return None, k


# ---------------------------------------------------------------- lines and columns
def baca_teks(muatan: Muatan, nama: str) -> str | None:
    """A workspace file's text by its relative name, for finding line numbers.

    Should the file no longer be what this run loaded (changed while it ran), the
    run's result is not kept (`muatan.jejak` is dropped): its lines come from another text.
    """
    try:
        data = (muatan.folder / nama).read_bytes()
    except OSError:
        muatan.jejak = None
        return None
    if muatan.jejak is not None and cache.sidik(data) not in {
        h for n, _, _, h in muatan.jejak.berkas if n == nama
    }:
        muatan.jejak = None
    return yamlio.dekode(data, nama)[0]


def lengkapi(muatan: Muatan, masalah: list[Masalah]) -> list[Masalah]:
    """The problems with their lines and columns, sorted by file and line."""
    if all(
        m.lokasi.rekaman is None and (m.lihat_juga is None or m.lihat_juga.rekaman is None)
        for m in masalah
    ):
        return urutkan(masalah)  # whole-file problems: no line to look up
    from asnkinerja.baca import posisi  # PyYAML, only when lines are looked up

    return urutkan(
        posisi.lengkapi_posisi(masalah, lambda nama: baca_teks(muatan, nama), muatan.jumlah_rekaman)
    )


def penempat(muatan: Muatan) -> Callable[..., str]:
    """`berkas:baris` of a location, for explanations that cite every number's source."""
    from asnkinerja.baca import posisi

    return posisi.Penempat(lambda nama: baca_teks(muatan, nama), muatan.jumlah_rekaman).teks
