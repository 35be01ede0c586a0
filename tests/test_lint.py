"""ruff, mypy (strict on the package) and the layers' import contracts (import-linter) are
part of the test run, as in CI."""

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
        ["-c", "from importlinter.cli import lint_imports_command as c; c()"],
    ],
    ids=["ruff-check", "ruff-format", "mypy", "lint-imports"],
)
def test_lint(perintah: list[str]) -> None:
    hasil = subprocess.run(
        [sys.executable, *(perintah if perintah[0] == "-c" else ["-m", *perintah])],
        cwd=REPO,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )
    assert hasil.returncode == 0, hasil.stdout + hasil.stderr
