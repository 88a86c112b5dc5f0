"""The measure explorer (/tiltak/utforsk/): the whole table without JavaScript, and with it filters,
sorting by amount, the choices in the address, the count for screen readers, the keyboard and 320 px."""

from __future__ import annotations

from urllib.parse import parse_qs, urlparse

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup
from conftest import PROSJEKT, endre
from test_tilgjengelighet import WCAG_AA

from macros import utforsker
from macros.errors import Datafeil
from macros.load import load_plan
from macros.okonomi import AR
from macros.validate import kontroller

PLAN = load_plan(PROSJEKT / "data")
URL = "tiltak/utforsk/"
TOTALT = len(PLAN.tiltak)

# What each choice should show, worked out from the plan's own fields (not from the explorer's code).
FORVENTET = {
    "virkemiddel": lambda t, v: t.virkemiddel == v,
    "rolle": lambda t, v: v in t.roller,
    "eier": lambda t, v: v in t.tiltakseiere,
    "partner": lambda t, v: v in t.partner_ids,
    "kommune": lambda t, v: v in t.tiltakseiere or v in t.partner_ids,
    "status": lambda t, v: (t.status.status if t.status else "ikke-rapportert") == v,
    "ar": lambda t, v: (t.kr_for(int(v)) or 0) > 0,
}


def forventet(filter_: str, verdi: str) -> list[str]:
    return [t.id for t in PLAN.tiltak.values() if FORVENTET[filter_](t, verdi)]


# --- the data behind the page ------------------------------------------------------------------


def test_the_kommune_choice_offers_the_three_municipalities_and_the_county():
    kommune = next(f for f in utforsker.filtre(PLAN, utforsker.rader(PLAN)) if f.navn == "kommune")
    assert {v.verdi for v in kommune.valg} == {
        "lillehammer-kommune",
        "oyer-kommune",
        "gausdal-kommune",
        "innlandet-fylkeskommune",
    }
    assert {v.verdi: v.antall for v in kommune.valg}["innlandet-fylkeskommune"] == 1


def test_a_partner_the_source_only_calls_trolig_says_so_in_the_choice():
    partner = next(f for f in utforsker.filtre(PLAN, utforsker.rader(PLAN)) if f.navn == "partner")
    navn = {v.verdi: v.navn for v in partner.valg}
    assert navn["digital-innlandet"] == "Digital Innlandet (bare trolig)"
    # Skåppå is a settled partner elsewhere, so the choice is not hedged; the row shows «trolig».
    assert navn["skappa"] == "Skåppå Kunnskapspark"


def test_a_year_counts_only_a_stated_amount_above_zero():
    assert utforsker.ar_med_midler(PLAN.tiltak["snowball"]) == ("2022", "2023", "2024")
    assert utforsker.ar_med_midler(PLAN.tiltak["sirkulaere-lillehammer-regionen"]) == ()
    # An estimate («Trolig rundt 50 000 kroner») is an amount, and the row shows it as «ca.».
    assert "2022" in utforsker.ar_med_midler(PLAN.tiltak["fritidsbolignettverk"])


def test_every_choice_shows_the_measures_the_plan_says():
    rader = utforsker.rader(PLAN)
    for f in utforsker.filtre(PLAN, rader):
        for v in f.valg:
            treff = [r.tiltak.id for r in rader if v.verdi in r.verdier[f.navn]]
            assert treff == forventet(f.navn, v.verdi), (f.navn, v.verdi)
            assert v.antall == len(treff)


def test_a_measure_whose_page_would_take_the_explorers_address_stops_the_check(nettsted):
    endre(nettsted / "data" / "tiltak.yml", 'id: "webside"', 'id: "utforsk"')
    with pytest.raises(Datafeil) as feil:
        kontroller(nettsted)
    melding = str(feil.value)
    assert "data/tiltak.yml, linje" in melding and "post «utforsk», felt «id»" in melding
    assert "docs/tiltak/utforsk.md" in melding and "Velg en annen id" in melding


# --- the built page, without a browser -----------------------------------------------------------


@pytest.fixture(scope="module")
def side(bygget) -> BeautifulSoup:
    return BeautifulSoup((bygget / URL / "index.html").read_text(encoding="utf-8"), "lxml")


def test_the_page_has_every_measure_in_source_order_and_hides_the_choices_until_the_script_runs(side, bygget):
    rader = side.select("[data-utforsker] tbody tr")
    assert [r["id"] for r in rader] == list(PLAN.tiltak)
    assert side.select_one("[data-utforsker] form").has_attr("hidden")
    skript = side.select_one("[data-utforsker] ~ script[src], [data-utforsker] script[src]")
    assert skript is not None and not skript.string
    assert (bygget / URL / skript["src"]).resolve().is_file()
    # No script on the page is written inline: it must run under a strict Content-Security-Policy.
    innhold = side.select_one("article")
    assert all(s.has_attr("src") for s in innhold.find_all("script"))
    assert side.select_one("[data-utforsker] [role=status]") is not None


def test_the_explorer_is_in_the_navigation_and_linked_from_the_overview(bygget):
    oversikt = BeautifulSoup((bygget / "tiltak" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert oversikt.select_one("article a[href='utforsk/']") is not None
    assert oversikt.select_one("nav.md-nav a[href='utforsk/']") is not None


# --- in Chromium -------------------------------------------------------------------------------


def synlige(side) -> list[str]:
    return side.locator("[data-utforsker] tbody tr:visible").evaluate_all("rader => rader.map(r => r.id)")


def valg_i_adressen(side) -> dict[str, str]:
    return {k: v[0] for k, v in parse_qs(urlparse(side.url).query).items()}


def antall_tekst(side) -> str:
    return side.locator("[data-utforsker] [role=status]").inner_text()


@pytest.mark.browser
def test_without_javascript_the_whole_table_shows_and_no_dead_choices(nettleser, nettadresse):
    kontekst = nettleser.new_context(java_script_enabled=False)
    side = kontekst.new_page()
    side.goto(f"{nettadresse}{URL}?kommune=oyer-kommune")
    assert sorted(synlige(side)) == sorted(PLAN.tiltak)
    assert not side.locator("[data-utforsker] form").is_visible()
    kontekst.close()


@pytest.mark.browser
def test_each_choice_shows_the_right_measures_and_says_how_many(fane, nettadresse):
    fane.goto(f"{nettadresse}{URL}")
    assert antall_tekst(fane) == f"Viser alle {TOTALT} tiltak."
    sjekket = 0
    for f in utforsker.filtre(PLAN, utforsker.rader(PLAN)):
        for v in f.valg:
            fane.select_option(f"#u-{f.navn}", v.verdi)
            ventet = forventet(f.navn, v.verdi)
            assert synlige(fane) == ventet, (f.navn, v.verdi)
            assert valg_i_adressen(fane) == {f.navn: v.verdi}
            if not ventet:
                assert antall_tekst(fane) == f"Ingen av de {TOTALT} tiltakene passer til valgene."
            elif len(ventet) < TOTALT:
                assert antall_tekst(fane) == f"Viser {len(ventet)} av {TOTALT} tiltak."
            sjekket += 1
        fane.select_option(f"#u-{f.navn}", "")
    assert sjekket > 40
    assert valg_i_adressen(fane) == {}
    # Two choices together: both must hold.
    fane.select_option("#u-kommune", "lillehammer-kommune")
    fane.select_option("#u-rolle", "brobygger")
    ventet = [i for i in forventet("kommune", "lillehammer-kommune") if i in forventet("rolle", "brobygger")]
    assert synlige(fane) == ventet and 0 < len(ventet)
    assert antall_tekst(fane) == f"Viser {len(ventet)} av {TOTALT} tiltak."


@pytest.mark.parametrize("ar", AR)
@pytest.mark.browser
def test_sorting_by_amount_puts_the_largest_first_and_measures_without_an_amount_last(fane, nettadresse, ar):
    fane.goto(f"{nettadresse}{URL}?sorter={ar}-synkende")
    med_belop = [t for t in PLAN.tiltak.values() if t.kr_for(ar) is not None]
    uten_belop = [t.id for t in PLAN.tiltak.values() if t.kr_for(ar) is None]
    # Equal amounts keep the source's order.
    ventet = [t.id for t in sorted(med_belop, key=lambda t: -t.kr_for(ar))] + uten_belop
    assert synlige(fane) == ventet
    fane.select_option("#u-sorter", f"{ar}-stigende")
    assert synlige(fane) == [t.id for t in sorted(med_belop, key=lambda t: t.kr_for(ar))] + uten_belop
    fane.select_option("#u-sorter", "kilde")
    assert synlige(fane) == list(PLAN.tiltak)


@pytest.mark.browser
def test_a_shared_address_opens_the_same_view(fane, nettadresse):
    fane.goto(f"{nettadresse}{URL}")
    fane.select_option("#u-ar", "2022")
    fane.select_option("#u-eier", "lrv")
    fane.select_option("#u-sorter", "2022-synkende")
    visning, adresse = synlige(fane), fane.url
    assert valg_i_adressen(fane) == {"ar": "2022", "eier": "lrv", "sorter": "2022-synkende"}
    delt = fane.context.new_page()
    delt.goto(adresse)
    assert synlige(delt) == visning
    assert delt.locator("#u-eier").input_value() == "lrv"
    # A value the page does not offer is left out, not guessed at.
    delt.goto(f"{nettadresse}{URL}?kommune=oslo-kommune&rolle=veiviser")
    assert delt.locator("#u-kommune").input_value() == ""
    assert synlige(delt) == forventet("rolle", "veiviser")
    delt.close()


@pytest.mark.browser
def test_the_filters_work_with_the_keyboard_alone(fane, nettadresse):
    fane.goto(f"{nettadresse}{URL}")

    def tab_til(element_id: str) -> None:
        for _ in range(200):
            fane.keyboard.press("Tab")
            if fane.evaluate("document.activeElement.id") == element_id:
                return
        pytest.fail(f"Tab når aldri #{element_id}")

    tab_til("u-rolle")
    forste_rolle = next(iter(PLAN.roller))
    fane.keyboard.press("ArrowDown")
    assert fane.locator("#u-rolle").input_value() == forste_rolle
    assert synlige(fane) == forventet("rolle", forste_rolle)
    assert valg_i_adressen(fane) == {"rolle": forste_rolle}
    assert antall_tekst(fane) == f"Viser {len(forventet('rolle', forste_rolle))} av {TOTALT} tiltak."
    tab_til("u-sorter")
    fane.keyboard.press("ArrowDown")
    assert valg_i_adressen(fane) == {"rolle": forste_rolle, "sorter": f"{AR[0]}-synkende"}
    fane.keyboard.press("Tab")
    assert fane.evaluate("document.activeElement.hasAttribute('data-nullstill')")
    fane.keyboard.press("Enter")
    assert synlige(fane) == list(PLAN.tiltak)
    assert valg_i_adressen(fane) == {}
    assert antall_tekst(fane) == f"Viser alle {TOTALT} tiltak."


@pytest.mark.browser
def test_at_320_px_the_rows_stack_and_the_filters_still_work(nettleser, nettadresse):
    kontekst = nettleser.new_context(viewport={"width": 320, "height": 800})
    side = kontekst.new_page()
    side.goto(f"{nettadresse}{URL}?kommune=gausdal-kommune")
    assert synlige(side) == forventet("kommune", "gausdal-kommune")
    assert side.evaluate("document.documentElement.scrollWidth") <= 320
    rad = side.locator("[data-utforsker] tbody tr:visible").first
    assert rad.evaluate("r => getComputedStyle(r).display") == "block"
    boks = rad.bounding_box()
    assert boks["x"] >= 0 and boks["x"] + boks["width"] <= 320
    # Every select fits the screen too.
    for f in utforsker.filtre(PLAN, utforsker.rader(PLAN)):
        felt = side.locator(f"#u-{f.navn}").bounding_box()
        assert felt["x"] + felt["width"] <= 320, f.navn
    kontekst.close()


@pytest.mark.browser
@pytest.mark.parametrize("url", ["tiltak/utforsk/", "tiltak/utforsk/?kommune=oyer-kommune&sorter=2022-synkende"])
def test_no_accessibility_violations(fane, nettadresse, url):
    fane.goto(f"{nettadresse}{url}")
    resultat = Axe().run(fane, options=WCAG_AA)
    assert not resultat.response["violations"], resultat.generate_report()
