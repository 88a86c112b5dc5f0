"""The Python behind the site: mkdocs-macros calls define_env; everything else is plain functions."""

from __future__ import annotations

import functools
from pathlib import Path

from markupsafe import Markup

from .errors import Makrofeil, makrofeil_paa_siden


def define_env(env) -> None:
    """Register the macros pages may call. Each one only passes the current page to a plain function."""
    # Imported here, not when the package is: `python -m macros.validate` (make check) imports the
    # package first and needs none of the build's modules.
    from . import hele_planen as plansamling
    from . import plantekst, preview, views

    data_dir = Path(env.conf.config_file_path).parent / "data"

    def makro(funksjon, navn: str | None = None):
        """Register a macro; a wrong argument is reported with the page file and line that made the call."""

        @functools.wraps(funksjon)
        def kall(*args, **kwargs):
            try:
                return funksjon(*args, **kwargs)
            except Makrofeil as feil:
                fil = env.page.file
                raise Makrofeil(
                    makrofeil_paa_siden(fil.abs_src_path, fil.src_uri, navn or funksjon.__name__, feil)
                ) from None

        env.macro(kall, navn)
        return funksjon

    def plan():
        return preview.plan(data_dir)

    def side() -> views.PageAddress:
        return views.PageAddress(env.page.url)

    @makro
    def tiltaksoversikt() -> Markup:
        """All measures grouped by instrument, with sums per year."""
        return views.tiltaksoversikt(plan(), side())

    @makro
    def tiltaksutforsker() -> Markup:
        """Every measure in one table; the page's script filters it and sorts it by amount."""
        return views.tiltaksutforsker(plan(), side())

    @makro
    def rollematrise() -> Markup:
        """Every measure's roles and owners, grouped by who owns it."""
        return views.rollematrise(plan(), side())

    @makro
    def register(type_: str) -> Markup:
        """A linked list of every record of a kind with pages ("aktor", "rolle", "virkemiddel" …)."""
        return views.register(plan(), type_, side())

    @makro
    def tidslinje() -> Markup:
        """Every dated event, grouped by year, filterable by theme."""
        # The history pages run macros too, so MkDocs may not have parsed them yet: titles from the nav.
        titler = plantekst.sidetitler(env.conf["nav"], plantekst.samling().sidemeta)
        filer = [(env.variables["files"].get_file_from_path(sti), tittel) for sti, tittel in titler.items()]
        return views.tidslinje(plan(), side(), {fil.url: tittel for fil, tittel in filer if fil})

    @makro
    def historikkdiagram(historikk_id: str, tittel: str) -> Markup:
        """The events of one history page as a diagram with a text alternative."""
        return views.historikkdiagram(plan(), side(), historikk_id, tittel)

    @makro
    def okonomi(*deler: dict) -> Markup:
        """Sections of an economy page; each a dict with tabell, and optionally overskrift, tekst, diagram."""
        return views.okonomiside(plan(), side(), [views.okonomidel(d) for d in deler])

    @makro
    def ordliste() -> Markup:
        """The glossary: every term with its explanation and source."""
        return views.ordliste(plan(), side())

    @makro
    def dokumentliste() -> Markup:
        """Every source document with its date, how it was handled and the pages it became."""
        return views.dokumentliste(plan(), side(), plantekst.samling().sider_per_kilde())

    @makro
    def behandling(kilde_id: str, sitat: bool = False) -> Markup:
        """One sentence on how a document was handled (vedtatt, forslag …), from data/kilder.yml."""
        return views.behandling(plan(), side(), kilde_id, sitat)

    @makro
    def datasett() -> Markup:
        """Every dataset (one per record kind) with its files, and their DCAT-AP-NO description as JSON-LD."""
        return views.datasett(plan(), side(), data_dir, env.conf)

    @makro
    def hele_planen() -> Markup:
        """The whole current plan on one page: the strategy's plan text, then the instruments and measures."""
        filer = env.variables["files"]
        sider = []
        for sti, tittel in plansamling.seksjonssider(env.conf["nav"]):
            side_ = filer.get_file_from_path(sti).page
            sider.append((side_.url, tittel or side_.title, side_.content))
        return views.hele_planen(plan(), side(), plansamling.plandeler(sider, env.page.url))
