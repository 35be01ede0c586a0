"""Rendering: one Jinja2 environment, small tested filters, strings out.

Templates (templates/) hold layout only; numbers arrive formatted by the
filters here in Indonesian style ("87,50", "Rp 1.500.000", "27 November 2026").
`StrictUndefined` makes a typo in a template an error, not a blank.
"""

from __future__ import annotations

from typing import Any

import jinja2
import msgspec
from markupsafe import Markup

from asnkinerja import sumber
from asnkinerja.errors import TemplateRusak
from asnkinerja.inti.regulasi import NAMA_RATING
from asnkinerja.sajian import grafik
from asnkinerja.sajian.penyaji import ke_json
from asnkinerja.sajian.tampilan import angka, persen, rupiah, tanggal


def md(x: object) -> str:
    """A value safe inside a Markdown table cell, whatever a name holds."""
    teks = "" if x is None else str(x)
    teks = " ".join(teks.split())
    for asal, ganti in (("\\", "\\\\"), ("|", "\\|"), ("<", "&lt;"), (">", "&gt;"),
                        ("*", "\\*"), ("_", "\\_"), ("`", "\\`"), ("[", "\\[")):  # fmt: skip
        teks = teks.replace(asal, ganti)
    return teks or "-"


def rating(x: str | None) -> str:
    return NAMA_RATING.get(x, "-") if x else "-"  # type: ignore[call-overload]


def tren(x: str | None) -> str:
    return {"naik": "▲ naik", "turun": "▼ turun", "tetap": "● tetap"}.get(x or "", "-")


def lingkungan() -> jinja2.Environment:
    """The single template environment: HTML autoescaped, Markdown not."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(sumber.folder_templates())),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(enabled_extensions=("html", "html.j2")),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(
        angka=angka, rupiah=rupiah, tanggal=tanggal, persen=persen, md=md, rating=rating,
        tren=tren,
    )  # fmt: skip
    env.globals.update(
        grafik_sebaran=lambda unit: Markup(grafik.sebaran(unit)),
        grafik_kepatuhan=lambda unit: Markup(grafik.kepatuhan(unit)),
        grafik_tren=lambda unit: Markup(grafik.tren(unit)),
        grafik_jp_unit=lambda unit, wajib: Markup(grafik.jp_unit(unit, wajib)),
        grafik_sektor=lambda per: Markup(grafik.sektor(per)),
    )
    return env


def render(nama_template: str, konteks: dict[str, Any]) -> str:
    try:
        return lingkungan().get_template(nama_template).render(**konteks)
    except jinja2.TemplateError as e:
        raise TemplateRusak(f"template {nama_template} tidak dapat dipakai: {e}") from e


def ke_teks_json(data: dict[str, Any]) -> str:
    """The presentation as JSON; keys starting with `_` are template helpers, left out.
    msgspec writes the same text as the standard library's encoder, many times faster."""
    publik = {k: v for k, v in data.items() if not k.startswith("_")}
    return msgspec.json.format(msgspec.json.encode(ke_json(publik)), indent=2).decode() + "\n"
