"""Search the way a citizen does: words typed into the box in Material's header, in Chromium.

Pagefind's index (macros/search.py) and the box (overrides/partials/sok.html, docs/assets/sok.js).
SPORSMAL is also what benchmarks/search.py measures Pagefind and Material's lunr search with.
"""

from __future__ import annotations

import functools
import http.server
import re
import sys
import threading
from itertools import pairwise
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup
from conftest import ekte_plan
from sokeindeks import les_sokeindeks

from macros import search

SPORSMAL: list[tuple[str, str]] = [
    # Questions as people type them: the small words are no subject.
    ("hva gjøres for reiselivet", "historikk/snowball/"),  # «Utvikling av reiselivet gjennom reiselivsklyngen Snowball»
    ("hva får Øyer", "aktorer/oyer-kommune/"),
    ("hvem eier Snowball", "tiltak/snowball/"),
    ("hvem er veiviser", "roller/veiviser/"),
    ("hytter og fritidsboliger", "tiltak/fritidsbolignettverk/"),  # no page says «hytter»: the one word it has
    # Inflected forms that do not occur on the site: the site has «bedriftsnettverk», «prosjektstilling».
    ("bedriftsnettverkene", "virkemidler/klynger-og-nettverk/"),
    ("prosjektstillingen", "naeringsplan-2014/konklusjon/"),
    ("fritidsboliger", "tiltak/fritidsbolignettverk/"),
    ("vertskapsrollen", "tiltak/styrket-vertskapsrolle/"),
    ("kunnskapsparken", "aktorer/skappa/"),
    ("arrangementene", "tiltak/baerekraftige-og-datadrevne-arrangementer/"),
    # A word that is only the first part of a compound on the site.
    ("lokalmat", "tiltak/lokalmatnettverk/"),
    ("nasjonalpark", "tiltak/langua-nasjonalparknettverk/"),
    ("esport", "tiltak/esport-klynge/"),
    ("trafostasjon", "tiltak/alternative-plasseringer-av-trafostasjon/"),
    # æ, ø and å, typed or not.
    ("Gjøvikregionen", "aktorer/gjovik-regionen/"),
    ("Skåppå", "aktorer/skappa/"),
    ("skappa", "aktorer/skappa/"),
    ("oyer", "aktorer/oyer-kommune/"),
    ("jordflytting", "tiltak/kunnskap-om-jordflytting/"),
    ("næringsarealer langs E6", "tiltak/naeringsarealer-langs-e6/"),
    ("sirkulær økonomi", "tiltak/sirkulaere-lillehammer-regionen/"),
    # Names with punctuation, typed with it or without.
    ("Digital:Lab", "tiltak/digital-lab-innlandet/"),
    ("digital lab", "tiltak/digital-lab-innlandet/"),
    ("co-working", "tiltak/arenaer-for-co-working/"),
    ("coworking", "tiltak/arenaer-for-co-working/"),
    ("Lillehammer-regionen Vekst", "aktorer/lrv/"),
    # Years and amounts: the 2021 plan, and its sum as the source states it.
    ("2021", "tiltaksplan-2021/"),
    ("tiltaksplan 2021", "tiltaksplan-2021/"),
    ("1 200 000", "okonomi/"),  # «Rammen for 2021 og summen av tiltakene»
    ("1200000", "okonomi/"),
    ("1 500 000", "okonomi/"),
    ("150 000", "tiltak/fritidsbolignettverk/"),
    ("125000", "tiltak/styrket-vertskapsrolle/"),
    # Names of owners, partners and places.
    ("Lillywood", "aktorer/lillywood/"),
    ("Innovasjon Norge", "aktorer/innovasjon-norge/"),
    ("høgskolen", "aktorer/hinn/"),
    ("Hovemoen", "tiltak/alternative-plasseringer-av-trafostasjon/"),
    ("klyngeleder", "virkemidler/klynger-og-nettverk/"),
    ("befolkningsutvikling", "okonomi/befolkning/"),
    ("personvern", "om/personvern/"),
]


def _sti(nettadresse: str, href: str) -> str:
    return urlsplit(href).path.removeprefix(urlsplit(nettadresse).path)


def sok_i_boksen(fane, sporring: str, skriv: bool = True) -> list[dict]:
    """Type a query into the header's search box; the hits in order, each {"sti", "tittel", "merket", "href"}."""
    felt = fane.locator("input.md-search__input")
    felt.click()
    felt.fill("")
    if skriv:
        felt.press_sequentially(sporring, delay=15)
    else:
        felt.fill(sporring)
    # The result list says which query it answers; typing outruns searching.
    fane.wait_for_function(
        "q => document.getElementById('rp-sok-treff').dataset.sporring === q", arg=sporring, timeout=15000
    )
    return fane.eval_on_selector_all(
        "#rp-sok-treff a.rp-sok-side",
        """lenker => lenker.map(a => ({
            href: a.href,
            tittel: a.querySelector('.rp-sok-tittel').textContent,
            merket: [...a.querySelectorAll('mark')].map(m => m.textContent),
        }))""",
    )


def _stier(nettadresse: str, treff: list[dict]) -> list[str]:
    return [_sti(nettadresse, t["href"]) for t in treff]


def _ord(tekst: str) -> set[str]:
    return set(re.findall(r"\w+", tekst.lower()))


@pytest.mark.browser
@pytest.mark.parametrize(("sporring", "side"), SPORSMAL, ids=[s for s, _ in SPORSMAL])
def test_a_citizens_query_finds_the_right_page_in_the_top_five(fane, nettadresse, sporring, side):
    fane.goto(nettadresse)
    stier = _stier(nettadresse, sok_i_boksen(fane, sporring))
    assert side in stier[:5], f"«{sporring}»: {side} er ikke blant de fem første treffene: {stier[:5]}"


def test_the_query_set_is_real(bygget):
    # Every expected page exists and is in the index, and the inflected forms do not occur on the site:
    # the test would prove nothing if the site had the typed word literally.
    indeks = les_sokeindeks(bygget)
    assert len(SPORSMAL) >= 25
    for _, side in SPORSMAL:
        assert f"/{side}" in indeks, side
    tekst = " ".join(f["content"] for f in indeks.values()).lower()
    for boyd, grunnform in [("bedriftsnettverkene", "bedriftsnettverk"), ("prosjektstillingen", "prosjektstilling")]:
        assert boyd not in tekst and grunnform in tekst


@pytest.mark.browser
def test_a_records_own_page_ranks_above_passing_mentions(fane, nettadresse):
    # Search each record's name: no page that merely mentions it may come before its own page.
    plan = ekte_plan()
    fane.goto(nettadresse)
    sjekket = 0
    poster = [(t.navn, f"tiltak/{t.id}/") for t in plan.tiltak.values()]
    poster += [(a.navn, f"aktorer/{a.id}/") for a in plan.aktorer.values()]
    poster += [(r.navn, f"roller/{r.id}/") for r in plan.roller.values()]
    poster += [(v.navn, f"virkemidler/{v.id}/") for v in plan.virkemidler.values()]
    for navn, side in poster:
        treff = sok_i_boksen(fane, navn, skriv=False)
        stier = _stier(nettadresse, treff)
        assert side in stier, f"«{navn}»: {side} finnes ikke blant treffene {stier}"
        # A page whose title has every word of the name is another record of that name, not a mention.
        for foran in treff[: stier.index(side)]:
            assert _ord(navn) <= _ord(foran["tittel"]), (
                f"«{navn}»: {_sti(nettadresse, foran['href'])} («{foran['tittel']}») nevner bare posten, "
                f"men står foran {side}"
            )
        sjekket += 1
    assert sjekket > 60


@pytest.mark.browser
def test_search_works_by_keyboard_and_marks_the_words_on_the_page(fane, nettadresse):
    fane.goto(f"{nettadresse}tiltak/")
    fane.locator("body").press("/")
    felt = fane.locator("input.md-search__input")
    assert felt.evaluate("f => f === document.activeElement")
    assert fane.locator("#__search").is_checked()
    felt.press_sequentially("bedriftsnettverkene", delay=15)
    fane.wait_for_function("() => document.getElementById('rp-sok-treff').dataset.sporring === 'bedriftsnettverkene'")
    forste = fane.locator("#rp-sok-treff a.md-search-result__link").first
    # The hit shows the word as the page has it, marked.
    assert "bedriftsnettverk" in [m.lower() for m in forste.locator("mark").all_inner_texts()]
    felt.press("ArrowDown")
    assert forste.evaluate("a => a === document.activeElement")
    forste.press("ArrowUp")
    assert felt.evaluate("f => f === document.activeElement")
    href = forste.get_attribute("href")
    felt.press("Enter")
    fane.wait_for_url(f"**{urlsplit(href).path}**")
    assert parse_qs(urlsplit(fane.url).query)["h"]
    merket = fane.locator("article.md-content__inner mark.rp-sokeord")
    assert merket.count() > 0
    assert {m.lower() for m in merket.all_inner_texts()} == {"bedriftsnettverk"}
    # Escape closes the search again.
    fane.locator("body").press("s")
    assert fane.locator("#__search").is_checked()
    fane.keyboard.press("Escape")
    assert not fane.locator("#__search").is_checked()


@pytest.mark.browser
def test_the_index_loads_only_when_someone_searches(fane, nettadresse):
    fane.goto(f"{nettadresse}tiltak/snowball/")
    fane.wait_for_load_state("networkidle")
    lastet = list(fane.foresporsler)
    assert not [u for u in lastet if "/pagefind/" in u or "search_index" in u], lastet
    sok_i_boksen(fane, "Snowball")
    assert [u for u in fane.foresporsler if u.endswith(".pf_index")]
    fremmede = [u for u in fane.foresporsler if not u.startswith(nettadresse)]
    assert not fremmede, f"Forespørsler til tredjepart: {fremmede}"


CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data:"
"""A strict policy (issue 14): no 'unsafe-eval', no inline script. Pagefind's WebAssembly needs 'wasm-unsafe-eval'."""


def _server(mappe: Path, csp: str | None = None):
    """Serve a folder on loopback, optionally with a Content-Security-Policy header; returns (url, stop)."""

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

        def end_headers(self) -> None:
            if csp:
                self.send_header("Content-Security-Policy", csp)
            super().end_headers()

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(mappe)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}/", httpd.shutdown


@pytest.mark.browser
def test_search_works_under_the_sites_sub_path(fane, bygget, tmp_path):
    # GitHub Pages serves the site under /regionplan/: the hits must lead there, not to the host's root.
    (tmp_path / "regionplan").symlink_to(bygget, target_is_directory=True)
    url, stopp = _server(tmp_path)
    try:
        fane.goto(f"{url}regionplan/tiltak/")
        treff = sok_i_boksen(fane, "Snowball")
        assert "/regionplan/tiltak/snowball/" in [urlsplit(t["href"]).path for t in treff]
    finally:
        stopp()


@pytest.mark.browser
def test_search_works_under_a_strict_content_security_policy(fane, bygget):
    url, stopp = _server(bygget, CSP)
    try:
        fane.goto(f"{url}tiltak/")
        treff = sok_i_boksen(fane, "bedriftsnettverkene")
        assert _stier(url, treff)[0] == "virkemidler/klynger-og-nettverk/"
    finally:
        stopp()


SIDE = """<!doctype html><html lang="nb"><head><title>{tittel}</title></head><body>
<nav>Meny som står på hver side</nav>
<article class="md-content__inner md-typeset"><h1>{tittel}<a class="headerlink" href="#">¶</a></h1>
<p>Tekst om {tittel}.</p>
<aside class="rp-kilde" data-pagefind-ignore><h2>Kilde</h2><p>Feil eller endring? Rediger</p></aside>
</article></body></html>"""


def test_pagefind_indexes_the_articles_of_the_current_site_only(tmp_path):
    sider = {
        "index.html": "Forsiden",
        "tiltak/snowball/index.html": "Snowball",
        "arkiv/v1/tiltak/snowball/index.html": "Snowball i arkivet",
        "404.html": "Fant ikke siden",
    }
    for rel, tittel in sider.items():
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text(SIDE.format(tittel=tittel), encoding="utf-8")
    search.lag_sokeindeks(tmp_path)
    indeks = les_sokeindeks(tmp_path)
    assert sorted(indeks) == ["/", "/tiltak/snowball/"]
    snowball = indeks["/tiltak/snowball/"]
    assert snowball["meta"]["title"] == "Snowball"
    # Only the article, without the heading's ¶ and the Kilde box.
    assert snowball["content"].split() == ["Snowball.", "Tekst", "om", "Snowball."]
    assert not list((tmp_path / "pagefind").glob("pagefind-*ui.*"))
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()


def test_a_missing_pagefind_is_a_clear_error(tmp_path, monkeypatch):
    (tmp_path / "index.html").write_text(SIDE.format(tittel="Forsiden"), encoding="utf-8")
    # As if the package were not installed: importing it fails.
    monkeypatch.setitem(sys.modules, "pagefind_bin", None)
    with pytest.raises(search.Sokefeil, match="Pagefind er ikke installert.*constraints.txt"):
        search.lag_sokeindeks(tmp_path)


def test_the_built_site_has_pagefind_and_not_lunr(bygget):
    assert (bygget / "pagefind" / "pagefind.js").is_file()
    assert not (bygget / "search" / "search_index.json").exists()
    indeks = les_sokeindeks(bygget)
    assert "/tiltak/snowball/" in indeks and "/" in indeks
    assert not [u for u in indeks if u.startswith("/arkiv/") or u == "/404.html"]
    # Only the article: the menu's words are not on every page in the index.
    assert indeks["/tiltak/snowball/"]["meta"]["title"] == "Snowball"
    assert "Tilgjengelighetserklæring" not in indeks["/tiltak/snowball/"]["content"]


def _naboer(html: str) -> list[tuple[str, str]]:
    """The two words that meet where things a reader sees apart stand side by side: neighbouring cells of a
    table row, and a time or a chart's title and the text after it."""
    side = BeautifulSoup(html, "lxml")
    par = [
        (a.get_text(), b.get_text())
        for rad in side.find_all("tr")
        for a, b in pairwise(rad.find_all(["th", "td"], recursive=False))
    ]
    for element in side.select("time, .rp-graf-tittel"):
        egne = set(map(id, element.find_all(string=True)))
        etter = next((t for t in element.find_all_next(string=True) if id(t) not in egne and t.strip()), None)
        if etter is not None:
            par.append((element.get_text(), etter))
    ord_ = [(a.split()[-1], b.split()[0]) for a, b in par if a.split() and b.split()]
    # «2021:» is how the text is written; only a word or a number after it can run together with it.
    return [(a, b) for a, b in ord_ if b[0].isalnum()]


def test_words_a_reader_sees_apart_are_apart_in_the_index(bygget):
    # Pagefind puts a space after a <td>, but not after a <th> or a <time>: cells written side by side in
    # the HTML ran together («ÅrBeløp», «Virkemiddel2021202220232024Rolle»), so neither word could be found
    # there, and the result's excerpt showed them glued.
    indeks = les_sokeindeks(bygget)
    limt, sjekket = [], 0
    for url, fragment in indeks.items():
        html = (bygget / url.lstrip("/") / "index.html").read_text(encoding="utf-8")
        tekst = fragment["content"]
        for a, b in _naboer(html):
            sjekket += a in tekst and b in tekst
            # Pagefind ends a cell with «.» when its text has no stop of its own.
            if a + b in tekst and not re.search(re.escape(a) + r"[.\s]+" + re.escape(b), tekst):
                limt.append(f"{url}: «{a}{b}»")
    assert sjekket > 1000
    assert limt == [], "\n".join(limt)
