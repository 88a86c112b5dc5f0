"""Every page of the built site: it has a Kilde block, and it can be reached from the navigation or a link."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from macros import visning
from macros.load import load_plan
from macros.plantekst import les_sider, omtaler, sider_per_kilde
from macros.sider import Sidested, genererte_sider, sidestier
from macros.urls import SEKSJONER

PROSJEKT = Path(__file__).resolve().parent.parent
BASE = "http://nettsted.test/"


@pytest.fixture(scope="module")
def alle(bygget) -> dict[str, BeautifulSoup]:
    return sider(bygget)


def sider(site: Path) -> dict[str, BeautifulSoup]:
    """Site-relative URL -> parsed page, for every page MkDocs built (not the 404 page)."""
    resultat = {}
    for html in site.rglob("index.html"):
        url = html.parent.relative_to(site).as_posix()
        resultat["" if url == "." else url + "/"] = BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")
    return resultat


def interne_lenker(url: str, side: BeautifulSoup) -> set[str]:
    lenker = set()
    for a in side.find_all("a", href=True):
        mal = urlparse(urljoin(BASE + url, a["href"]))
        if mal.netloc == urlparse(BASE).netloc:
            lenker.add(mal.path.removeprefix("/"))
    return lenker


def test_every_page_has_a_kilde_block(alle):
    uten = [url for url, side in alle.items() if not side.select_one("aside.rp-kilde")]
    assert not uten, f"Sider uten Kilde-boks: {uten}"


def test_every_page_is_reachable_from_the_home_page(alle):
    sett, ko = {""}, [""]
    while ko:
        url = ko.pop()
        for lenke in interne_lenker(url, alle[url]):
            if lenke in alle and lenke not in sett:
                sett.add(lenke)
                ko.append(lenke)
    assert set(alle) - sett == set()


def test_every_internal_link_resolves(bygget, alle):
    brutte = []
    for url, side in alle.items():
        for lenke in interne_lenker(url, side):
            fil = bygget / lenke
            if not (fil.is_file() or (fil / "index.html").is_file()):
                brutte.append(f"{url} -> {lenke}")
    assert not brutte, brutte[:20]


def test_every_source_lists_the_pages_it_became(alle):
    dokumenter = alle["dokumenter/"]
    per_kilde = sider_per_kilde(les_sider(PROSJEKT / "docs"))
    for kilde_id, kildesider in per_kilde.items():
        rad = dokumenter.find("tr", id=kilde_id)
        assert rad is not None, kilde_id
        lenker = {a["href"] for a in rad.find_all("a", href=True)}
        assert {f"../{s.url}" for s in kildesider} <= lenker, kilde_id
    assert set(per_kilde) >= {"handlingsplan-2021-2025", "tiltaksplan-2021", "samarbeidsstrategi-2019", "naeringsplan-2014"}


def test_record_pages_link_back_to_the_passages_that_discuss_them(alle):
    for (type_, post_id), steder in omtaler(les_sider(PROSJEKT / "docs")).items():
        mappe = SEKSJONER[type_]
        side = alle[f"{mappe}/{post_id}/"]
        tilbake = interne_lenker(f"{mappe}/{post_id}/", side.select_one(".rp-omtaler"))
        assert {o.side.url for o in steder} <= tilbake, (type_, post_id)


def test_snowball_tiltak_and_history_link_both_ways(alle):
    assert "historikk/snowball/" in interne_lenker("tiltak/snowball/", alle["tiltak/snowball/"])
    assert "tiltak/snowball/" in interne_lenker("historikk/snowball/", alle["historikk/snowball/"])


# The generated pages: a plain function gives each page's whole source, with no macro left to run.

def test_generated_page_source_is_front_matter_and_the_rendered_body():
    plan = load_plan(PROSJEKT / "data")
    handskrevne = {s.sti for s in les_sider(PROSJEKT / "docs")}
    passasjer = omtaler(les_sider(PROSJEKT / "docs"))
    kilder = genererte_sider(plan, passasjer, handskrevne)
    assert list(kilder) == list(sidestier(plan, handskrevne))
    assert set(kilder) == {f"{SEKSJONER[t]}/{i}.md" for t in SEKSJONER for i in plan.poster[t]}
    _, front, kropp = kilder["tiltak/snowball.md"].split("---\n", 2)
    meta = yaml.safe_load(front)
    assert meta["title"] == "Snowball" and meta["rediger"] == "data/tiltak.yml" and meta["kilde"] == "tiltaksplan-2021"
    assert "render_macros" not in meta
    assert "{{" not in kropp and "{%" not in kropp
    snowball = visning.postside(plan, "tiltak", "snowball", visning.Side("tiltak/snowball/"), passasjer[("tiltak", "snowball")])
    assert kropp.strip() == str(snowball) and "Omtalt i planteksten" in kropp
    assert "\n\n" not in kropp.strip(), "a blank line would end Markdown's HTML block"


def test_a_kind_without_its_own_index_page_gets_a_generated_register():
    plan = load_plan(PROSJEKT / "data")
    handskrevne = {s.sti for s in les_sider(PROSJEKT / "docs")} - {"roller/index.md"}
    assert sidestier(plan, handskrevne)["roller/index.md"] == Sidested("rolle")
    _, front, kropp = genererte_sider(plan, omtaler(les_sider(PROSJEKT / "docs")), handskrevne)["roller/index.md"].split("---\n", 2)
    assert yaml.safe_load(front) == {"title": "Roller", "kilder_fra": "rolle", "rediger": "data/roller.yml"}
    assert kropp.strip() == str(visning.register(plan, "rolle", visning.Side("roller/")))
