"""One employee's report card, the regulation's 'Dokumen Evaluasi Kinerja Pegawai', as
template data: identity, the Pejabat Penilai and their atasan (from the roster, or an
official outside it), indicators, feedback, challenges and plans."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from asnkinerja.inti import model
from asnkinerja.inti.evaluasi import HasilEvaluasi
from asnkinerja.inti.laporan import rinci
from asnkinerja.inti.penilaian import HasilPegawai, perilaku_per_aspek
from asnkinerja.inti.regulasi import NAMA_BERAKHLAK, NAMA_RATING, PANGKAT_PNS
from asnkinerja.sajian.penyaji import Penyaji, bulat_atau_kosong


def rapor(s: Penyaji, h: HasilPegawai) -> dict[str, Any]:
    """One employee's report card data (`s`: the evaluation's presenter)."""
    p = h.pegawai
    # The Pejabat Penilai is who rated the latest report; without one, the atasan.
    dinilai = [n.penilai for n in h.laporan if n.penilai is not None]
    nip_penilai = dinilai[-1] if dinilai else (str(p.atasan) if p.atasan else None)
    penilai = _pejabat_atau_pegawai(s.hasil, nip_penilai)
    atasan_penilai = (
        _pejabat_atau_pegawai(s.hasil, str(penilai.atasan))
        if isinstance(penilai, model.Pegawai) and penilai.atasan is not None
        else None
    )
    unit = s.hasil.kebijakan.unit.get(p.unit)
    indikator: dict[tuple[str, str], list[Any]] = {}
    rincian = [rinci(n, s.hasil.kebijakan) for n in h.laporan]
    for r in rincian:
        for i in r.indikator:
            indikator.setdefault((i.indikator, i.satuan), []).append(i)
    baris = []
    for (nama, satuan), daftar in indikator.items():
        jumlah = Decimal(len(daftar))
        baris.append({
            "indikator": nama,
            "satuan": satuan,
            "jumlah_laporan": len(daftar),
            "target": bulat_atau_kosong(sum((i.target for i in daftar), Decimal(0)) / jumlah),
            "realisasi": bulat_atau_kosong(sum((i.realisasi for i in daftar), Decimal(0)) / jumlah),
            "capaian": bulat_atau_kosong(sum((i.capaian for i in daftar), Decimal(0)) / jumlah),
        })  # fmt: skip
    umpan = [r.umpan_balik for r in rincian if r.umpan_balik.strip()]
    aspek = perilaku_per_aspek(h.laporan)
    return {
        **s.pegawai(h),
        "pangkat": _pangkat(p.golongan, p.status),
        "penilai": _orang(penilai),
        "atasan_penilai": _orang(atasan_penilai),
        "predikat_organisasi": unit.predikat_organisasi if unit is not None else None,
        "rating_hasil_kerja_teks": (
            NAMA_RATING[h.rating_hasil_kerja] if h.rating_hasil_kerja else "-"
        ),
        "rating_perilaku_teks": NAMA_RATING[h.rating_perilaku] if h.rating_perilaku else "-",
        "periode_rentang": h.periode.rentang(),
        "penetapan": (
            {
                "alasan": h.penetapan.data.alasan,
                "tanggal": h.penetapan.data.tanggal,
                "oleh": _orang(_pejabat_atau_pegawai(s.hasil, str(h.penetapan.data.penilai))),
            }
            if h.penetapan is not None
            else None
        ),
        "perilaku_aspek": [
            {"aspek": NAMA_BERAKHLAK[a], "skor": v} for a, v in (aspek or {}).items()
        ],
        "indikator": baris,
        "umpan_balik": list(dict.fromkeys(umpan))[-3:],
        "tantangan": list(dict.fromkeys(t for n in h.laporan for t in n.tantangan if t.strip())),
        "rencana_perbaikan": list(
            dict.fromkeys(t for r in rincian for t in r.rencana_perbaikan if t.strip())
        ),
    }


def _pejabat_atau_pegawai(
    hasil: HasilEvaluasi, nip: str | None
) -> model.Pegawai | model.Pejabat | None:
    """Who a NIP names: someone on the roster, or an official outside it (`pejabat`)."""
    if nip is None:
        return None
    ada = hasil.roster.get(nip)
    if ada is not None:
        return ada
    return next((pj for pj in hasil.kebijakan.pejabat if str(pj.nip) == nip), None)


def _orang(p: model.Pegawai | model.Pejabat | None) -> dict[str, str]:
    """A rapor's signing official (penilai, atasan penilai): named even with `samarkan`,
    as an official's signature is public."""
    if p is None:
        return {"nama": "-", "nip": "-", "pangkat": "-", "jabatan": "-", "unit": "-"}
    if isinstance(p, model.Pejabat):
        return {"nama": p.nama, "nip": str(p.nip), "pangkat": p.pangkat or "-",
                "jabatan": p.jabatan, "unit": "-"}  # fmt: skip
    return {
        "nama": p.nama,
        "nip": str(p.nip),
        "pangkat": _pangkat(p.golongan, p.status),
        "jabatan": p.jabatan or "-",
        "unit": p.unit,
    }


def _pangkat(golongan: str | None, status: str) -> str:
    if golongan is None:
        return "-"
    if status == "PNS" and golongan in PANGKAT_PNS:
        return f"{PANGKAT_PNS[golongan]}, {golongan}"
    return f"Golongan {golongan} ({status})"
