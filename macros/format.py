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
