"""Why a rule decided as it did, as data: the reason's kind and the values it cites.

The rules return these; `sajian.kata` words them, writing each number as the documents
do. So a rule's result holds numbers, never text made of numbers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

JenisAlasan = Literal[
    # why an employee is not an award candidate (penghargaan.alasan_gugur)
    "predikat_belum_ada",
    "predikat_di_bawah_minimal",  # predikat, minimal
    "laporan_tidak_lengkap",  # hilang: the periods missing
    "hukuman_disiplin",  # tingkat, tanggal, tahun
    "masa_kerja_tidak_diketahui",
    "masa_kerja_kurang",  # bulan, minimal_tahun
    "jp_kurang",  # jp, minimal
    "nilai_akhir_belum_ada",
    # why the meeting should look at an employee (evaluasi)
    "predikat_rendah",  # predikat
    "predikat_belum_dapat_ditentukan",  # catatan
    "laporan_tidak_masuk",  # hilang
    "laporan_terlambat",  # jumlah
    "hasil_kerja_turun",  # dari, ke
    "perilaku_di_atas_saat_hukuman",  # tingkat, tanggal: a sanction in the same period
]


@dataclass(frozen=True)
class Alasan:
    jenis: JenisAlasan
    nilai: dict[str, Any] = field(default_factory=dict)
