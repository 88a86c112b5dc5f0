"""The role matrix on «Regionens roller»: each measure's roles and owners, grouped by who owns it.

Strategisk handlingsplan 2021–25 says that «både Lillehammer-regionen vekst og eksterne
samarbeidspartnere vil kunne være tiltaksansvarlige»; the groups follow that line, with the
municipalities as a group of their own. The sources do not define the roles beyond naming them,
so the matrix says which role the source gives and who owns the measure, nothing more.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Plan, Tiltak

LRV = "lrv"
"""Lillehammer-regionen Vekst, the region's own development unit («det interkommunale næringsutviklingsenheten»)."""

KOMMUNETYPER = ("kommune", "fylkeskommune")

GRUPPER = ("lrv", "lrv-med-andre", "kommunene", "andre")
"""The owner groups in the order the matrix shows them; templates/rollematrise.html names them."""


def eiergruppe(plan: Plan, tiltak: Tiltak) -> str:
    """Who owns the measure: LRV alone, LRV with others, the municipalities (or county), or others."""
    eiere = tiltak.tiltakseiere
    if LRV in eiere:
        return "lrv" if eiere == [LRV] else "lrv-med-andre"
    if all(plan.aktorer[a].type in KOMMUNETYPER for a in eiere):
        return "kommunene"
    return "andre"


@dataclass(frozen=True)
class Gruppe:
    """One owner group and its measures, in the source's order."""

    id: str
    tiltak: list[Tiltak]


def grupper(plan: Plan) -> list[Gruppe]:
    """The owner groups that have measures, in GRUPPER's order."""
    alle = [Gruppe(g, [t for t in plan.tiltak.values() if eiergruppe(plan, t) == g]) for g in GRUPPER]
    return [g for g in alle if g.tiltak]


def antall(plan: Plan, gruppe: Gruppe) -> dict[str, int]:
    """Role id -> how many of the group's measures give the region that role (the role it moves to, for a change)."""
    return {r: sum(r in t.roller for t in gruppe.tiltak) for r in plan.roller}
