"""The pages the data generates: one per record of every kind with pages, and a register where docs/ has none.

Plain functions with no MkDocs in them: `sidestier` says which pages there are (known from the
registry and the data alone), `genererte_sider` gives each page's finished source, front matter and
HTML body. Any static site generator can write these files; macros/mkdocs_hook.py hands them to MkDocs.

When the plans grow, long lists get pages of their own (macros/pagination.py): a record's shortened
list (/virkemidler/<id>/tiltak/<plan>/, then …/side-2/), the explorer's further pages
(/tiltak/utforsk/side-2/) and the timeline's pages per year (/historikk/tidslinje/<år>/). They are made
here like the record pages, so breadcrumbs, tabs, Kilde block and CSP apply to them too.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass

import yaml

from . import pagination, urls, views
from .arkiv import Versjon
from .git_history import UTEN_HISTORIKK, Historikk
from .kildegrunnlag import kilder_for
from .model import TILTAKSPLAN, FrontMatter, Plan
from .pagination import Listeside, Sidetall, Tidslinjeside
from .plantekst import Omtale
from .registry import TYPER, med_sider


@dataclass(frozen=True)
class GeneratedPage:
    """What a generated page shows: one record (post_id), the register of its kind (post_id None), or one
    page of a split list: a record's list (liste), the explorer's table (utforsker) or the timeline (tidslinje)."""

    type_: str
    post_id: str | None = None
    liste: Listeside | None = None
    """A page of one of the record's lists, which its own page shortens."""
    utforsker: Sidetall | None = None
    """A further page of the explorer's table (tiltak/utforsk/side-2/ …)."""
    tidslinje: Tidslinjeside | None = None
    """A page of the timeline (historikk/tidslinje/<år>/ …)."""

    @property
    def er_register(self) -> bool:
        """True for the generated register of a kind."""
        return self.post_id is None and self.utforsker is None and self.tidslinje is None

    @property
    def er_listeside(self) -> bool:
        """True for a page of a split list (macros/pagination.py): a record's list, the explorer, the timeline."""
        return self.liste is not None or self.utforsker is not None or self.tidslinje is not None

    @property
    def post(self) -> tuple[str | None, str | None]:
        """(kind, id) of the record the page belongs to, (kind, None) for a register, (None, None) for the
        explorer's and the timeline's pages: which feeds the page links to."""
        return (None, None) if self.utforsker or self.tidslinje else (self.type_, self.post_id)

    @property
    def datert_etter(self) -> tuple[str, str | None]:
        """(kind, id) whose last change dates the page; id None: the last change to any record of the kind."""
        if self.liste is not None or self.utforsker is not None:
            return ("tiltak", None)
        return (self.type_, self.post_id)


@dataclass(frozen=True)
class Plassering:
    """Where a generated record page sits in the site's structure, for the breadcrumb trail and the active tab."""

    register: str
    """The Markdown path of its kind's register page, whose place in the navigation it shares."""
    via: tuple[str, str] | None = None
    """(title, Markdown path) of the record it sits under, inside the register's section; None: under the register."""
    via_sted: GeneratedPage | None = None
    """The generated page of the record it sits under, when that step takes the record page's own place
    (a list of a record's measures: its trail is the record's, then the record); None: in the register's section."""


def plassering(plan: Plan, sted: GeneratedPage) -> Plassering:
    """Where a page belongs: a record's under its kind's register, or under the record the registry names; a
    page of a record's list under the record; the explorer's and the timeline's pages under their first page."""
    if sted.utforsker is not None or sted.tidslinje is not None:
        forste = pagination.UTFORSKER if sted.utforsker is not None else pagination.TIDSLINJE
        register = urls.registerfil("tiltak") if sted.utforsker is not None else forste
        return Plassering(register, (pagination.FORSTE_SIDER[forste], forste))
    posttype = TYPER[sted.type_]
    if sted.liste is not None:
        post = posttype.med_side(plan)[sted.post_id]
        return Plassering(
            urls.registerfil(sted.type_),
            (posttype.tittel(post), urls.kildefil(sted.type_, sted.post_id)),
            GeneratedPage(sted.type_, sted.post_id),
        )
    post = posttype.med_side(plan)[sted.post_id]
    if posttype.forelder is None:
        return Plassering(urls.registerfil(sted.type_))
    type_, post_id = posttype.forelder(post)
    tittel = TYPER[type_].tittel(TYPER[type_].med_side(plan)[post_id])
    return Plassering(urls.registerfil(sted.type_), (tittel, urls.kildefil(type_, post_id)))


def sidestier(plan: Plan, handskrevne: Collection[str] = ()) -> dict[str, GeneratedPage]:
    """Path relative to docs/ -> what the page shows, for every generated page, in a stable order.

    handskrevne are the Markdown paths under docs/: a kind whose folder has its own index.md gets no
    generated register page.
    """
    stier: dict[str, GeneratedPage] = {}
    for posttype in med_sider():
        for post_id in posttype.med_side(plan):
            stier[urls.kildefil(posttype.nokkel, post_id)] = GeneratedPage(posttype.nokkel, post_id)
        if urls.registerfil(posttype.nokkel) not in handskrevne:
            stier[urls.registerfil(posttype.nokkel)] = GeneratedPage(posttype.nokkel)
    for posttype in med_sider():
        if posttype.lister is None:
            continue
        for post_id in posttype.med_side(plan):
            for sti, liste in pagination.listesider(plan, posttype.nokkel, post_id).items():
                stier[sti] = GeneratedPage(posttype.nokkel, post_id, liste=liste)
    if pagination.UTFORSKER in handskrevne:
        antall = len(plan.tiltak)
        for nummer in range(2, pagination.utforskersider(antall) + 1):
            sidetall = pagination.utforsker_sidetall(antall, nummer)
            stier[pagination.page_file(sidetall.forste_url, nummer)] = GeneratedPage("tiltak", utforsker=sidetall)
    if pagination.TIDSLINJE in handskrevne:
        for side in pagination.tidslinje(plan).sider:
            if side.ar is not None:
                stier[side.fil] = GeneratedPage("hendelse", tidslinje=side)
    return stier


def genererte_sider(
    plan: Plan,
    omtaler: dict[tuple[str, str], list[Omtale]] | None = None,
    handskrevne: Collection[str] = (),
    historikk: Historikk = UTEN_HISTORIKK,
    arkiv: tuple[Versjon, ...] = (),
    uten_kilde: Collection[str] = (),
    sidetitler: Mapping[str, str] | None = None,
    sidemeta: Mapping[str, FrontMatter] | None = None,
) -> dict[str, str]:
    """Path relative to docs/ -> the page's source: front matter, then the rendered HTML as one block.

    omtaler are the plan-text passages that link to each record («Omtalt i planteksten», and the
    documents in its Kilde block). A record no document names has no sources to cite, and is an
    error here; the hook stops the build for it, with file and line, before any page is made
    (kildegrunnlag.uten_kilde). historikk is the git history the record pages' Endringer sections come from;
    arkiv the adopted versions a measure's page links to where the measure existed. uten_kilde are the
    paths of record pages made without sources all the same: under `make serve`, while the banner says
    so (macros/preview.py); their front matter names no document. sidetitler maps the site-relative URL of
    a hand-written page to its title in the navigation, for the timeline's links to the history pages.
    sidemeta is the front matter of the hand-written pages by path: the explorer's and the timeline's further
    pages carry their first page's (videre_meta).
    """
    omtaler = omtaler or {}
    titler = sidetitler or {}
    meta = sidemeta or {}
    return {
        sti: _side(plan, sted, sti, omtaler, historikk, arkiv, uten_kilde, titler, meta)
        for sti, sted in sidestier(plan, handskrevne).items()
    }


def videre_meta(forste: FrontMatter) -> dict:
    """The front matter a further page of a split page (the explorer's, the timeline's) takes from its first
    page: source, edit link, sidebars and the terms switched off on the whole page; not its title and
    description (each page has its own), nor its macros. A glossary switch for one passage is left out:
    it names words of the first page's own text."""
    meta = forste.model_dump(exclude_defaults=True, exclude={"title", "description", "render_macros"})
    hele = [u for u in forste.uten_ordforklaring if isinstance(u, str)]
    if hele:
        meta["uten_ordforklaring"] = hele
    else:
        meta.pop("uten_ordforklaring", None)
    return meta


def _side(
    plan: Plan,
    sted: GeneratedPage,
    sti: str,
    omtaler: dict[tuple[str, str], list[Omtale]],
    historikk: Historikk,
    arkiv: tuple[Versjon, ...],
    uten_kilde: Collection[str],
    sidetitler: Mapping[str, str],
    sidemeta: Mapping[str, FrontMatter],
) -> str:
    if sted.liste is not None:
        return _listeside(plan, sted.liste, sti)
    if sted.utforsker is not None:
        return _utforskerside(plan, sted.utforsker, sti, sidemeta[pagination.UTFORSKER])
    if sted.tidslinje is not None:
        return _tidslinjeside(plan, sted.tidslinje, sti, sidetitler, sidemeta[pagination.TIDSLINJE])
    if sted.post_id is None:
        return _registerside(plan, sted.type_, sti)
    return _postside(plan, sted, sti, omtaler.get((sted.type_, sted.post_id), []), historikk, arkiv, sti in uten_kilde)


def _postside(
    plan: Plan,
    sted: GeneratedPage,
    sti: str,
    omtaler: list[Omtale],
    historikk: Historikk,
    arkiv: tuple[Versjon, ...],
    uten_kilde: bool = False,
) -> str:
    posttype = TYPER[sted.type_]
    post = posttype.med_side(plan)[sted.post_id]
    kilder = kilder_for(plan, sted.type_, sted.post_id, omtaler)
    if not kilder and not uten_kilde:
        raise ValueError(f"{sti}: ingen kilde nevner posten (se kildegrunnlag.uten_kilde, som stopper bygget først)")
    meta = {"title": posttype.tittel(post)}
    if kilder:
        forste, *resten = kilder
        meta["kilde"] = forste.kilde
        meta["kilder"] = [a.kilde for a in resten]
        meta["kildeseksjoner"] = {a.kilde: a.seksjonstekst for a in kilder if a.seksjonstekst}
    meta["rediger"] = f"data/{posttype.redigeres_i(post)}"
    meta["description"] = views.beskrivelse(plan, sted.type_, sted.post_id)
    html = views.postside(
        plan,
        sted.type_,
        sted.post_id,
        views.PageAddress(urls.fil_url(sti)),
        omtaler,
        historikk.for_post(sted.type_, sted.post_id),
        tuple(v for v in arkiv if sted.type_ == "tiltak" and sted.post_id in v.tiltak),
    )
    return _kilde(meta, html)


def _registerside(plan: Plan, type_: str, sti: str) -> str:
    posttype = TYPER[type_]
    flertall = posttype.ord.flertall
    meta = {
        "title": flertall[:1].upper() + flertall[1:],
        "kilder_fra": type_,
        "rediger": f"data/{posttype.fil}",
        "description": views.beskrivelse(plan, type_),
    }
    return _kilde(meta, views.register(plan, type_, views.PageAddress(urls.fil_url(sti))))


def _listeside(plan: Plan, liste: Listeside, sti: str) -> str:
    """A page of a record's list: the plan's document is its source, and the plan's data file is where rows change."""
    (tp, kilde, _), utdrag = pagination.listeside_utdrag(plan, liste)
    meta = {
        "title": views.listetittel(plan, liste),
        "kilde": kilde.id,
        "rediger": "data/tiltak.yml" if tp.id == TILTAKSPLAN else "data/tiltaksplanposter.yml",
        "description": views.listebeskrivelse(plan, liste),
        "uten_sok": True,
    }
    return _kilde(meta, views.listeside(plan, liste, views.PageAddress(urls.fil_url(sti))))


def _utforskerside(plan: Plan, sidetall: Sidetall, sti: str, forste: FrontMatter) -> str:
    """A further page of the explorer's table, with the front matter of docs/tiltak/utforsk.md (its source,
    width and edit link)."""
    meta = {
        "title": f"{pagination.FORSTE_SIDER[pagination.UTFORSKER]}, side {sidetall.nummer} av {sidetall.antall}",
        **videre_meta(forste),
        "description": f"Tabellen over alle tiltakene i tiltaksplanen for 2021, side {sidetall.nummer} av {sidetall.antall}.",
        "uten_sok": True,
    }
    return _kilde(meta, views.tiltaksutforsker(plan, views.PageAddress(urls.fil_url(sti)), sidetall.nummer))


def _tidslinjeside(
    plan: Plan, side: Tidslinjeside, sti: str, sidetitler: Mapping[str, str], forste: FrontMatter
) -> str:
    """A page of the timeline: the events of one year (or part of a year), with the front matter of
    docs/historikk/tidslinje.md (its source and edit link)."""
    meta = {
        "title": views.tidslinjetittel(side),
        **videre_meta(forste),
        "description": f"Hendelsene i {side.ar} som plandokumentene tidfester, med kilde for hver hendelse.",
    }
    return _kilde(meta, views.tidslinjeside(plan, side, views.PageAddress(urls.fil_url(sti)), sidetitler))


def _kilde(meta: dict, html: str) -> str:
    """Front matter and body; the body is one HTML block without blank lines, so Markdown leaves it as it is."""
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{html}\n"
