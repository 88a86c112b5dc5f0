"""The economy figures: every sum of the measures' money is computed here from the data, nowhere else.

Each function that sums a plan's measures takes the tiltaksplan's id (the 2021 plan unless given), so
every plan year is summed the same way, over its own years and against its own stated total.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from .model import TILTAKSPLAN, Midler, OppgittBelop, Plan, Planoppforing, Tiltak

FORSTE_AR = 2021
"""The year of the action plan's column «Midler i 2021»: the plan's own year, whose sum the source states."""
SENERE_AR = (2022, 2023, 2024)
"""The years of the action plan's column «Midler 2022-2024»."""
AR = (FORSTE_AR, *SENERE_AR)
"""The years the action plan states money for."""

Tiltaksbelop = Tiltak | Planoppforing
"""What a sum reads a measure's money from: a 2021 measure, or a measure as one plan lists it."""


@dataclass(frozen=True)
class Arssum:
    """The sum for one year over some measures, and how certain it is."""

    ar: int
    kr: int
    med_anslag: bool
    uten_belop: int
    anslag_kr: int = 0
    """The part of `kr` that is an estimate ("trolig")."""
    oppgitt: str | None = None
    """The source's own wording when a source states this very sum («1 200 000 kroner»)."""

    @property
    def beregnet(self) -> bool:
        """True when only the site computed the sum: no source states it."""
        return self.oppgitt is None

    @property
    def sikker_beregnet(self) -> bool:
        """True when the sum without estimates is the site's own figure."""
        return self.beregnet or self.anslag_kr != 0

    @property
    def sikker_kr(self) -> int:
        """The part of `kr` the source states without reservation."""
        return self.kr - self.anslag_kr

    @property
    def usikker(self) -> bool:
        """True when the sum includes an estimate or leaves out measures with no stated amount."""
        return self.med_anslag or self.uten_belop > 0


def arssum(tiltak: Iterable[Tiltaksbelop], ar: int) -> Arssum:
    """Sum the stated amounts for a year; count the measures with no amount for it."""
    tiltak = list(tiltak)
    belop = [t.kr_for(ar) for t in tiltak]
    return Arssum(
        ar=ar,
        kr=sum(b for b in belop if b is not None),
        med_anslag=any(t.er_anslag(ar) for t in tiltak),
        uten_belop=sum(1 for b in belop if b is None),
        anslag_kr=sum(t.kr_for(ar) or 0 for t in tiltak if t.er_anslag(ar)),
    )


def arssummer(tiltak: Iterable[Tiltaksbelop], arene: Iterable[int] = AR) -> dict[int, Arssum]:
    """One Arssum per plan year (the 2021 plan's years unless given), by year (in year order)."""
    tiltak = list(tiltak)
    return {ar: arssum(tiltak, ar) for ar in arene}


@dataclass(frozen=True)
class Arscelle:
    """A measure's money for one year, or for a run of years where the source says the same words and no amount."""

    ar: int
    antall_ar: int
    kr: int | None
    anslag: bool
    kildeord: str | None
    """No amount: what the source says about these years (None when it says nothing)."""


def arsceller(tiltak: Tiltaksbelop, arene: Iterable[int] = AR) -> list[Arscelle]:
    """The measure's cells per plan year; adjacent years with the same source words and no amount share one cell."""
    celler: list[Arscelle] = []
    for ar in arene:
        kr, ord_ = tiltak.kr_for(ar), tiltak.kildeord_for(ar)
        forrige = celler[-1] if celler else None
        if kr is None and ord_ and forrige and forrige.kr is None and forrige.kildeord == ord_:
            celler[-1] = Arscelle(forrige.ar, forrige.antall_ar + 1, None, False, ord_)
        else:
            celler.append(Arscelle(ar, 1, kr, tiltak.er_anslag(ar), ord_))
    return celler


@dataclass(frozen=True)
class Gruppesum:
    """The sums per year for one group of measures (an instrument, an owner, a role)."""

    id: str
    navn: str
    antall: int
    ar: dict[int, Arssum]
    """The sums by year: the plan's own year first, then the later years it states money for."""

    @property
    def senere_ar(self) -> list[int]:
        """The years after the plan's own (2022–2024 for the 2021 plan)."""
        return list(self.ar)[1:]

    @property
    def sum_senere(self) -> int:
        """The planned amounts for the later years together (stated amounts only)."""
        return sum(self.ar[ar].kr for ar in self.senere_ar)

    @property
    def med_anslag_senere(self) -> bool:
        """True when the sum for the later years includes an estimate."""
        return any(self.ar[ar].med_anslag for ar in self.senere_ar)


@dataclass(frozen=True)
class Usikkert:
    """A funding cell the site does not sum as a certain amount: an estimate, or no amount at all."""

    tiltak: Tiltaksbelop
    kolonne: str
    tekst: str
    grunn: str


def _grupper(
    tiltak: Iterable[Planoppforing], nokler: Callable[[Planoppforing], list[str]]
) -> dict[str, list[Planoppforing]]:
    grupper: dict[str, list[Planoppforing]] = {}
    for t in tiltak:
        for nokkel in nokler(t):
            grupper.setdefault(nokkel, []).append(t)
    return grupper


def per_virkemiddel(plan: Plan, tiltaksplan_id: str = TILTAKSPLAN) -> list[Gruppesum]:
    """Sums per instrument, in the plan's order (instruments without measures included)."""
    tiltak, arene = plan.oppforinger(tiltaksplan_id), plan.tiltaksplaner[tiltaksplan_id].arene
    return [
        Gruppesum(v.id, v.overskrift, len(ts := [t for t in tiltak if t.virkemiddel == v.id]), arssummer(ts, arene))
        for v in plan.virkemidler.values()
    ]


def per_tiltakseier(plan: Plan, tiltaksplan_id: str = TILTAKSPLAN) -> list[Gruppesum]:
    """Sums per owner. A measure with several owners counts in full for each of them."""
    tiltaksplan = plan.tiltaksplaner[tiltaksplan_id]
    grupper = _grupper(plan.oppforinger(tiltaksplan_id), lambda t: t.tiltakseiere)
    return sorted(
        (Gruppesum(a, plan.aktorer[a].navn, len(ts), arssummer(ts, tiltaksplan.arene)) for a, ts in grupper.items()),
        key=lambda g: (-g.ar[tiltaksplan.ar].kr, g.navn),
    )


def per_rolle(plan: Plan, tiltaksplan_id: str = TILTAKSPLAN) -> list[Gruppesum]:
    """Sums per role. A measure with several roles counts in full for each of them."""
    tiltak, arene = plan.oppforinger(tiltaksplan_id), plan.tiltaksplaner[tiltaksplan_id].arene
    return [
        Gruppesum(r.id, r.navn, len(ts := [t for t in tiltak if r.id in t.roller]), arssummer(ts, arene))
        for r in plan.roller.values()
    ]


def totalt(plan: Plan, tiltaksplan_id: str = TILTAKSPLAN) -> dict[int, Arssum]:
    """Sums per year over all of a plan's measures, by year; a sum the source states itself carries its wording."""
    tiltaksplan = plan.tiltaksplaner[tiltaksplan_id]
    oppgitt = tiltaksplan.oppgitt_sum
    summer = arssummer(plan.oppforinger(tiltaksplan_id), tiltaksplan.arene)
    if oppgitt is not None and summer[tiltaksplan.ar].kr == oppgitt.kr:
        summer[tiltaksplan.ar] = replace(summer[tiltaksplan.ar], oppgitt=oppgitt.tekst)
    return summer


def oppgitte_summer(summer: dict[int, Arssum]) -> str:
    """For a computed column's basis: which of the sums a source states itself, or an empty string."""
    return "".join(f"; summen for {a.ar} oppgir kilden selv («{a.oppgitt}»)" for a in summer.values() if not a.beregnet)


def usikre(plan: Plan, tiltaksplan_id: str = TILTAKSPLAN) -> list[Usikkert]:
    """Every cell that is an estimate or lacks an amount for a year, listed apart so it is never summed as certain."""
    resultat = []
    for t in plan.oppforinger(tiltaksplan_id):
        for kolonne, midler in t.celler:
            if midler is None:
                resultat.append(Usikkert(t, kolonne.navn, "", "Planen har ingen celle for tiltaket i denne kolonnen."))
            elif midler.anslag:
                resultat.append(Usikkert(t, kolonne.navn, midler.tekst, "Anslag: kilden sier «trolig»."))
            elif not midler.kr:
                resultat.append(Usikkert(t, kolonne.navn, midler.tekst, "Kilden oppgir ikke noe beløp."))
            elif mangler := [a for a in kolonne.ar if a not in midler.kr]:
                resultat.append(Usikkert(t, kolonne.navn, midler.tekst, _uten_belop_for(midler, mangler)))
    return resultat


def _uten_belop_for(midler: Midler, ar: list[int]) -> str:
    deler = []
    for a in ar:
        ord_ = midler.kildeord(a)
        deler.append(f"For {a} oppgir kilden ikke noe beløp" + (f"; den sier «{ord_}»." if ord_ else "."))
    return " ".join(deler)


@dataclass(frozen=True)
class Ramme:
    """A plan's frame for its year, the sum its source states for the measures, and the site's difference of the two."""

    ar: int
    ramme: OppgittBelop
    summen: OppgittBelop | None
    """The sum the source states; None when it states none (then the site's own sum stands in `beregnet_sum`)."""
    beregnet_sum: int
    """The site's sum of the measures' amounts for the year."""

    @property
    def differanse(self) -> int:
        """Computed by the site; no source states it or says what it is for."""
        return self.ramme.kr - (self.summen.kr if self.summen is not None else self.beregnet_sum)


def ramme(plan: Plan, tiltaksplan_id: str = TILTAKSPLAN) -> Ramme | None:
    """A plan's frame, the (stated) sum of its year's amounts, and the difference; None when it states no frame."""
    tiltaksplan = plan.tiltaksplaner[tiltaksplan_id]
    if tiltaksplan.ramme is None:
        return None
    summen = totalt(plan, tiltaksplan_id)[tiltaksplan.ar].kr
    return Ramme(tiltaksplan.ar, tiltaksplan.ramme, tiltaksplan.oppgitt_sum, summen)


def fordeling_i_kroner(plan: Plan) -> list[tuple[str, str, int, int]]:
    """(id, name, percent, approximate kroner of the yearly new measure funds) per share."""
    grunnlag = plan.okonomi.partnerskapsmidler.nye_tiltaksmidler.kr
    return [(a.id, a.navn, a.prosent, grunnlag * a.prosent // 100) for a in plan.okonomi.fordeling.andeler]
