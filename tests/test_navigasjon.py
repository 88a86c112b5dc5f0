"""Every generated page shows where it belongs: the active tab, a breadcrumb trail, its own description."""

from __future__ import annotations

from bs4 import BeautifulSoup
from conftest import ONDSINNET, PROSJEKT

from macros import urls
from macros.pages import sidestier
from macros.registry import TYPER

# The trail above each kind's pages: the tab, then the steps down to the page itself.
FORVENTET = {
    "tiltak": ["Hjem", "Tiltak"],
    "virkemiddel": ["Hjem", "Strategi", "Virkemidler"],
    "aktor": ["Hjem", "Organisering", "Aktører"],
    "rolle": ["Hjem", "Strategi", "Regionens roller"],
    "vedtak": ["Hjem", "Vedtak"],
}


def les(site, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


def nettstedets_beskrivelse() -> str:
    tekst = (PROSJEKT / "mkdocs.yml").read_text(encoding="utf-8")
    return next(linje.split(":", 1)[1].strip() for linje in tekst.splitlines() if linje.startswith("site_description:"))


def record_pages(plan) -> list[tuple[str, str, str]]:
    """(kind, id, url) of every generated record page."""
    return [
        (sted.type_, sted.post_id, urls.fil_url(sti))
        for sti, sted in sidestier(plan).items()
        if sted.post_id is not None
    ]


def test_every_kind_with_pages_has_an_expected_trail():
    assert set(FORVENTET) == {t.nokkel for t in TYPER.values() if t.mappe}


def test_every_record_page_shows_its_tab_and_trail(bygget, plan):
    for type_, post_id, url in record_pages(plan):
        side = les(bygget, url)
        tittel = TYPER[type_].tittel(plan.poster[type_][post_id])
        sti = side.select_one("nav.md-path")
        assert sti is not None, url
        steg = [li.get_text(" ", strip=True) for li in sti.select("li")]
        forventet = FORVENTET[type_]
        if type_ == "tiltak":
            forventet = [*forventet, plan.virkemidler[plan.tiltak[post_id].virkemiddel].overskrift]
        assert steg == [*forventet, tittel], url
        assert sti.select_one("[aria-current=page]").get_text(strip=True) == tittel
        aktive = [a.get_text(strip=True) for a in side.select(".md-tabs__item--active")]
        assert aktive == [forventet[1]], url


def test_the_measure_trail_links_to_its_instrument(bygget):
    lenker = {a.get_text(strip=True): a["href"] for a in les(bygget, "tiltak/snowball").select("nav.md-path a")}
    assert lenker["Klynger og nettverk"] == "../../virkemidler/klynger-og-nettverk/"
    assert lenker["Tiltak"] == "../"


def test_every_record_page_has_its_own_description(bygget, plan):
    felles = nettstedets_beskrivelse()
    sett = set()
    for type_, post_id, url in record_pages(plan):
        beskrivelse = les(bygget, url).select_one('meta[name="description"]')["content"]
        assert beskrivelse != felles, url
        assert beskrivelse not in sett, (url, beskrivelse)
        sett.add(beskrivelse)
        if type_ in ("tiltak", "aktor"):
            assert plan.poster[type_][post_id].navn in beskrivelse, url


def test_a_measure_description_speaks_of_the_proposal_not_a_decision(bygget):
    beskrivelse = les(bygget, "tiltak/snowball").select_one('meta[name="description"]')["content"]
    assert "forslaget til tiltaksplan" in beskrivelse
    assert "vedtatt" not in beskrivelse


def test_markup_in_a_name_stays_text_in_trail_and_description(endret):
    side = les(endret, "tiltak/snowball")
    assert not [s for s in side.select("script") if "__xss" in s.get_text()]
    assert not side.select("nav.md-path img, nav.md-path script")
    assert side.select_one("nav.md-path [aria-current=page]").get_text() == ONDSINNET
    assert ONDSINNET in side.select_one('meta[name="description"]')["content"]
