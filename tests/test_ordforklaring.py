"""Glossary tooltips on every page, and only where the word names what the entry explains.

One pass over each page's finished HTML (macros/ordforklaring.py) marks every
whole-word, case-sensitive match of a spelling, on plan text and on the pages and
blocks built from data alike. Where a spelling means something else, the page
switches the term off in its front matter; these tests hold the built site to that.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from conftest import ekte_plan

from macros.ordforklaring import PageError, Unntak, forklar, les_unntak

# Where a word never gets an explanation (written out here, not taken from the code under test).
UTELATT = {
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "a",
    "abbr",
    "code",
    "pre",
    "kbd",
    "samp",
    "script",
    "style",
    "svg",
    "button",
    "label",
    "select",
    "option",
    "textarea",
}

# (page, passage, glossary id): the word in the passage is not what the entry explains.
IKKE_SAMME = [
    ("naeringsplan-2014/organisering", "regionrådet for Gjøvikregionen", "regionrad"),
    ("historikk/organisering-over-tid", "regionrådet for Gjøvikregionen", "regionrad"),
    ("naeringsplan-2014/organisering", "koblingen mot regionrådet er svak", "regionrad"),
    ("historikk/organisering-over-tid", "koblingen mot regionrådet er svak", "regionrad"),
    ("samarbeidsstrategi/interkommunalt-politisk-rad", "regulering av regionrådene", "regionrad"),
    ("samarbeidsstrategi/interkommunalt-politisk-rad", "hva et regionråd er", "regionrad"),
    ("historikk/organisering-over-tid", "regulering av regionrådene", "regionrad"),
    ("historikk/organisering-over-tid", "hva et regionråd er", "regionrad"),
    ("tiltaksplan-2021", "følgende virkemidler vært brukt", "virkemiddel"),
    ("historikk/idrett-i-skole", "blant virkemidlene for samfunnsutvikling", "virkemiddel"),
    ("handlingsplan/forankring", "aktiv tilrettelegger for nytt og eksisterende næringsliv", "tilrettelegger"),
    (
        "samarbeidsstrategi/samfunnsutvikling",
        "aktiv tilrettelegger for nytt og eksisterende næringsliv",
        "tilrettelegger",
    ),
    (
        "handlingsplan/strategiske-prioriteringer",
        "Regionens rolle som tilrettelegger og utviklingsaktør",
        "tilrettelegger",
    ),
    ("historikk/organisering-over-tid", "felles mål, strategier og tiltak", "tiltak"),
    ("naeringsplan-2014/konklusjon", "implementere tiltakene i planen", "tiltak"),
]

# (page, term spelling): the same pages keep the tooltip where the word does name the entry.
SAMME = [
    ("naeringsplan-2014/organisering", "Regionrådet"),
    ("historikk/organisering-over-tid", "Regionrådet"),
    ("tiltaksplan-2021", "virkemidlene"),
    ("samarbeidsstrategi/interkommunalt-politisk-rad", "regionrådet"),
    ("strategi/slik-leser-du-planen", "tilrettelegger"),
]


@pytest.fixture(scope="module")
def sider(bygget):
    cache = {}

    def les(url: str) -> BeautifulSoup:
        if url not in cache:
            cache[url] = BeautifulSoup((bygget / url / "index.html").read_text(encoding="utf-8"), "lxml")
        return cache[url]

    return les


def merket_i(side: BeautifulSoup, tekststykke: str) -> list[str]:
    """The words inside the passage that carry a tooltip, wherever the passage stands on the page."""
    funnet, merket = False, []
    for blokk in side.select(
        "article.md-content__inner p, article.md-content__inner li, article.md-content__inner blockquote, article.md-content__inner h2"
    ):
        deler, pos = [], 0
        for node in blokk.descendants:
            if isinstance(node, str):
                abbr = node.parent if node.parent.name == "abbr" else None
                deler.append((pos, pos + len(node), abbr))
                pos += len(node)
        tekst = "".join(str(n) for n in blokk.descendants if isinstance(n, str))
        start = tekst.find(tekststykke)
        while start != -1:
            funnet = True
            slutt = start + len(tekststykke)
            merket += [a.get_text() for fra, til, a in deler if a is not None and fra < slutt and til > start]
            start = tekst.find(tekststykke, slutt)
    assert funnet, f"«{tekststykke}» står ikke på siden"
    return merket


@pytest.mark.parametrize(("url", "tekststykke", "ord_id"), IKKE_SAMME)
def test_no_tooltip_where_the_word_means_something_else(sider, url, tekststykke, ord_id):
    assert any(s in tekststykke.split() for s in ekte_plan().ordliste[ord_id].skrivemater + ["regionrådene"])
    assert merket_i(sider(url), tekststykke) == [], (url, tekststykke)


@pytest.mark.parametrize(("url", "skrivemate"), SAMME)
def test_the_same_pages_keep_the_tooltip_where_the_word_fits(sider, url, skrivemate):
    ord_ = next(o for o in ekte_plan().ordliste.values() if skrivemate in o.skrivemater)
    assert any(a.get_text() == skrivemate and a["title"] == ord_.forklaring for a in sider(url).select("abbr"))


def test_variants_name_the_same_thing():
    assert "regionrådene" not in ekte_plan().ordliste["regionrad"].skrivemater


def alle_skrivemater() -> dict:
    """Every spelling of every glossary term, with its term."""
    return {s: o for o in ekte_plan().ordliste.values() for s in o.skrivemater}


def forklaring_for(tekst: str) -> str:
    return alle_skrivemater()[tekst].forklaring


# Generated pages and data-built blocks get the same tooltips as plan text.


@pytest.mark.parametrize(
    "url",
    ["tiltak/snowball", "tiltak/esport-klynge", "virkemidler/klynger-og-nettverk", "aktorer/lrv", "roller/veiviser"],
)
def test_generated_record_pages_carry_the_glossary(sider, url):
    innhold = sider(url).select_one("article.rp-post")
    forklaringer = innhold.select("abbr")
    assert len(forklaringer) >= 3, url
    for abbr in forklaringer:
        assert abbr["title"] == forklaring_for(abbr.get_text()), (url, abbr)


def hele_ord(tekst: str) -> set[str]:
    """The glossary spellings that stand in the text as whole words."""
    return {s for s in alle_skrivemater() if re.search(rf"(?<!\w){re.escape(s)}(?!\w)", tekst)}


def test_every_timeline_event_that_uses_a_term_explains_it(sider):
    hendelser = sider("historikk/tidslinje").select("li.rp-hendelse")
    assert len(hendelser) == len(ekte_plan().hendelser)
    med_ord = 0
    for hendelse in hendelser:
        kopi = BeautifulSoup(str(hendelse), "lxml")
        for utelatt in kopi.find_all(list(UTELATT - {"abbr"})):
            utelatt.decompose()
        if hele_ord(kopi.get_text()):
            med_ord += 1
            assert hendelse.select("abbr"), hendelse.get_text(" ", strip=True)[:120]
    assert med_ord >= 30
    assert len(sider("historikk/tidslinje").select("li.rp-hendelse abbr")) >= 54


def test_no_tooltip_inside_headings_links_code_or_drawings(bygget):
    for html in bygget.rglob("*.html"):
        side = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
        for abbr in side.select("abbr"):
            forfedre = {f.name for f in abbr.parents}
            assert not forfedre & UTELATT, (html, abbr, forfedre & UTELATT)
            avslatt = abbr.find_parent(attrs={"data-ordforklaring": "av"})
            # «Hele planen» moves whole pages in already explained, and switches the pass off for them
            # (tests/test_hele_planen.py checks the explanations are the original pages' own).
            assert avslatt is None or "rp-plandel" in avslatt.get("class", []), (html, abbr)


def test_the_glossary_page_is_left_alone(sider):
    assert sider("ordliste").select_one("dl.rp-ordliste") is not None
    assert sider("ordliste").select("dl.rp-ordliste abbr") == []


# The pass itself, on plain HTML (no MkDocs).


def forklart(html: str, unntak: list[Unntak] = (), plan=None) -> BeautifulSoup:
    return BeautifulSoup(forklar(html, plan or ekte_plan(), unntak, "docs/side.md").html, "lxml")


def test_whole_words_case_sensitive_and_the_longest_spelling_wins():
    side = forklart("<p>LRV, LRVs, lrv, PwC-rapport og vertskommune for næringslivet i en vertskommune.</p>")
    assert [a.get_text() for a in side.select("abbr")] == [
        "LRV",
        "PwC",
        "vertskommune for næringslivet",
        "vertskommune",
    ]
    assert side.get_text() == "LRV, LRVs, lrv, PwC-rapport og vertskommune for næringslivet i en vertskommune."


def test_headings_links_code_svg_forms_and_marked_elements_are_left_alone():
    kilde = (
        '<h2 id="lrv">LRV</h2><p><a href="x/">LRV</a> <code>LRV</code> <abbr title="x">LRV</abbr></p>'
        "<svg><text>LRV</text></svg><label>LRV <select><option>LRV</option></select></label>"
        '<div data-ordforklaring="av"><p>LRV</p></div><pre>LRV</pre><script>var LRV = 1;</script>'
    )
    assert forklar(kilde, ekte_plan()).html == kilde
    assert [a.get_text() for a in forklart(kilde + "<p>LRV</p>").select("p > abbr")] == ["LRV", "LRV"]


def test_the_pass_copies_everything_else_unchanged():
    kilde = '<!-- x --><p class="a" >Øyer &amp; Gausdal&nbsp;&#8211; <br/>tekst<img src="a.png" alt="LRV"></p>'
    assert forklar(kilde, ekte_plan(), [Unntak("lrv")]).html == kilde


def test_an_explanation_with_markup_and_quotes_stays_an_attribute():
    ondsinnet = """</abbr><script>alert("x")</script>' onmouseover='alert(1)"""
    ordliste = dict(ekte_plan().ordliste)
    ordliste["lrv"] = ordliste["lrv"].model_copy(update={"forklaring": ondsinnet})
    plan = ekte_plan().med(ordforklaring=ordliste)
    html = forklar("<p>LRV møtes.</p>", plan).html
    assert "<script>" not in html and "onmouseover='" not in html
    side = BeautifulSoup(html, "lxml")
    assert side.find("script") is None
    assert [(a.get_text(), a["title"]) for a in side.select("abbr")] == [("LRV", ondsinnet)]


def test_a_passage_switch_removes_only_that_tooltip():
    kilde = "Regionrådet møttes. Gjøvikregionen næringsråd, regionrådet for Gjøvikregionen og regionrådet her."
    side = forklart(f"<p>{kilde}</p>", [Unntak("regionrad", "regionrådet for Gjøvikregionen")])
    assert [a.get_text() for a in side.select("abbr")] == ["Regionrådet", "regionrådet"]
    assert side.get_text() == kilde


def test_a_passage_switch_leaves_other_terms_in_the_passage():
    side = forklart("<p>regionrådet for LRV</p>", [Unntak("regionrad", "regionrådet for LRV")])
    assert [a.get_text() for a in side.select("abbr")] == ["LRV"]


def test_a_page_switch_removes_every_spelling_of_the_term():
    side = forklart("<p>Regionrådet og regionrådet, og LRV.</p>", [Unntak("regionrad")])
    assert [a.get_text() for a in side.select("abbr")] == ["LRV"]


def test_a_passage_that_is_not_one_run_of_text_stops_the_build():
    with pytest.raises(PageError) as feil:
        forklar(
            "<p>regionrådet for <em>Gjøvikregionen</em></p>",
            ekte_plan(),
            [Unntak("regionrad", "regionrådet for Gjøvikregionen")],
            "docs/side.md",
        )
    assert str(feil.value).startswith("docs/side.md: tekststykket «regionrådet for Gjøvikregionen»")
    assert "står ikke som sammenhengende tekst på siden" in str(feil.value)


@pytest.mark.parametrize(
    ("verdi", "melding"),
    [
        (
            ["virkemidler"],
            "ukjent ord «virkemidler» i «uten_ordforklaring» i forsiden (front matter). Bruk id-en til ordet i data/ordliste.yml. Mente du «virkemiddel»?",
        ),
        ([{"ord": "regionrad", "i": "regionrådet i Hamar"}], "står ikke på siden"),
        ([{"ord": "virkemiddel", "i": "regionrådet for Gjøvikregionen"}], "inneholder ikke «virkemiddel»"),
        ("virkemiddel", "skal være en liste"),
        ([{"ord": "regionrad"}], "hvert punkt i «uten_ordforklaring»"),
    ],
)
def test_a_wrong_switch_names_the_page(verdi, melding):
    with pytest.raises(PageError) as feil:
        les_unntak(ekte_plan(), verdi, "Her står regionrådet for Gjøvikregionen.", "docs/side.md")
    assert str(feil.value).startswith("docs/side.md: ")
    assert melding in str(feil.value)
