"""Tables: none scrolls sideways at 1280 px, and the tables the site builds reflow into one block per row at 320 px."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import handskrevne_sider

from macros import urls

# Per table in the article: its caption (or first heading), its width, the width of the box it
# stands in (Material's scroll wrapper, else its parent), and whether the site built it.
MAAL = """() => [...document.querySelectorAll('article table')].map(t => {
    const boks = t.closest('.md-typeset__scrollwrap') || t.parentElement;
    return {
        navn: (t.querySelector('caption, th') || t).textContent.trim().slice(0, 60),
        // Material lets a table scroll inside itself too, so its box alone can look narrow enough.
        bredde: Math.max(t.getBoundingClientRect().width, t.scrollWidth),
        plass: boks.clientWidth,
        egen: t.closest('.rp-tabell') !== null,
    };
})"""


@pytest.fixture(scope="module")
def artikler(bygget) -> dict[str, BeautifulSoup]:
    """Site-relative URL -> the page's content (article), for every built page that has one."""
    resultat = {}
    for html in sorted(bygget.rglob("index.html")):
        artikkel = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml").select_one("article.md-content__inner")
        if artikkel is not None:
            url = html.parent.relative_to(bygget).as_posix()
            resultat["" if url == "." else f"{url}/"] = artikkel
    return resultat


@pytest.fixture(scope="module")
def maalte_sider(artikler) -> list[str]:
    """The pages to measure: every hand-written page with a table, and of the pages made from data the one
    with the most table rows per kind (pages of one kind share their template; the longest holds the most)."""
    handskrevne = {urls.fil_url(sti) for sti in handskrevne_sider()}
    valgt, storst = [], {}
    for url, artikkel in artikler.items():
        if artikkel.find("table") is None:
            continue
        post = urls.post_for_url(url)
        if url in handskrevne or post is None:
            valgt.append(url)
            continue
        rader = len(artikkel.select("table tr"))
        if rader > storst.get(post[0], ("", -1))[1]:
            storst[post[0]] = (url, rader)
    return valgt + [url for url, _ in storst.values()]


def test_every_cell_of_a_stacking_table_names_its_column(artikler):
    """A table that stacks shows each cell's column from data-label; a cell without one would lose it."""
    mangler, sjekket = [], 0
    for url, artikkel in artikler.items():
        for td in artikkel.select("div.rp-stabel table td"):
            if td.get_text(strip=True):
                sjekket += 1
                if not td.get("data-label"):
                    mangler.append(f"{url}: {td.get_text(' ', strip=True)[:40]}")
    assert sjekket > 1000
    assert not mangler, mangler[:10]


@pytest.mark.browser
def test_no_table_scrolls_sideways_at_1280_px(nettleser, nettadresse, maalte_sider):
    assert len(maalte_sider) > 10
    kontekst = nettleser.new_context(viewport={"width": 1280, "height": 900})
    side = kontekst.new_page()
    for_brede = []
    for url in maalte_sider:
        side.goto(f"{nettadresse}{url}")
        for_brede += [
            f"{url}: «{t['navn']}» {t['bredde']:.0f} > {t['plass']}"
            for t in side.evaluate(MAAL)
            if t["bredde"] > t["plass"] + 1
        ]
        if side.evaluate("document.documentElement.scrollWidth") > 1280:
            for_brede.append(f"{url}: siden er bredere enn vinduet")
    kontekst.close()
    assert not for_brede, for_brede


SMAA_TEKSTER = """() => {
    // Text under 12 px in the article, footnote numbers included: the size below which Lighthouse
    // counts text as illegible on a phone.
    const smaa = [];
    const gang = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
    for (let node = gang.nextNode(); node; node = gang.nextNode()) {
        const element = node.parentElement;
        if (!node.textContent.trim() || !element.getClientRects().length) continue;
        const storrelse = parseFloat(getComputedStyle(element).fontSize);
        if (storrelse < 12) smaa.push(`${element.className || element.tagName}: ${storrelse}px «${node.textContent.trim().slice(0, 30)}»`);
    }
    return smaa;
}"""


@pytest.mark.browser
def test_at_320_px_the_sites_tables_reflow_and_their_text_stays_legible(nettleser, nettadresse, maalte_sider):
    kontekst = nettleser.new_context(viewport={"width": 320, "height": 800})
    side = kontekst.new_page()
    for_brede, stablet, smaa = [], 0, []
    for url in maalte_sider:
        side.goto(f"{nettadresse}{url}")
        smaa += [f"{url}: {t}" for t in side.evaluate(SMAA_TEKSTER)]
        for t in side.evaluate(MAAL):
            # Plan text's own Markdown tables may scroll inside their wrapper; the site's may not.
            if t["egen"] and t["bredde"] > t["plass"] + 1:
                for_brede.append(f"{url}: «{t['navn']}» {t['bredde']:.0f} > {t['plass']}")
        stablet += side.locator("div.rp-stabel tbody tr").evaluate_all(
            "rader => rader.filter(r => getComputedStyle(r).display === 'block').length"
        )
        if side.evaluate("document.documentElement.scrollWidth") > 320:
            for_brede.append(f"{url}: siden er bredere enn vinduet")
    kontekst.close()
    assert not for_brede, for_brede
    assert not smaa, smaa[:10]
    assert stablet > 100, "radene i nettstedets tabeller står ikke hver for seg på 320 px"
