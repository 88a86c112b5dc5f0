"""`make serve`: a mistake in data/ or in a page's front matter shows in the browser, and the pages stay readable.

MkDocs 1.6 holds every request while a rebuild fails («The server will appear stuck until build errors
are resolved»), so a staff member who saves a broken file sees a browser that never loads, and the
message only in the terminal. Under `mkdocs serve` the build therefore does not stop for a mistake the
check finds (macros/validate.py): it builds from the last data and front matter that passed the check,
and every page opens with the errors (templates/datafeil_banner.html). Saving a fixed file rebuilds as
usual, and the banner is gone. Under `mkdocs build` (CI, publishing, `make build`) nothing changes:
a mistake stops the build.

The state lives here, not in the hook: it outlives one build, and MkDocs makes a new config per rebuild.
No MkDocs here; macros/mkdocs_hook.py calls these functions.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from markupsafe import Markup

from .errors import Datafeil, Feil
from .front_matter import CheckedFrontMatter, brodtekst, les_sidemeta, sjekk_kilder
from .load import load_plan_cached
from .model import Plan
from .templating import render
from .validate import kontroller


@dataclass
class _Tilstand:
    serve: bool = False
    """True under `mkdocs serve`, from MkDocs' on_startup; a build never sets it."""
    prosjekt: Path | None = None
    plan: Plan | None = None
    """The last plan that passed the check."""
    sider: dict[str, CheckedFrontMatter] = field(default_factory=dict)
    """The last front matter that passed the check, by page path relative to docs/."""
    feil: Datafeil | None = None
    """The mistakes of the current build, when it is built from the last good state."""
    erstattet: frozenset[str] = frozenset()
    """Pages whose own front matter cannot be used now: they get their last good one, or none."""
    kildefeil: list[Feil] = field(default_factory=list)
    """Records no document names in this build (found once the plan text is read): shown, not raised."""
    uten_kilde: frozenset[str] = frozenset()
    """The record pages (paths relative to docs/) made without sources in this build."""


_tilstand = _Tilstand()


def start(command: str) -> None:
    """Note how MkDocs was started (on_startup): only under «serve» does a mistake leave the pages readable."""
    global _tilstand
    _tilstand = _Tilstand(serve=command == "serve")


def kontroller_bygg(prosjekt: Path, docs_dir: Path) -> dict[str, CheckedFrontMatter]:
    """Check data/ and front matter for a build: the pages' front matter, or Datafeil.

    Under serve, once a build has passed, a mistake is kept for the banner instead of raised, and the
    build goes on with the last good plan and front matter.
    """
    _tilstand.kildefeil, _tilstand.uten_kilde = [], frozenset()
    try:
        plan, sider = kontroller(prosjekt, docs_dir, gjenbruk=_tilstand.serve)
    except Datafeil as feil:
        if not (_tilstand.serve and _tilstand.plan is not None and _tilstand.prosjekt == prosjekt):
            raise
        _tilstand.feil = feil
        _tilstand.erstattet = _ubrukelige_forsider(docs_dir, _tilstand.plan)
        return {**_tilstand.sider}
    _tilstand.prosjekt, _tilstand.plan, _tilstand.sider = prosjekt, plan, sider
    _tilstand.feil, _tilstand.erstattet = None, frozenset()
    return sider


def _ubrukelige_forsider(docs_dir: Path, plan: Plan) -> frozenset[str]:
    """The pages whose front matter today is invalid, or names a source the last good plan does not have."""
    sider, feil = les_sidemeta(docs_dir)
    feil += sjekk_kilder(sider, plan)
    return frozenset(f.fil.removeprefix("docs/") for f in feil if f.fil.startswith("docs/"))


def plan(data_dir: Path) -> Plan:
    """The plan this build shows: data/ as it is, or the last good plan while the check finds mistakes."""
    if _tilstand.feil is not None and _tilstand.plan is not None:
        return _tilstand.plan
    return load_plan_cached(data_dir)


def poster_uten_kilde(feil: list[Feil], sider: Collection[str]) -> None:
    """Records that no document names (the pages `sider`): Datafeil, or under serve, after a good build, a banner.

    Under serve their pages are made without a Kilde block until a document or the plan text names them.
    """
    if not (_tilstand.serve and _tilstand.plan is not None):
        raise Datafeil(feil)
    _tilstand.kildefeil = list(feil)
    _tilstand.uten_kilde = frozenset(sider)


def feil() -> Datafeil | None:
    """The mistakes the pages of this build show in their banner; None when there are none."""
    alle = [*(_tilstand.feil.feil if _tilstand.feil else []), *_tilstand.kildefeil]
    return Datafeil(alle) if alle else None


def erstattes(sti: str) -> bool:
    """True for a hand-written page (path relative to docs/) whose own front matter cannot be used in this build."""
    return sti in _tilstand.erstattet


def kildetekst(sti: str, tekst: str) -> str:
    """A page's Markdown with its last good front matter instead of its own, or with none if it never had one."""
    god = _tilstand.sider.get(sti)
    if god is None:
        return brodtekst(tekst)
    forside = yaml.safe_dump(god.dokument.verdi, allow_unicode=True, sort_keys=False)
    return f"---\n{forside}---\n{brodtekst(tekst)}"


def uten_kildeboks(sti: str) -> bool:
    """True for a page that names no sources in this build (no usable front matter, or a record no document names)."""
    return (sti in _tilstand.erstattet and sti not in _tilstand.sider) or sti in _tilstand.uten_kilde


def banner() -> Markup:
    """The errors as a box at the top of each page, or nothing when there are none."""
    alle = feil()
    return Markup("") if alle is None else render("datafeil_banner.html", feil=alle.feil)
