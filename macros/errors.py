"""Errors in data/ as staff read them: file, line, record, field, what to fix."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Feil:
    """One mistake in a data file, located as precisely as the YAML allows."""

    fil: str
    melding: str
    linje: int | None = None
    post: str | None = None
    felt: str | None = None

    def __str__(self) -> str:
        sted = [self.fil]
        if self.linje is not None:
            sted.append(f"linje {self.linje}")
        if self.post:
            sted.append(f"post «{self.post}»")
        if self.felt:
            sted.append(f"felt «{self.felt}»")
        return _synlig(f"{', '.join(sted)}: {self.melding}")


def _synlig(tekst: str) -> str:
    """The text on one line: a line break or control character typed into a value is shown as an escape.

    The messages are read line by line, in a terminal and in GitHub's log; an id ending in a line break
    would otherwise split its error in two, and a control character would not show at all.
    """
    return "".join(tegn if unicodedata.category(tegn) not in _USYNLIGE else repr(tegn)[1:-1] for tegn in tekst)


_USYNLIGE = {"Cc", "Zl", "Zp", "Cs"}


class Datafeil(Exception):
    """All the mistakes found in data/, reported together so staff fix them in one go."""

    def __init__(self, feil: list[Feil]):
        self.feil = sorted(feil, key=lambda f: (f.fil, f.linje or 0))
        super().__init__(str(self))

    def __str__(self) -> str:
        antall = len(self.feil)
        overskrift = "Fant 1 feil i dataene" if antall == 1 else f"Fant {antall} feil i dataene"
        linjer = [f"{overskrift}. Nettstedet er ikke bygget; rett feilene og prøv igjen:"]
        linjer += [f"  - {feil}" for feil in self.feil]
        return "\n".join(linjer)


class Makrofeil(ValueError):
    """A macro in a page was called with an argument it does not know; the message lists the known values."""


def makrofeil_paa_siden(sti: str, src_uri: str, makro: str, feil: Makrofeil) -> str:
    """The message with the page file and the line of the first call to that macro on it."""
    linjer = Path(sti).read_text(encoding="utf-8").splitlines()
    linje = next((i for i, tekst in enumerate(linjer, 1) if f"{makro}(" in tekst), None)
    sted = f"docs/{src_uri}" + (f", linje {linje}" if linje else "")
    return f"{sted}: {feil}"
