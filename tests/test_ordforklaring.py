"""Glossary tooltips only where the word names what the entry explains.

Python-Markdown's abbr marks every whole-word, case-sensitive match of a spelling.
Where a spelling means something else, the page switches the term off in its
front matter (macros/ordforklaring.py); these tests hold the built site to that.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from bs4 import BeautifulSoup

from conftest import PROSJEKT
from macros.load import load_plan
from macros.ordforklaring import UTEN_FORKLARING, Sidefeil, Unntak, definisjoner, les_unntak

PLAN = load_plan(PROSJEKT / "data")

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
    ("samarbeidsstrategi/samfunnsutvikling", "aktiv tilrettelegger for nytt og eksisterende næringsliv", "tilrettelegger"),
    ("handlingsplan/strategiske-prioriteringer", "Regionens rolle som tilrettelegger og utviklingsaktør", "tilrettelegger"),
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
            cache[url] = BeautifulSoup((bygget / url / "index.html").read_text(encoding="utf-8"), "html.parser")
        return cache[url]

    return les


def merket_i(side: BeautifulSoup, tekststykke: str) -> list[str]:
    """The words inside the passage that carry a tooltip, wherever the passage stands on the page."""
    funnet, merket = False, []
    for blokk in side.select("article.md-content__inner p, article.md-content__inner li, article.md-content__inner blockquote, article.md-content__inner h2"):
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
    assert any(s in tekststykke.split() for s in PLAN.ordliste[ord_id].skrivemater + ["regionrådene"])
    assert merket_i(sider(url), tekststykke) == [], (url, tekststykke)


@pytest.mark.parametrize(("url", "skrivemate"), SAMME)
def test_the_same_pages_keep_the_tooltip_where_the_word_fits(sider, url, skrivemate):
    ord_ = next(o for o in PLAN.ordliste.values() if skrivemate in o.skrivemater)
    assert any(a.get_text() == skrivemate and a["title"] == ord_.forklaring for a in sider(url).select("abbr"))


def test_variants_name_the_same_thing():
    assert "regionrådene" not in PLAN.ordliste["regionrad"].skrivemater


def test_the_marker_never_reaches_a_page(bygget):
    for html in bygget.rglob("*.html"):
        assert UTEN_FORKLARING not in html.read_text(encoding="utf-8"), html


# The switch itself, on plain Markdown (no MkDocs).

def tekst_med(kilde: str, unntak: list[Unntak]) -> BeautifulSoup:
    html = markdown.markdown(kilde + "\n\n" + definisjoner(PLAN, unntak), extensions=["abbr", "macros.ordforklaring"])
    return BeautifulSoup(html, "html.parser")


def test_a_passage_switch_removes_only_that_tooltip():
    kilde = "Regionrådet møttes. Gjøvikregionen næringsråd, regionrådet for Gjøvikregionen og regionrådet her."
    side = tekst_med(kilde, [Unntak("regionrad", "regionrådet for Gjøvikregionen")])
    assert [a.get_text() for a in side.select("abbr")] == ["Regionrådet", "regionrådet"]
    assert side.get_text().strip() == kilde


def test_a_page_switch_removes_every_spelling_of_the_term():
    side = tekst_med("Regionrådet og regionrådet, og LRV.", [Unntak("regionrad")])
    assert [a.get_text() for a in side.select("abbr")] == ["LRV"]


@pytest.mark.parametrize(("verdi", "melding"), [
    (["virkemidler"], "ukjent ord «virkemidler» i «uten_ordforklaring» i forsiden (front matter). Bruk id-en til ordet i data/ordliste.yml. Mente du «virkemiddel»?"),
    ([{"ord": "regionrad", "i": "regionrådet i Hamar"}], "står ikke på siden"),
    ([{"ord": "virkemiddel", "i": "regionrådet for Gjøvikregionen"}], "inneholder ikke «virkemiddel»"),
    ("virkemiddel", "skal være en liste"),
    ([{"ord": "regionrad"}], "hvert punkt i «uten_ordforklaring»"),
])
def test_a_wrong_switch_names_the_page(verdi, melding):
    with pytest.raises(Sidefeil) as feil:
        les_unntak(PLAN, verdi, "Her står regionrådet for Gjøvikregionen.", "docs/side.md")
    assert str(feil.value).startswith("docs/side.md: ")
    assert melding in str(feil.value)

