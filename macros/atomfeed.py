"""Atom feeds (RFC 4287) of the changes from git: one for the whole plan and one per instrument.

Each entry is one record's change in one commit, with its sentences as text. Every date is a
commit date, so the same commit always gives the same feeds. The XML is made by the template
endringer.atom.xml, which escapes every text.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from . import urls
from .endringstekst import visningsnavn
from .git_history import Historikk, Postendring, Tidspunkt
from .model import Plan
from .registry import TYPER
from .templating import miljo

HELE_PLANEN = "endringer.xml"
"""The whole plan's feed, relative to the site's root."""


@dataclass(frozen=True)
class Feed:
    """One feed: where it is written, its title, and the instrument it covers (None for the whole plan)."""

    sti: str
    tittel: str
    virkemiddel: str | None = None


@dataclass(frozen=True)
class Oppforing:
    """One entry: a record's change in one commit."""

    id: str
    tittel: str
    tidspunkt: Tidspunkt
    tekst: str
    lenke: str | None


def feeds(plan: Plan, historikk: Historikk) -> list[Feed]:
    """The feeds this build writes; none without git history, where they would have no dates."""
    if not historikk.tilgjengelig or historikk.siden is None:
        return []
    return [Feed(HELE_PLANEN, "Endringer i regionplanen")] + [
        Feed(f"{urls.side_url('virkemiddel', v.id)}{HELE_PLANEN}", f"Endringer: {v.overskrift}", v.id)
        for v in plan.virkemidler.values()
    ]


def feeds_for_side(plan: Plan, type_: str | None, post_id: str | None, historikk: Historikk) -> list[Feed]:
    """The feeds a page links to: the whole plan's, and its instrument's on an instrument's or measure's page."""
    alle = {f.virkemiddel: f for f in feeds(plan, historikk)}
    if not alle:
        return []
    virkemiddel = (
        post_id if type_ == "virkemiddel" else plan.alle_tiltak[post_id].virkemiddel if type_ == "tiltak" else None
    )
    return [alle[None]] + ([alle[virkemiddel]] if virkemiddel is not None and virkemiddel in alle else [])


def atom(feed: Feed, plan: Plan, historikk: Historikk, site_url: str, forfatter: str) -> str:
    """The feed as Atom XML."""
    endringer = [e for e in historikk.endringer if feed.virkemiddel in (None, e.virkemiddel)]
    oppforinger = _oppforinger(endringer, plan, site_url)
    oppdatert = oppforinger[0].tidspunkt if oppforinger else historikk.siden
    return (
        miljo()
        .get_template("endringer.atom.xml")
        .render(
            feed=feed,
            id=site_url.rstrip("/") + "/" + feed.sti,
            nettsted=site_url,
            oppdatert=oppdatert,
            forfatter=forfatter,
            oppforinger=oppforinger,
        )
        + "\n"
    )


def seksjonskart(feed: Feed, site_url: str) -> tuple[str, str] | None:
    """The sitemap beside an instrument's feed, as (path, XML); None for the whole plan's feed.

    Material's script fetches `sitemap.xml` from the folder of every `<link rel="alternate">` on a
    page (it reads them as language versions). Beside the whole plan's feed that is the site's own
    sitemap; beside an instrument's feed it would be a 404 and a console error on every instrument
    and measure page. The sitemap protocol lets a folder's sitemap list the pages under it, so this
    one lists the instrument's page.
    """
    if feed.virkemiddel is None:
        return None
    mappe = feed.sti.removesuffix(HELE_PLANEN)
    adresser = [site_url.rstrip("/") + "/" + urls.side_url("virkemiddel", feed.virkemiddel)]
    return f"{mappe}sitemap.xml", miljo().get_template("seksjonskart.xml").render(adresser=adresser) + "\n"


def _oppforinger(endringer: list[Postendring], plan: Plan, site_url: str) -> list[Oppforing]:
    grupper: dict[tuple[str, str, str | None], list[Postendring]] = {}
    for endring in endringer:
        grupper.setdefault((endring.commit, endring.type, endring.id), []).append(endring)
    deler = urlsplit(site_url)
    oppforinger = []
    for (commit, type_, post_id), egne in grupper.items():
        tidspunkt = egne[0].tidspunkt
        # A tag URI (RFC 4151): the site's host, the day of the commit, and commit plus record, so the
        # id never changes for the same change.
        id_ = (
            f"tag:{deler.hostname},{tidspunkt.dag}:{deler.path.rstrip('/')}/endringer/{commit}/{type_}/{post_id or '-'}"
        )
        tittel = egne[0].tekst if len(egne) == 1 else f"{_navn(plan, type_, post_id)}: {len(egne)} endringer"
        # A change to a measure in a later plan links to the measure's page, where it is listed.
        side = ("tiltak", egne[0].tiltak) if type_ == "tiltaksplanpost" else (type_, post_id)
        lenke = (
            site_url.rstrip("/") + "/" + urls.side_url(*side)
            if TYPER[side[0]].mappe and side[1] in TYPER[side[0]].med_side(plan)
            else None
        )
        oppforinger.append(Oppforing(id_, tittel, tidspunkt, "\n".join(e.tekst for e in egne), lenke))
    return oppforinger


def _navn(plan: Plan, type_: str, post_id: str | None) -> str:
    if post_id is None:
        return f"data/{TYPER[type_].fil}"
    post = TYPER[type_].med_side(plan).get(post_id)
    return visningsnavn(post) if post is not None else post_id
