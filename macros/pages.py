"""The pages the data generates: one per record of every kind with pages, and a register where docs/ has none.

Plain functions with no MkDocs in them: `sidestier` says which pages there are (known from the
registry and the data alone), `genererte_sider` gives each page's finished source, front matter and
HTML body. Any static site generator can write these files; macros/mkdocs_hook.py hands them to MkDocs.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass

import yaml

from . import urls, views
from .arkiv import Versjon
from .git_history import UTEN_HISTORIKK, Historikk
from .kildegrunnlag import kilder_for
from .model import Plan
from .plantekst import Omtale
from .registry import TYPER, med_sider


@dataclass(frozen=True)
class GeneratedPage:
    """What a generated page shows: one record (post_id), or the register of its kind (post_id None)."""

    type_: str
    post_id: str | None = None


@dataclass(frozen=True)
class Plassering:
    """Where a generated record page sits in the site's structure, for the breadcrumb trail and the active tab."""

    register: str
    """The Markdown path of its kind's register page, whose place in the navigation it shares."""
    via: tuple[str, str] | None = None
    """(title, Markdown path) of the record it sits under, inside the register's section; None: under the register."""


def plassering(plan: Plan, sted: GeneratedPage) -> Plassering:
    """Where a record's page belongs: under its kind's register, or under the record the registry names."""
    posttype = TYPER[sted.type_]
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
    return stier


def genererte_sider(
    plan: Plan,
    omtaler: dict[tuple[str, str], list[Omtale]] | None = None,
    handskrevne: Collection[str] = (),
    historikk: Historikk = UTEN_HISTORIKK,
    arkiv: tuple[Versjon, ...] = (),
    uten_kilde: Collection[str] = (),
) -> dict[str, str]:
    """Path relative to docs/ -> the page's source: front matter, then the rendered HTML as one block.

    omtaler are the plan-text passages that link to each record («Omtalt i planteksten», and the
    documents in its Kilde block). A record no document names has no sources to cite, and is an
    error here; the hook stops the build for it, with file and line, before any page is made
    (kildegrunnlag.uten_kilde). historikk is the git history the record pages' Endringer sections come from;
    arkiv the adopted versions a measure's page links to where the measure existed. uten_kilde are the
    paths of record pages made without sources all the same: under `make serve`, while the banner says
    so (macros/preview.py); their front matter names no document.
    """
    omtaler = omtaler or {}
    return {
        sti: (
            _postside(plan, sted, sti, omtaler.get((sted.type_, sted.post_id), []), historikk, arkiv, sti in uten_kilde)
            if sted.post_id is not None
            else _registerside(plan, sted.type_, sti)
        )
        for sti, sted in sidestier(plan, handskrevne).items()
    }


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


def _kilde(meta: dict, html: str) -> str:
    """Front matter and body; the body is one HTML block without blank lines, so Markdown leaves it as it is."""
    front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{html}\n"
