"""`make check`: validate data/ and every page's front matter without building the site.

python -m macros.validate     prints every mistake in bokmål and exits 1, or says all is well
"""

from __future__ import annotations

import sys
import time
from datetime import date
from pathlib import Path

from . import urls
from .errors import Datafeil, Feil
from .front_matter import CheckedFrontMatter, les_sidemeta, sjekk_kilder
from .gcpause import paused_gc
from .load import load_plan_cached
from .model import NyttTiltak, Plan
from .registry import TYPER, med_sider
from .yamlfile import YamlDokument, les_yaml

PROSJEKT = Path(__file__).resolve().parent.parent


def kontroller(
    prosjekt: Path = PROSJEKT, docs_dir: Path | None = None, gjenbruk: bool = False
) -> tuple[Plan, dict[str, CheckedFrontMatter]]:
    """The validated plan and pages, or Datafeil listing every mistake in data/ and front matter together.

    gjenbruk: under `mkdocs serve`, read again only the data files that changed (load_plan_cached).
    """
    with paused_gc():
        return _kontroller(prosjekt, docs_dir, gjenbruk)


def _kontroller(prosjekt: Path, docs_dir: Path | None, gjenbruk: bool) -> tuple[Plan, dict[str, CheckedFrontMatter]]:
    feil: list[Feil] = []
    plan = None
    try:
        plan = load_plan_cached(prosjekt / "data", gjenbruk)
    except Datafeil as datafeil:
        feil += datafeil.feil
    docs_dir = docs_dir or prosjekt / "docs"
    sider, sidefeil = les_sidemeta(docs_dir)
    feil += sidefeil
    if plan is not None:
        feil += sjekk_kilder(sider, plan)
        feil += sjekk_historikksider(plan, docs_dir, prosjekt / "data")
        feil += sjekk_sideadresser(plan, set(sider), prosjekt / "data")
    if feil:
        raise Datafeil(feil)
    return plan, sider


def sjekk_sideadresser(plan: Plan, handskrevne: set[str], data_dir: Path) -> list[Feil]:
    """No record's page has the address of a hand-written page (a measure «utforsk» and docs/tiltak/utforsk.md)."""
    feil = []
    for posttype in med_sider():
        kollisjoner = [i for i in plan.poster[posttype.nokkel] if urls.kildefil(posttype.nokkel, i) in handskrevne]
        if not kollisjoner:
            continue
        fil = f"data/{posttype.fil}"
        dokument, _ = les_yaml(data_dir / posttype.fil, fil)
        feil += [
            Feil(
                fil,
                f"id-en «{post_id}» gir siden /{urls.side_url(posttype.nokkel, post_id)}, men den adressen har allerede "
                f"den skrevne siden docs/{urls.kildefil(posttype.nokkel, post_id)}. Velg en annen id.",
                linje=dokument.linje_for_post(post_id, "id") if dokument else None,
                post=post_id,
                felt="id",
            )
            for post_id in kollisjoner
        ]
    return feil


def sjekk_historikksider(plan: Plan, docs_dir: Path, data_dir: Path) -> list[Feil]:
    """Every history page in data/historikksider.yml is a page under docs/ (the timeline links to it)."""
    fil = f"data/{TYPER['historikkside'].fil}"
    mangler = [h for h in plan.historikksider.values() if not (docs_dir / h.side).is_file()]
    if not mangler:
        return []
    dokument, _ = les_yaml(data_dir / TYPER["historikkside"].fil, fil)
    return [
        Feil(
            fil,
            f"siden docs/{h.side} finnes ikke. Skriv stien til siden under docs/ slik en lenke skriver den, "
            "for eksempel «historikk/snowball.md».",
            linje=dokument.linje_for_post(h.id, "side") if dokument else None,
            post=h.id,
            felt="side",
        )
        for h in mangler
    ]


def _maneder_for(dato: date, maneder: int) -> date:
    """The same day `maneder` months earlier (the month's last day where the month is shorter)."""
    indeks = dato.year * 12 + dato.month - 1 - maneder
    ar, maned = divmod(indeks, 12)
    for dag in range(dato.day, 0, -1):
        try:
            return date(ar, maned + 1, dag)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def foreldede_statuser(plan: Plan, idag: date, data_dir: Path) -> list[Feil]:
    """A warning for every measure whose status was assessed longer ago than data/innstillinger.yml allows."""
    maneder = plan.innstillinger.status_foreldet_etter_maneder
    grense = _maneder_for(idag, maneder)
    gamle = [
        t for t in plan.alle_tiltak.values() if t.status is not None and date.fromisoformat(t.status.vurdert) < grense
    ]
    advarsler = []
    dokumenter: dict[str, YamlDokument | None] = {}
    for t in gamle:
        # A measure new in a later plan has its status in the entry that introduced it.
        navn = TYPER["tiltak"].redigeres_i(t)
        post_id = t.innfort.id if isinstance(t, NyttTiltak) else t.id
        if navn not in dokumenter:
            dokumenter[navn] = les_yaml(data_dir / navn, f"data/{navn}")[0]
        dokument = dokumenter[navn]
        advarsler.append(
            Feil(
                f"data/{navn}",
                f"statusen «{plan.tiltaksstatuser[t.status.status].navn}» ble vurdert {t.status.vurdert}, for mer enn "
                f"{maneder} måneder siden. Vurder statusen på nytt og skriv den nye datoen i «vurdert» (grensen står "
                f"i data/{TYPER['innstillinger'].fil}).",
                linje=dokument.linje_for_post(post_id, "status", "vurdert") if dokument else None,
                post=post_id,
                felt="status.vurdert",
            )
        )
    return advarsler


def main(idag: date | None = None, prosjekt: Path = PROSJEKT) -> int:
    """Run the check and report in bokmål; the exit status says whether all is well (warnings do not change it)."""
    start = time.perf_counter()
    try:
        plan, sider = kontroller(prosjekt)
    except Datafeil as feil:
        print(feil, file=sys.stderr)
        return 1
    for advarsel in foreldede_statuser(plan, idag or date.today(), prosjekt / "data"):
        print(f"Advarsel: {advarsel}", file=sys.stderr)
    tid = time.perf_counter() - start
    print(
        f"Alt i orden: dataene ({len(plan.alle_tiltak)} tiltak) og forsiden på {len(sider)} sider er gyldige ({tid:.2f} s)."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
