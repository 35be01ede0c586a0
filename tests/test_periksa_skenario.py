"""Every bad-input scenario gives exactly its expected messages (tests/data/invalid/*).

Each scenario folder holds files laid over the small valid workspace
(tests/data/dasar) and `harapan.txt`: the exact lines `asnkinerja periksa`
prints for it, in order. Regenerate only on purpose, after reading the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from asnkinerja import api

from conftest import DASAR, HARI_INI, INVALID, bangun_skenario

SKENARIO = sorted(p.name for p in INVALID.iterdir() if p.is_dir())


def test_ruang_dasar_bersih() -> None:
    masalah = api.periksa(DASAR, HARI_INI).masalah
    assert masalah == []


@pytest.mark.parametrize("skenario", SKENARIO)
def test_skenario(skenario: str, tmp_path: Path) -> None:
    ruang = bangun_skenario(tmp_path / "ruang", skenario)
    masalah = api.periksa(ruang, HARI_INI).masalah
    harapan = (INVALID / skenario / "harapan.txt").read_text(encoding="utf-8")
    assert "".join(m.baris_teks() + "\n" for m in masalah) == harapan
    assert masalah, "a bad-input scenario must produce at least one problem"


def test_skenario_mencakup_semua_pemeriksaan_wajib() -> None:
    """The issue's list of checks, each with at least one scenario."""
    wajib = {
        "yaml-kurung-tak-tertutup", "realisasi-hilang", "realisasi-teks", "kunci-salah-eja",
        "kunci-ganda", "nip-tanggal-lahir", "nip-bulan-13", "nip-jenis-kelamin", "nip-ganda",
        "laporan-nip-asing", "laporan-ganda", "periode-tidak-sesuai", "target-nol",
        "perilaku-di-luar-rentang", "atasan-asing", "penilai-asing", "siklus-atasan",
        "peserta-asing", "tanggal-mustahil", "peringatan-kebijakan-laporan",
    }  # fmt: skip
    assert wajib <= set(SKENARIO)
