"""Property-based: random mutations of the small workspace (keys deleted, renamed, retyped,
values swapped, lists emptied, files truncated, bytes flipped, control characters and
links added) never raise, every rejection is a problem with a file (and a line where the
record has one), and every accepted workspace evaluates to the same result with and
without the cache. Bounded for CI; on failure Hypothesis prints the example and a
`@reproduce_failure` blob to run it again."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from asnkinerja import api

from conftest import DASAR, HARI_INI

BERKAS = ["kebijakan.yaml", "pegawai.yaml", "laporan/2025-10.yaml", "laporan/2025-11.yaml",
          "pelatihan.yaml"]  # fmt: skip
NILAI_ACAK = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**20), 10**20), st.floats(allow_nan=True),
    st.text(max_size=12), st.lists(st.integers(0, 9), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(0, 5), max_size=2),
    st.sampled_from(["\x1b[2J", "1.98609E+17", "2025-13-45", "III/z", "", " ", "PNS\x00"]),
)  # fmt: skip


def _jalur(x: Any, acak: st.DataObject) -> list[Any]:
    """A random path to a value inside a parsed document."""
    jalur: list[Any] = []
    while isinstance(x, (dict, list)) and x and acak.draw(st.booleans()):
        k = acak.draw(st.sampled_from(sorted(x, key=str) if isinstance(x, dict)
                                      else list(range(len(x)))))  # fmt: skip
        jalur.append(k)
        x = x[k]
    return jalur


def _mutasi_struktur(dok: Any, acak: st.DataObject) -> Any:
    jalur = _jalur(dok, acak)
    if not jalur:
        return acak.draw(st.sampled_from([[], {}, None, "teks", [dok], dok]))
    induk = dok
    for k in jalur[:-1]:
        induk = induk[k]
    k = jalur[-1]
    aksi = acak.draw(st.sampled_from(["hapus", "ganti_nama", "ganti_jenis", "tukar", "kosongkan"]))
    if aksi == "hapus":
        del induk[k]
    elif aksi == "ganti_nama" and isinstance(induk, dict):
        induk[acak.draw(st.sampled_from([f"{k}x", str(k).upper(), "nip", "nama", "unit"]))] = (
            induk.pop(k)
        )
    elif aksi == "tukar" and isinstance(induk, dict) and len(induk) > 1:
        lain = acak.draw(st.sampled_from(sorted(induk, key=str)))
        induk[k], induk[lain] = induk[lain], induk[k]
    elif aksi == "kosongkan" and isinstance(induk[k], (list, dict)):
        induk[k] = type(induk[k])()
    else:
        induk[k] = acak.draw(NILAI_ACAK)
    return dok


def _mutasi_bita(data: bytes, acak: st.DataObject) -> bytes:
    aksi = acak.draw(st.sampled_from(["potong", "balik_bit", "sisip"]))
    if not data:
        return data
    i = acak.draw(st.integers(0, len(data) - 1))
    if aksi == "potong":
        return data[:i]
    if aksi == "balik_bit":
        return data[:i] + bytes([data[i] ^ (1 << acak.draw(st.integers(0, 7)))]) + data[i + 1 :]
    sisip = acak.draw(st.sampled_from([b"\x00", b"\x1b[2J", b"\xff", b"\t", b": :", b"- ", b"\r"]))
    return data[:i] + sisip + data[i:]


def _tautan(ruang: Path, acak: st.DataObject) -> None:
    if os.name == "nt":
        return
    nama = ruang / "laporan" / acak.draw(st.sampled_from(["t.yaml", "t", "2025-10.yaml"]))
    tujuan = acak.draw(st.sampled_from(["../pegawai.yaml", "tidak-ada", "..", "/etc/hostname",
                                        "2025-11.yaml", "t.yaml"]))  # fmt: skip
    nama.unlink(missing_ok=True)
    nama.symlink_to(tujuan)


@settings(max_examples=200, deadline=None, print_blob=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])  # fmt: skip
@given(st.data())
def test_mutasi_acak_berakhir_dengan_masalah_atau_hasil_yang_sama(acak: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as t:
        ruang = Path(shutil.copytree(DASAR, Path(t) / "r"))
        lama_cache = os.environ.get("ASNKINERJA_CACHE")
        os.environ["ASNKINERJA_CACHE"] = str(Path(t) / "cache")  # each example its own
        try:
            _satu_contoh(ruang, acak)
        finally:
            if lama_cache is None:
                os.environ.pop("ASNKINERJA_CACHE", None)
            else:
                os.environ["ASNKINERJA_CACHE"] = lama_cache


def _satu_contoh(ruang: Path, acak: st.DataObject) -> None:
    """Mutate the workspace 1-3 times, then hold it to the properties."""
    for _ in range(acak.draw(st.integers(1, 3))):
        jenis = acak.draw(st.sampled_from(["struktur", "bita", "tautan"]))
        nama = acak.draw(st.sampled_from(BERKAS))
        p = ruang / nama
        if jenis == "tautan":
            _tautan(ruang, acak)
        elif not p.is_file() or p.is_symlink():
            continue
        elif jenis == "struktur":
            try:
                dok = yaml.safe_load(p.read_text(encoding="utf-8"))
            except (yaml.YAMLError, UnicodeDecodeError, ValueError):
                continue
            teks = yaml.safe_dump(_mutasi_struktur(dok, acak), allow_unicode=True)
            p.write_text(teks, encoding="utf-8")
        else:
            p.write_bytes(_mutasi_bita(p.read_bytes(), acak))
    dengan = api.periksa(ruang, HARI_INI)
    tanpa = api.periksa(ruang, HARI_INI, pakai_cache=False)
    assert dengan.masalah == tanpa.masalah
    t_ = api.muat(ruang, HARI_INI, pakai_cache=False)
    for m in t_.dengan_baris():
        assert m.lokasi.berkas, m
        if m.lokasi.rekaman is not None:
            assert m.lokasi.baris is not None, m  # a record's problem has its line
    if any(m.tingkat == "galat" for m in dengan.masalah):
        event("ditolak dengan galat")
        return
    event("diterima dan dievaluasi")
    periode = sorted({n.kode_periode for n in t_.ruang.laporan})
    for p in periode[-1:]:
        a = api.keluaran_evaluasi(ruang, p, HARI_INI, json=True)
        b = api.keluaran_evaluasi(ruang, p, HARI_INI, json=True, pakai_cache=False)
        assert a.galat == b.galat and a.json == b.json


DOKUMEN = st.recursive(
    NILAI_ACAK,
    lambda anak: st.one_of(
        st.lists(anak, max_size=4),
        st.dictionaries(
            st.sampled_from(["nip", "nama", "unit", "periode", "pencapaian", "target",
                             "realisasi", "penilaian", "perilaku", "x", "jp", "peserta",
                             "tanggal", "tanggal_lapor", "atasan", "kompetensi"]),
            anak, max_size=5,
        ),
    ),
    max_leaves=25,
)  # fmt: skip


@settings(max_examples=150, deadline=None, print_blob=True,
          suppress_health_check=[HealthCheck.too_slow])  # fmt: skip
@given(nama=st.sampled_from(BERKAS), dokumen=DOKUMEN)
def test_dokumen_acak_ditolak_dengan_berkas_dan_baris(nama: str, dokumen: Any) -> None:
    with tempfile.TemporaryDirectory() as t:
        ruang = Path(shutil.copytree(DASAR, Path(t) / "r"))
        (ruang / nama).write_text(yaml.safe_dump(dokumen, allow_unicode=True), encoding="utf-8")
        t_ = api.muat(ruang, HARI_INI, pakai_cache=False)
        for m in t_.dengan_baris():
            assert m.lokasi.berkas, m
            if m.lokasi.rekaman is not None:
                assert m.lokasi.baris is not None, m
