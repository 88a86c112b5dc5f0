"""Which documents name each record, derived from the data and the plan text (never a fixed source).

A record page's Kilde block lists these documents, each with the sections where
the record stands: the record's own source, the sources of every record that
points to it (the action plan's table for a measure's owner, the events that
concern it, the statistics rows about it; see `kilder` and `referanser` in
macros/registry.py), and the plan text that links to its page.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field
from pathlib import Path

from . import urls
from .errors import Feil
from .model import Plan
from .plantekst import EGEN_TEKST, Omtale
from .registry import TYPER, Posttype, med_sider
from .yamlfile import les_yaml


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


def kilder_for(plan: Plan, type_: str, post_id: str, omtaler: list[Omtale] = ()) -> list[Kildeandel]:
    """The documents that name one record, in a stable order, each with its sections."""
    samler = _Samler()
    egen = TYPER[type_]
    if egen.kilder is not None:
        for kilde, seksjon in egen.kilder(plan, egen.med_side(plan)[post_id]):
            samler.legg_til(kilde, seksjon)
    for annen, post in _poster_som_peker_til(plan, type_, post_id):
        for kilde, seksjon in annen.kilder(plan, post):
            samler.legg_til(kilde, seksjon)
    for omtale in omtaler:
        # Only a page that reproduces one document says which document names the record;
        # a page that draws on several (the history pages) does not.
        kilder = [k for k in omtale.side.kilder if k != EGEN_TEKST]
        if len(kilder) == 1:
            for seksjon in _seksjoner_for(omtale) or [None]:
                samler.legg_til(kilder[0], seksjon)
    return list(samler.andeler.values())


def _poster_som_peker_til(plan: Plan, type_: str, post_id: str) -> list[tuple[Posttype, object]]:
    """The records, of kinds that know their sources, with a field that points to this record (registry order)."""
    return _pekere(plan).get((type_, post_id), [])


_indeks: tuple[weakref.ref, dict[tuple[str, str], list[tuple[Posttype, object]]]] | None = None
"""The last plan's pointers, made once: every record page asks, and a scan per page grows with the square."""


def _pekere(plan: Plan) -> dict[tuple[str, str], list[tuple[Posttype, object]]]:
    """(kind, id) -> the records that point to it, by kinds in registry order and records in source order."""
    global _indeks
    if _indeks is not None and _indeks[0]() is plan:
        return _indeks[1]
    pekere: dict[tuple[str, str], list[tuple[Posttype, object]]] = {}
    for annen in TYPER.values():
        referanser = [r for r in annen.referanser if r.navngir]
        if annen.kilder is None or not referanser:
            continue
        for post in annen.poster(plan).values():
            # A record that points to the same target from two fields is listed once, as before.
            mal = dict.fromkeys((r.til, verdi) for r in referanser for _, verdi in r.verdier(post))
            for nokkel in mal:
                pekere.setdefault(nokkel, []).append((annen, post))
    _indeks = (weakref.ref(plan), pekere)
    return pekere


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
    return list(TYPER[type_].med_side(plan))


def uten_kilde(plan: Plan, omtaler: dict[tuple[str, str], list[Omtale]]) -> list[tuple[str, str]]:
    """The (kind, id) of every record with a page that no document names: no record or plan text points to it."""
    return [
        (posttype.nokkel, post_id)
        for posttype in med_sider()
        for post_id in posttype.med_side(plan)
        if not kilder_for(plan, posttype.nokkel, post_id, omtaler.get((posttype.nokkel, post_id), []))
    ]


def feil_for_poster_uten_kilde(plan: Plan, omtaler: dict[tuple[str, str], list[Omtale]], data_dir: Path) -> list[Feil]:
    """A bokmål error, with file and line, for every record with a page that no document names."""
    feil = []
    for type_, post_id in uten_kilde(plan, omtaler):
        posttype = TYPER[type_]
        fil = f"data/{posttype.fil}"
        dokument, _ = les_yaml(data_dir / posttype.fil, fil)
        pekere = [
            " eller ".join(f"«{r.felt}»" for r in felt) + f" i data/{annen.fil}"
            for annen in TYPER.values()
            if annen.kilder is not None and (felt := [r for r in annen.referanser if r.til == type_])
        ]
        hvor = f"ingen post peker til den ({', '.join(pekere)})" if pekere else "posten oppgir ingen kilde"
        feil.append(
            Feil(
                fil,
                f"ingen kilde nevner {posttype.ord.bestemt}: {hvor}, og ingen side som gjengir et plandokument "
                f"lenker til {urls.kildefil(type_, post_id)}. Før opp id-en i posten der kilden nevner "
                f"{posttype.ord.bestemt}, eller lenk til siden fra planteksten som nevner {posttype.ord.bestemt}. "
                "Ellers fjern posten.",
                linje=dokument.linje_for_post(post_id) if dokument else None,
                post=post_id,
            )
        )
    return feil
