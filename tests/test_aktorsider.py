"""Actor pages say what the sources say about the actor; the municipalities' and the county's pages add
their place in the governance, the partnership funds and the 2014 figures, and no split the sources do not give."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup
from conftest import PROSJEKT, SEEDS
from test_tilgjengelighet import WCAG_AA

from macros import utforsker
from macros.format import kroner, tall
from macros.load import load_plan

PLAN = load_plan(PROSJEKT / "data")
KOMMUNESIDER = [a for a in PLAN.aktorer.values() if a.kommuneside]


def normaliser(tekst: str) -> str:
    return " ".join(tekst.replace("\u00a0", " ").replace("\u202f", " ").split())


def artikkel(site, aktor_id: str) -> BeautifulSoup:
    side = BeautifulSoup((site / "aktorer" / aktor_id / "index.html").read_text(encoding="utf-8"), "lxml")
    return side.select_one("article.md-content__inner")


def del_(side: BeautifulSoup, anker: str) -> str:
    """The text of a page's section, from its h2 to the next h2."""
    overskrift = side.find("h2", id=anker)
    assert overskrift is not None, anker
    deler = []
    for element in overskrift.find_next_siblings():
        if element.name == "h2":
            break
        deler.append(element.get_text())
    return normaliser(" ".join(deler))


@pytest.mark.parametrize("omtale_id", list(PLAN.aktoromtaler))
def test_a_quote_about_an_actor_stands_word_for_word_in_the_document_it_cites(omtale_id):
    omtale = PLAN.aktoromtaler[omtale_id]
    kildetekst = " ".join(
        normaliser((SEEDS / f).read_text(encoding="utf-8")) for f in PLAN.kilder[omtale.kilde.kilde].filer
    )
    assert normaliser(omtale.sitat) in kildetekst


def test_the_partnership_is_the_three_municipalities_and_the_county():
    assert {a.id for a in KOMMUNESIDER} == {
        "lillehammer-kommune",
        "oyer-kommune",
        "gausdal-kommune",
        "innlandet-fylkeskommune",
    }


def test_each_quote_stands_on_the_page_of_every_actor_it_names_and_no_other(bygget):
    for aktor in PLAN.aktorer.values():
        side = artikkel(bygget, aktor.id)
        viste = [d["data-omtale"] for d in side.select("[data-omtale]")]
        assert sorted(viste) == sorted(o.id for o in PLAN.omtaler_av(aktor.id)), aktor.id
        for element in side.select("[data-omtale]"):
            omtale = PLAN.aktoromtaler[element["data-omtale"]]
            kilde = PLAN.kilder[omtale.kilde.kilde]
            tekst = normaliser(element.get_text())
            assert normaliser(f"«{omtale.sitat}»") in tekst
            # How the document was handled goes with the quote: a proposal stays a proposal.
            assert f"; {kilde.behandling.statusnavn})" in tekst, (aktor.id, omtale.id)
        # The page's Kilde block names every document it quotes.
        dokumenter = {a["href"].rsplit("#", 1)[-1] for a in side.select("aside.rp-kilde a[href*='dokumenter/#']")}
        assert {o.kilde.kilde for o in PLAN.omtaler_av(aktor.id)} <= dokumenter, aktor.id


def test_every_actor_page_says_what_the_sources_say_and_not_the_old_filler(bygget):
    for aktor in PLAN.aktorer.values():
        side = artikkel(bygget, aktor.id)
        assert "Aktør i Lillehammer-regionens planer" not in side.get_text()
        hva = del_(side, "hva-kildene-sier")
        assert hva, aktor.id
        if not PLAN.omtaler_av(aktor.id):
            assert hva.startswith(("Kildene nevner", "Under står det kildene sier")), (aktor.id, hva)


def test_the_link_to_the_explorer_opens_a_choice_the_explorer_offers(bygget):
    valg = {f.navn: {v.verdi for v in f.valg} for f in utforsker.filtre(PLAN, utforsker.rader(PLAN))}
    lenker = 0
    for aktor in PLAN.aktorer.values():
        for a in artikkel(bygget, aktor.id).select("a[href*='tiltak/utforsk/?']"):
            ((navn, verdi),) = parse_qsl(urlparse(a["href"]).query)
            assert verdi == aktor.id and verdi in valg[navn], (aktor.id, a["href"])
            lenker += 1
    assert lenker >= 30


def test_an_actor_only_the_tables_name_is_said_to_be_only_that(bygget):
    hva = del_(artikkel(bygget, "fabrikken"), "hva-kildene-sier")
    assert hva == "Kildene nevner Fabrikken bare i tabellene i tiltaksplanen for 2021, og sier ikke noe mer om aktøren."


@pytest.mark.parametrize("aktor", KOMMUNESIDER, ids=lambda a: a.id)
def test_a_partners_page_has_governance_funding_and_the_2014_figures(bygget, aktor):
    side = artikkel(bygget, aktor.id)
    for anker in ("styring", "finansiering", "befolkning"):
        assert del_(side, anker), anker
    # Every measure the partner owns or is a main partner in, in the tables on its page.
    tiltak = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in side.select("div.rp-tabell th[scope=row] a")}
    assert set(t.id for t in PLAN.tiltak_eid_av(aktor.id) + PLAN.tiltak_med_partner(aktor.id)) <= tiltak


@pytest.mark.parametrize("aktor", KOMMUNESIDER, ids=lambda a: a.id)
def test_the_funding_section_splits_no_amount_the_sources_do_not(bygget, aktor):
    midler = PLAN.okonomi.partnerskapsmidler
    finansiering = del_(artikkel(bygget, aktor.id), "finansiering")
    oppgitte = {normaliser(kroner(b.kr)) for b in (midler.arlig, midler.fra_kommunene, midler.fra_fylkeskommunen)}
    uten_sitater = re.sub(r"«[^»]*»", "", finansiering)
    belop = {normaliser(m) for m in re.findall(r"\d[\d ]*\d kr", uten_sitater)}
    assert belop and belop <= oppgitte, (aktor.id, belop)
    if aktor.type == "kommune":
        assert normaliser(kroner(midler.fra_kommunene.kr)) + " fra de tre kommunene samlet" in finansiering
        assert f"Kildene sier ikke hvor mye som kommer fra {aktor.navn}" in finansiering
    else:
        assert normaliser(kroner(midler.fra_fylkeskommunen.kr)) + f" fra {aktor.navn}" in finansiering


def test_a_municipalitys_population_row_is_the_sources(bygget):
    tabell = PLAN.befolkning.tabell("befolkning")
    for aktor in KOMMUNESIDER:
        befolkning = artikkel(bygget, aktor.id).find("h2", id="befolkning")
        rad = next((r for r in tabell.rader if r.aktor == aktor.id), None)
        if rad is None:
            assert f"har ingen rad for {aktor.navn}" in del_(artikkel(bygget, aktor.id), "befolkning")
            continue
        vist = befolkning.find_next("table")
        assert rad.navn in vist.caption.get_text()
        folketall = vist.find("th", string="31.12.2013 Folketall").find_next("td")
        assert normaliser(folketall.get_text()) == normaliser(tall(tabell.verdi(rad, "31.12.2013 Folketall")))


def test_nho_rankings_are_the_regions_and_said_to_be(bygget):
    for aktor in KOMMUNESIDER:
        befolkning = del_(artikkel(bygget, aktor.id), "befolkning")
        if aktor.type == "kommune":
            assert "gjelder hele Lillehammer-regionen, ikke den enkelte kommune" in befolkning
            assert "«tabellen til venstre»" in befolkning and "Totalt 79 regioner" in befolkning
        else:
            assert f"gjelder Lillehammer-regionen, ikke {aktor.navn}" in befolkning


@pytest.mark.browser
@pytest.mark.parametrize("url", ["aktorer/oyer-kommune/", "aktorer/innlandet-fylkeskommune/", "aktorer/fabrikken/"])
def test_no_accessibility_violations(fane, nettadresse, url):
    fane.goto(f"{nettadresse}{url}")
    resultat = Axe().run(fane, options=WCAG_AA)
    assert not resultat.response["violations"], resultat.generate_report()
