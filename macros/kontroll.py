"""`make check`: validate data/ and every page's front matter without building the site.

python -m macros.kontroll     prints every mistake in bokmål and exits 1, or says all is well
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from .feil import Datafeil, Feil
from .front_matter import CheckedFrontMatter, les_sidemeta, sjekk_kilder
from .load import load_plan_cached
from .model import Plan
from .registry import TYPER
from .yamlfil import les_yaml

PROSJEKT = Path(__file__).resolve().parent.parent


def kontroller(prosjekt: Path = PROSJEKT, docs_dir: Path | None = None) -> tuple[Plan, dict[str, CheckedFrontMatter]]:
    """The validated plan and pages, or Datafeil listing every mistake in data/ and front matter together."""
    feil: list[Feil] = []
    plan = None
    try:
        plan = load_plan_cached(prosjekt / "data")
    except Datafeil as datafeil:
        feil += datafeil.feil
    docs_dir = docs_dir or prosjekt / "docs"
    sider, sidefeil = les_sidemeta(docs_dir)
    feil += sidefeil
    if plan is not None:
        feil += sjekk_kilder(sider, plan)
        feil += sjekk_historikksider(plan, docs_dir, prosjekt / "data")
    if feil:
        raise Datafeil(feil)
    return plan, sider


def sjekk_historikksider(plan: Plan, docs_dir: Path, data_dir: Path) -> list[Feil]:
    """Every history page in data/historikksider.yml is a page under docs/ (the timeline links to it)."""
    fil = f"data/{TYPER['historikkside'].fil}"
    mangler = [(i, h) for i, h in enumerate(plan.historikksider.values()) if not (docs_dir / h.side).is_file()]
    if not mangler:
        return []
    dokument, _ = les_yaml(data_dir / TYPER["historikkside"].fil, fil)
    return [
        Feil(
            fil,
            f"siden docs/{h.side} finnes ikke. Skriv stien til siden under docs/ slik en lenke skriver den, "
            "for eksempel «historikk/snowball.md».",
            linje=dokument.linje((i, "side")) if dokument else None,
            post=h.id,
            felt="side",
        )
        for i, h in mangler
    ]


def main() -> int:
    """Run the check and report in bokmål; the exit status says whether all is well."""
    start = time.perf_counter()
    try:
        plan, sider = kontroller()
    except Datafeil as feil:
        print(feil, file=sys.stderr)
        return 1
    tid = time.perf_counter() - start
    print(
        f"Alt i orden: dataene ({len(plan.tiltak)} tiltak) og forsiden på {len(sider)} sider er gyldige ({tid:.2f} s)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
