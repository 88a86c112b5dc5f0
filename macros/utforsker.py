"""The measure explorer (/tiltak/utforsk/): what each filter can choose, and what each measure's row matches.

The page shows every measure in one table that works without JavaScript; the small script
docs/assets/tiltaksutforsker.js hides the rows that do not match the chosen values and sorts by
amount. It knows nothing about the plan: each filter is a <select> whose name is a row's
data attribute, and a row matches when that attribute's words include the chosen value.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import Plan, Tiltak
from .okonomi import AR

IKKE_RAPPORTERT = ("ikke-rapportert", "ikke rapportert")
"""The value and name of a measure with no reported status (the same words as the overview's filter)."""

SKRIPT = "assets/tiltaksutforsker.js"
"""The explorer's script, site-relative; only the explorer's page loads it."""

KOMMUNETYPER = ("kommune", "fylkeskommune")
"""The actor types the «kommune» filter offers: the municipalities and the county that own or partner in a measure."""


@dataclass(frozen=True)
class Valg:
    """One choice of a filter: the value in the URL, the name readers see, and how many measures match it."""

    verdi: str
    navn: str
    antall: int


@dataclass(frozen=True)
class Filter:
    """A filter: its name (the URL parameter and the rows' data attribute), its label and its choices."""

    navn: str
    etikett: str
    valg: tuple[Valg, ...]


@dataclass(frozen=True)
class Rad:
    """A measure's row: the words each filter matches, and the stated amount per year (None: no amount)."""

    tiltak: Tiltak
    verdier: dict[str, tuple[str, ...]]
    kr: dict[int, int | None]


def statusverdi(tiltak: Tiltak) -> str:
    """The filter value of a measure's status: its status id, or «ikke-rapportert»."""
    return tiltak.status.status if tiltak.status else IKKE_RAPPORTERT[0]


def _kommuner(plan: Plan, tiltak: Tiltak) -> tuple[str, ...]:
    """The municipalities and county that own the measure or are (maybe «trolig») a main partner in it."""
    ids = dict.fromkeys([*tiltak.tiltakseiere, *tiltak.partner_ids])
    return tuple(a for a in ids if plan.aktorer[a].type in KOMMUNETYPER)


def ar_med_midler(tiltak: Tiltak) -> tuple[str, ...]:
    """The years for which the source states an amount above 0 kr (an estimate counts; words without an amount do not)."""
    return tuple(str(ar) for ar in AR if (tiltak.kr_for(ar) or 0) > 0)


def rad(plan: Plan, tiltak: Tiltak) -> Rad:
    """The row of one measure."""
    return Rad(
        tiltak,
        {
            "virkemiddel": (tiltak.virkemiddel,),
            "rolle": tuple(tiltak.roller),
            "eier": tuple(tiltak.tiltakseiere),
            "partner": tuple(tiltak.partner_ids),
            "kommune": _kommuner(plan, tiltak),
            "status": (statusverdi(tiltak),),
            "ar": ar_med_midler(tiltak),
        },
        {ar: tiltak.kr_for(ar) for ar in AR},
    )


def rader(plan: Plan) -> list[Rad]:
    """Every measure's row, in the source's order."""
    return [rad(plan, t) for t in plan.tiltak.values()]


def _antall(rader_: list[Rad], filter_: str, verdi: str) -> int:
    return sum(verdi in r.verdier[filter_] for r in rader_)


def _aktorvalg(plan: Plan, rader_: list[Rad], filter_: str, kun_trolig: set[str] = frozenset()) -> tuple[Valg, ...]:
    """The actors a filter can choose, by name; one that is only ever a «trolig» partner says so."""
    ids = dict.fromkeys(a for r in rader_ for a in r.verdier[filter_])
    valg = [
        Valg(a, plan.aktorer[a].navn + (" (bare trolig)" if a in kun_trolig else ""), _antall(rader_, filter_, a))
        for a in ids
    ]
    return tuple(sorted(valg, key=lambda v: v.navn.casefold()))


def filtre(plan: Plan, rader_: list[Rad]) -> list[Filter]:
    """The filters in the order the page shows them."""
    sikre = {a for t in plan.tiltak.values() for a in t.partner_ids if not t.er_trolig_partner(a)}
    alle_partnere = {a for t in plan.tiltak.values() for a in t.partner_ids}
    statuser = [(s.id, s.navn) for s in plan.tiltaksstatuser.values()] + [IKKE_RAPPORTERT]
    return [
        Filter(
            "virkemiddel",
            "Virkemiddel",
            tuple(
                Valg(v.id, v.overskrift, n)
                for v in plan.virkemidler.values()
                if (n := _antall(rader_, "virkemiddel", v.id))
            ),
        ),
        Filter(
            "rolle",
            "Regionens rolle",
            tuple(Valg(r.id, r.navn, _antall(rader_, "rolle", r.id)) for r in plan.roller.values()),
        ),
        Filter("eier", "Tiltakseier", _aktorvalg(plan, rader_, "eier")),
        Filter("partner", "Hovedsamarbeidspartner", _aktorvalg(plan, rader_, "partner", alle_partnere - sikre)),
        Filter("kommune", "Kommune eller fylkeskommune (eier eller partner)", _aktorvalg(plan, rader_, "kommune")),
        Filter(
            "status",
            "Status",
            tuple(
                Valg(verdi, navn[:1].upper() + navn[1:], _antall(rader_, "status", verdi)) for verdi, navn in statuser
            ),
        ),
        Filter(
            "ar",
            "År med oppgitt beløp over 0 kr",
            tuple(Valg(str(ar), str(ar), _antall(rader_, "ar", str(ar))) for ar in AR),
        ),
    ]


def sorteringer() -> list[tuple[str, str]]:
    """The sort orders as (value, name): the source's order, then each year's amount both ways."""
    valg = [("kilde", "Kildens rekkefølge")]
    for ar in AR:
        valg += [(f"{ar}-synkende", f"Beløp i {ar}, høyest først"), (f"{ar}-stigende", f"Beløp i {ar}, lavest først")]
    return valg
