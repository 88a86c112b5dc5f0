"""The benchmark's targets, the table it prints and the JSON report it writes.

The targets are reported, never asserted: a slow machine fails no test. Times are judged on CPU
time (user + system of the process), which other work on a shared machine does not inflate; the
table shows the time on the clock next to it. The rebuild under `mkdocs serve` falls back to the
clock where the process's CPU time cannot be read (outside Linux).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

KIB = 1024
MIB = 1024 * 1024


@dataclass(frozen=True)
class Target:
    """One target of the issue: a measured value at a scale, and the limit it should stay within."""

    name: str
    scale: int | None
    value: Callable[[dict, dict | None], float | None]
    """(the whole result, the result at `scale` or None) -> the measured value, or None if not measured."""
    limit: float
    unit: str


def _at(result: dict, scale: int) -> dict | None:
    return next((s for s in result["scales"] if s["scale"] == scale), None)


def _weight(page_type: str) -> Callable[[dict, dict | None], float | None]:
    def verdi(result: dict, skala: dict | None) -> float | None:
        vekt = (skala or {}).get("page_weight", {}).get(page_type)
        return vekt["site"]["gzip_bytes"] / KIB if vekt and vekt.get("site") else None

    return verdi


def _largest(result: dict, skala: dict | None) -> float | None:
    # The exempt pages (EXEMPT_PAGES, listed with their reason under the table) are not judged.
    sider = (skala or {}).get("largest_counted", (skala or {}).get("largest_pages"))
    return sider[0]["raw_bytes"] / KIB if sider else None


def _rebuild(result: dict) -> float | None:
    egen = (result.get("rebuild") or {}).get("site")
    if egen is None:
        return None
    return egen["cpu_seconds"] if egen["cpu_seconds"] is not None else egen["seconds"]


TARGETS: tuple[Target, ...] = (
    Target("bygg / tvilling", 1, lambda r, s: s and s["ratio_cpu"], 1.2, "×"),
    Target("bygg / tvilling", 100, lambda r, s: s and s["ratio_cpu"], 1.3, "×"),
    Target("vekst 10× → 100× (lineært: 10)", None, lambda r, s: r.get("growth", {}).get("cpu_ratio"), 11, "×"),
    Target("høyeste minnebruk i bygget", 100, lambda r, s: s and s["build"]["peak_mib"], 1024, "MiB"),
    Target("første besøk på en tiltaksside, gzip", 1, _weight("tiltak"), 100, "KiB"),
    Target("første besøk på en tiltaksside, gzip", 100, _weight("tiltak"), 150, "KiB"),
    Target("største HTML-side (utenom unntakene)", 100, _largest, 300, "KiB"),
    Target("make check", 1, lambda r, s: s and s["check"]["cpu_median_s"], 1, "s"),
    Target("make check", 100, lambda r, s: s and s["check"]["cpu_median_s"], 5, "s"),
    Target("gjenoppbygging etter én endring (mkdocs serve)", 1, lambda r, s: _rebuild(r), 2, "s"),
)
"""The issue's targets (#15), in the order the report lists them."""


def judge(result: dict) -> list[dict]:
    """Each target with its measured value and whether it is met (None: not measured in this run)."""
    vurdert = []
    for mal in TARGETS:
        skala = _at(result, mal.scale) if mal.scale is not None else None
        verdi = None if mal.scale is not None and skala is None else mal.value(result, skala)
        vurdert.append(
            {
                "name": mal.name,
                "scale": mal.scale,
                "value": None if verdi is None else round(verdi, 3),
                "limit": mal.limit,
                "unit": mal.unit,
                "met": None if verdi is None else verdi <= mal.limit,
            }
        )
    return vurdert


def _kib(antall: int) -> str:
    return f"{antall / KIB:.0f}"


def _storrelse(antall: int) -> str:
    return f"{antall / MIB:.2f} MiB" if antall >= MIB else f"{antall / KIB:.0f} KiB"


def _tall(verdi: float | None, desimaler: int = 2) -> str:
    return "–" if verdi is None else f"{verdi:.{desimaler}f}"


def _indeks(indeks: dict | None, med_filer: bool = True) -> str:
    """A search index's size for the report: bytes, gzip and (med_filer) files."""
    if not indeks:
        return "ingen"
    filer = f" i {indeks['files']} filer" if med_filer and indeks.get("files", 1) > 1 else ""
    return f"{_storrelse(indeks['raw_bytes'])} ({_kib(indeks['gzip_bytes'])} KiB gz){filer}"


def table(result: dict) -> str:
    """The report as the text `make bench` prints, in bokmål."""
    maskin = result["machine"]
    linjer = [
        f"Regionplan – ytelse ({'redusert kjøring' if result['mode'] == 'rask' else 'make bench'}): "
        f"{maskin['cpus']} kjerner, belastning {maskin['load_start']:.1f} ved start og {maskin['load_end']:.1f} "
        f"ved slutt, {result['seconds_total']:.0f} s i alt",
        "Tider i sekunder: median av kjøringene, veggtid / CPU-tid. «Forhold» er nettstedet delt på "
        "tvillingen (ren Material, samme sider), regnet på CPU-tid.",
        "",
        f"{'skala':<6}{'tiltak':>7}{'sider':>7}{'kjøringer':>10}{'bygg':>14}{'tvilling':>14}{'forhold':>9}"
        f"{'minne':>10}{'make check':>13}{'søkeindeks':>20}{'største side':>15}",
    ]
    for s in result["scales"]:
        b, t, c = s["build"], s["twin_build"], s["check"]
        linjer.append(
            f"{str(s['scale']) + '×':<6}{s['tiltak']:>7}{s['pages']:>7}{len(b['runs_s']):>10}"
            f"{b['median_s']:>7.2f}/{b['cpu_median_s']:<6.2f}{t['median_s']:>7.2f}/{t['cpu_median_s']:<6.2f}"
            f"{s['ratio_cpu']:>9.2f}{b['peak_mib']:>6.0f} MiB{c['median_s']:>6.2f}/{c['cpu_median_s']:<6.2f}"
            f"{_indeks(s['search_index'], med_filer=False):>20}"
            f"{_storrelse(s['largest_pages'][0]['raw_bytes']) if s['largest_pages'] else '–':>15}"
        )
    indekser = [(s["scale"], s["search_index"], s.get("twin_search_index")) for s in result["scales"]]
    if any(indeks for _, indeks, _ in indekser):
        linjer.append(
            "Søkeindeksen: nettstedets er Pagefinds (pagefind/), som nettleseren henter noen filer av når noen "
            "søker; tvillingens er lunr (search/search_index.json), som hver side laster hel. "
            + "; ".join(f"{skala}×: {_indeks(indeks)} / {_indeks(tvilling)}" for skala, indeks, tvilling in indekser)
            + " (nettsted / tvilling). Hva ett søk henter, måler make bench-sok."
        )
    vekst = result.get("growth")
    if vekst:
        linjer.append(
            f"Vekst {vekst['from']}× → {vekst['to']}×: {vekst['cpu_ratio']:.2f} på CPU-tid, "
            f"{vekst['wall_ratio']:.2f} på veggtid (lineært: {vekst['to'] / vekst['from']:.0f})"
        )
    gjen = result.get("rebuild")
    if gjen:
        linjer.append(
            f"Gjenoppbygging i mkdocs serve etter én endring (1×, {gjen['page']}): "
            f"{gjen['site']['seconds']:.2f} s (CPU {_tall(gjen['site']['cpu_seconds'])} s); tvillingen "
            f"{gjen['twin']['seconds']:.2f} s (CPU {_tall(gjen['twin']['cpu_seconds'])} s); forhold {gjen['ratio']:.2f}"
        )
    linjer += [
        "",
        "Sidevekt ved første besøk, alt siden laster (KiB gzip; søk = søkeindeks og søkeskript): nettsted / tvilling",
    ]
    typer = list(dict.fromkeys(t for s in result["scales"] for t in s["page_weight"]))
    linjer.append(f"{'sidetype':<14}" + "".join(f"{str(s['scale']) + '×':>32}" for s in result["scales"]))
    for navn in typer:
        celler = []
        for s in result["scales"]:
            vekt = s["page_weight"].get(navn)
            if vekt is None or vekt["url"] is None:
                celler.append("finnes ikke ennå")
                continue
            side, tvilling = vekt["site"], vekt["twin"]
            # «!»: the visit did not finish (see the notes); the figure is what was sent until then.
            celler.append(
                f"{_kib(side['gzip_bytes'])}{'!' if side['error'] else ''} (søk {_kib(side['search_gzip_bytes'])}) / "
                f"{_kib(tvilling['gzip_bytes'])}{'!' if tvilling['error'] else ''} "
                f"(søk {_kib(tvilling['search_gzip_bytes'])})"
            )
        linjer.append(f"{navn:<14}" + "".join(f"{c:>32}" for c in celler))
    for s in result["scales"]:
        over = s["pages_over_limit"]
        if over:
            liste = ", ".join(f"{p['path']} {_storrelse(p['raw_bytes'])}" for p in over[:6])
            linjer.append(
                f"Sider over {result['page_limit_kib']} KiB HTML ved {s['scale']}×: {len(over)} ({liste}{' …' if len(over) > 6 else ''})"
            )
        for unntak in s.get("pages_exempt", []):
            linjer.append(
                f"Unntatt fra grensen ved {s['scale']}×: {unntak['path']} {_storrelse(unntak['raw_bytes'])}, fordi "
                f"{unntak['reason']}"
            )
    linjer += ["", "Mål (rapporteres, testes ikke):"]
    for mal in result["targets"]:
        status = {True: "nådd  ", False: "IKKE  ", None: "–     "}[mal["met"]]
        hvor = f" ved {mal['scale']}×" if mal["scale"] else ""
        verdi = "ikke målt" if mal["value"] is None else f"{mal['value']:.2f} {mal['unit']}"
        linjer.append(f"  {status}{mal['name']}{hvor}: {verdi} (mål ≤ {mal['limit']:g} {mal['unit']})")
    for merknad in result.get("notes", []):
        linjer.append(f"Merk: {merknad}")
    return "\n".join(linjer)


def write_json(result: dict, path: Path) -> None:
    """Write the whole result as JSON."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
