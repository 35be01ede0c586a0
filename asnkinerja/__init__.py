"""asnkinerja: evaluasi kinerja ASN (PermenPAN-RB 6/2022) dari berkas YAML.

The public Python API is `asnkinerja.api`, re-exported here (docs/api.md). It is
imported on first use, so the command line starts without loading the evaluation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from asnkinerja.versi import __version__

if TYPE_CHECKING:
    from asnkinerja.api import (
        Evaluasi,
        HasilImpor,
        Keluaran,
        RuangTerperiksa,
        evaluasi,
        impor,
        jelaskan,
        keluaran_evaluasi,
        muat,
        periksa,
        templat,
    )

__all__ = [
    "Evaluasi",
    "HasilImpor",
    "Keluaran",
    "RuangTerperiksa",
    "__version__",
    "evaluasi",
    "impor",
    "jelaskan",
    "keluaran_evaluasi",
    "muat",
    "periksa",
    "templat",
]


def __getattr__(nama: str) -> Any:
    if nama in __all__:
        from asnkinerja import api

        return getattr(api, nama)
    raise AttributeError(f"module 'asnkinerja' has no attribute {nama!r}")
