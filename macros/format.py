"""How figures are written on the site: one formatter for each kind, registered once as Jinja filters."""

from __future__ import annotations

from collections.abc import Callable

NARROW_NBSP = "\u202f"
MINUS = "−"
"""The typographic minus sign; a hyphen before a figure reads as a dash."""


def tall(verdi: int | float) -> str:
    """A number the Norwegian way: narrow no-break spaces between thousands, decimal comma, real minus: 1 200 000, −0,9.

    A decimal keeps the digits the data gives (8.5 is «8,5», 0.0 is «0,0»): the sources' precision, not ours.
    """
    tegn = MINUS if verdi < 0 else ""
    return tegn + f"{abs(verdi):,}".replace(",", NARROW_NBSP).replace(".", ",")


def kroner(verdi: int) -> str:
    """An amount in kroner, the Norwegian way: 1 200 000 kr."""
    return f"{tall(verdi)}\u00a0kr"


def prosent(verdi: int | float) -> str:
    """A percentage the Norwegian way: 8,5 %, −0,9 %."""
    return f"{tall(verdi)}\u00a0%"


def csv_tall(verdi: int | float) -> str:
    """A number in a CSV file: raw digits for spreadsheets (no thousands separator, ASCII minus), decimal comma."""
    return str(verdi).replace(".", ",")


BEREGNET = "beregnet"
"""The word that marks a figure the site computed and no source states."""


def beregnet(grunnlag: str | None = None) -> str:
    """The computed-figure marker as plain text, «(beregnet: basis)»; the macro `beregnet` in _felles.html shows the same words."""
    return f"({BEREGNET}: {grunnlag})" if grunnlag else f"({BEREGNET})"


FILTRE: dict[str, Callable[..., str]] = {
    "tall": tall,
    "kroner": kroner,
    "prosent": prosent,
}
"""Every formatter as the Jinja filter templates use: {{ 1200000 | kroner }}, {{ 8.5 | prosent }}."""
