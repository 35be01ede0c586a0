"""Inline SVG charts for the HTML report: no script, no font or image fetched.

Each function takes the presentation data (`sajian`) and returns SVG text; the
report always prints the same numbers as a table next to the chart. Coordinates are
written with a decimal point (`_f`), never through the Indonesian number format;
numbers people read are `tampilan.angka`'s, rounded as the table rounds them.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from markupsafe import Markup
from markupsafe import escape as _escape

from asnkinerja.inti.regulasi import PREDIKAT
from asnkinerja.sajian.tampilan import angka
from asnkinerja.teks import tampak

WARNA = {
    "Sangat Baik": "#1a7f37",
    "Baik": "#4c9aff",
    "Butuh Perbaikan": "#f2b705",
    "Kurang/Misconduct": "#e8590c",
    "Sangat Kurang": "#c92a2a",
}
_LEBAR_LABEL = 190
_LEBAR_BATANG = 440
_TINGGI = 26


def escape(x: object) -> Markup:
    """Text for SVG: HTML-escaped, control characters shown as signs."""
    return _escape(tampak(x) if isinstance(x, str) else x)


def _buka(lebar: float, tinggi: float, label: str) -> str:
    """The opening tag every chart shares: scalable, labelled for screen readers."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="grafik" role="img" '
        f'viewBox="0 0 {lebar} {tinggi}" aria-label="{escape(label)}">'
    )


# About 7 px a character at the labels' 13 px: longer names are shortened to stay out
# of the bars; the full name is the label's tooltip, and in the table beside the chart.
_HURUF_LABEL = 26


def _label(nama: str, y: float) -> str:
    """A row's name at the left of a chart."""
    if len(nama) <= _HURUF_LABEL:
        return f'<text x="0" y="{y}" class="label">{escape(nama)}</text>'
    pendek = nama[: _HURUF_LABEL - 1].rstrip() + "…"
    return f'<text x="0" y="{y}" class="label"><title>{escape(nama)}</title>{escape(pendek)}</text>'


def _f(x: Decimal | float) -> str:
    """A coordinate, as SVG reads it."""
    return f"{float(x):.1f}"


def sebaran(unit: list[dict[str, Any]]) -> str:
    """A 100% stacked bar per unit: the share of each predikat."""
    tinggi = 30 + _TINGGI * len(unit) + 30
    bagian = [_buka(_LEBAR_LABEL + _LEBAR_BATANG + 20, tinggi, "Sebaran predikat per unit")]
    for i, u in enumerate(unit):
        y = 10 + i * _TINGGI
        bagian.append(_label(u["nama"], y + 15))
        total = u["berpredikat"]
        x = float(_LEBAR_LABEL)
        for p in PREDIKAT:
            n = u["sebaran"][p]["jumlah"]
            if not total or not n:
                continue
            w = _LEBAR_BATANG * n / total
            bagian.append(
                f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{_TINGGI - 6}" '
                f'fill="{WARNA[p]}"><title>{escape(p)}: {n}</title></rect>'
            )
            if w > 18:
                bagian.append(f'<text x="{x + w / 2:.1f}" y="{y + 14}" class="isi">{n}</text>')
            x += w
        if not total:
            bagian.append(
                f'<text x="{_LEBAR_LABEL}" y="{y + 15}" class="label">belum ada predikat</text>'
            )
    y = 20 + _TINGGI * len(unit)
    x = 0.0
    for p in PREDIKAT:
        bagian.append(f'<rect x="{x:.0f}" y="{y}" width="12" height="12" fill="{WARNA[p]}"/>')
        bagian.append(f'<text x="{x + 16:.0f}" y="{y + 11}" class="legenda">{escape(p)}</text>')
        x += 16 + 7.2 * len(p) + 18
    bagian.append("</svg>")
    return "".join(bagian)


def kepatuhan(unit: list[dict[str, Any]]) -> str:
    """Reports received as a share of those due, per unit (0-100%)."""
    tinggi = 20 + _TINGGI * len(unit)
    bagian = [_buka(_LEBAR_LABEL + _LEBAR_BATANG + 80, tinggi, "Kepatuhan laporan per unit")]
    for i, u in enumerate(unit):
        y = 5 + i * _TINGGI
        nilai = u["kepatuhan_persen"]
        bagian.append(_label(u["nama"], y + 15))
        bagian.append(
            f'<rect x="{_LEBAR_LABEL}" y="{y}" width="{_LEBAR_BATANG}" height="{_TINGGI - 6}" '
            f'fill="#e9ecef"/>'
        )
        if nilai is not None:
            w = _LEBAR_BATANG * float(nilai) / 100
            warna = "#1a7f37" if nilai >= 95 else ("#f2b705" if nilai >= 80 else "#c92a2a")
            bagian.append(
                f'<rect x="{_LEBAR_LABEL}" y="{y}" width="{w:.1f}" height="{_TINGGI - 6}" '
                f'fill="{warna}"/>'
            )
            bagian.append(
                f'<text x="{_LEBAR_LABEL + _LEBAR_BATANG + 8}" y="{y + 15}" class="label">'
                f"{angka(nilai)}%</text>"
            )
    bagian.append("</svg>")
    return "".join(bagian)


def tren(unit: list[dict[str, Any]]) -> str:
    """One small line per unit: mean nilai hasil kerja in each report period."""
    lebar, tinggi_baris = 300, 46
    tinggi = 10 + tinggi_baris * len(unit)
    semua = [float(s["nilai"]) for u in unit for s in u["seri"] if s["nilai"] is not None]
    if not semua:
        return ""
    bawah, atas = min([*semua, 80.0]), max([*semua, 120.0])
    bagian = [_buka(_LEBAR_LABEL + lebar + 90, tinggi, "Tren nilai hasil kerja per unit")]
    for i, u in enumerate(unit):
        y0 = 5 + i * tinggi_baris
        bagian.append(_label(u["nama"], y0 + 24))
        titik = [s for s in u["seri"] if s["nilai"] is not None]
        if not titik:
            continue
        langkah = lebar / max(1, len(titik) - 1)
        koordinat = []
        for j, s in enumerate(titik):
            x = _LEBAR_LABEL + j * langkah
            y = y0 + 36 - 32 * (float(s["nilai"]) - bawah) / (atas - bawah)
            koordinat.append((x, y, s))
        bagian.append(
            f'<line x1="{_LEBAR_LABEL}" x2="{_LEBAR_LABEL + lebar}" '
            f'y1="{y0 + 36 - 32 * (100 - bawah) / (atas - bawah):.1f}" '
            f'y2="{y0 + 36 - 32 * (100 - bawah) / (atas - bawah):.1f}" class="acuan"/>'
        )
        bagian.append(
            '<polyline fill="none" stroke="#1c5d99" stroke-width="2" points="'
            + " ".join(f"{x:.1f},{y:.1f}" for x, y, _ in koordinat)
            + '"/>'
        )
        for x, y, s in koordinat:
            bagian.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2.5" fill="#1c5d99">'
                f"<title>{escape(s['label'])}: {angka(s['nilai'])}</title></circle>"
            )
        akhir = titik[-1]["nilai"]
        bagian.append(
            f'<text x="{_LEBAR_LABEL + lebar + 8}" y="{y0 + 24}" class="label">'
            f"{angka(akhir)}</text>"
        )
    bagian.append("</svg>")
    return "".join(bagian)


def jp_unit(unit: list[dict[str, Any]], wajib: Decimal | None) -> str:
    """JP per person in each unit, with the (pro-rated) minimum as a dashed line."""
    nilai = [float(u["jp_per_orang"] or 0) for u in unit]  # lengths only
    puncak = max([*nilai, float(wajib or 0), 1.0]) * 1.15
    tinggi = 20 + _TINGGI * len(unit)
    bagian = [_buka(_LEBAR_LABEL + _LEBAR_BATANG + 80, tinggi, "JP per orang per unit")]
    for i, (u, v) in enumerate(zip(unit, nilai, strict=True)):
        y = 5 + i * _TINGGI
        w = _LEBAR_BATANG * v / puncak
        kurang = wajib is not None and v < float(wajib)
        bagian.append(_label(u["unit"], y + 15))
        bagian.append(
            f'<rect x="{_LEBAR_LABEL}" y="{y}" width="{w:.1f}" height="{_TINGGI - 6}" '
            f'fill="{"#f2b705" if kurang else "#1c5d99"}"/>'
        )
        bagian.append(
            f'<text x="{_f(_LEBAR_LABEL + w + 6)}" y="{y + 15}" class="label">'
            f"{angka(u['jp_per_orang'] or 0)} JP</text>"
        )
    if wajib is not None:
        x = _LEBAR_LABEL + _LEBAR_BATANG * float(wajib) / puncak
        bagian.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="0" y2="{tinggi}" class="acuan"/>')
    bagian.append("</svg>")
    return "".join(bagian)


def sektor(per_sektor: dict[str, int]) -> str:
    """Speakers by sector: one bar each."""
    if not per_sektor:
        return ""
    puncak = max(per_sektor.values())
    tinggi = 10 + _TINGGI * len(per_sektor)
    bagian = [_buka(_LEBAR_LABEL + 300, tinggi, "Narasumber per sektor")]
    for i, (nama, n) in enumerate(per_sektor.items()):
        y = 5 + i * _TINGGI
        w = 240 * n / puncak
        bagian.append(_label(nama, y + 15))
        bagian.append(
            f'<rect x="{_LEBAR_LABEL}" y="{y}" width="{w:.1f}" height="{_TINGGI - 6}" '
            f'fill="#1a7f37"/><text x="{_LEBAR_LABEL + w + 6:.1f}" y="{y + 15}" '
            f'class="label">{n}</text>'
        )
    bagian.append("</svg>")
    return "".join(bagian)
