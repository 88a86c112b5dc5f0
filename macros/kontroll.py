"""`make check`: validate data/ and every page's front matter without building the site.

    python -m macros.kontroll     prints every mistake in bokmål and exits 1, or says all is well
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from .feil import Datafeil, Feil
from .load import load_plan_cached
from .model import Plan
from .sidemeta import LestSide, les_sidemeta, sjekk_kilder

PROSJEKT = Path(__file__).resolve().parent.parent


def kontroller(prosjekt: Path = PROSJEKT, docs_dir: Path | None = None) -> tuple[Plan, dict[str, LestSide]]:
    """The validated plan and pages, or Datafeil listing every mistake in data/ and front matter together."""
    feil: list[Feil] = []
    plan = None
    try:
        plan = load_plan_cached(prosjekt / "data")
    except Datafeil as datafeil:
        feil += datafeil.feil
    sider, sidefeil = les_sidemeta(docs_dir or prosjekt / "docs")
    feil += sidefeil
    if plan is not None:
        feil += sjekk_kilder(sider, plan)
    if feil:
        raise Datafeil(feil)
    return plan, sider


def main() -> int:
    """Run the check and report in bokmål; the exit status says whether all is well."""
    start = time.perf_counter()
    try:
        plan, sider = kontroller()
    except Datafeil as feil:
        print(feil, file=sys.stderr)
        return 1
    tid = time.perf_counter() - start
    print(f"Alt i orden: dataene ({len(plan.tiltak)} tiltak) og forsiden på {len(sider)} sider er gyldige ({tid:.2f} s).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
