"""Fixture sites: the real MkDocs build on a copy of the site, one scenario each."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from conftest import ONDSINNET, bygg, endre
from sokeindeks import les_sokeindeks


def test_good_site_builds_strict_without_warnings(bygget_resultat):
    mappe, resultat = bygget_resultat
    assert resultat.returncode == 0, resultat.stderr
    assert "WARNING" not in resultat.stderr
    # One page per measure, and the explorer (tiltak/utforsk/, a hand-written page in the same folder).
    sider = {p.parent.name for p in (mappe / "site" / "tiltak").glob("*/index.html")}
    assert len(sider - {"utforsk"}) == 25 and "utforsk" in sider


def test_bad_data_stops_the_build_with_every_error(nettsted):
    endre(nettsted / "data" / "tiltak.yml", "kr: {2021: 75000}", "kr: {2021: -75000}")
    endre(nettsted / "data" / "aktorer.yml", 'forkortelse: "LRV"', "forkortelse: no")
    resultat = bygg(nettsted)
    assert resultat.returncode != 0
    assert "Fant 2 feil i dataene" in resultat.stderr
    assert re.search(r"data/tiltak\.yml, linje \d+, post «esport-klynge»", resultat.stderr)
    assert re.search(r"data/aktorer\.yml, linje \d+, post «lrv»", resultat.stderr)
    assert "Traceback" not in resultat.stderr
    assert not (nettsted / "site" / "index.html").exists()


def test_sum_mismatch_stops_the_build_naming_both_numbers(nettsted):
    endre(nettsted / "data" / "tiltak.yml", "kr: {2021: 50000}", "kr: {2021: 60000}")
    resultat = bygg(nettsted)
    assert resultat.returncode != 0
    assert "1\u202f210\u202f000\u00a0kr, men kilden oppgir 1\u202f200\u202f000\u00a0kr" in resultat.stderr


def test_renaming_a_tiltak_keeps_its_url_and_updates_every_page(endret):
    nytt = "Fritidsbolignettverket i regionen"
    assert nytt in (endret / "tiltak" / "fritidsbolignettverk" / "index.html").read_text(encoding="utf-8")
    for side in ("tiltak", "aktorer/skappa", "roller/veiviser", "roller/brobygger", "virkemidler/klynger-og-nettverk"):
        assert nytt in (endret / side / "index.html").read_text(encoding="utf-8"), side


def test_curly_braces_typed_by_staff_stay_text(endret):
    # A plan-text page: those never run macros (the home page does, for the status sentences).
    html = (endret / "handlingsplan" / "okonomi" / "index.html").read_text(encoding="utf-8")
    assert "Skriv {{ config.site_name }} og {% if %} her." in html


def test_markup_in_data_is_escaped_everywhere(endret):
    # Pages made from data are not templates: braces in the data stay text.
    for sti in ("aktorer/visit-lillehammer", "tiltak/snowball", "aktorer"):
        assert "{{ config.site_name }}" in (endret / sti / "index.html").read_text(encoding="utf-8"), sti
    for sti in ("tiltak/snowball", "aktorer/lillywood", "tiltak", "roller/veiviser", "aktorer"):
        html = (endret / sti / "index.html").read_text(encoding="utf-8")
        assert "<script>window.__xss" not in html, sti
        assert "<img src=x" not in html and '<img src="x"' not in html, sti
        assert "&lt;/title&gt;&lt;script&gt;" in html, sti
    # The search index holds the name as the page's text: had the page carried it as markup,
    # Pagefind would have read a <script> element and an <img>, not these characters.
    assert les_sokeindeks(endret)["/tiltak/snowball/"]["meta"]["title"] == ONDSINNET


def test_markup_in_a_glossary_explanation_stays_in_the_tooltip(endret):
    for sti in ("handlingsplan/organisering-og-bemanning", "tiltak/cyberland", "historikk/tidslinje"):
        html = (endret / sti / "index.html").read_text(encoding="utf-8")
        assert "<script>window.__xss" not in html and "<img src=x" not in html, sti
        forklaringer = [a["title"] for a in BeautifulSoup(html, "lxml").select("article abbr") if a.get_text() == "LRV"]
        assert forklaringer and set(forklaringer) == {ONDSINNET}, sti


def test_passages_are_found_in_what_mkdocs_parsed(endret):
    # conftest.PROVETEKST: equal headings, a heading with its own anchor, inline and reference links.
    side = BeautifulSoup((endret / "tiltak" / "snowball" / "index.html").read_text(encoding="utf-8"), "lxml")
    omtaler = {a["href"]: a.get_text() for a in side.select(".rp-omtaler a")}
    assert {href: tekst for href, tekst in omtaler.items() if "provetekst" in href} == {
        "../../provetekst/#tiltak": "Prøvetekst: Tiltak",
        "../../provetekst/#tiltak_1": "Prøvetekst: Tiltak",
        "../../provetekst/#eget-id": "Prøvetekst: Et avsnitt med eget anker",
    }


def test_unknown_term_switched_off_in_front_matter_stops_the_build(nettsted):
    endre(nettsted / "docs" / "tiltaksplan-2021" / "index.md", "{ord: virkemiddel,", "{ord: virkemidler,")
    resultat = bygg(nettsted)
    assert resultat.returncode != 0
    assert "docs/tiltaksplan-2021/index.md: ukjent ord «virkemidler» i «uten_ordforklaring»" in resultat.stderr
    assert "Mente du «virkemiddel»?" in resultat.stderr
    assert "Traceback" not in resultat.stderr


def test_an_actor_no_source_names_stops_the_build(nettsted):
    # The plan text names NHO by a link and by name; with another name and no link, nothing names it.
    endre(nettsted / "data" / "aktorer.yml", 'navn: "NHO"', 'navn: "Næringslivets Hovedorganisasjon"')
    endre(nettsted / "docs" / "naeringsplan-2014" / "fakta.md", "[NHO](../aktorer/nho.md) publiserer", "NHO publiserer")
    resultat = bygg(nettsted)
    assert resultat.returncode != 0
    assert re.search(r"data/aktorer\.yml, linje \d+, post «nho»: ingen kilde nevner aktøren", resultat.stderr)
    assert "Traceback" not in resultat.stderr
