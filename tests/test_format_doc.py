"""docs/format.md is the format's contract: it must match the schema and its defaults."""

from __future__ import annotations

import re

import msgspec
import pytest
import yaml_rs
from msgspec import inspect as mi

from asnkinerja.inti import model

from conftest import REPO

DOC = (REPO / "docs" / "format.md").read_text(encoding="utf-8")
CONTOH_YAML = re.findall(r"```yaml\n(.*?)```", DOC, re.S)


def _kunci(jenis: type[msgspec.Struct], seen: set[type] | None = None) -> set[str]:
    """Every key name of a struct and of the structs inside it."""
    seen = seen if seen is not None else set()
    if jenis in seen:
        return set()
    seen.add(jenis)
    info = mi.type_info(jenis)
    assert isinstance(info, mi.StructType)
    hasil = set()
    tumpukan: list[mi.Type] = []
    for f in info.fields:
        hasil.add(f.encode_name)
        tumpukan.append(f.type)
    while tumpukan:
        t = tumpukan.pop()
        if isinstance(t, mi.StructType):
            hasil |= _kunci(t.cls, seen)
        elif isinstance(t, (mi.ListType, mi.DictType)):
            tumpukan.append(t.item_type if isinstance(t, mi.ListType) else t.value_type)
        elif isinstance(t, mi.UnionType):
            tumpukan.extend(t.types)
    return hasil


@pytest.mark.parametrize(
    "jenis", [model.Pegawai, model.Laporan, model.Pelatihan, model.Penetapan, model.Kebijakan]
)
def test_setiap_kunci_didokumentasikan(jenis: type[msgspec.Struct]) -> None:
    kode = " ".join(re.findall(r"`([^`\n]+)`", DOC))  # inline code spans of the prose
    for kunci in _kunci(jenis):
        assert re.search(rf"\b{kunci}\b", kode), f"`{kunci}` is not in docs/format.md"


def test_contoh_pegawai_laporan_pelatihan_sah() -> None:
    pegawai, laporan, pelatihan = CONTOH_YAML[0], CONTOH_YAML[1], CONTOH_YAML[2]
    for teks, jenis in ((pegawai, model.Pegawai), (laporan, model.Laporan),
                        (pelatihan, model.Pelatihan)):  # fmt: skip
        data = yaml_rs.loads(teks)
        assert isinstance(data, list) and data
        for butir in data:
            msgspec.convert(butir, jenis)


def test_contoh_kebijakan_lengkap_sama_dengan_bawaan() -> None:
    cocok = re.search(r"<!-- contoh:kebijakan-lengkap -->\n```yaml\n(.*?)```", DOC, re.S)
    assert cocok
    k = msgspec.convert(yaml_rs.loads(cocok.group(1)), model.Kebijakan)
    b = model.bawaan()
    for bagian in ("periode_laporan", "batas_lapor_hari", "penilaian", "pengembangan",
                   "penghargaan", "mentoring"):  # fmt: skip
        assert getattr(k, bagian) == getattr(b, bagian), bagian
