"""Editing YAML files as a person would (`sunting`): only the changed lines differ; comments,
layout, line endings and byte-order mark stay; every edit parses back to what was meant."""

from __future__ import annotations

import datetime

import pytest

from asnkinerja.baca.yamlio import urai
from asnkinerja.sunting import BerkasYaml, TidakBisaDisunting


def _ubah(teks: str, indeks: int, nilai: dict[str, object]) -> str:
    b = BerkasYaml("x.yaml", teks.encode("utf-8"))
    b.ubah(indeks, nilai)
    return b.bita().decode("utf-8")


DAFTAR = """\
# Daftar pegawai.

# ---- Distrik
- nip: "197204111998031002"  # kepala
  nama: "Yohanes"
  golongan: "IV/a"  # naik pangkat 2026?
  hukuman_disiplin:
    - tingkat: ringan
      tanggal: 2024-01-02
  # catatan setelah daftar hukuman
  unit: "Distrik"

# ---- OPD lain
- nip: "198609262010052004"
  nama: "Maria"
  unit: "OPD"
"""


def test_nilai_sebaris_diganti_di_tempatnya_komentarnya_tetap() -> None:
    baru = _ubah(DAFTAR, 0, {"golongan": "IV/b"})
    assert baru == DAFTAR.replace('golongan: "IV/a"  #', 'golongan: "IV/b"  #')


def test_blok_diganti_komentar_sesudahnya_tetap() -> None:
    hukuman = [{"tingkat": "sedang", "tanggal": datetime.date(2025, 3, 1)}]
    baru = _ubah(DAFTAR, 0, {"hukuman_disiplin": hukuman})
    assert baru == DAFTAR.replace("tingkat: ringan\n      tanggal: 2024-01-02",
                                  "tingkat: sedang\n      tanggal: 2025-03-01")  # fmt: skip


def test_kunci_baru_di_akhir_rekaman_sebelum_komentar_rekaman_berikut() -> None:
    baru = _ubah(DAFTAR, 0, {"atasan": "196812011993031001"})
    tambah = '  unit: "Distrik"\n  atasan: "196812011993031001"\n'
    assert baru == DAFTAR.replace('  unit: "Distrik"\n', tambah)


def test_dokumen_terpisah_garis_dan_komentar_kepalanya() -> None:
    teks = (
        '# Sosialisasi Februari\n# (dua narasumber)\nnama: "Sosialisasi"\njp: 4\n'
        '---\n# kedua\nnama: "Lokakarya"\njp: 8  # sehari\n'
    )
    assert _ubah(teks, 0, {"jp": 6}) == teks.replace("jp: 4", "jp: 6")
    assert _ubah(teks, 1, {"jp": 12}) == teks.replace("jp: 8  #", "jp: 12  #")
    assert _ubah(teks, 1, {"tanggal": datetime.date(2025, 2, 1)}) == teks + "tanggal: 2025-02-01\n"


def test_rekaman_ditulis_ulang_utuh_bila_bentuknya_tidak_biasa() -> None:
    # A flow-style record: rewritten whole, its neighbours untouched, nothing doubled.
    teks = '- {nip: "197204111998031002", nama: "Yohanes"}\n- nip: "198609262010052004"\n'
    baru = _ubah(teks, 0, {"nama": "Yohanes P."})
    assert baru == ('- nip: "197204111998031002"\n  nama: "Yohanes P."\n'
                    '- nip: "198609262010052004"\n')  # fmt: skip


def test_pemetaan_kosong_dalam_daftar() -> None:
    teks = '- nip: "1"\n  hukuman_disiplin: [{}]\n'
    b = BerkasYaml("x.yaml", teks.encode("utf-8"))
    b.ubah(0, {"nama": "A"})
    rekaman, _ = urai(b.bita().decode("utf-8"), "x.yaml")
    assert rekaman == [{"nip": "1", "hukuman_disiplin": [{}], "nama": "A"}]


@pytest.mark.parametrize(
    ("awal", "harap"),
    [(b"\xef\xbb\xbf", "\r\n"), (b"", "\r\n")],
    ids=["bom-crlf", "crlf"],
)
def test_akhir_baris_windows(awal: bytes, harap: str) -> None:
    data = awal + DAFTAR.replace("\n", harap).encode("utf-8")
    b = BerkasYaml("x.yaml", data)
    b.ubah(1, {"nama": "Maria K."})
    assert b.bita() == awal + DAFTAR.replace('"Maria"', '"Maria K."').replace("\n", harap).encode(
        "utf-8"
    )


def test_akhir_baris_campuran_dibiarkan() -> None:
    teks = DAFTAR.replace("# Daftar pegawai.\n", "# Daftar pegawai.\r\n")
    assert _ubah(teks, 1, {"nama": "Maria K."}) == teks.replace('"Maria"', '"Maria K."')


def test_berkas_yang_tidak_terurai_tidak_disunting() -> None:
    with pytest.raises(TidakBisaDisunting):
        BerkasYaml("x.yaml", b"- nip: [\n")
