"""Long lists on light pages (macros/pagination.py): with many measures and events, the record pages,
«Alle tiltak», the economy page, the explorer and the timeline stay under the page limit, every measure
stays reachable by links, and the real data's pages are as they were.

The built fixture site is the benchmark's synthetic data at 6× (benchmarks/synthetic.py): enough to
cross every threshold (150 measures in the 2021 plan, 294 events, four tiltaksplaner), quick to build.
"""

from __future__ import annotations

import json
import sys
from collections import deque
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import PROSJEKT, delt_bygg, ekte_plan, handskrevne_sider

from macros import front_matter, pagination, urls, views
from macros.load import load_plan
from macros.model import TILTAKSPLAN, FrontMatter
from macros.pages import sidestier, videre_meta

if str(PROSJEKT) not in sys.path:
    sys.path.insert(0, str(PROSJEKT))

from benchmarks import synthetic  # noqa: E402
from benchmarks.__main__ import PAGE_LIMIT_KIB  # noqa: E402

SKALA = 6
UTSKRIFT = "hele-planen/index.html"
"""The print page holds the whole plan by design; the benchmark reports it as exempt, with the reason."""


# --- the rules, without a build ----------------------------------------------------------------


def test_a_page_whose_lists_are_short_together_shows_them_whole():
    assert pagination.summary_rows([pagination.FULL_ROWS]) is None
    assert pagination.summary_rows([20, 20, 20]) is None
    assert pagination.shorten({"a": list(range(40)), "b": list(range(20))})["a"].forkortet is False


def test_long_lists_share_the_rows_a_page_shows():
    # One long list: the most rows a summary shows.
    assert pagination.summary_rows([pagination.FULL_ROWS + 1]) == pagination.SUMMARY_ROWS
    # Twenty long lists (five instruments in four plans on «Alle tiltak»): the fewest.
    assert pagination.summary_rows([100] * 20) == pagination.SUMMARY_MIN_ROWS
    for lengder in ([61], [40, 40], [100] * 4, [100] * 8, [5, 5, 200], [100] * 50):
        vis = pagination.summary_rows(lengder)
        lange = sum(n > vis for n in lengder)
        assert pagination.SUMMARY_MIN_ROWS <= vis <= pagination.SUMMARY_ROWS
        assert lange * vis <= pagination.SUMMARY_BUDGET or vis == pagination.SUMMARY_MIN_ROWS, lengder
    utdrag = pagination.shorten({"lang": list(range(100)), "kort": [1, 2]})
    assert list(utdrag["lang"].vis) == list(range(pagination.SUMMARY_ROWS)) and len(utdrag["lang"].alle) == 100
    assert utdrag["kort"].forkortet is False


def test_the_pages_of_a_list_have_stable_addresses():
    sidetall = pagination.Sidetall(2, 3, "virkemidler/x/tiltak/tiltaksplan-2021/")
    assert sidetall.url(1) == "virkemidler/x/tiltak/tiltaksplan-2021/"
    assert sidetall.forrige == "virkemidler/x/tiltak/tiltaksplan-2021/"
    assert sidetall.neste == "virkemidler/x/tiltak/tiltaksplan-2021/side-3/"
    assert pagination.Sidetall(3, 3, "a/").neste is None and pagination.Sidetall(1, 3, "a/").forrige is None
    assert pagination.page_file("a/b/", 1) == "a/b/index.md" and pagination.page_file("a/b/", 4) == "a/b/side-4.md"
    assert urls.fil_url(pagination.page_file("a/b/", 4)) == pagination.page_url("a/b/", 4)


def test_the_real_data_makes_no_extra_pages_and_shortens_nothing():
    plan = ekte_plan()
    sider = sidestier(plan, handskrevne_sider())
    assert not [s for s in sider.values() if s.er_listeside]
    assert not pagination.tidslinje(plan).delt
    assert pagination.utforskersider(len(plan.tiltak)) == 1
    assert views.utforsker_rader(plan) is None
    for type_ in ("virkemiddel", "rolle", "aktor"):
        for post_id in plan.poster[type_]:
            utdrag = pagination.postutdrag(type_, post_id, pagination.postlister(plan, type_, post_id))
            assert not any(u.forkortet for u in utdrag.values()), (type_, post_id)


# --- the built site at 6× ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def stor(tmp_path_factory) -> Path:
    """The synthetic data at 6×, built once; returns the project folder (site/ inside it)."""
    mappe, resultat = delt_bygg(tmp_path_factory, f"syntetisk-{SKALA}x", lambda m: synthetic.scaled_project(m, SKALA))
    assert resultat.returncode == 0, resultat.stderr[-3000:]
    return mappe


@pytest.fixture(scope="module")
def stor_plan(stor):
    return load_plan(stor / "data")


def _html(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


def _sti(side: BeautifulSoup) -> list[str]:
    """The steps of a page's breadcrumb trail, the page itself last."""
    return [" ".join(steg.get_text().split()) for steg in side.select(".md-path .md-path__item")]


def _lenker(site: Path, url: str) -> set[str]:
    """The site-relative pages the article of the page at url links to (anchors and queries dropped)."""
    artikkel = _html(site, url).select_one("article")
    mal = (urls.lenkemal(url, a["href"]) for a in artikkel.select("a[href]"))
    return {m if m.endswith("/") or not m else m + "/" for m in mal if m is not None}


def _naar(site: Path, start: str, innenfor) -> set[str]:
    """Every page reached by links from start, following only links to pages innenfor(url) allows."""
    sett, ko = {start}, deque([start])
    while ko:
        url = ko.popleft()
        for mal in _lenker(site, url):
            if mal not in sett and (site / mal / "index.html").is_file():
                sett.add(mal)
                if innenfor(mal):
                    ko.append(mal)
    return sett


def test_the_fixture_crosses_every_threshold(stor, stor_plan):
    assert len(stor_plan.tiltak) > pagination.EXPLORER_ROWS_PER_PAGE
    assert len(stor_plan.hendelser) > pagination.TIDSLINJE_WHOLE
    assert len(stor_plan.tiltaksplaner) == 4
    site = stor / "site"
    assert (site / "tiltak" / "utforsk" / "side-2" / "index.html").is_file()
    assert (site / "historikk" / "tidslinje" / "2021" / "index.html").is_file()
    assert (site / "roller" / "veiviser" / "tiltak" / TILTAKSPLAN / "side-2" / "index.html").is_file()


def test_no_page_is_over_the_limit_except_the_print_page(stor):
    site = stor / "site"
    store = {
        p.relative_to(site).as_posix(): p.stat().st_size // 1024
        for p in site.rglob("*.html")
        if p.stat().st_size > PAGE_LIMIT_KIB * 1024
    }
    store.pop(UTSKRIFT, None)
    assert store == {}


def test_no_page_shows_more_rows_than_its_limits_allow(stor):
    # Sizes at 6× say little about 100×; the number of rows a page shows does not grow with the data.
    site = stor / "site"
    grense = pagination.EXPLORER_ROWS_PER_PAGE + 2
    for fil in site.rglob("*.html"):
        sti = fil.relative_to(site).as_posix()
        if sti == UTSKRIFT:
            continue
        side = BeautifulSoup(fil.read_text(encoding="utf-8"), "lxml")
        for tabell in side.select("article table"):
            assert len(tabell.select("tbody tr")) <= grense, (sti, tabell.caption)
        assert len(side.select("article li.rp-hendelse")) <= pagination.HENDELSER_PER_PAGE, sti


def test_every_measure_is_reached_from_its_instruments_page(stor, stor_plan):
    site = stor / "site"
    for virkemiddel in stor_plan.virkemidler:
        start = urls.side_url("virkemiddel", virkemiddel)
        naadd = _naar(site, start, lambda url, s=start: url.startswith(s))
        under = {
            t.id for tp in stor_plan.tiltaksplaner for t in stor_plan.oppforinger(tp) if t.virkemiddel == virkemiddel
        }
        mangler = {t for t in under if urls.side_url("tiltak", t) not in naadd}
        assert not mangler, (virkemiddel, sorted(mangler)[:5])


def test_every_measure_is_reached_from_the_overview(stor, stor_plan):
    site = stor / "site"
    lister = ("tiltak/", "virkemidler/")
    naadd = _naar(site, "tiltak/", lambda url: url == "tiltak/" or (url.startswith(lister[1])))
    mangler = [t for t in stor_plan.alle_tiltak if urls.side_url("tiltak", t) not in naadd]
    assert not mangler, mangler[:5]


def test_every_measure_is_reached_through_the_explorers_pages(stor, stor_plan):
    site = stor / "site"
    naadd = _naar(site, "tiltak/utforsk/", lambda url: url.startswith("tiltak/utforsk/"))
    assert {u for u in naadd if u.startswith("tiltak/utforsk/side-")}
    mangler = [t for t in stor_plan.tiltak if urls.side_url("tiltak", t) not in naadd]
    assert not mangler, mangler[:5]


def test_the_rows_the_script_fetches_are_the_rows_of_the_explorers_pages_with_their_explanations(stor, stor_plan):
    site = stor / "site"
    hentet = json.loads((site / pagination.UTFORSKER_RADER).read_text(encoding="utf-8"))["rader"]
    sider = pagination.utforskersider(len(stor_plan.tiltak))
    paa_sidene = [
        rad
        for n in range(1, sider + 1)
        for rad in _html(site, pagination.page_url("tiltak/utforsk/", n)).select("article tbody tr")
    ]
    assert len(hentet) == len(paa_sidene) == len(stor_plan.tiltak)
    forklart = 0
    for fra_fil, paa_siden in zip(hentet, paa_sidene, strict=True):
        rad = BeautifulSoup(f"<table><tbody>{fra_fil}</tbody></table>", "lxml").select_one("tr")
        assert rad["id"] == paa_siden["id"]
        # The same words, and the same glossary explanations on the same words.
        assert rad.get_text() == paa_siden.get_text()
        ord_ = [(a.get_text(), a["title"]) for a in rad.select("abbr")]
        assert ord_ == [(a.get_text(), a["title"]) for a in paa_siden.select("abbr")]
        forklart += bool(ord_)
    assert forklart, "ingen rad har et ord fra ordlisten, så testen viser ingenting"


def test_every_list_of_an_actor_or_role_is_reached_whole(stor, stor_plan):
    site = stor / "site"
    for type_, felt in (("rolle", "roller"), ("aktor", "tiltakseiere")):
        for post_id in stor_plan.poster[type_]:
            start = urls.side_url(type_, post_id)
            naadd = _naar(site, start, lambda url, s=start: url.startswith(s))
            har = {
                o.id for tp in stor_plan.tiltaksplaner for o in stor_plan.oppforinger(tp) if post_id in getattr(o, felt)
            }
            mangler = {t for t in har if urls.side_url("tiltak", t) not in naadd}
            assert not mangler, (type_, post_id, sorted(mangler)[:5])


def test_a_shortened_list_says_how_many_and_sums_them_all(stor, stor_plan):
    site = stor / "site"
    side = _html(site, "virkemidler/klynger-og-nettverk/")
    alle = [o for o in stor_plan.oppforinger(TILTAKSPLAN) if o.virkemiddel == "klynger-og-nettverk"]
    utdrag = side.select_one("#tiltak ~ p.rp-utdrag")
    assert f"Lista har {len(alle)} tiltak" in utdrag.get_text()
    assert utdrag.select_one("a[href='tiltak/tiltaksplan-2021/']") is not None
    tabell = side.select_one(".rp-avledet table")
    vist = len(tabell.select("tbody tr"))
    assert 0 < vist < len(alle)
    assert f"(tiltak 1–{vist} av {len(alle)})" in tabell.caption.get_text()
    fot = tabell.select_one("tfoot")
    assert f"Sum for alle {len(alle)} tiltak" in fot.get_text() and "beregnet" in fot.get_text()
    summer = {int(td["data-ar"]): int(td["data-sum"]) for td in fot.select("td[data-ar]")}
    assert summer[2021] == sum(o.kr_for(2021) or 0 for o in alle)
    assert summer[2022] == sum(o.kr_for(2022) or 0 for o in alle)


def test_the_pages_of_a_list_link_to_each_other_and_are_left_out_of_search(stor, stor_plan):
    site = stor / "site"
    forste = f"roller/veiviser/tiltak/{TILTAKSPLAN}/"
    alle = [o.id for o in stor_plan.oppforinger(TILTAKSPLAN) if "veiviser" in o.roller]
    antall = pagination.page_count(len(alle), pagination.rows_per_page("rolle", "tiltak"))
    assert antall > 1
    vist = []
    for n in range(1, antall + 1):
        url = pagination.page_url(forste, n)
        side = _html(site, url)
        nav = side.select_one("nav.rp-sidedeling")
        assert f"Side {n} av {antall}" in nav.get_text()
        assert (nav.select_one("a[rel=prev]") is None) == (n == 1)
        assert (nav.select_one("a[rel=next]") is None) == (n == antall)
        assert side.select_one("article")["data-pagefind-ignore"] == "all"
        assert f"side {n} av {antall}" in side.title.get_text()
        # The trail is the role page's own, then the role page itself.
        assert _sti(side)[:-1] == [*_sti(_html(site, "roller/veiviser/"))[:-1], "Veiviser"]
        vist += [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in side.select("article tbody th[scope=row] a")]
    assert vist == alle
    # The record's own page is searchable as before.
    assert not _html(site, "roller/veiviser/").select_one("article").has_attr("data-pagefind-ignore")


def test_the_timeline_has_a_page_per_year_and_every_event_link_finds_its_event(stor, stor_plan):
    site = stor / "site"
    tidslinje = pagination.tidslinje(stor_plan)
    assert tidslinje.delt
    oversikt = _html(site, "historikk/tidslinje/")
    assert oversikt.select("article li.rp-hendelse") == []
    aar = sorted({h.ar for h in stor_plan.hendelser.values()})
    assert [int(a.get_text()) for a in oversikt.select(".rp-tidslinje-oversikt tbody th a")] == aar
    funnet = {}
    for side in tidslinje.sider:
        html = _html(site, side.url)
        for li in html.select("li.rp-hendelse"):
            funnet[li["id"]] = side.url
    assert funnet == {h: tidslinje.url_for[h] for h in stor_plan.hendelser}
    # A measure's Historikk links to the page its event stands on.
    tiltak = next(t for t in stor_plan.tiltak.values() if any(t.id in h.tiltak for h in stor_plan.hendelser.values()))
    side = _html(site, urls.side_url("tiltak", tiltak.id))
    for a in side.select("#historikk ~ ol a, section.rp-historikk ol a"):
        mal = urls.lenkemal(urls.side_url("tiltak", tiltak.id), a["href"])
        anker = a["href"].partition("#")[2]
        assert funnet[anker] == mal


def test_the_economy_page_shortens_its_long_tables_and_the_csv_has_every_row(stor, stor_plan):
    site = stor / "site"
    side = _html(site, "okonomi/tiltak/")
    figur = side.select_one("#graf-tiltak")
    rader = figur.select("tbody tr")
    assert 0 < len(rader) < len(stor_plan.tiltak)
    assert f"Tabellen har {len(stor_plan.tiltak)} rader" in figur.get_text()
    csv = (site / "nedlasting" / "tiltak.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(csv) == 1 + len(stor_plan.tiltak)


# --- the benchmark says which pages it exempts, and why ----------------------------------------------


def test_the_benchmark_reports_an_exempt_page_with_its_reason_and_judges_the_others(tmp_path):
    from benchmarks import page_weight, report
    from benchmarks.__main__ import EXEMPT_PAGES

    site = tmp_path / "site"
    for sti, storrelse in ((UTSKRIFT, 400), ("tiltak/index.html", 320), ("index.html", 10)):
        (site / sti).parent.mkdir(parents=True, exist_ok=True)
        (site / sti).write_bytes(b"x" * storrelse * 1024)
    grense = PAGE_LIMIT_KIB * 1024
    assert [p["path"] for p in page_weight.pages_over(site, grense, EXEMPT_PAGES)] == ["tiltak/index.html"]
    unntatt = page_weight.exempt_pages(site, grense, EXEMPT_PAGES)
    assert [(u["path"], u["reason"]) for u in unntatt] == [(UTSKRIFT, EXEMPT_PAGES[UTSKRIFT])]
    serie = {"runs_s": [1.0], "median_s": 1.0, "cpu_median_s": 1.0, "peak_mib": 100}
    skala = {
        "scale": 100,
        "tiltak": 2500,
        "pages": 3,
        "build": serie,
        "twin_build": serie,
        "check": serie,
        "ratio_cpu": 1.0,
        "search_index": None,
        "page_weight": {},
        "largest_pages": page_weight.largest_pages(site),
        "largest_counted": page_weight.largest_pages(site, 1, EXEMPT_PAGES),
        "pages_over_limit": page_weight.pages_over(site, grense, EXEMPT_PAGES),
        "pages_exempt": unntatt,
    }
    resultat = {
        "mode": "full",
        "machine": {"cpus": 2, "load_start": 0.0, "load_end": 0.0},
        "seconds_total": 1.0,
        "page_limit_kib": PAGE_LIMIT_KIB,
        "scales": [skala],
    }
    resultat["targets"] = report.judge(resultat)
    tekst = report.table(resultat)
    assert f"Unntatt fra grensen ved 100×: {UTSKRIFT} 400 KiB, fordi utskriftssiden" in tekst
    assert "Sider over 300 KiB HTML ved 100×: 1 (tiltak/index.html 320 KiB)" in tekst
    # The largest page judged is the largest one not exempt.
    storst = next(m for m in resultat["targets"] if m["name"].startswith("største HTML-side"))
    assert storst["value"] == 320 and storst["met"] is False


# --- in Chromium: the split explorer, and axe on the new kinds of page -------------------------------


@pytest.fixture(scope="module")
def stor_adresse(stor):
    from conftest import server

    url, stopp = server(stor / "site")
    yield url
    stopp()


def _synlige(side) -> list[str]:
    return side.locator("[data-utforsker] tbody tr:visible").evaluate_all("rader => rader.map(r => r.id)")


@pytest.mark.browser
def test_the_split_explorer_filters_every_measure_and_returns_to_its_page(fane, stor_adresse, stor_plan):
    from playwright.sync_api import expect

    alle = list(stor_plan.tiltak)
    per_side = pagination.EXPLORER_ROWS_PER_PAGE
    fane.goto(f"{stor_adresse}tiltak/utforsk/side-2/")
    status = fane.locator("[data-utforsker] [role=status]")
    sidetekst = status.inner_text()
    assert f"denne siden viser tiltak {per_side + 1}–{len(alle)}" in sidetekst
    assert _synlige(fane) == alle[per_side:]
    assert fane.locator("[data-sidedeling]").first.is_visible()
    # A choice covers every measure, not only this page's: the script fetches them all.
    fane.select_option("#u-virkemiddel", "klynger-og-nettverk")
    ventet = [t.id for t in stor_plan.tiltak.values() if t.virkemiddel == "klynger-og-nettverk"]
    expect(status).to_have_text(f"Viser {len(ventet)} av {len(alle)} tiltak.")
    assert _synlige(fane) == ventet
    assert not fane.locator("[data-sidedeling]").first.is_visible()
    assert "virkemiddel=klynger-og-nettverk" in fane.url
    # The fetched rows link to the measures' pages, which exist.
    href = fane.locator("[data-utforsker] tbody tr:visible th a").first.get_attribute("href")
    assert fane.request.get(href).ok
    # Sorting by amount sorts them all.
    fane.select_option("#u-sorter", "2021-synkende")
    belop = [t.kr_for(2021) for t in stor_plan.tiltak.values() if t.virkemiddel == "klynger-og-nettverk"]
    assert len(_synlige(fane)) == len(ventet)
    vist = [stor_plan.tiltak[i].kr_for(2021) for i in _synlige(fane)]
    assert [b for b in vist if b is not None] == sorted((b for b in belop if b is not None), reverse=True)
    # Reset: back to this page's own rows and the links between the pages.
    fane.click("[data-nullstill]")
    expect(status).to_have_text(sidetekst)
    assert _synlige(fane) == alle[per_side:]
    assert fane.locator("[data-sidedeling]").first.is_visible()


@pytest.mark.browser
def test_a_shared_address_with_a_choice_opens_the_whole_selection_on_any_page(fane, stor_adresse, stor_plan):
    from playwright.sync_api import expect

    fane.goto(f"{stor_adresse}tiltak/utforsk/?rolle=veiviser")
    ventet = [t.id for t in stor_plan.tiltak.values() if "veiviser" in t.roller]
    assert len(ventet) > pagination.EXPLORER_ROWS_PER_PAGE
    expect(fane.locator("[data-utforsker] [role=status]")).to_have_text(
        f"Viser {len(ventet)} av {len(stor_plan.tiltak)} tiltak."
    )
    assert _synlige(fane) == ventet


@pytest.mark.browser
def test_without_javascript_the_explorers_pages_show_their_rows_and_link_to_each_other(
    nettleser, stor_adresse, stor_plan
):
    kontekst = nettleser.new_context(java_script_enabled=False)
    side = kontekst.new_page()
    side.goto(f"{stor_adresse}tiltak/utforsk/")
    assert _synlige(side) == list(stor_plan.tiltak)[: pagination.EXPLORER_ROWS_PER_PAGE]
    side.locator("[data-sidedeling] a[rel=next]").first.click()
    assert side.url.endswith("tiltak/utforsk/side-2/")
    assert _synlige(side) == list(stor_plan.tiltak)[pagination.EXPLORER_ROWS_PER_PAGE :]
    kontekst.close()


NYE_SIDETYPER = [
    "virkemidler/klynger-og-nettverk/",
    f"virkemidler/klynger-og-nettverk/tiltak/{TILTAKSPLAN}/",
    f"roller/veiviser/tiltak/{TILTAKSPLAN}/side-2/",
    "aktorer/lrv/",
    "tiltak/",
    "tiltak/utforsk/side-2/",
    "historikk/tidslinje/",
    "historikk/tidslinje/2021/",
    "okonomi/tiltak/",
    "roller/",
]
"""A page of each kind the split lists make or change: a shortened record page, a list's page, the
overview, the explorer's second page, the timeline's years and a year, the economy page, the role matrix."""


@pytest.mark.browser
@pytest.mark.parametrize("url", NYE_SIDETYPER)
def test_no_accessibility_violations_on_the_split_pages(nettleser, stor_adresse, url):
    from axe_playwright_python.sync_playwright import Axe
    from test_tilgjengelighet import WCAG_AA

    kontekst = nettleser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    side = kontekst.new_page()
    side.goto(f"{stor_adresse}{url}")
    resultat = Axe().run(side, options=WCAG_AA)
    kontekst.close()
    assert not resultat.response["violations"], resultat.generate_report()


def test_the_pages_after_the_first_carry_its_title_and_source(stor):
    site = stor / "site"
    for sti, tittel in pagination.FORSTE_SIDER.items():
        tekst = (PROSJEKT / "docs" / sti).read_text(encoding="utf-8")
        assert f"\n# {tittel}\n" in tekst, sti
    forste, andre = _html(site, "tiltak/utforsk/"), _html(site, "tiltak/utforsk/side-2/")
    kilde = [" ".join(s.select_one("aside.rp-kilde").get_text().split()) for s in (forste, andre)]
    assert kilde[0] == kilde[1]
    assert andre.select_one(".md-path") is not None and "Utforsk tiltakene" in andre.select_one(".md-path").get_text()


def test_a_further_page_takes_its_first_pages_front_matter_but_not_its_words():
    forste = FrontMatter.model_validate(
        {
            "render_macros": True,
            "kilde": TILTAKSPLAN,
            "kildeseksjon": "Vurdering",
            "rediger": "data/tiltak.yml",
            "title": "Utforsk tiltakene",
            "description": "Alle tiltakene.",
            "hide": ["navigation", "toc"],
            "uten_ordforklaring": ["virkemiddel", {"ord": "regionrad", "i": "regionrådet for Gjøvikregionen"}],
        }
    )
    assert videre_meta(forste) == {
        "kilde": TILTAKSPLAN,
        "kildeseksjon": "Vurdering",
        "rediger": "data/tiltak.yml",
        "hide": ["navigation", "toc"],
        # A passage switch names the first page's own text, which a further page does not have.
        "uten_ordforklaring": ["virkemiddel"],
    }
    assert "uten_ordforklaring" not in videre_meta(FrontMatter.model_validate({"kilde": "nettstedet"}))
    # The real first pages: what their further pages show of them.
    for sti in pagination.FORSTE_SIDER:
        tekst = (PROSJEKT / "docs" / sti).read_text(encoding="utf-8")
        lest, feil = front_matter.les_en(tekst, f"docs/{sti}")
        assert not feil and videre_meta(lest.meta)["kilde"] == lest.meta.kilde


def test_the_economy_page_shows_the_first_and_the_newest_plans_and_links_the_others_as_csv(stor_plan, monkeypatch):
    assert pagination.shown_plans([1, 2, 3]) == ([1, 2, 3], [])
    assert pagination.shown_plans(list(range(1, 10))) == ([7, 8, 9], [1, 2, 3, 4, 5, 6])
    # The fixture has four plans; with room for three, the oldest later plan (2022) stands as a CSV link.
    monkeypatch.setattr(pagination, "PLANS_SHOWN", 3)
    html = BeautifulSoup(
        str(views.okonomiside(stor_plan, views.PageAddress("okonomi/tiltak/"), [views.Okonomidel("per-virkemiddel")])),
        "lxml",
    )
    assert html.select_one("#graf-per-virkemiddel") is not None
    assert html.select_one("#graf-per-virkemiddel-2022") is None
    assert html.select_one("#graf-per-virkemiddel-2023") is not None and html.select_one("#graf-per-virkemiddel-2024")
    lenke = html.select_one("p.rp-utdrag a[download]")
    assert lenke["href"] == "../../nedlasting/per-virkemiddel-2022.csv"


def test_the_overview_shows_the_first_and_the_newest_plans_and_links_the_measures_of_the_others(stor_plan, monkeypatch):
    # The fixture has four plans; with room for three, the oldest later plan (2022) is named, with its sums
    # and where each instrument's measures in it stand, but without its tables.
    monkeypatch.setattr(pagination, "PLANS_SHOWN", 3)
    side = views.PageAddress("tiltak/")
    html = BeautifulSoup(str(views.tiltaksoversikt(stor_plan, side)), "lxml")
    assert (
        html.select("[id^=v-]")
        and html.select("[id^=tiltaksplan-2023-v-]")
        and html.select("[id^=tiltaksplan-2024-v-]")
    )
    assert not html.select("[id^=tiltaksplan-2022-v-]")
    seksjon = html.select_one("#tiltaksplan-2022").find_parent("section")
    assert not seksjon.select("table tbody tr[data-status]")
    assert "Sum av oppgitte beløp per år for alle tiltak i" in seksjon.select_one("table caption").get_text()
    tiltak = stor_plan.oppforinger("tiltaksplan-2022")
    forventet = [
        (side.til(pagination.alle_tiltak_url(stor_plan, v.id, "tiltaksplan-2022")), n)
        for v in stor_plan.virkemidler.values()
        if (n := sum(t.virkemiddel == v.id for t in tiltak))
    ]
    punkter = seksjon.select("ul.rp-planlenker li")
    assert [(li.a["href"], int(li.get_text().split(":")[1].split()[0])) for li in punkter] == forventet
    assert all(li.select_one(".rp-beregnet") for li in punkter)
    # With room for four, every plan's tables are there, as on the built fixture site.
    monkeypatch.setattr(pagination, "PLANS_SHOWN", 4)
    alle = BeautifulSoup(str(views.tiltaksoversikt(stor_plan, side)), "lxml")
    assert alle.select("[id^=tiltaksplan-2022-v-]") and not alle.select("ul.rp-planlenker")


def test_a_page_left_out_of_search_keeps_its_article_for_the_benchmarks_twin():
    from benchmarks import twin
    from macros import search

    side = f"<html><body>{twin.ARTICLE_START}<h1>Tiltak</h1><p>rad</p></article></body></html>"
    utenfor = search.uten_sok(side)
    assert 'data-pagefind-ignore="all"' in utenfor
    assert twin.article(utenfor) == twin.article(side) == "<h1>Tiltak</h1><p>rad</p>"
    with pytest.raises(ValueError):
        search.uten_sok("<html><body><main>ingen artikkel</main></body></html>")
