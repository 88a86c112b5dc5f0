"""Which documents name each record, derived from the data and the plan text (never a fixed source).

A record page's Kilde block lists these documents, each with the sections where
the record stands: the tables of the action plan for its measures, the sources
of the timeline events that concern it, the statistics rows that are about it,
and the plan text that links to its page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import Plan, Tiltak
from .plantekst import EGEN_TEKST, Omtale

TILTAKSPLAN = "tiltaksplan-2021"
"""The document whose tables list every measure (data/tiltak.yml)."""

POSTER = {"tiltak": "tiltak", "virkemiddel": "virkemidler", "aktor": "aktorer", "rolle": "roller"}
"""Record kind -> the Plan attribute that holds its records."""


@dataclass
class Kildeandel:
    """One document that names a record, and the sections of it where the record stands."""

    kilde: str
    seksjoner: list[str] = field(default_factory=list)

    @property
    def seksjonstekst(self) -> str | None:
        """The sections as one text for the Kilde block («Saksutredning; Styringsstruktur»)."""
        return "; ".join(self.seksjoner) or None


class _Samler:
    """Collects (document, section) pairs in first-seen order, without repeats."""

    def __init__(self) -> None:
        self.andeler: dict[str, Kildeandel] = {}

    def legg_til(self, kilde: str, seksjon: str | None) -> None:
        andel = self.andeler.setdefault(kilde, Kildeandel(kilde))
        if seksjon and seksjon not in andel.seksjoner:
            andel.seksjoner.append(seksjon)


def tiltaksseksjon(plan: Plan, tiltak: Tiltak) -> str:
    """The section of the action plan whose table lists a measure."""
    return f"Vurdering: {plan.virkemidler[tiltak.virkemiddel].overskrift}"


def _tiltak_for(plan: Plan, type_: str, post_id: str) -> list[Tiltak]:
    """The measures whose row in the action plan's tables names the record."""
    if type_ == "tiltak":
        return [plan.tiltak[post_id]]
    if type_ == "virkemiddel":
        return plan.tiltak_for_virkemiddel(post_id)
    if type_ == "rolle":
        return plan.tiltak_med_rolle(post_id) + plan.tiltak_fra_rolle(post_id)
    return [t for t in plan.tiltak.values() if post_id in t.tiltakseiere or post_id in t.partner_ids]


def _hendelsesfelt(type_: str) -> str | None:
    return {"tiltak": "tiltak", "virkemiddel": "virkemidler", "aktor": "aktorer"}.get(type_)


def kilder_for(plan: Plan, type_: str, post_id: str, omtaler: list[Omtale] = ()) -> list[Kildeandel]:
    """The documents that name one record, in a stable order, each with its sections."""
    samler = _Samler()
    if type_ == "virkemiddel":
        egen = plan.virkemidler[post_id].kilde
        samler.legg_til(egen.kilde, egen.seksjon)
    if type_ == "rolle":
        egen = plan.roller[post_id].kilde
        samler.legg_til(egen.kilde, egen.seksjon)
    for t in _tiltak_for(plan, type_, post_id):
        samler.legg_til(TILTAKSPLAN, tiltaksseksjon(plan, t))
    if type_ == "aktor":
        for statistikk in (plan.befolkning, plan.nho_rangeringer):
            if any(rad.aktor == post_id for tabell in statistikk.tabeller for rad in tabell.rader):
                samler.legg_til(statistikk.kilde, statistikk.seksjon)
    felt = _hendelsesfelt(type_)
    if felt:
        for hendelse in plan.tidslinje():
            if post_id in getattr(hendelse, felt):
                for henvisning in hendelse.kilder:
                    samler.legg_til(henvisning.kilde, henvisning.seksjon)
    for omtale in omtaler:
        # Only a page that reproduces one document says which document names the record;
        # a page that draws on several (the history pages) does not.
        kilder = [k for k in omtale.side.kilder if k != EGEN_TEKST]
        if len(kilder) == 1:
            for seksjon in _seksjoner_for(omtale):
                samler.legg_til(kilder[0], seksjon)
    return list(samler.andeler.values())


def _seksjoner_for(omtale: Omtale) -> list[str]:
    """The source's section(s) a passage stands in, as far as the page tells.

    The passage's heading (or, before the first subheading, the page's title) when the page
    names it among the sections it reproduces; otherwise every section the page names.
    """
    deler, navn = _deler(str(omtale.side.meta.get("kildeseksjon") or ""))
    for kandidat in (omtale.avsnitt, None if omtale.avsnitt else omtale.side.tittel):
        if kandidat and kandidat in navn:
            return [kandidat]
    return deler


def _deler(kildeseksjon: str) -> tuple[list[str], set[str]]:
    """Split «A; B (B1; B2); C» into its parts [A, B (B1; B2), C] and every name in it {A, B, B1, B2, C}."""
    deler, dybde, start = [], 0, 0
    for i, tegn in enumerate(kildeseksjon + ";"):
        dybde += {"(": 1, ")": -1}.get(tegn, 0)
        if tegn == ";" and dybde == 0:
            deler.append(kildeseksjon[start:i].strip())
            start = i + 1
    deler = [d for d in deler if d]
    navn = set()
    for del_ in deler:
        hoved, _, indre = del_.partition("(")
        navn.add(hoved.strip())
        navn.update(n.strip() for n in indre.rstrip(")").split(";") if n.strip())
    return deler, navn


def kilder_for_alle(plan: Plan, type_: str, omtaler: dict[tuple[str, str], list[Omtale]]) -> list[str]:
    """The documents that name any record of a kind (for an index page), in data/kilder.yml's order."""
    brukt = {
        andel.kilde
        for post_id in _poster(plan, type_)
        for andel in kilder_for(plan, type_, post_id, omtaler.get((type_, post_id), []))
    }
    return [k for k in plan.kilder if k in brukt]


def _poster(plan: Plan, type_: str) -> list[str]:
    return list(getattr(plan, POSTER[type_]))


def uten_kilde(plan: Plan, omtaler: dict[tuple[str, str], list[Omtale]]) -> list[str]:
    """The actors no document names: no measure, event, statistics row or plan text points to them."""
    return [a for a in plan.aktorer if not kilder_for(plan, "aktor", a, omtaler.get(("aktor", a), []))]
