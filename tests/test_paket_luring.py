"""The offline install kit: built by tools/paket_luring.py (with the package index), then
installed into a fresh virtual environment with no package index at all."""

from __future__ import annotations

import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

from conftest import REPO

VERSI = f"{sys.version_info.major}.{sys.version_info.minor}"


@pytest.mark.skipif(VERSI not in ("3.10", "3.11", "3.12", "3.13"), reason="kit: Python 3.10-3.13")
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kit test builds for Linux")
def test_pasang_dari_paket_luring_tanpa_indeks(tmp_path: Path) -> None:
    paket = tmp_path / "paket-luring"
    subprocess.run(
        [sys.executable, str(REPO / "tools" / "paket_luring.py"), "--ke", str(paket),
         "--python", VERSI, "--platform", "linux"],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    assert (paket / "BACA.txt").read_text(encoding="utf-8").count("--no-index") == 1
    assert len(list(paket.glob("asnkinerja-*.whl"))) == 1
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    py = env_dir / "bin" / "python"
    lingkungan = {**os.environ, "PIP_NO_INDEX": "1", "PIP_CONFIG_FILE": os.devnull}
    hasil = subprocess.run(
        [str(py), "-m", "pip", "install", "--no-index", "--find-links", str(paket),
         "asnkinerja"],
        capture_output=True, text=True, timeout=600, env=lingkungan, check=False,
    )  # fmt: skip
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
    asnkinerja = env_dir / "bin" / "asnkinerja"
    versi = subprocess.run([str(asnkinerja), "--versi"], capture_output=True, text=True,
                           check=True)  # fmt: skip
    assert versi.stdout.startswith("asnkinerja ")
    ruang = tmp_path / "wanggar"
    subprocess.run([str(asnkinerja), "contoh", str(ruang)], check=True, capture_output=True)
    evaluasi = subprocess.run(
        [str(asnkinerja), "evaluasi", str(ruang), "--periode", "2025", "--format", "xlsx",
         "--tanggal", "2026-11-28"],
        capture_output=True, text=True, check=False, env={**lingkungan,
        "ASNKINERJA_CACHE": str(tmp_path / "cache")},
    )  # fmt: skip
    assert evaluasi.returncode == 0, evaluasi.stdout + evaluasi.stderr
    assert (ruang / "hasil" / "evaluasi-2025.xlsx").is_file()
    # The officer's whole way, offline: SIASN roster and OPD forms in, workbook out.
    from test_impor import alur_kantor

    def jalankan(argumen: list[str]) -> None:
        r = subprocess.run(
            [str(asnkinerja), *argumen, "--tanggal", "2026-11-28"], capture_output=True,
            text=True, check=False, env={**lingkungan, "ASNKINERJA_CACHE": str(tmp_path / "c")},
        )  # fmt: skip
        assert r.returncode == 0, f"{argumen}\n{r.stdout}{r.stderr}"

    alur_kantor(jalankan, tmp_path)
    assert (tmp_path / "hasil.xlsx").is_file()
