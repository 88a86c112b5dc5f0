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
