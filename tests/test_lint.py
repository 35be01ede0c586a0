"""ruff and mypy (strict on the package) are part of the test run, as in CI."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import REPO


@pytest.mark.parametrize(
    "perintah",
    [
        ["ruff", "check", "."],
        ["ruff", "format", "--check", "."],
        ["mypy"],
    ],
    ids=["ruff-check", "ruff-format", "mypy"],
)
def test_lint(perintah: list[str]) -> None:
    hasil = subprocess.run(
        [sys.executable, "-m", *perintah],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
