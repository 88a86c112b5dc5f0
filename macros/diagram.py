"""Layout of the history diagrams: boxes one under the other, computed here, drawn by a template."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Literal

from .model import Hendelse

BREDDE = 640
BOKSBREDDE = 600
AVSTAND = 28
TEGN_PER_LINJE = 64
"""About what fits on one line of a box at the diagram's font size."""
INNRYKK = 12
BOKSLINJE = 20


@dataclass(frozen=True)
class Tekstlinje:
    """One line of text placed in a drawing."""

    x: float
    y: float
    tekst: str


@dataclass(frozen=True)
class Boks:
    """One event's box: position, size, its time and its title broken into placed lines."""

    x: int
    y: int
    bredde: int
    hoyde: int
    tid: Tekstlinje
    linjer: list[Tekstlinje]

    @property
    def midt(self) -> float:
        """The x of the box's centre, where the arrow to the next box starts."""
        return self.x + self.bredde / 2


def bokser(hendelser: list[Hendelse]) -> tuple[list[Boks], int]:
    """Place one box per event, top to bottom; return the boxes and the total height."""
    resultat, y = [], 10
    x = (BREDDE - BOKSBREDDE) // 2
    for hendelse in hendelser:
        titler = textwrap.wrap(hendelse.tittel, TEGN_PER_LINJE)
        hoyde = 34 + BOKSLINJE * len(titler)
        linjer = [Tekstlinje(x + INNRYKK, y + 44 + i * BOKSLINJE, t) for i, t in enumerate(titler)]
        resultat.append(Boks(x, y, BOKSBREDDE, hoyde, Tekstlinje(x + INNRYKK, y + 22, hendelse.tid_visning), linjer))
        y += hoyde + AVSTAND
    return resultat, y - AVSTAND + 10


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
    """One horizontal bar with its label (and value) in placed lines above it."""

    linjer: list[Tekstlinje]
    anslag: bool
    beregnet: bool
    x: float
    y: float
    bredde: float
    hoyde: float


@dataclass(frozen=True)
class Stolpediagram:
    """A bar chart laid out: the bars, the x of the zero line, and the drawing's size."""

    stolper: list[Stolpe]
    null_x: float
    hoyde: float
    bredde: int


STOLPE_BREDDE = 340
"""The bar charts' drawing width: narrow, so the text stays legible when a 320 px screen scales it."""
STOLPE_HOYDE = 16
LINJE = 17
ETIKETT_TEGN = 40


def stolper(verdier: list[Stolpeverdi], etiketter: list[str]) -> Stolpediagram:
    """Lay out one bar per value with its label (plain text, wrapped here); negative values go left of zero."""
    tall_ = [v.verdi for v in verdier]
    minst, storst = min(0, *tall_), max(0, *tall_)
    skala = (STOLPE_BREDDE - 20) / ((storst - minst) or 1)
    null_x = 10 + (-minst) * skala
    resultat, y = [], 6
    for v, etikett in zip(verdier, etiketter, strict=True):
        linjer = textwrap.wrap(etikett, ETIKETT_TEGN)
        bredde = max(abs(v.verdi) * skala, 1)
        x = null_x if v.verdi >= 0 else null_x - bredde
        plassert = [Tekstlinje(10, y + LINJE * (i + 1), linje) for i, linje in enumerate(linjer)]
        stolpe_y = y + LINJE * len(linjer) + 5
        resultat.append(Stolpe(plassert, v.anslag, v.beregnet, x, stolpe_y, bredde, STOLPE_HOYDE))
        y = stolpe_y + STOLPE_HOYDE + 12
    return Stolpediagram(resultat, null_x, y, STOLPE_BREDDE)
