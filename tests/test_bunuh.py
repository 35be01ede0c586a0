"""A run killed while writing (SIGKILL: a power cut, the task manager; SIGTERM: a service
stopping) leaves every output as it was before or as the finished run writes it, never
half; what SIGKILL leaves half-written is swept by the next run, and SIGTERM cleans up
itself, as Ctrl+C does."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import WANGGAR

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX signals")

# The tool, with each atomic rename slowed, so a kill lands while a temp file exists.
LAMBAT = (
    "import os, sys, time\n"
    "asli = os.replace\n"
    "def pelan(a, b):\n"
    "    time.sleep(float(os.environ.get('JEDA', '0')))\n"
    "    asli(a, b)\n"
    "os.replace = pelan\n"
    "from asnkinerja.masuk import main\n"
    "sys.argv[0] = 'asnkinerja'\n"
    "main()\n"
)
PERINTAH = ["evaluasi", "--periode", "2025", "--format", "md,html,json,xlsx", "--rapor",
            "--tanggal", "2026-11-28"]  # fmt: skip


def _mulai(ruang: Path, keluaran: Path, cache: Path, jeda: float) -> subprocess.Popen[bytes]:
    env = {**os.environ, "ASNKINERJA_CACHE": str(cache), "JEDA": str(jeda)}
    return subprocess.Popen(
        [sys.executable, "-c", LAMBAT, *PERINTAH, str(ruang), "--keluaran", str(keluaran)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip


def _jalankan(ruang: Path, keluaran: Path, cache: Path) -> None:
    p = _mulai(ruang, keluaran, cache, 0)
    _, err = p.communicate(timeout=300)
    assert p.returncode == 0, err.decode()


def _isi(folder: Path) -> dict[str, bytes]:
    """The outputs (not the temporary files a SIGKILL leaves until the next run)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in sorted(folder.rglob("*"))
            if p.is_file() and ".cadangan" not in p.parts
            and not p.name.startswith(".asnkinerja-")}  # fmt: skip


def _sementara(*folder: Path) -> list[Path]:
    return [p for f in folder for p in f.rglob(".asnkinerja-*.tmp")]


@pytest.fixture
def keadaan(tmp_path: Path) -> tuple[Path, Path, Path, dict[str, bytes], dict[str, bytes]]:
    """A workspace whose outputs were written once (the "before"), its input then changed,
    and the outputs the changed input gives (the "after", written elsewhere)."""
    ruang = Path(shutil.copytree(WANGGAR, tmp_path / "w"))
    keluaran, cache = tmp_path / "hasil", tmp_path / "cache"
    _jalankan(ruang, keluaran, cache)
    sebelum = _isi(keluaran)
    k = ruang / "kebijakan.yaml"
    teks = k.read_text(encoding="utf-8").replace("instansi:", "# diubah\ninstansi:", 1)
    k.write_text(teks.replace("Distrik Wanggar", "Distrik Wanggar Baru", 1), encoding="utf-8")
    acuan = tmp_path / "acuan"
    _jalankan(ruang, acuan, tmp_path / "cache-acuan")
    sesudah = _isi(acuan)
    assert sebelum != sesudah
    return ruang, keluaran, cache, sebelum, sesudah


def _utuh(keluaran: Path, sebelum: dict[str, bytes], sesudah: dict[str, bytes]) -> None:
    """Every output is the old one or the new one, whole."""
    for nama, data in _isi(keluaran).items():
        assert data in (sebelum.get(nama), sesudah.get(nama)), nama


def _tunggu_sementara(p: subprocess.Popen[bytes], *folder: Path) -> bool:
    batas = time.monotonic() + 120
    while time.monotonic() < batas and p.poll() is None:
        if _sementara(*folder):
            return True
        time.sleep(0.005)
    return False


@pytest.mark.parametrize("sinyal", [signal.SIGKILL, signal.SIGTERM])
def test_dibunuh_pada_berkas_sementara_pertama(
    sinyal: signal.Signals, keadaan: tuple[Path, Path, Path, dict[str, bytes], dict[str, bytes]]
) -> None:
    ruang, keluaran, cache, sebelum, sesudah = keadaan
    p = _mulai(ruang, keluaran, cache, 0.3)
    assert _tunggu_sementara(p, keluaran, cache), "no temporary file seen before the run ended"
    p.send_signal(sinyal)
    _, err = p.communicate(timeout=60)
    _utuh(keluaran, sebelum, sesudah)
    if sinyal == signal.SIGTERM:
        assert p.returncode == 128 + signal.SIGTERM and b"Dihentikan." in err
        assert _sementara(keluaran, cache) == []  # cleaned up by the run itself
    else:
        assert p.returncode == -signal.SIGKILL
    _jalankan(ruang, keluaran, cache)  # the next run finishes the job
    assert _isi(keluaran) == sesudah
    assert _sementara(keluaran, cache) == []


def test_dibunuh_pada_saat_acak(
    keadaan: tuple[Path, Path, Path, dict[str, bytes], dict[str, bytes]],
) -> None:
    ruang, keluaran, cache, sebelum, sesudah = keadaan
    benih = random.randrange(1 << 30)
    acak = random.Random(benih)
    for _ in range(4):
        p = _mulai(ruang, keluaran, cache, 0.02)
        time.sleep(acak.uniform(0.2, 2.5))
        sinyal = acak.choice([signal.SIGKILL, signal.SIGTERM])
        p.send_signal(sinyal)
        p.communicate(timeout=60)
        _utuh(keluaran, sebelum, sesudah)
        if sinyal == signal.SIGTERM and p.returncode == 128 + signal.SIGTERM:
            # None of its own (a SIGKILLed run's stay until a later run writes there).
            milik = [x for x in _sementara(keluaran) if x.name.startswith(f".asnkinerja-{p.pid}-")]
            assert milik == [], f"benih {benih}"
    _jalankan(ruang, keluaran, cache)
    assert _isi(keluaran) == sesudah, f"benih {benih}"
    assert _sementara(keluaran, cache) == [], f"benih {benih}"
