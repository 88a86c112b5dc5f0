"""The one Jinja environment that turns data into HTML, with autoescape on."""

from __future__ import annotations

import html
import re
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .format import FILTRE
from .okonomi import AR, arsceller, arssummer

MALER = Path(__file__).parent / "templates"


@cache
def miljo() -> Environment:
    """Jinja environment for macros/templates: escapes all data, fails on undefined names."""
    env = Environment(
        loader=FileSystemLoader(MALER),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(FILTRE)
    env.filters["ren_tekst"] = ren_tekst
    # Helpers every template may use, registered once instead of passed through each call.
    env.globals.update(AR=AR, arssummer=arssummer, arsceller=arsceller)
    return env


def render(mal: str, **kontekst: Any) -> Markup:
    """Render a template to safe HTML, without blank lines so Markdown keeps it as one block."""
    html = miljo().get_template(mal).render(**kontekst)
    return Markup("\n".join(linje for linje in html.splitlines() if linje.strip()))


def render_tekst(mal: str, **kontekst: Any) -> str:
    """Render a template that makes Markdown, not HTML: its blank lines are kept."""
    return miljo().get_template(mal).render(**kontekst)


def ren_tekst(markup: str) -> str:
    """Rendered HTML as the plain text a reader sees (tags dropped, entities decoded, spacing kept), for labels and attributes."""
    return html.unescape(re.sub(r"<[^>]*>", "", markup))
