"""The Python behind the site: mkdocs-macros calls define_env; everything else is plain functions."""

from __future__ import annotations

from pathlib import Path

from markupsafe import Markup

from . import plantekst, visning
from .load import load_plan_cached


def define_env(env) -> None:
    """Register the macros pages may call. Each one only passes the current page to a plain function."""
    data_dir = Path(env.conf.config_file_path).parent / "data"
    docs_dir = Path(env.conf.docs_dir)

    def plan():
        return load_plan_cached(data_dir)

    def side() -> visning.Side:
        return visning.Side(env.page.url)

    def postside(type_: str, post_id: str) -> Markup:
        """The whole body of a generated record page (tiltak, virkemiddel, aktor or rolle)."""
        omtaler = plantekst.indeks(docs_dir)[1].get((type_, post_id), [])
        return visning.VISNINGER[type_](plan(), post_id, side(), omtaler)

    env.macro(postside, "side")

    @env.macro
    def tiltaksoversikt() -> Markup:
        """All measures grouped by instrument, with sums per year."""
        return visning.tiltaksoversikt(plan(), side())

    @env.macro
    def register(type_: str) -> Markup:
        """A linked list of every actor ("aktor") or role ("rolle")."""
        return visning.register(plan(), type_, side())

    @env.macro
    def tidslinje() -> Markup:
        """Every dated event, grouped by year, filterable by theme."""
        return visning.tidslinje(plan(), side(), plantekst.titler(plantekst.indeks(docs_dir)[0]))

    @env.macro
    def historikkdiagram(historikk_id: str, tittel: str) -> Markup:
        """The events of one history page as a diagram with a text alternative."""
        return visning.historikkdiagram(plan(), side(), historikk_id, tittel)

    @env.macro
    def okonomi(*deler: dict) -> Markup:
        """Sections of an economy page; each a dict with tabell, and optionally overskrift, tekst, diagram."""
        return visning.okonomiside(plan(), side(), [visning.Okonomidel(**d) for d in deler])

    @env.macro
    def ordliste() -> Markup:
        """The glossary: every term with its explanation and source."""
        return visning.ordliste(plan(), side())

    @env.macro
    def dokumentliste() -> Markup:
        """Every source document with its date, how it was handled and the pages it became."""
        return visning.dokumentliste(plan(), side(), plantekst.sider_per_kilde(plantekst.indeks(docs_dir)[0]))

    @env.macro
    def behandling(kilde_id: str, sitat: bool = False) -> Markup:
        """One sentence on how a document was handled (vedtatt, forslag …), from data/kilder.yml."""
        return visning.behandling(plan(), side(), kilde_id, sitat)
