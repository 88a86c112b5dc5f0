"""The economy figures: every sum of the measures' money is computed here from the data, nowhere else."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from .model import Midler, OppgittBelop, Plan, Tiltak
from .registry import TILTAKSPLAN

FORSTE_AR = 2021
"""The year of the action plan's column «Midler i 2021»: the plan's own year, whose sum the source states."""
SENERE_AR = (2022, 2023, 2024)
"""The years of the action plan's column «Midler 2022-2024»."""
AR = (FORSTE_AR, *SENERE_AR)
"""The years the action plan states money for."""


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


def arssum(tiltak: Iterable[Tiltak], ar: int) -> Arssum:
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


def arssummer(tiltak: Iterable[Tiltak]) -> dict[int, Arssum]:
    """One Arssum per plan year, by year (in year order)."""
    tiltak = list(tiltak)
    return {ar: arssum(tiltak, ar) for ar in AR}


@dataclass(frozen=True)
class Arscelle:
    """A measure's money for one year, or for a run of years where the source says the same words and no amount."""

    ar: int
    antall_ar: int
    kr: int | None
    anslag: bool
    kildeord: str | None
    """No amount: what the source says about these years (None when it says nothing)."""


def arsceller(tiltak: Tiltak) -> list[Arscelle]:
    """The measure's cells per plan year; adjacent years with the same source words and no amount share one cell."""
    celler: list[Arscelle] = []
    for ar in AR:
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
    """The sums by year."""

    @property
    def sum_2022_2024(self) -> int:
        """The planned amounts for 2022–2024 together (stated amounts only)."""
        return sum(self.ar[ar].kr for ar in SENERE_AR)

    @property
    def med_anslag_2022_2024(self) -> bool:
        """True when the sum for 2022–2024 includes an estimate."""
        return any(self.ar[ar].med_anslag for ar in SENERE_AR)


@dataclass(frozen=True)
class Usikkert:
    """A funding cell the site does not sum as a certain amount: an estimate, or no amount at all."""

    tiltak: Tiltak
    kolonne: str
    tekst: str
    grunn: str


def _grupper(tiltak: Iterable[Tiltak], nokler: Callable[[Tiltak], list[str]]) -> dict[str, list[Tiltak]]:
    grupper: dict[str, list[Tiltak]] = {}
    for t in tiltak:
        for nokkel in nokler(t):
            grupper.setdefault(nokkel, []).append(t)
    return grupper


def per_virkemiddel(plan: Plan) -> list[Gruppesum]:
    """Sums per instrument, in the plan's order (instruments without measures included)."""
    return [
        Gruppesum(v.id, v.overskrift, len(ts := plan.tiltak_for_virkemiddel(v.id)), arssummer(ts))
        for v in plan.virkemidler.values()
    ]


def per_tiltakseier(plan: Plan) -> list[Gruppesum]:
    """Sums per owner. A measure with several owners counts in full for each of them."""
    grupper = _grupper(plan.tiltak.values(), lambda t: t.tiltakseiere)
    return sorted(
        (Gruppesum(a, plan.aktorer[a].navn, len(ts), arssummer(ts)) for a, ts in grupper.items()),
        key=lambda g: (-g.ar[FORSTE_AR].kr, g.navn),
    )


def per_rolle(plan: Plan) -> list[Gruppesum]:
    """Sums per role. A measure with several roles counts in full for each of them."""
    return [
        Gruppesum(r.id, r.navn, len(ts := plan.tiltak_med_rolle(r.id)), arssummer(ts)) for r in plan.roller.values()
    ]


def totalt(plan: Plan) -> dict[int, Arssum]:
    """Sums per year over all measures, by year; a sum the source states itself carries the source's wording."""
    oppgitt = plan.tiltaksplaner[TILTAKSPLAN].oppgitt_sum
    summer = arssummer(plan.tiltak.values())
    if oppgitt is not None and summer[FORSTE_AR].kr == oppgitt.kr:
        summer[FORSTE_AR] = replace(summer[FORSTE_AR], oppgitt=oppgitt.tekst)
    return summer


def oppgitte_summer(summer: dict[int, Arssum]) -> str:
    """For a computed column's basis: which of the sums a source states itself, or an empty string."""
    return "".join(f"; summen for {a.ar} oppgir kilden selv («{a.oppgitt}»)" for a in summer.values() if not a.beregnet)


def usikre(plan: Plan) -> list[Usikkert]:
    """Every cell that is an estimate or lacks an amount for a year, listed apart so it is never summed as certain."""
    resultat = []
    for t in plan.tiltak.values():
        for kolonne, midler, ar in (
            ("Midler i 2021", t.midler_2021, (FORSTE_AR,)),
            ("Midler 2022-2024", t.midler_2022_2024, SENERE_AR),
        ):
            if midler.anslag:
                resultat.append(Usikkert(t, kolonne, midler.tekst, "Anslag: kilden sier «trolig»."))
            elif not midler.kr:
                resultat.append(Usikkert(t, kolonne, midler.tekst, "Kilden oppgir ikke noe beløp."))
            elif mangler := [a for a in ar if a not in midler.kr]:
                resultat.append(Usikkert(t, kolonne, midler.tekst, _uten_belop_for(midler, mangler)))
    return resultat


def _uten_belop_for(midler: Midler, ar: list[int]) -> str:
    deler = []
    for a in ar:
        ord_ = midler.kildeord(a)
        deler.append(f"For {a} oppgir kilden ikke noe beløp" + (f"; den sier «{ord_}»." if ord_ else "."))
    return " ".join(deler)


@dataclass(frozen=True)
class Ramme2021:
    """The 2021 frame, the sum the source states for the measures, and the site's difference of the two."""

    ramme: OppgittBelop
    summen: OppgittBelop
    differanse: int
    """Computed by the site; no source states it or says what it is for."""


def ramme_2021(plan: Plan) -> Ramme2021:
    """The frame, the stated sum of the 2021 amounts, and the difference (the site's calculation)."""
    okonomi = plan.tiltaksplaner[TILTAKSPLAN]
    return Ramme2021(okonomi.ramme, okonomi.oppgitt_sum, okonomi.ramme.kr - okonomi.oppgitt_sum.kr)


def fordeling_i_kroner(plan: Plan) -> list[tuple[str, str, int, int]]:
    """(id, name, percent, approximate kroner of the yearly new measure funds) per share."""
    grunnlag = plan.okonomi.partnerskapsmidler.nye_tiltaksmidler.kr
    return [(a.id, a.navn, a.prosent, grunnlag * a.prosent // 100) for a in plan.okonomi.fordeling.andeler]
