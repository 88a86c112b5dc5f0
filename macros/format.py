"""How figures are written on the site: one formatter for each kind."""

from __future__ import annotations

NARROW_NBSP = "\u202f"


def tall(verdi: int) -> str:
    """An integer with narrow no-break spaces between thousands: 1 200 000."""
    tegn = "−" if verdi < 0 else ""
    return tegn + f"{abs(verdi):,}".replace(",", NARROW_NBSP)


def kroner(verdi: int) -> str:
    """An amount in kroner, the Norwegian way: 1 200 000 kr."""
    return f"{tall(verdi)}\u00a0kr"


BEREGNET = "beregnet"
"""The word that marks a figure the site computed and no source states."""


def beregnet(grunnlag: str | None = None) -> str:
    """The computed-figure marker as plain text, «(beregnet: basis)»; the macro `beregnet` in _felles.html shows the same words."""
    return f"({BEREGNET}: {grunnlag})" if grunnlag else f"({BEREGNET})"


def prosent(verdi: int | float) -> str:
    """A percentage the Norwegian way: 8,5 %, −0,9 %."""
    return f"{verdi}".replace(".", ",").replace("-", "−") + "\u00a0%"
