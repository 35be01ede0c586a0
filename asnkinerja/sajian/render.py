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
from asnkinerja.inti.regulasi import (
    BERAKHLAK,
    NAMA_BERAKHLAK,
    NAMA_KOMPETENSI,
    NAMA_RATING,
    SINGKATAN_PREDIKAT,
)
from asnkinerja.sajian import grafik
from asnkinerja.sajian.tampilan import angka, persen, rupiah, tanggal
from asnkinerja.teks import json_aman_bita, tampak


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
        # Every value a template prints shows control characters as signs (␛): a report
        # opened in a terminal or an editor never obeys an escape sequence from the data.
        finalize=lambda x: tampak(x) if isinstance(x, str) and not isinstance(x, Markup) else x,
    )
    env.filters.update(
        angka=angka, rupiah=rupiah, tanggal=tanggal, persen=persen, md=md, rating=rating,
        tren=tren, kompetensi=lambda x: NAMA_KOMPETENSI.get(x, x),
    )  # fmt: skip
    env.globals.update(
        # The seven BerAKHLAK aspects, as data keys and by name (`inti.regulasi`).
        kunci_aspek=list(BERAKHLAK),
        singkatan_predikat=SINGKATAN_PREDIKAT,
        bahasa_aspek=[NAMA_BERAKHLAK[a] for a in BERAKHLAK],
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


_DESIMAL_ANGKA = msgspec.json.Encoder(decimal_format="number")


def ke_teks_json(data: dict[str, Any]) -> str:
    """The presentation as JSON; keys starting with `_` are template helpers, left out.

    Decimals become JSON numbers as floats write them (87.5, not 87.50): written as numbers,
    read back as floats and written again, all inside msgspec. The text is the standard
    library's `json.dumps(..., indent=2)` of the same floats (tests/test_render.py); only an
    exponent is spelled shorter (1e-7), which the reports' 2-decimal numbers never need.
    """
    publik = {k: v for k, v in data.items() if not k.startswith("_")}
    angka = msgspec.json.decode(_DESIMAL_ANGKA.encode(publik))
    # Nothing a terminal would obey, when printed by --json.
    return json_aman_bita(msgspec.json.format(msgspec.json.encode(angka), indent=2)).decode() + "\n"
