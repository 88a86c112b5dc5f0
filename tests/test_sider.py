"""Every page of the built site: it has a Kilde block, and it can be reached from the navigation or a link."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import handskrevne_sider, nho_omtale

from macros import urls, views
from macros.front_matter import les_sidemeta
from macros.load import load_plan
from macros.pages import GeneratedPage, genererte_sider, sidestier
from macros.plantekst import EGEN_TEKST, Omtale, Plantekstside
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
        resultat["" if url == "." else url + "/"] = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
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


def side_url(sti: str) -> str:
    """The URL MkDocs gives a page in docs/ (directory URLs)."""
    sti = sti.removesuffix(".md")
    return "" if sti == "index" else sti.removesuffix("index") if sti.endswith("/index") else sti + "/"


def url_for_a(fra: str, a) -> str:
    """The site-relative URL (without #anchor) a link on the page at fra points to."""
    return urlparse(urljoin(BASE + fra, a["href"])).path.removeprefix("/")


def test_every_source_lists_the_pages_it_became_under_their_own_headings(alle):
    dokumenter = alle["dokumenter/"]
    kilder = set()
    for sti, lest in les_sidemeta(PROSJEKT / "docs")[0].items():
        meta = lest.meta
        if not meta.kilde or meta.render_macros:
            continue
        url = side_url(sti)
        overskrift = " ".join(alle[url].select_one("article.md-content__inner h1").get_text().replace("¶", "").split())
        for kilde_id in dict.fromkeys([meta.kilde, *meta.kilder]):
            if kilde_id == EGEN_TEKST:
                continue
            kilder.add(kilde_id)
            rad = dokumenter.find("tr", id=kilde_id)
            assert rad is not None, kilde_id
            lenker = {url_for_a("dokumenter/", a): a.get_text() for a in rad.find_all("a", href=True)}
            assert lenker.get(url) == (meta.title or overskrift), (kilde_id, sti, lenker.get(url))
    assert kilder >= {"handlingsplan-2021-2025", "tiltaksplan-2021", "samarbeidsstrategi-2019", "naeringsplan-2014"}


def plantekstlenker(url: str, side: BeautifulSoup) -> dict[tuple[str, str], list]:
    """Record -> the links to its page in a hand-written page's text (not in the site's own rp- blocks)."""
    funnet = {}
    for a in side.select("article.md-content__inner a[href]"):
        if any(k.startswith("rp-") for f in a.parents for k in f.get("class") or []):
            continue
        post = urls.post_for_url(url_for_a(url, a))
        if post:
            funnet.setdefault(post, []).append(a)
    return funnet


def test_record_pages_link_back_to_the_passages_that_discuss_them(alle):
    # A hand-written page may stand in a record folder (tiltak/utforsk/); it is no record's page.
    skrevne = {urls.fil_url(sti) for sti in handskrevne_sider()}
    poster = {url: urls.post_for_url(url) for url in alle if urls.post_for_url(url) and url not in skrevne}
    handskrevne = {url: side for url, side in alle.items() if url not in poster}
    omtalt = {post: set() for post in poster.values()}
    for url, side in handskrevne.items():
        for post in plantekstlenker(url, side):
            if post in omtalt:
                omtalt[post].add(url)
    assert sum(map(len, omtalt.values())) >= 30
    plan = load_plan(PROSJEKT / "data")
    for post_url, post in poster.items():
        boks = alle[post_url].select_one(".rp-omtaler")
        passasjer = boks.select(":scope > ul > li") if boks else []
        tilbake = {url_for_a(post_url, li.a): li for li in passasjer}
        # Every passage that links to the record is listed, and nothing else: no overview or
        # timeline that lists the record from the data. An actor's page also lists the passages
        # that name the actor, each with the name marked in its words.
        assert omtalt[post] <= set(tilbake), post
        for url in set(tilbake) - omtalt[post]:
            assert post[0] == "aktor", (post, url)
            former = [f.casefold() for f in plan.aktorer[post[1]].navneformer]
            merket = [m.get_text().casefold() for m in tilbake[url].select("mark")]
            assert merket and all(m in former or m.removesuffix("s") in former for m in merket), (post, url, merket)


def test_a_passage_is_listed_with_its_section_and_anchor(alle):
    ankre = 0
    for url, side in alle.items():
        for a in side.select(".rp-omtaler a[href]"):
            anker = urlparse(a["href"]).fragment
            if anker:
                ankre += 1
                overskrift = alle[url_for_a(url, a)].find(id=anker)
                assert overskrift is not None and overskrift.name in ("h2", "h3", "h4", "h5", "h6"), (url, a)
                tittel = " ".join(overskrift.get_text().replace("¶", "").split())
                assert a.get_text().endswith(f": {tittel}"), (url, a)
    assert ankre >= 5


def test_snowball_tiltak_and_history_link_both_ways(alle):
    assert "historikk/snowball/" in interne_lenker("tiltak/snowball/", alle["tiltak/snowball/"])
    assert "tiltak/snowball/" in interne_lenker("historikk/snowball/", alle["historikk/snowball/"])


# The generated pages: a plain function gives each page's whole source, with no macro left to run.


def test_generated_page_source_is_front_matter_and_the_rendered_body():
    plan = load_plan(PROSJEKT / "data")
    handskrevne = handskrevne_sider()
    snowballside = Plantekstside("historikk/snowball/", "Snowball", {"kilde": "handlingsplan-2021-2025"})
    passasjer = {("tiltak", "snowball"): [Omtale(snowballside, "Tiltaket Snowball i 2021", "tiltaket-snowball-i-2021")]}
    passasjer |= nho_omtale()
    kilder = genererte_sider(plan, passasjer, handskrevne)
    assert list(kilder) == list(sidestier(plan, handskrevne))
    assert set(kilder) == {f"{SEKSJONER[t]}/{i}.md" for t in SEKSJONER for i in plan.poster[t]}
    _, front, kropp = kilder["tiltak/snowball.md"].split("---\n", 2)
    meta = yaml.safe_load(front)
    assert meta["title"] == "Snowball" and meta["rediger"] == "data/tiltak.yml" and meta["kilde"] == "tiltaksplan-2021"
    assert "render_macros" not in meta
    assert "{{" not in kropp and "{%" not in kropp
    snowball = views.postside(
        plan, "tiltak", "snowball", views.PageAddress("tiltak/snowball/"), passasjer[("tiltak", "snowball")]
    )
    assert kropp.strip() == str(snowball) and "Omtalt i planteksten" in kropp
    assert "\n\n" not in kropp.strip(), "a blank line would end Markdown's HTML block"


def test_a_kind_without_its_own_index_page_gets_a_generated_register():
    plan = load_plan(PROSJEKT / "data")
    handskrevne = handskrevne_sider() - {"roller/index.md"}
    assert sidestier(plan, handskrevne)["roller/index.md"] == GeneratedPage("rolle")
    _, front, kropp = genererte_sider(plan, nho_omtale(), handskrevne)["roller/index.md"].split("---\n", 2)
    assert yaml.safe_load(front) == {
        "title": "Roller",
        "kilder_fra": "rolle",
        "rediger": "data/roller.yml",
        "description": "Alle roller i Lillehammer-regionens planer, med en egen side for hver.",
    }
    assert kropp.strip() == str(views.register(plan, "rolle", views.PageAddress("roller/")))
