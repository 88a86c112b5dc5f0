"""Passages of the plan text that name an actor: which names count, the sentence shown around them,
and what the actor's page lists (every passage that names it, and its document in the Kilde block)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from conftest import PROSJEKT
from pydantic import ValidationError

from macros.html_pass import Tekstblokk, gjennomga
from macros.load import load_plan
from macros.model import Aktor
from macros.navnetreff import MAKS_UTDRAG, Navnesok, utdrag
from macros.plantekst import datasider, les_side, omtaler

PLAN = load_plan(PROSJEKT / "data")
SOK = Navnesok(PLAN.aktorer.values())


def navngitt(tekst: str) -> list[tuple[str, set[str]]]:
    return [(tekst[s:e], set(ids)) for s, e, ids in SOK.finn(tekst)]


@pytest.mark.parametrize(
    ("tekst", "ventet"),
    [
        ("Formannskap: Øyer 9.september", [("Øyer", {"oyer-kommune"})]),
        ("Øyers planstrategi", [("Øyer", {"oyer-kommune"})]),
        ("0,- håndteres innenfor Lillehammer kommunes rammer", [("Lillehammer kommune", {"lillehammer-kommune"})]),
        (
            "Gausdal Næringsforum og Øyer Næringsråd",
            [("Gausdal Næringsforum", {"gausdal-naeringsforum"}), ("Øyer Næringsråd", {"oyer-naeringsrad"})],
        ),
        ("den overordnede satsingen «Vintersportsregionen Lillehammer»", []),
        ("Strategisk næringsplan for Lillehammer-regionen", []),
        ("Lillehammer-regionens planer", []),
        ("Koblingen mot Lillehammer Kunnskapspark", []),
        ("Visit Lillehammer er tiltakseier", [("Visit Lillehammer", {"visit-lillehammer"})]),
        # Another region's council, written in lower case, is not Regionrådet.
        ("regionrådet for Gjøvikregionen", [("Gjøvikregionen", {"gjovik-regionen"})]),
        (
            "Oppland og Hedmark fylkeskommuner",
            [("Oppland og Hedmark fylkeskommuner", {"oppland-fylkeskommune", "hedmark-fylkeskommune"})],
        ),
        ("Innlandet Fylkeskommune", [("Innlandet Fylkeskommune", {"innlandet-fylkeskommune"})]),
        ("I PWC sin sluttrapport", [("PWC", {"pwc"})]),
        ("NHO-rangeringer", [("NHO", {"nho"})]),
        # Groups are common nouns in running text: never looked for.
        ("Bransjeaktører og grunneiere", []),
    ],
)
def test_which_names_count(tekst, ventet):
    assert navngitt(tekst) == ventet


def test_an_expression_that_does_not_hold_the_name_is_refused():
    with pytest.raises(ValidationError, match="inneholder ikke navnet på aktøren"):
        Aktor(id="x", navn="Lillehammer kommune", ogsa_kalt=["Lillehammer"], type="kommune", ikke_i=["Hamar-regionen"])


def test_the_excerpt_is_the_sentence_and_a_full_stop_inside_it_does_not_end_it():
    tekst = (
        "Fram til og med 2020 gjelder noe annet. I henhold til partnerskapsavtalen får Rådet tilført kr. 3 500 000 "
        "årlig. Av disse er 2,5 mill. bidrag fra Innlandet fylkeskommune, mens 1 mill. er midler fra de tre kommunene. "
        "Det betyr en nedgang."
    )
    start = tekst.index("Innlandet fylkeskommune")
    (u,) = utdrag(tekst, [(start, start + len("Innlandet fylkeskommune"))])
    assert (
        u.tekst
        == "Av disse er 2,5 mill. bidrag fra Innlandet fylkeskommune, mens 1 mill. er midler fra de tre kommunene."
    )
    assert [d for d, merket in u.deler if merket] == ["Innlandet fylkeskommune"]
    assert not (u.kuttet_for or u.kuttet_etter)


def test_a_long_sentence_is_cut_around_the_name_and_says_so():
    tekst = "ord " * 200 + "Øyer" + " ord" * 200 + "."
    start = tekst.index("Øyer")
    (u,) = utdrag(tekst, [(start, start + 4)])
    assert len(u.tekst) <= MAKS_UTDRAG and "Øyer" in u.tekst
    assert u.kuttet_for and u.kuttet_etter
    assert not u.tekst.startswith(" ") and not u.tekst.endswith(" ")


def test_two_names_in_one_sentence_give_one_excerpt_with_both_marked():
    tekst = "Gjøvikregionen: samlokalisert Gjøvikregionen næringsråd. Neste setning."
    spenn = [(s, e) for s, e, _ in SOK.finn(tekst)]
    (u,) = utdrag(tekst, spenn)
    assert [d for d, merket in u.deler if merket] == ["Gjøvikregionen", "Gjøvikregionen"]


HTML = """<h1 id="fakta">Fakta</h1>
<p>Det er også store forskjeller mellom kommunene. <a href="../../aktorer/oyer-kommune/">Øyer</a> har hatt en vekst.</p>
<h2 id="mal">Mål</h2>
<ul><li>Øyer har mål om 6000 innbyggere innen 2025</li></ul>
<div class="rp-tidslinje"><p>Øyer i en blokk nettstedet har laget</p></div>
"""


def lest(meta: dict):
    return les_side("naeringsplan-2014/fakta.md", "naeringsplan-2014/fakta/", meta, gjennomga(HTML).innhold)


def test_the_walk_keeps_each_block_and_where_its_links_stand():
    blokker = [d for d in gjennomga(HTML).innhold if isinstance(d, Tekstblokk)]
    assert [b.tekst for b in blokker] == [
        "Det er også store forskjeller mellom kommunene. Øyer har hatt en vekst.",
        "Øyer har mål om 6000 innbyggere innen 2025",
    ]
    start, slutt, href = blokker[0].lenker[0]
    assert blokker[0].tekst[start:slutt] == "Øyer" and href == "../../aktorer/oyer-kommune/"


def test_a_passage_that_names_an_actor_is_listed_with_its_sentence_once():
    resultat = omtaler([lest({"kilde": "naeringsplan-2014", "kildeseksjon": "Fakta"})], SOK)
    oyer = resultat[("aktor", "oyer-kommune")]
    assert [(o.avsnitt, o.anker) for o in oyer] == [(None, None), ("Mål", "mal")]
    # The link and the name are the same words: one excerpt, marked once.
    assert [u.tekst for u in oyer[0].utdrag] == ["Øyer har hatt en vekst."]
    assert [u.tekst for u in oyer[1].utdrag] == ["Øyer har mål om 6000 innbyggere innen 2025"]


def test_the_sites_own_pages_are_not_searched_for_names():
    resultat = omtaler([lest({"kilde": "nettstedet"})], SOK)
    # The link still counts; the name in the list item does not.
    assert [(o.avsnitt, o.anker) for o in resultat[("aktor", "oyer-kommune")]] == [(None, None)]


def test_the_assessments_from_data_are_searched_like_the_plan_text():
    sider = {s.side.url: s for s in datasider(PLAN)}
    resultat = omtaler(sider.values(), SOK)
    gausdal = resultat[("aktor", "gausdal-kommune")]
    assert [o.side.url for o in gausdal] == ["virkemidler/innbyggerinvolvering-samarbeid-og-teknologi/"]
    assert "Gausdal kommune er en organisasjon som samskaper" in gausdal[0].utdrag[0].tekst


# --- the built site ------------------------------------------------------------------------------


def omtaleboks(site, aktor_id: str):
    side = BeautifulSoup((site / "aktorer" / aktor_id / "index.html").read_text(encoding="utf-8"), "lxml")
    return side.select_one(".rp-omtaler"), side.select_one("aside.rp-kilde")


def test_a_municipalitys_page_lists_a_passage_that_only_names_it(bygget):
    boks, kilde = omtaleboks(bygget, "oyer-kommune")
    utdrag_ = [" ".join(li.get_text().split()) for li in boks.select(".rp-utdrag li")]
    assert "«Øyer har mål om 6000 innbyggere innen 2025, det vil si en vekst på i underkant av 1,3 % årlig»" in utdrag_
    assert "Fakta" in kilde.get_text()


def test_the_regions_brands_and_the_knowledge_park_do_not_count_as_lillehammer_kommune(bygget):
    boks, _ = omtaleboks(bygget, "lillehammer-kommune")
    for mark in boks.select("mark"):
        for_ = mark.previous_sibling if isinstance(mark.previous_sibling, str) else ""
        etter = mark.next_sibling if isinstance(mark.next_sibling, str) else ""
        assert not for_.endswith(("Vintersportsregionen ", "idrettsregionen ")), for_
        assert not etter.startswith(("-regionen", " kunnskapspark", " Kunnskapspark")), etter
    assert len(boks.select("mark")) >= 15
