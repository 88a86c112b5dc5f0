"""Errors in data/ as staff read them: file, line, record, field, what to fix."""

from __future__ import annotations

from dataclasses import dataclass


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
        return f"{', '.join(sted)}: {self.melding}"


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
