"""Layout of the history diagrams: boxes one under the other, computed here, drawn by a template."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass

from .model import Hendelse

BREDDE = 640
BOKSBREDDE = 600
AVSTAND = 28
TEGN_PER_LINJE = 64
"""About what fits on one line of a box at the diagram's font size."""


@dataclass(frozen=True)
class Boks:
    """One event's box: position, size, and its title broken into lines."""

    x: int
    y: int
    bredde: int
    hoyde: int
    tid: str
    linjer: list[str]


def bokser(hendelser: list[Hendelse]) -> tuple[list[Boks], int]:
    """Place one box per event, top to bottom; return the boxes and the total height."""
    resultat, y = [], 10
    for hendelse in hendelser:
        linjer = textwrap.wrap(hendelse.tittel, TEGN_PER_LINJE)
        hoyde = 34 + 20 * len(linjer)
        resultat.append(Boks((BREDDE - BOKSBREDDE) // 2, y, BOKSBREDDE, hoyde, hendelse.tid_visning, linjer))
        y += hoyde + AVSTAND
    return resultat, y - AVSTAND + 10


@dataclass(frozen=True)
class Stolpe:
    """One horizontal bar with its label (and value) in lines above it."""

    linjer: list[str]
    anslag: bool
    x: float
    y: float
    bredde: float
    tekst_y: float


STOLPE_BREDDE = 340
"""The bar charts' drawing width: narrow, so the text stays legible when a 320 px screen scales it."""
STOLPE_HOYDE = 16
LINJE = 17
ETIKETT_TEGN = 40


def stolper(verdier: list[tuple[str, float, str, bool]]) -> tuple[list[Stolpe], float, float]:
    """Lay out bars for (label, value, value as text, estimate); negative values go left of zero.

    Returns the bars, the x of the zero line and the height of the drawing.
    """
    tall_ = [v for _, v, _, _ in verdier]
    minst, storst = min(0, *tall_), max(0, *tall_)
    skala = (STOLPE_BREDDE - 20) / ((storst - minst) or 1)
    null_x = 10 + (-minst) * skala
    resultat, y = [], 6
    for etikett, verdi, visning, anslag in verdier:
        linjer = textwrap.wrap(f"{etikett}: {visning}", ETIKETT_TEGN)
        bredde = max(abs(verdi) * skala, 1)
        x = null_x if verdi >= 0 else null_x - bredde
        tekst_y = y + LINJE
        stolpe_y = y + LINJE * len(linjer) + 5
        resultat.append(Stolpe(linjer, anslag, x, stolpe_y, bredde, tekst_y))
        y = stolpe_y + STOLPE_HOYDE + 12
    return resultat, null_x, y
