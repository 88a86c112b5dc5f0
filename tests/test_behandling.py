"""Decision status as data: the site says a document was adopted only when data/kilder.yml says a source says so.

Every sentence about a document's handling is rendered from `behandling` in data/kilder.yml.
The real site must not claim the 2021 tiltaksplan was adopted (no source says so), and when
staff record an adoption in the data, the wording follows on every page with no other edit.
"""

from __future__ import annotations

import re
import typing
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import PROSJEKT, SEEDS, bygg, lag_nettsted
from jinja2 import UndefinedError
from pydantic import ValidationError

from macros.errors import Datafeil
from macros.load import load_plan
from macros.model import BEHANDLINGSSTATUSER, Behandling, Behandlingsstatus
from macros.views import PageAddress, behandling

TILTAKSPLAN = "tiltaksplan-2021"
UTEN_VEDTAK = "Ingen av kildene forteller om et endelig vedtak."

# The pages that introduce the plans and their money: they may speak of adoption only
# through the derived sentence (or inside the source's own «quoted» words).
INNGANGSSIDER = ["", "om/", "dokumenter/", "tiltak/", "okonomi/", "okonomi/tiltak/", "strategi/slik-leser-du-planen/"]
# Pages whose status sentence about the tiltaksplan must follow the data.
STATUSSIDER = ["", "tiltak/", "dokumenter/", "tiltak/snowball/"]

# Ways of saying the tiltaksplan or its measures were adopted. «Budsjett- og tiltaksplan»
# is another document, which the source says was adopted, so it is left out.
PAASTANDER = [
    re.compile(r"(?<!og )\btiltaksplan\w*\b[^.;«»]{0,80}?\b(?:er|ble|var|blitt)\s+vedtatt", re.IGNORECASE),
    re.compile(r"(?<!og )\bvedtatte?\s+tiltaksplan", re.IGNORECASE),
    re.compile(r"\bvedtatte\s+tiltak", re.IGNORECASE),
    re.compile(r"\btiltakene\b[^.;«»]{0,60}\b(?:er|ble|var|blitt)\s+vedtatt", re.IGNORECASE),
]


def innhold(site: Path, url: str) -> BeautifulSoup:
    side = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")
    artikkel = side.select_one("article.md-content__inner")
    for boks in artikkel.select("aside.rp-kilde"):
        boks.decompose()
    # The glossary's <abbr> around a word is no part of the sentence these tests read.
    for abbr in artikkel.find_all("abbr"):
        abbr.unwrap()
    artikkel.smooth()
    return artikkel


def tekst(node) -> str:
    return " ".join(node.get_text(" ").split())


def normalisert(tekst_: str) -> str:
    return " ".join(tekst_.replace("\u00a0", " ").split())


def i_kildene(utdrag: str) -> bool:
    """True when the words stand in one of the text extractions in kilder/ (line breaks ignored)."""
    return any(normalisert(utdrag) in normalisert(fil.read_text(encoding="utf-8")) for fil in SEEDS.glob("*.txt"))


def statussetninger(site: Path, url: str, kilde_id: str = TILTAKSPLAN) -> list:
    return innhold(site, url).select(f'.rp-behandling[data-kilde="{kilde_id}"]')


# --- the vocabulary and the model -----------------------------------------------------------


def test_the_status_vocabulary_is_the_same_in_model_names_and_data_header():
    assert set(typing.get_args(Behandlingsstatus)) == set(BEHANDLINGSSTATUSER)
    hode = "".join(
        linje
        for linje in (PROSJEKT / "data" / "kilder.yml").read_text(encoding="utf-8").splitlines(True)
        if linje.startswith("#")
    )
    dokumentert = dict(re.findall(r"#\s+([a-z-]+)\s+→ «([^»]+)»", hode))
    assert dokumentert == BEHANDLINGSSTATUSER


def test_a_date_needs_its_wording_and_the_status_must_be_known():
    with pytest.raises(ValidationError, match="dato og dato_tekst hører sammen"):
        Behandling(status="vedtatt", organ="Interkommunalt politisk råd", dato="2021-06-15", sitater=["x"])
    with pytest.raises(ValidationError):
        Behandling(status="godkjent", organ="Interkommunalt politisk råd", sitater=["x"])


def test_a_missing_date_wording_is_reported_with_file_line_and_field(datamappe: Path):
    fil = datamappe / "kilder.yml"
    linjer = fil.read_text(encoding="utf-8").splitlines(True)
    nummer = next(i for i, linje in enumerate(linjer) if linje == '    dato_tekst: "04.12.20"\n')
    fil.write_text("".join(linjer[:nummer] + linjer[nummer + 1 :]), encoding="utf-8")
    with pytest.raises(Datafeil) as feil:
        load_plan(datamappe)
    melding = str(feil.value)
    assert re.search(r"data/kilder\.yml, linje \d+, post «handlingsplan-2021-2025», felt «behandling»", melding), (
        melding
    )
    assert "dato og dato_tekst hører sammen" in melding


@pytest.mark.parametrize("status", list(BEHANDLINGSSTATUSER))
def test_every_status_has_its_own_wording(status, plan):
    kilde = plan.kilder[TILTAKSPLAN]
    endret = kilde.model_copy(update={"behandling": kilde.behandling.model_copy(update={"status": status})})
    plan = plan.med(kilde={**plan.kilder, TILTAKSPLAN: endret})
    html = BeautifulSoup(str(behandling(plan, PageAddress(""), TILTAKSPLAN)), "lxml").span
    assert html["data-status"] == status
    setning = tekst(html)
    assert BEHANDLINGSSTATUSER[status] in setning.lower()
    assert (UTEN_VEDTAK in setning) == (status != "vedtatt")
    assert ("vedtatt" in setning) == (status == "vedtatt")


def test_a_status_without_wording_stops_the_rendering(plan):
    # model_copy skips validation, as a status added to the model but not to the template would.
    kilde = plan.kilder[TILTAKSPLAN]
    endret = kilde.model_copy(update={"behandling": kilde.behandling.model_copy(update={"status": "utsatt"})})
    plan = plan.med(kilde={**plan.kilder, TILTAKSPLAN: endret})
    with pytest.raises(UndefinedError):
        behandling(plan, PageAddress(""), TILTAKSPLAN)


def test_an_unknown_source_in_the_macro_is_named(plan):
    with pytest.raises(ValueError, match="ukjent kilde «tiltaksplan-2012».*tiltaksplan-2021"):
        behandling(plan, PageAddress(""), "tiltaksplan-2012")


# --- the real data: what the sources say ----------------------------------------------------


def test_the_sources_own_words_and_dates_stand_in_kilder(plan):
    mangler = []
    for kilde in plan.kilder.values():
        b = kilde.behandling
        for utdrag in [*b.sitater, b.dato_tekst, kilde.dato_tekst]:
            if utdrag is not None and not i_kildene(utdrag):
                mangler.append(f"{kilde.id}: «{utdrag}»")
    assert not mangler, "Står ikke ordrett i kilder/: " + "; ".join(mangler)


def test_the_quote_check_catches_words_the_source_does_not_use():
    assert i_kildene("Vedtatt i Interkommunalt politisk råd 04.12.20")
    assert not i_kildene("Vedtatt i Interkommunalt politisk råd 04.12.2020")
    assert not i_kildene("Tiltaksplanen er vedtatt i Interkommunalt politisk råd")


def test_the_statuses_are_what_the_sources_say(plan):
    status = {k.id: (k.behandling.status, k.behandling.dato_tekst) for k in plan.kilder.values()}
    assert status == {
        "handlingsplan-2021-2025": ("vedtatt", "04.12.20"),
        "samarbeidsstrategi-2019": ("vedtatt", "28. mars 2019"),
        TILTAKSPLAN: ("forslag", None),
        "naeringsplan-2014": ("til-drofting", None),
    }


# --- the real site ----------------------------------------------------------------------------


@pytest.mark.fra_data(url=lambda plan: INNGANGSSIDER + [f"tiltak/{t}/" for t in plan.tiltak])
def test_pages_that_speak_of_the_tiltaksplan_say_it_is_a_proposal(bygget, url):
    setninger = statussetninger(bygget, url)
    assert setninger, f"{url or 'forsiden'} sier ikke hvordan tiltaksplanen er behandlet"
    for setning in setninger:
        assert setning["data-status"] == "forslag"
        assert "vedtatt" not in tekst(setning).lower()
        assert UTEN_VEDTAK in tekst(setning)


@pytest.mark.fra_data(url=lambda plan: INNGANGSSIDER + [f"tiltak/{t}/" for t in plan.tiltak])
def test_adoption_is_only_spoken_of_through_the_data(bygget, url):
    artikkel = innhold(bygget, url)
    for setning in artikkel.select(".rp-behandling"):
        setning.decompose()
    uten_sitater = re.sub(r"«[^»]*»", "«»", tekst(artikkel))
    treff = re.findall(r"[^.]{0,60}\bvedt\w*[^.]{0,40}", uten_sitater, re.IGNORECASE)
    assert not treff, f"{url or 'forsiden'} skriver selv om vedtak: {treff}"


def test_no_page_claims_the_tiltaksplan_was_adopted(bygget):
    treff = []
    for html in sorted(bygget.rglob("index.html")):
        artikkel = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml").select_one("article.md-content__inner")
        if artikkel is None:
            continue
        for monster in PAASTANDER:
            treff += [f"{html.parent.relative_to(bygget)}: «{m.group(0)}»" for m in monster.finditer(tekst(artikkel))]
    assert not treff, treff


def test_the_claim_patterns_catch_the_ways_of_saying_it():
    for setning in (
        "Tiltaksplanen for 2021 er vedtatt i Interkommunalt politisk råd.",
        "Her er den vedtatte tiltaksplanen.",
        "Tiltakene i 2021 ble vedtatt i juni.",
    ):
        assert any(m.search(setning) for m in PAASTANDER), setning
    for setning in (
        "Interkommunalt Politisk Råd har i vedtatt Budsjett- og tiltaksplan for 2021 satt av 1,5 millioner.",
        "Grunnet at næringsplanen ikke var klar da Budsjett- og tiltaksplan for 2021 ble vedtatt kommer denne delen av tiltaksplanen i år som en egen sak.",
    ):
        assert not any(m.search(setning) for m in PAASTANDER), setning


# --- staff record an adoption: the wording follows everywhere ---------------------------------

VEDTAK = """  behandling:
    status: "vedtatt"
    organ: "Interkommunalt politisk råd"
    dato: "2021-06-15"
    dato_tekst: "15.06.21"
    referanse: "sak 12/21"
    sitater: ["Tiltaksplanen vedtas slik den foreligger"]
"""


@pytest.fixture(scope="module")
def vedtatt(tmp_path_factory) -> Path:
    """A copy of the site where data/kilder.yml records the tiltaksplan as adopted; built once."""
    mappe = lag_nettsted(tmp_path_factory.mktemp("vedtatt"))
    fil = mappe / "data" / "kilder.yml"
    tekst_ = fil.read_text(encoding="utf-8")
    post = tekst_.index('- id: "tiltaksplan-2021"')
    start = tekst_.index("  behandling:\n", post)
    slutt = tekst_.index("  filer:", start)
    fil.write_text(tekst_[:start] + VEDTAK + tekst_[slutt:], encoding="utf-8")
    resultat = bygg(mappe)
    assert resultat.returncode == 0, resultat.stderr
    return mappe / "site"


@pytest.mark.parametrize("url", STATUSSIDER)
def test_recording_an_adoption_changes_the_wording(bygget, vedtatt, url):
    for setning in statussetninger(vedtatt, url):
        assert setning["data-status"] == "vedtatt"
        assert "edtatt i Interkommunalt politisk råd 15.06.21 (sak 12/21)" in tekst(setning)
        assert UTEN_VEDTAK not in tekst(setning)
    for setning in statussetninger(bygget, url):
        assert "15.06.21" not in tekst(setning)
    assert statussetninger(vedtatt, url), url


def test_the_documents_page_shows_the_recorded_adoption_and_its_words(vedtatt):
    rad = innhold(vedtatt, "dokumenter/").find("tr", id=TILTAKSPLAN)
    celle = tekst(rad.select_one(".rp-behandling"))
    assert celle.startswith("Vedtatt i Interkommunalt politisk råd 15.06.21 (sak 12/21).")
    assert "«Tiltaksplanen vedtas slik den foreligger»" in celle
