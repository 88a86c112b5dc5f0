"""Layout of the bar charts: where each bar lies on a fixed scale; the template draws them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal


@dataclass(frozen=True)
class Stolpeverdi:
    """One bar's data: label, value, how the value is written, and what the reader must be told about it.

    The words of the bar's label are in templates/okonomitekster.html (macro `stolpetekst`).
    """

    etikett: str
    verdi: int | float
    type_: Literal["kr", "tall", "prosent"] = "tall"
    anslag: bool = False
    beregnet: bool = False
    """The site computed the value; the label then carries the «beregnet» marker."""
    grunnlag: str | None = None
    """The basis shown with the marker, when the chart's caption does not give it."""
    anslag_kr: int = 0
    """Estimates («trolig») not in the bar, named beside its figure in the label."""


@dataclass(frozen=True)
class Stolpe:
    """One horizontal bar: its label (page text, above the bar) and where the bar lies on the scale."""

    etikett: str
    anslag: bool
    beregnet: bool
    x: float
    bredde: float


@dataclass(frozen=True)
class Stolpediagram:
    """A bar chart laid out on a scale of SKALA units, with the zero line at null_x."""

    stolper: list[Stolpe]
    null_x: float
    bredde: int


SKALA = 1000
"""The bars' drawing width in SVG units. Each bar's drawing stretches to the column's width,
so only the bar scales; its label is HTML text at the body size on every screen."""


def stolper(verdier: list[Stolpeverdi], etiketter: list[str]) -> Stolpediagram:
    """Lay out one bar per value with its label; negative values go left of zero."""
    tall_ = [v.verdi for v in verdier]
    minst, storst = min(0, *tall_), max(0, *tall_)
    skala = SKALA / ((storst - minst) or 1)
    null_x = (-minst) * skala
    resultat = []
    for v, etikett in zip(verdier, etiketter, strict=True):
        bredde = max(abs(v.verdi) * skala, 2)
        x = null_x if v.verdi >= 0 else null_x - bredde
        resultat.append(Stolpe(etikett, v.anslag, v.beregnet, x, bredde))
    return Stolpediagram(resultat, null_x, SKALA)
