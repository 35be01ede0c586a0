"""Nothing a user can put in a workspace makes `periksa` crash.

Hand-picked odd inputs, then random mutations of the valid workspace's text:
every run must end in problems (or none), never in an exception.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from asnkinerja import api
from asnkinerja.cli import app
from asnkinerja.masalah import Masalah

from conftest import DASAR, HARI_INI


def periksa(ruang: Path) -> list[Masalah]:
    return api.periksa(ruang, HARI_INI).masalah


ANEH = {
    "skalar": "hanya teks\n",
    "kosong": "",
    "null": "~\n",
    "angka-sebagai-kunci": "- 1: a\n  nip: 2\n",
    "kunci-kompleks": "- ? [1, 2]\n  : x\n",
    "nip-null": "- nip: null\n  periode: null\n  pencapaian: null\n",
    "tab": "- nip: '1'\n\tperiode: x\n",
    "jam": "- {nip: '198609262010052002', periode: '2025-10', tanggal_lapor: 2025-11-03T10:00:00,"
    " pencapaian: [{indikator: a, target: 1, realisasi: 1}]}\n",
    "angka-raksasa": "- {nip: 1e400, periode: 2025-10, tanggal_lapor: 2025-11-03,"
    " pencapaian: [{indikator: a, target: .inf, realisasi: .nan}]}\n",
    "alias-bom": "a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
    "c: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c]\n",
    "dokumen-campur": "---\n- nip: x\n---\nhanya teks\n---\n[1, 2]\n",
    "biner": "\x00\x01\x02",
    "daftar-bersarang": "- - - nip: 1\n",
    "tag-python": "- !!python/object/apply:os.system ['echo jahat']\n",
}


@pytest.mark.parametrize("nama", sorted(ANEH))
@pytest.mark.parametrize("berkas", ["laporan/aneh.yaml", "pegawai.yaml", "kebijakan.yaml",
                                    "pelatihan.yaml"])  # fmt: skip
def test_masukan_aneh_tidak_membuat_crash(nama: str, berkas: str, tmp_path: Path) -> None:
    ruang = Path(shutil.copytree(DASAR, tmp_path / "r"))
    (ruang / berkas).write_text(ANEH[nama], encoding="utf-8")
    masalah = periksa(ruang)
    for m in masalah:
        assert m.lokasi.berkas and m.pesan
    kebijakan_bawaan = berkas == "kebijakan.yaml" and nama in ("kosong", "null")
    if not kebijakan_bawaan:  # an empty policy means "all defaults"; anything else is news
        assert any(m.lokasi.berkas == berkas for m in masalah), masalah


def test_folder_bernama_seperti_berkas(tmp_path: Path) -> None:
    ruang = Path(shutil.copytree(DASAR, tmp_path / "r"))
    (ruang / "pelatihan.yaml").unlink()
    (ruang / "pelatihan.yaml").mkdir()
    hasil = CliRunner().invoke(app, ["periksa", str(ruang)])
    # A folder is not a pelatihan file: the workspace reads as one without training
    # records (issue 15 asks that such a path be named in a problem).
    assert hasil.exit_code == 0
    assert "0 kegiatan pengembangan" in hasil.output


def test_mutasi_acak_tidak_membuat_crash(tmp_path: Path) -> None:
    acak = random.Random(2026)
    asli = {p.relative_to(DASAR): p.read_text(encoding="utf-8") for p in DASAR.rglob("*.yaml")}
    potongan = [":", "-", "[", "]", "{", "}", "'", '"', "\n", "  ", "#", "&a", "*a", "!!str",
                "~", "0", "-1", "2025-02-30", "198609262010052002", "null", "yes"]  # fmt: skip
    for putaran in range(60):
        ruang = Path(shutil.copytree(DASAR, tmp_path / f"r{putaran}"))
        rel = acak.choice(sorted(asli))
        teks = list(asli[rel])
        for _ in range(acak.randint(1, 6)):
            i = acak.randrange(len(teks))
            if acak.random() < 0.5:
                del teks[i : i + acak.randint(1, 8)]
            else:
                teks.insert(i, acak.choice(potongan))
        (ruang / rel).write_text("".join(teks), encoding="utf-8")
        masalah = periksa(ruang)
        assert all(m.pesan for m in masalah)


def test_kebijakan_dan_data_ekstrem_tidak_membuat_crash(tmp_path: Path) -> None:
    ruang = Path(shutil.copytree(DASAR, tmp_path / "r"))
    with (ruang / "kebijakan.yaml").open("a", encoding="utf-8") as f:
        f.write(
            "penilaian: {bobot: {hasil_kerja: 0, perilaku: 0, pengembangan: 10}}\n"
            "penghargaan: {insentif: {anggaran: 1000000, skema: proporsional},"
            " syarat: {bebas_hukuman_disiplin_tahun: 9999, predikat_minimal: null,"
            " laporan_lengkap: false}}\n"
            "mentoring: {mentor_bebas_hukuman_disiplin_tahun: 9999}\n"
        )
    laporan = ruang / "laporan" / "2025-10.yaml"
    laporan.write_text(
        laporan.read_text(encoding="utf-8").replace(
            "target: 40\n      realisasi: 44",
            "target: 0.000000001\n      realisasi: 50000000000000",
        ),
        encoding="utf-8",
    )
    ev = api.evaluasi(ruang, "2025-10", HARI_INI)
    assert ev.hasil is not None, ev.masalah
    assert ev.hasil.penghargaan is not None
    assert sum(p.insentif for p in ev.hasil.penghargaan.penerima) <= 1_000_000
    assert api.jelaskan(ev, "198609262010052002")


def test_yaml_di_folder_utama_yang_tidak_dikenal_diperingatkan(tmp_path: Path) -> None:
    ruang = Path(shutil.copytree(DASAR, tmp_path / "r"))
    (ruang / "laporan.yaml").write_text("[]\n", encoding="utf-8")
    masalah = periksa(ruang)
    assert [m.lokasi.berkas for m in masalah] == ["laporan.yaml"]
    assert "laporan disimpan di folder laporan/" in masalah[0].pesan
