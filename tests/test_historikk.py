"""History: every dated mention in the sources is an event (or is said why not), and the pages show them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from conftest import PROSJEKT, SEEDS
from macros.load import load_plan

OMTALER = yaml.safe_load((Path(__file__).parent / "fixtures" / "dated_mentions.yml").read_text(encoding="utf-8"))
PLAN = load_plan(PROSJEKT / "data")

MANEDER = "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember"
# Years, numeric dates and named days/months/seasons: what a reader would take as a point in time.
TIDSANGIVELSE = re.compile(
    rf"\b(?:\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}|\d{{1,2}}\.\s?(?:{MANEDER})|(?:{MANEDER}|våren|høsten)\s+\d{{4}}|(?:19|20)\d{{2}})\b",
    re.IGNORECASE,
)


def linjer(fil: str) -> list[str]:
    return (SEEDS / fil).read_text(encoding="utf-8").splitlines()


@pytest.mark.parametrize("fil", sorted(OMTALER))
def test_every_dated_mention_in_the_source_is_accounted_for(fil):
    oppforinger = OMTALER[fil].get("hendelser", []) + OMTALER[fil].get("ikke_hendelser", [])
    per_linje: dict[int, list[str]] = {}
    for o in oppforinger:
        per_linje.setdefault(o["linje"], []).append(o["tekst"])
    mangler = []
    for nummer, linje in enumerate(linjer(fil), 1):
        for treff in TIDSANGIVELSE.finditer(linje):
            if not any(treff.group(0) in tekst or tekst in treff.group(0) for tekst in per_linje.get(nummer, [])):
                mangler.append(f"{fil}:{nummer}: «{treff.group(0)}» i «{linje.strip()[:80]}»")
    assert not mangler, "Tidsangivelser uten hendelse eller begrunnelse:\n" + "\n".join(mangler)


@pytest.mark.parametrize("fil", sorted(OMTALER))
def test_every_listed_mention_is_in_the_source_and_its_event_exists(fil):
    tekst = linjer(fil)
    for o in OMTALER[fil].get("hendelser", []):
        assert o["tekst"] in tekst[o["linje"] - 1], o
        assert o["id"] in PLAN.hendelser, f"hendelsen {o['id']} mangler i data/hendelser.yml"
    for o in OMTALER[fil].get("ikke_hendelser", []):
        assert o["tekst"] in tekst[o["linje"] - 1], o
        assert o["grunn"].strip()


def test_the_key_events_are_there():
    tider = {h.tid for h in PLAN.hendelser.values()}
    assert {"2006", "2018-08-24", "2019-03-28", "2019-12", "2020-12-04", "2021-04-08"} <= tider


def test_timeline_lists_every_event_with_its_time(bygget):
    side = BeautifulSoup((bygget / "historikk" / "tidslinje" / "index.html").read_text(encoding="utf-8"), "html.parser")
    punkter = side.select("ol.rp-hendelser > li.rp-hendelse")
    assert [li["id"] for li in punkter] == [h.id for h in PLAN.tidslinje()]
    for li in punkter:
        hendelse = PLAN.hendelser[li["id"]]
        assert li.time["datetime"] == hendelse.tid
        assert set(li["data-tema"].split()) == set(hendelse.tema)
        kilder = {a["href"].split("#")[1] for a in li.select("a[href*='dokumenter/#']")}
        assert kilder == {k.kilde for k in hendelse.kilder}
    assert [h.get_text() for h in side.select("section.rp-ar > h2")] == sorted({str(h.ar) for h in PLAN.hendelser.values()})


@pytest.mark.parametrize("side", ["vintersportsregionen", "snowball", "olympiatoppen-innlandet", "idrett-i-skole", "organisering-over-tid"])
def test_every_history_page_links_to_its_sources(bygget, side):
    html = BeautifulSoup((bygget / "historikk" / side / "index.html").read_text(encoding="utf-8"), "html.parser")
    kilder = html.select("aside.rp-kilde a[href*='dokumenter/#']")
    assert kilder, side


@pytest.mark.parametrize("side", ["snowball", "organisering-over-tid"])
def test_diagrams_are_svg_with_a_text_alternative(bygget, side):
    html = BeautifulSoup((bygget / "historikk" / side / "index.html").read_text(encoding="utf-8"), "html.parser")
    svg = html.select_one("figure.rp-diagram svg[role=img]")
    assert svg is not None
    navn = [html.find(id=i).get_text() for i in svg["aria-labelledby"].split()]
    assert all(navn)
    hendelser = PLAN.tidslinje(side)
    assert len(svg.select("g.rp-diagram-boks")) == len(hendelser) >= 2
    assert [li.a.get_text() for li in html.select("figure.rp-diagram ol li")] == [h.tittel for h in hendelser]
