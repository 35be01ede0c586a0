"""The YAML layer: YAML 1.2 meaning, duplicate keys, encodings, and line numbers."""

from __future__ import annotations

import datetime

import pytest

from asnkinerja.baca import posisi, yamlio
from asnkinerja.masalah import Lokasi

from conftest import WANGGAR


def test_yaml_1_2_no_yes_on_tetap_teks_dan_010_sepuluh() -> None:
    rekaman, masalah = yamlio.urai("a: no\nb: yes\nc: on\nd: 010\ne: 2026-10-05\n", "x.yaml")
    assert masalah == []
    assert rekaman == [{"a": "no", "b": "yes", "c": "on", "d": 10, "e": datetime.date(2026, 10, 5)}]


def test_kunci_ganda_galat_dengan_kedua_tempat() -> None:
    rekaman, masalah = yamlio.urai("- a: 1\n  b: 2\n  a: 3\n", "x.yaml")
    assert rekaman is None
    [m] = masalah
    assert (m.lokasi.baris, m.lokasi.kolom) == (3, 3)
    assert m.lihat_juga is not None and (m.lihat_juga.baris, m.lihat_juga.kolom) == (1, 3)
    assert 'kunci "a" ditulis dua kali' in m.pesan


def test_bom_windows_dibuang() -> None:
    teks, masalah = yamlio.dekode("\ufeffnama: Ëster\n".encode(), "x.yaml")
    assert masalah == [] and teks == "nama: Ëster\n"
    assert yamlio.urai(teks, "x.yaml")[0] == [{"nama": "Ëster"}]


def test_bukan_utf8_menyebut_baris() -> None:
    teks, [m] = yamlio.dekode(b"a: 1\nb: caf\xe9\n", "x.yaml")
    assert teks is None and m.lokasi.baris == 2 and "UTF-8" in m.pesan


@pytest.mark.parametrize(
    ("teks", "jumlah"),
    [
        ("", 0),
        ("# hanya komentar\n", 0),
        ("a: 1\n", 1),
        ("- a: 1\n- a: 2\n", 2),
        ("---\na: 1\n---\na: 2\n", 2),
        ("---\n- a: 1\n- a: 2\n---\na: 3\n", 3),
    ],
)
def test_rekaman_diratakan(teks: str, jumlah: int) -> None:
    rekaman, masalah = yamlio.urai(teks, "x.yaml")
    assert masalah == [] and rekaman is not None and len(rekaman) == jumlah


TEKS_CAMPUR = """\
# komentar
---
nip: "1"
pencapaian:
  - {indikator: a, target: 1}
  - indikator: b
    target: 2
---
- nip: "2"
  catatan: |
    - bukan butir
    baris kedua
- nip: "3"
"""


@pytest.mark.parametrize("jumlah", [3, None, 99])
def test_posisi_potongan_sama_dengan_susunan_utuh(jumlah: int | None) -> None:
    peta = posisi.PetaPosisi(TEKS_CAMPUR, jumlah)
    assert peta.cari(Lokasi("x", 0, ("pencapaian", 1, "target"))) == (7, 13)
    assert peta.cari(Lokasi("x", 0, ("pencapaian", 0, "target"))) == (5, 28)
    assert peta.cari(Lokasi("x", 1, ("catatan",))) == (10, 12)
    assert peta.cari(Lokasi("x", 2, ("nip",))) == (13, 8)
    assert peta.cari(Lokasi("x", 2, ("nip",), di_kunci=True)) == (13, 3)
    # A key that is not there: the record itself.
    assert peta.cari(Lokasi("x", 1, ("tidak_ada",))) == (9, 3)


def test_posisi_potongan_pada_sampel_sama_dengan_susunan_utuh() -> None:
    """The cheap slicing agrees with composing the whole file, record by record."""
    for berkas in [WANGGAR / "pegawai.yaml", WANGGAR / "laporan" / "2025-03.yaml"]:
        teks = berkas.read_text(encoding="utf-8")
        rekaman, _ = yamlio.urai(teks, berkas.name)
        assert rekaman
        cepat = posisi.PetaPosisi(teks, len(rekaman))
        lambat = posisi.PetaPosisi(teks, -1)  # a count that never matches: whole compose
        for i in range(len(rekaman)):
            for jalur in [
                (),
                ("nip",),
                ("nama",),
                ("periode",),
                ("tanggal_lapor",),
                ("tantangan",),
                ("rencana_perbaikan",),
                ("atasan",),
                ("penilaian", "penilai"),
                ("pencapaian", 0, "realisasi"),
            ]:
                lokasi = Lokasi(berkas.name, i, jalur)
                assert cepat.cari(lokasi) == lambat.cari(lokasi)


@pytest.mark.parametrize(
    "teks",
    [
        "- a: 1\n- b: 2\n",
        "-\n- x\n-\ty\r\n- z",
        "# kepala\n- a\n  - dalam\n-- bukan butir\n- b\n",
        "-",
        "- a\n- |\n  - bukan butir\n- c\n",
        "x: 1\n",
        "- a\n-",  # an empty item at the end, without a newline
        "- a\n-\r\n- b",
    ],
)
def test_potong_butir_sama_dengan_cara_umum(teks: str) -> None:
    """The whole-file slicing of plain lists gives the general slicer's answer."""
    assert posisi.potong_rekaman(teks) == posisi.potong_umum(teks)


def test_potong_butir_pada_sampel() -> None:
    for berkas in sorted(WANGGAR.rglob("*.yaml")):
        teks = berkas.read_text(encoding="utf-8")
        assert posisi.potong_rekaman(teks) == posisi.potong_umum(teks)
        if berkas.name != "kebijakan.yaml":  # a mapping: not a list, the general way
            assert posisi.potong_butir(teks) == posisi.potong_umum(teks)
