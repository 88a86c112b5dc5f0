"""Sums of the measures' money, computed from the data and nothing else."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import Tiltak

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
