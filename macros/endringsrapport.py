"""`make endringer`: what changed in data/ since a git revision, as plain text or Markdown.

Reads data/ at the revision with `git show` into a temporary folder, loads both
sides with load.py and compares them with endringer.py. Totals that do not
reconcile do not stop the comparison: they are what a reviewer needs to see.
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .endringer import sammenlign, sumendringer
from .endringstekst import setning, sumsetning
from .errors import Datafeil, Feil
from .git import Gitfeil, git
from .legacy_format import oppgrader
from .load import load_plan_allowing_mismatches
from .registry import TYPER

TITTEL = "Endringer i dataene"
INGEN_ENDRINGER = "Ingen endringer i dataene."


@dataclass(frozen=True)
class Avsnitt:
    """A heading and its lines."""

    overskrift: str
    linjer: list[str]


@dataclass(frozen=True)
class Rapport:
    """What the command prints: a title, an introduction and sections; `feil` means the comparison failed."""

    tittel: str
    innledning: str
    avsnitt: list[Avsnitt] = field(default_factory=list)
    feil: bool = False


def lag_rapport(repo: Path, revisjon: str) -> Rapport:
    """Compare data/ at a git revision in repo with data/ in its working tree."""
    try:
        commit = git(repo, "rev-parse", "--verify", f"{revisjon}^{{commit}}").decode().strip()
        kort = git(repo, "rev-parse", "--short", commit).decode().strip()
        rot = Path(git(repo, "rev-parse", "--show-toplevel").decode().strip())
    except Gitfeil as feil:
        return Rapport(
            TITTEL,
            f"Fant ikke revisjonen «{revisjon}» i git ({feil}). Oppgi en annen med FRA=, for eksempel "
            "FRA=HEAD eller FRA=origin/main.",
            feil=True,
        )
    navn = revisjon if revisjon == kort else f"{revisjon} ({kort})"
    with tempfile.TemporaryDirectory() as tmp:
        # The folder is called data/ so messages name the files as staff know them.
        gammel_mappe = Path(tmp) / "data"
        skriv_data_ved_revisjon(rot, commit, gammel_mappe)
        gammel, gammel_feil = _last(gammel_mappe)
    ny, ny_feil = _last(rot / "data")
    if gammel is None or ny is None:
        return _ugyldig(navn, gammel_feil, ny_feil)
    (plan_gammel, _), (plan_ny, avvik) = gammel, ny
    endringer = sammenlign(plan_gammel, plan_ny)
    if not endringer:
        return Rapport(TITTEL, INGEN_ENDRINGER)
    avsnitt = []
    for type_, posttype in TYPER.items():
        linjer = [setning(e, plan_gammel, plan_ny) for e in endringer if e.type == type_]
        if linjer:
            avsnitt.append(Avsnitt(f"data/{posttype.fil}", linjer))
    summer = [sumsetning(s) for s in sumendringer(plan_gammel, plan_ny)]
    if summer:
        avsnitt.append(Avsnitt(f"Summer regnet ut fra data/{TYPER['tiltak'].fil}", summer))
    if avvik:
        avsnitt.append(Avsnitt("Summer som ikke stemmer (bygget stopper)", [str(f) for f in avvik]))
    return Rapport(TITTEL, f"Fra {navn} til arbeidskopien.", avsnitt)


def _ugyldig(navn: str, gammel_feil: list[Feil], ny_feil: list[Feil]) -> Rapport:
    """The report when either side does not validate: the mistakes, and what to do about them."""
    innledning = f"Endringene fra {navn} kan ikke vises, fordi dataene ikke er gyldige."
    avsnitt = []
    if gammel_feil:
        innledning += (
            f" Dataene i {navn} er ikke gyldige etter datamodellen i arbeidskopien (kanskje er formatet endret "
            "siden da); velg en nyere revisjon med FRA=."
        )
        avsnitt.append(Avsnitt(f"Dataene i {navn} er ikke gyldige", [str(f) for f in gammel_feil]))
    if ny_feil:
        innledning += " Rett feilene i arbeidskopien og prøv igjen."
        avsnitt.append(Avsnitt("Dataene i arbeidskopien er ikke gyldige", [str(f) for f in ny_feil]))
    # Old data in an older format is no mistake in this change (a pull request may change the
    # format); only invalid data in the working tree fails the command.
    return Rapport(TITTEL, innledning, avsnitt, feil=bool(ny_feil))


def skriv_data_ved_revisjon(repo: Path, revisjon: str, mappe: Path) -> None:
    """Write each data file as it is at the revision into mappe (repo is the top folder).

    A kind added after the revision had no records then: its missing file is written as an empty
    list (or, for a file that is one record, as that record's defaults when the model has them), so
    its records read as new. Any other missing file is left out, and load_plan says it is missing.
    """
    mappe.mkdir(parents=True)
    for posttype in TYPER.values():
        try:
            innhold = git(repo, "show", f"{revisjon}:data/{posttype.fil}")
        except Gitfeil:
            if posttype.liste:
                innhold = b"[]\n"
            elif all(not felt.is_required() for felt in posttype.modell.model_fields.values()):
                innhold = b"{}\n"
            else:
                continue
        (mappe / posttype.fil).write_bytes(innhold)
    oppgrader(mappe)


def som_tekst(rapport: Rapport) -> str:
    """The report for a terminal."""
    if not rapport.avsnitt and not rapport.feil:
        return rapport.innledning + "\n"
    deler = [f"{rapport.tittel}\n{rapport.innledning}"]
    deler += [f"{a.overskrift}\n" + "\n".join(f"  - {linje}" for linje in a.linjer) for a in rapport.avsnitt]
    return "\n\n".join(deler) + "\n"


def som_markdown(rapport: Rapport) -> str:
    """The report as Markdown for a GitHub job summary; every text from the data is escaped."""
    deler = [f"## {_md(rapport.tittel)}", _md(rapport.innledning)]
    deler += [
        f"### {_md(a.overskrift)}\n\n" + "\n".join(f"- {_md(linje)}" for linje in a.linjer) for a in rapport.avsnitt
    ]
    return "\n\n".join(deler) + "\n"


def _md(tekst: str) -> str:
    """Escape Markdown and HTML syntax so data reads as plain text."""
    return re.sub(r"([\\`*_\[\]<>#|~&])", r"\\\1", tekst)


def _last(mappe: Path) -> tuple[tuple | None, list[Feil]]:
    try:
        return load_plan_allowing_mismatches(mappe), []
    except Datafeil as feil:
        return None, feil.feil


def main(argv: list[str] | None = None) -> int:
    """Print the changes since --fra; exit 1 when the revision is unknown or the working tree's data is invalid."""
    parser = argparse.ArgumentParser(
        prog="python -m macros.endringer",
        description="Viser hva som er endret i data/ siden en git-revisjon, post for post og felt for felt.",
    )
    parser.add_argument("--fra", default="HEAD", help="git-revisjonen det sammenlignes med (standard: HEAD)")
    parser.add_argument("--markdown", action="store_true", help="skriv Markdown (for GitHubs jobbsammendrag)")
    parser.add_argument("--repo", type=Path, default=Path.cwd(), help="git-repoet (standard: mappen du står i)")
    argumenter = parser.parse_args(argv)
    rapport = lag_rapport(argumenter.repo, argumenter.fra)
    sys.stdout.write(som_markdown(rapport) if argumenter.markdown else som_tekst(rapport))
    return 1 if rapport.feil else 0
