"""Print: in Chromium with print media, pages show only their content, write out link addresses and keep
tables whole; «Hele planen» prints the whole current plan."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

# About the width of an A4 sheet's text at 96 dpi: where a table that scrolls on screen would be cut.
ARK = {"width": 640, "height": 900}

SKJULT = [
    ".md-header",
    ".md-tabs",
    ".md-sidebar--primary",
    ".md-sidebar--secondary",
    ".md-search",
    ".md-footer",
    ".md-content__button",
    ".rp-meld-fra",
]

# The widest tables on the site: the overview, an instrument's two tables, the economy tables,
# the datasets, and the whole plan.
SIDER = ["hele-planen/", "tiltak/", "virkemidler/klynger-og-nettverk/", "okonomi/tiltak/", "datasett/"]

SJEKK_TABELLER = """() => {
  const artikkel = document.querySelector("article.md-content__inner").getBoundingClientRect();
  const klippes = [];
  for (const tabell of document.querySelectorAll("article table")) {
    const boks = tabell.getBoundingClientRect();
    let el = tabell, klipper = null;
    for (; el && el.tagName !== "ARTICLE"; el = el.parentElement) {
      const stil = getComputedStyle(el);
      if (stil.overflowX !== "visible" || stil.overflowY !== "visible") { klipper = el; break; }
    }
    const navn = (tabell.caption && tabell.caption.textContent.trim()) || tabell.rows[0].textContent.trim();
    if (klipper) klippes.push(`${navn}: ${klipper.tagName}.${klipper.className} har overflow ${getComputedStyle(klipper).overflowX}`);
    else if (boks.right > artikkel.right + 1 || boks.left < artikkel.left - 1) klippes.push(`${navn}: går utenfor teksten`);
    else if (tabell.scrollWidth > tabell.clientWidth + 1) klippes.push(`${navn}: bredere enn seg selv`);
  }
  return {antall: document.querySelectorAll("article table").length, klippes};
}"""


@pytest.fixture
def ark(nettleser):
    """A browser page the width of a printed sheet, showing pages as they print."""
    kontekst = nettleser.new_context(viewport=ARK)
    side = kontekst.new_page()
    side.emulate_media(media="print")
    yield side
    kontekst.close()


@pytest.mark.parametrize("sti", SIDER)
def test_printed_pages_show_content_only_and_keep_every_table_whole(ark, nettadresse, sti):
    ark.goto(f"{nettadresse}{sti}")
    for velger in SKJULT:
        assert ark.locator(velger).count() > 0, velger
        assert all(not el.is_visible() for el in ark.locator(velger).all()), f"{velger} skrives ut"
    assert ark.locator("article h1").first.is_visible()
    resultat = ark.evaluate(SJEKK_TABELLER)
    assert resultat["antall"] > 0
    assert resultat["klippes"] == [], resultat["klippes"]


def test_the_check_sees_a_table_cut_on_screen(nettleser, nettadresse):
    # On screen the same narrow window scrolls the overview's table: the print rules are what keep it whole.
    kontekst = nettleser.new_context(viewport=ARK)
    side = kontekst.new_page()
    side.goto(f"{nettadresse}tiltak/")
    assert side.evaluate(SJEKK_TABELLER)["klippes"]
    kontekst.close()


def _etter(side, velger: str) -> str:
    return side.locator(velger).first.evaluate("a => getComputedStyle(a, '::after').content")


def test_printed_links_show_their_address(ark, nettadresse):
    ark.goto(f"{nettadresse}datasett/")
    assert _etter(ark, 'article a[href="http://data.norge.no/nlod/no/2.0"]') == '" (http://data.norge.no/nlod/no/2.0)"'
    ark.goto(f"{nettadresse}hele-planen/")
    assert _etter(ark, 'section.rp-plandel p a[href="../aktorer/ipr/"]') == '" (../aktorer/ipr/)"'
    # Not in tables, where it would widen the columns, and not for links within the page.
    assert _etter(ark, "article table a[href]") == "none"
    assert _etter(ark, 'article nav a[href^="#"]') == "none"


def test_links_show_no_address_on_screen(fane, nettadresse):
    fane.goto(f"{nettadresse}hele-planen/")
    assert _etter(fane, 'section.rp-plandel p a[href="../aktorer/ipr/"]') == "none"


def test_the_whole_plan_prints_as_a_pdf_of_many_pages(ark, nettadresse):
    ark.goto(f"{nettadresse}hele-planen/")
    pdf = ark.pdf(format="A4")
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") > 10
