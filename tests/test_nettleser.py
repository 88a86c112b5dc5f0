"""The site in Debian's headless Chromium: what a citizen does, and what the law asks of it."""

from __future__ import annotations

import io

import pytest
from conftest import PROSJEKT, server
from PIL import Image

from macros.load import load_plan

pytestmark = pytest.mark.browser


def bare_egne_foresporsler(fane, base: str) -> None:
    fremmede = [url for url in fane.foresporsler if not url.startswith(base) and not url.startswith("data:")]
    assert not fremmede, f"Forespørsler til tredjepart: {fremmede}"


def test_home_page_opens_and_links_to_the_measures(fane, nettadresse):
    fane.goto(nettadresse)
    assert fane.title() == "Regionplan for Lillehammer-regionen"
    fane.get_by_role("link", name="Alle tiltak").first.click()
    fane.wait_for_url(f"{nettadresse}tiltak/")
    assert fane.locator("h1").inner_text().rstrip("¶") == "Alle tiltak"
    bare_egne_foresporsler(fane, nettadresse)


def test_tiltak_page_shows_owner_as_link(fane, nettadresse):
    fane.goto(f"{nettadresse}tiltak/snowball/")
    assert fane.locator("article h1").inner_text() == "Snowball"
    assert fane.title() == "Snowball - Regionplan for Lillehammer-regionen"
    fane.locator("dl.rp-fakta").get_by_role("link", name="Visit Lillehammer").click()
    fane.wait_for_url(f"{nettadresse}aktorer/visit-lillehammer/")
    assert "Snowball" in fane.locator("article.rp-aktor").inner_text()
    bare_egne_foresporsler(fane, nettadresse)


def test_search_box_finds_snowball(fane, nettadresse):
    fane.goto(nettadresse)
    # Pagefind's index loads when the box is first used (tests/test_sok.py); the hit shows once it has.
    sok = fane.locator("input.md-search__input")
    sok.click()
    sok.press_sequentially("Snowball", delay=30)
    treff = fane.locator(".md-search-result__item a[href*='tiltak/snowball/']").first
    treff.wait_for(timeout=15000)
    treff.click()
    fane.wait_for_url("**/tiltak/snowball/**")
    assert fane.locator("article h1").inner_text() == "Snowball"
    bare_egne_foresporsler(fane, nettadresse)


def test_markup_in_data_does_not_run_in_the_browser(nettleser, endret):
    base, stopp = server(endret)
    try:
        side = nettleser.new_page()
        for sti in ("tiltak/snowball/", "tiltak/", "aktorer/lillywood/"):
            side.goto(f"{base}{sti}", wait_until="load")
            # The markup shows as text: had it been parsed, the <img> would be in the DOM.
            side.get_by_text("window.__xss=2", exact=False).first.wait_for()
            assert side.locator("img[src='x']").count() == 0, sti
            assert side.evaluate("window.__xss") is None, sti
        side.goto(base)
        # The hostile name is in the search index as text: the results render it without running it.
        sok = side.locator("input.md-search__input")
        sok.click()
        sok.press_sequentially("onerror", delay=30)
        side.locator(".md-search-result__item", has_text="window.__xss").first.wait_for()
        assert side.evaluate("window.__xss") is None
        side.close()
    finally:
        stopp()


@pytest.mark.parametrize(
    "url", ["handlingsplan/organisering-og-bemanning/", "tiltak/cyberland/"], ids=["plantekst", "generert-side"]
)
def test_glossary_tooltip_appears_on_plan_text_and_generated_pages(fane, nettadresse, url):
    fane.goto(f"{nettadresse}{url}")
    forkortelse = fane.locator("article abbr", has_text="LRV").first
    assert "Lillehammer-regionen Vekst" in forkortelse.get_attribute("title") or ""
    forkortelse.hover()
    boble = fane.locator(".md-tooltip2--active, .md-tooltip--active").first
    boble.wait_for(state="visible", timeout=5000)
    assert "Lillehammer-regionen Vekst" in boble.inner_text()


@pytest.mark.parametrize("javascript", [False, True], ids=["uten-javascript", "med-javascript"])
def test_timeline_filter_works_with_and_without_javascript(nettleser, nettadresse, javascript):
    plan = load_plan(PROSJEKT / "data")
    kontekst = nettleser.new_context(java_script_enabled=javascript)
    side = kontekst.new_page()
    side.goto(f"{nettadresse}historikk/tidslinje/")
    hendelser = side.locator("li.rp-hendelse")
    assert hendelser.count() == len(plan.hendelser)
    synlige = lambda: sum(1 for i in range(hendelser.count()) if hendelser.nth(i).is_visible())  # noqa: E731
    assert synlige() == len(plan.hendelser)
    side.get_by_label("Idrett og folkehelse").check()
    forventet = [h for h in plan.tidslinje() if "idrett-og-folkehelse" in h.tema]
    assert 0 < synlige() == len(forventet) < len(plan.hendelser)
    for h in forventet:
        assert side.locator(f"li#{h.id}").is_visible()
    side.get_by_label("Alle temaer").check()
    assert synlige() == len(plan.hendelser)
    kontekst.close()


def test_status_filter_on_the_overview_works_without_javascript(nettleser, nettadresse):
    plan = load_plan(PROSJEKT / "data")
    kontekst = nettleser.new_context(java_script_enabled=False)
    side = kontekst.new_page()
    side.goto(f"{nettadresse}tiltak/")
    rader = side.locator("tr[data-status]")
    synlige = lambda loc: sum(1 for i in range(loc.count()) if loc.nth(i).is_visible())  # noqa: E731
    assert rader.count() == synlige(rader) == len(plan.tiltak)
    # No source reports a status: «pågår» shows no measure, and no instrument's section or sum.
    side.get_by_label("Pågår (0)").check()
    assert synlige(rader) == 0
    assert synlige(side.locator("section.rp-virkemiddel")) == 0
    side.get_by_label(f"Ikke rapportert ({len(plan.tiltak)})").check()
    assert synlige(rader) == len(plan.tiltak)
    assert synlige(side.locator(".rp-oversikt tfoot")) == 0
    side.get_by_label(f"Alle ({len(plan.tiltak)})", exact=True).check()
    assert synlige(rader) == len(plan.tiltak) and synlige(side.locator(".rp-oversikt tfoot")) > 0
    kontekst.close()


@pytest.mark.parametrize("fargeskjema", ["light", "dark"])
def test_charts_are_visible_in_light_and_dark_mode(nettleser, nettadresse, fargeskjema):
    kontekst = nettleser.new_context(color_scheme=fargeskjema, viewport={"width": 1280, "height": 900})
    side = kontekst.new_page()
    side.goto(f"{nettadresse}okonomi/")
    figurer = side.locator(".rp-stolper")
    assert figurer.count() == 3
    for i in range(figurer.count()):
        bilde = Image.open(io.BytesIO(figurer.nth(i).screenshot())).convert("RGB")
        bakgrunn = bilde.getpixel((1, 1))
        farger = bilde.getcolors(maxcolors=1 << 20)
        ulike = sum(
            antall for antall, farge in farger if sum(abs(a - b) for a, b in zip(farge, bakgrunn, strict=True)) > 120
        )
        assert ulike > 0.05 * bilde.width * bilde.height, f"diagram {i} ser tomt ut i {fargeskjema}"
    kontekst.close()


@pytest.mark.parametrize("bredde", [320, 1280])
def test_chart_text_is_body_text_size_at_every_width(nettleser, nettadresse, bredde):
    kontekst = nettleser.new_context(viewport={"width": bredde, "height": 800})
    side = kontekst.new_page()
    for url in ("okonomi/tiltak/", "historikk/snowball/"):
        side.goto(f"{nettadresse}{url}")
        assert side.evaluate("document.documentElement.scrollWidth") <= bredde
        storrelser = side.evaluate(
            """() => {
                const px = e => parseFloat(getComputedStyle(e).fontSize);
                const brodtekst = px(document.querySelector('article p'));
                const tekster = [...document.querySelectorAll('.rp-stolpe-etikett, .rp-flyt-boks a, svg text')];
                return {brodtekst, tekster: tekster.map(px)};
            }"""
        )
        assert storrelser["tekster"], url
        assert set(storrelser["tekster"]) == {storrelser["brodtekst"]}, (url, storrelser)
    kontekst.close()
