"""`make bench`: build times, memory, page weight and search index of the real site and of synthetic
data at 10× and 100×, each against its bare Material twin; prints a table and writes a JSON report.

    python -m benchmarks [--rask] [--kjoringer N] [--skalaer 10:3 100:1] [--skala 100[:1]] [--json FIL]
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

from macros.load import load_plan

from . import page_weight, rebuild, report, synthetic, timing, twin
from .project import PROSJEKT, copy_with_history

PAGE_LIMIT_KIB = 300
"""No page should be larger than this (HTML) at 100×: long lists belong in the explorer and downloads."""

EXEMPT_PAGES = {
    "hele-planen/index.html": "utskriftssiden «Hele planen» er hele den gjeldende planen på én side, med "
    "tabellen over hvert tiltak, for å skrives ut eller lagres som PDF; den er holdt utenfor søket, og ingen "
    "annen side lenker til den i stedet for tiltakenes egne sider",
}
"""Pages the limit does not apply to, each with the reason; the report lists them with their size, never silently."""

REBUILD_YEAR = 2023
"""The year whose amount the rebuild edit changes: no stated total covers it in the real data."""


def _log(melding: str) -> None:
    print(f"[benk] {melding}", file=sys.stderr, flush=True)


def measure_scale(
    scale: int, project: Path, work: Path, runs: int, browser: page_weight.Browser, types: list[str] | None
) -> dict:
    """Build a project and its twin `runs` times each, alternating, and weigh their pages."""
    site = work / "site"
    _log(f"{scale}×: bygger nettstedet ({runs} kjøringer, vekselvis med tvillingen)")
    bygg = [timing.build(project, site)]
    tvilling = twin.make_twin(site, work / "tvilling", project)
    tvillingbygg = []
    for i in range(runs):
        tvillingbygg.append(timing.build(tvilling, tvilling / "site"))
        if i < runs - 1:
            bygg.append(timing.build(project, site))
    bygg, tvillingbygg = timing.Series(tuple(bygg)), timing.Series(tuple(tvillingbygg))
    _log(f"{scale}×: make check")
    kontroll = timing.checks(project, runs)
    plan = load_plan(project / "data")
    urls = page_weight.resolve(site, plan, types)
    _log(f"{scale}×: sidevekt i Chromium")
    finnes = [u for u in urls.values() if u is not None]
    vekt, tvillingvekt = browser.weigh(site, finnes), browser.weigh(tvilling / "site", finnes)
    return {
        "scale": scale,
        "data": "data/ (de ekte dataene)" if scale == 1 else f"syntetiske data, {scale}×",
        "tiltak": len(plan.tiltak),
        "aktorer": len(plan.aktorer),
        "hendelser": len(plan.hendelser),
        "tiltaksplanposter": len(plan.tiltaksplanposter),
        "pages": len(twin.pages(site)),
        "build": bygg.as_json(),
        "twin_build": tvillingbygg.as_json(),
        "ratio_cpu": round(bygg.cpu_median / tvillingbygg.cpu_median, 3),
        "ratio_wall": round(bygg.median / tvillingbygg.median, 3),
        "check": kontroll.as_json(),
        "page_weight": {
            navn: {
                "url": url,
                "site": vekt[url].as_json() if url is not None else None,
                "twin": tvillingvekt[url].as_json() if url is not None else None,
            }
            for navn, url in urls.items()
        },
        "search_index": page_weight.search_index(site),
        "twin_search_index": page_weight.search_index(tvilling / "site"),
        "largest_pages": page_weight.largest_pages(site),
        "largest_counted": page_weight.largest_pages(site, 1, EXEMPT_PAGES),
        "pages_over_limit": page_weight.pages_over(site, PAGE_LIMIT_KIB * 1024, EXEMPT_PAGES),
        "pages_exempt": page_weight.exempt_pages(site, PAGE_LIMIT_KIB * 1024, EXEMPT_PAGES),
    }


def measure_rebuild(work: Path, twin_project: Path) -> dict:
    """The time `mkdocs serve` takes to show one edit of data/tiltak.yml, and the twin's for one page."""
    plan = load_plan(PROSJEKT / "data")
    tiltak_id = next(t.id for t in plan.tiltak.values() if t.kr_for(REBUILD_YEAR) is not None)
    side = f"tiltak/{tiltak_id}/"
    _log(f"gjenoppbygging i mkdocs serve ({side})")
    prosjekt = copy_with_history(work / "serve")
    egen = rebuild.rebuild_time(prosjekt, side, rebuild.edit_amount(tiltak_id, REBUILD_YEAR))
    tvilling = rebuild.rebuild_time(twin_project, side, rebuild.edit_text(twin.markdown_path(side, PROSJEKT / "docs")))
    return {
        "page": side,
        "edit": f"data/tiltak.yml: beløpet for {REBUILD_YEAR} i «{tiltak_id}» økt med 1 000 kr",
        "site": {"seconds": round(egen.seconds, 3), "cpu_seconds": egen.cpu_seconds},
        "twin": {"seconds": round(tvilling.seconds, 3), "cpu_seconds": tvilling.cpu_seconds},
        # On CPU time where both are known, like the builds.
        "ratio": round(
            egen.cpu_seconds / tvilling.cpu_seconds
            if egen.cpu_seconds and tvilling.cpu_seconds
            else egen.seconds / tvilling.seconds,
            3,
        ),
    }


def _scale_arg(tekst: str) -> tuple[int, int]:
    skala, _, kjoringer = tekst.partition(":")
    return int(skala), int(kjoringer or 1)


def _one_scale_arg(tekst: str) -> tuple[int, int | None]:
    skala, _, kjoringer = tekst.partition(":")
    return int(skala), int(kjoringer) if kjoringer else None


def what_to_run(args: argparse.Namespace) -> tuple[int | None, list[tuple[int, int]]]:
    """(runs of the real site's build, None to leave it out; the synthetic scales as (scale, runs))."""
    if args.skala is not None:
        skala, kjoringer = args.skala
        if skala == 1:
            return kjoringer or args.kjoringer or (1 if args.rask else 5), []
        return None, [(skala, kjoringer or 1)]
    kjoringer = args.kjoringer or (1 if args.rask else 5)
    return kjoringer, args.skalaer if args.skalaer is not None else ([(2, 1)] if args.rask else [(10, 3), (100, 1)])


def parse(argv: list[str] | None) -> argparse.Namespace:
    """The command line."""
    p = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    p.add_argument("--rask", action="store_true", help="redusert kjøring for testen: 1 kjøring, 2×, bare tiltakssiden")
    p.add_argument("--kjoringer", type=int, help="kjøringer av bygget ved 1× (standard 5, med --rask 1)")
    p.add_argument(
        "--skalaer", nargs="*", type=_scale_arg, help="syntetiske skalaer som skala:kjøringer (standard 10:3 100:1)"
    )
    p.add_argument(
        "--skala",
        type=_one_scale_arg,
        help="bare én skala, som skala[:kjøringer]: 1 gir de ekte dataene og gjenoppbyggingen, et annet tall bare "
        "den syntetiske skalaen (for å måle før og etter en endring)",
    )
    p.add_argument("--json", type=Path, default=PROSJEKT / "benchmarks" / "rapport.json", help="hvor rapporten skrives")
    return p.parse_args(argv)


def main(argv: list[str] | None = None) -> dict:
    """Run the benchmark, print the table and write the JSON report; returns the result."""
    args = parse(argv)
    kjoringer, skalaer = what_to_run(args)
    typer = ["tiltak"] if args.rask else None
    start = time.perf_counter()
    resultat: dict = {
        "mode": "rask" if args.rask else "full",
        "machine": {
            "cpus": os.cpu_count(),
            "load_start": os.getloadavg()[0],
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "page_limit_kib": PAGE_LIMIT_KIB,
        "scales": [],
        "failed": [],
        "notes": [],
    }
    with tempfile.TemporaryDirectory(prefix="benk-") as tmp, page_weight.Browser() as browser:
        arbeid = Path(tmp)

        def maal(navn: str, funksjon):
            # One part that fails is reported, and the rest is still measured.
            try:
                return funksjon()
            except Exception as feil:
                _log(f"{navn} feilet: {feil}")
                resultat["failed"].append({"part": navn, "error": f"{type(feil).__name__}: {feil}"[:4000]})
                return None

        en = None
        if kjoringer is not None:
            en = maal("1×", lambda: measure_scale(1, PROSJEKT, arbeid / "1", kjoringer, browser, typer))
        if en is not None:
            resultat["scales"].append(en)
            resultat["rebuild"] = maal("gjenoppbygging", lambda: measure_rebuild(arbeid, arbeid / "1" / "tvilling"))
        shutil.rmtree(arbeid / "1", ignore_errors=True)
        for skala, n in skalaer:
            _log(f"{skala}×: lager syntetiske data")
            mappe = arbeid / str(skala)
            maling = maal(
                f"{skala}×",
                lambda skala=skala, n=n, mappe=mappe: measure_scale(
                    skala, synthetic.scaled_project(mappe / "prosjekt", skala), mappe, n, browser, typer
                ),
            )
            if maling is not None:
                resultat["scales"].append(maling)
            shutil.rmtree(mappe, ignore_errors=True)
    syntetiske = [s for s in resultat["scales"] if s["scale"] > 1]
    if len(syntetiske) >= 2:
        fra, til = syntetiske[-2], syntetiske[-1]
        resultat["growth"] = {
            "from": fra["scale"],
            "to": til["scale"],
            "cpu_ratio": round(til["build"]["cpu_median_s"] / fra["build"]["cpu_median_s"], 3),
            "wall_ratio": round(til["build"]["median_s"] / fra["build"]["median_s"], 3),
        }
    for s in resultat["scales"]:
        for navn, vekt in s["page_weight"].items():
            if vekt["url"] is None:
                resultat["notes"].append(f"ingen side av typen «{navn}» ved {s['scale']}× ennå; den er ikke veid")
            for hvem in ("site", "twin"):
                if vekt[hvem] and vekt[hvem]["error"]:
                    resultat["notes"].append(
                        f"besøket på {vekt['url']} ved {s['scale']}× ({'tvillingen' if hvem == 'twin' else 'nettstedet'})"
                        f" ble ikke ferdig; vekten er det som ble sendt til da: {vekt[hvem]['error']}"
                    )
    for feil in resultat["failed"]:
        resultat["notes"].append(f"{feil['part']} kunne ikke måles: {feil['error'].splitlines()[0]}")
    resultat["notes"].append(
        "1× bygges i prosjektet med git-historikken; de syntetiske skalaene er kopier uten git-historikk"
    )
    resultat["notes"].append(
        "hvert bygg er kaldt: en ny prosess, og nettstedet lagrer ingenting mellom byggene (ingen hurtigbuffer på disk)"
    )
    resultat["machine"]["load_end"] = os.getloadavg()[0]
    resultat["seconds_total"] = round(time.perf_counter() - start, 1)
    resultat["targets"] = report.judge(resultat)
    print(report.table(resultat))
    report.write_json(resultat, args.json)
    print(f"\nRapporten er skrevet til {args.json}")
    return resultat


if __name__ == "__main__":
    # A part that could not be measured fails the command (and the test of the reduced run).
    sys.exit(1 if main()["failed"] else 0)
