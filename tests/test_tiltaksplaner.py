"""Several plan years: a 2022 tiltaksplan added as data only loads, reconciles per year and shows on the pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import bygg, ekte_plan

from macros.endringer import sammenlign
from macros.endringstekst import setning
from macros.feil import Datafeil
from macros.load import load_plan

KILDE_2022 = """
- id: "tiltaksplan-2022"
  tittel: "Tiltaksplan 2022 (testdata)"
  kortnavn: "tiltaksplanen for 2022"
  type: "Saksfremlegg"
  dato: "2022"
  dato_tekst: "2022"
  behandling:
    status: "forslag"
    organ: "Interkommunalt politisk råd"
    sitater:
      - "Dette dokumentet legger fram forslag til tiltaksplan for diskusjon i Interkommunalt politisk råd."
  filer: ["001_feb6430070bfa785.txt"]
"""

PLAN_2022 = """
- id: "tiltaksplan-2022"
  navn: "Tiltaksplan 2022"
  ar: 2022
  kilde: "tiltaksplan-2022"
  kolonner:
    - {id: "midler-2022", navn: "Midler i 2022", ar: [2022]}
    - {id: "midler-2023-2025", navn: "Midler 2023-2025", ar: [2023, 2024, 2025]}
  ramme: {kr: 1000000, tekst: "1 million", kilde: "tiltaksplan-2022", seksjon: "Saksutredning"}
  oppgitt_sum: {kr: 400000, tekst: "400 000 kroner", kilde: "tiltaksplan-2022", seksjon: "Vurdering"}
"""

POSTER_2022 = """
- id: "2022-snowball"
  plan: "tiltaksplan-2022"
  tiltak: "snowball"
  midler:
    midler-2022: {tekst: "250 000,-", kr: {2022: 250000}}
    midler-2023-2025: {tekst: "200 000,- per år", kr: {2023: 200000, 2024: 200000, 2025: 200000}}
  roller: ["brobygger"]
  rolle_tekst: "Brobygger"
  tiltakseiere: ["lrv"]
  tiltakseier_tekst: "LRV"
  partnere: ["visit-lillehammer"]
  partnere_tekst: "Visit Lillehammer"

- id: "2022-reiselivsdata"
  plan: "tiltaksplan-2022"
  tiltak: "reiselivsdata"
  navn: "Reiselivsdata"
  virkemiddel: "klynger-og-nettverk"
  midler:
    midler-2022: {tekst: "150 000,-", kr: {2022: 150000}}
  roller: ["veiviser"]
  rolle_tekst: "Veiviser"
  tiltakseiere: ["visit-lillehammer"]
  tiltakseier_tekst: "Visit Lillehammer"
"""


def legg_til_2022(data: Path) -> None:
    """Add the fixture's 2022 plan to a copy of data/: its document, the plan, and its two measures."""
    for fil, tekst in (("kilder.yml", KILDE_2022), ("tiltaksplaner.yml", PLAN_2022)):
        sti = data / fil
        sti.write_text(sti.read_text(encoding="utf-8") + tekst, encoding="utf-8")
    sti = data / "tiltaksplanposter.yml"
    tekst = sti.read_text(encoding="utf-8")
    assert tekst.rstrip().endswith("[]")
    sti.write_text(tekst.rstrip()[:-2] + POSTER_2022, encoding="utf-8")


def erstatt(fil: Path, gammel: str, ny: str) -> None:
    tekst = fil.read_text(encoding="utf-8")
    assert gammel in tekst
    fil.write_text(tekst.replace(gammel, ny, 1), encoding="utf-8")


def test_a_second_plan_year_loads_from_data_alone(datamappe):
    legg_til_2022(datamappe)
    plan = load_plan(datamappe)
    assert [(p.id, p.ar) for p in plan.tiltaksplaner.values()] == [
        ("tiltaksplan-2021", 2021),
        ("tiltaksplan-2022", 2022),
    ]
    assert [p.id for p in plan.poster_for_tiltak("snowball")] == ["2022-snowball"]
    assert plan.tiltaksplanposter["2022-snowball"].kr_for(2025) == 200000
    # The 2021 plan stays as it was: the same measures and the same reconciled total.
    assert plan.tiltak == ekte_plan().tiltak
    assert plan.tiltaksplaner["tiltaksplan-2021"] == ekte_plan().tiltaksplaner["tiltaksplan-2021"]


def test_a_wrong_2022_total_stops_the_load_and_names_the_2022_plan(datamappe):
    legg_til_2022(datamappe)
    erstatt(datamappe / "tiltaksplanposter.yml", "kr: {2022: 250000}", "kr: {2022: 200000}")
    with pytest.raises(Datafeil) as feil:
        load_plan(datamappe)
    meldinger = [str(f) for f in feil.value.feil]
    assert len(meldinger) == 1, meldinger  # 2021 still reconciles
    assert "post «tiltaksplan-2022», felt «oppgitt_sum.kr»" in meldinger[0]
    assert "summen av midler i 2022 for tiltakene i Tiltaksplan 2022" in meldinger[0]
    assert "350\u202f000\u00a0kr, men kilden oppgir 400\u202f000\u00a0kr («400 000 kroner»)" in meldinger[0]


def test_a_2022_sum_over_its_own_frame_stops_the_load(datamappe):
    legg_til_2022(datamappe)
    erstatt(
        datamappe / "tiltaksplaner.yml",
        'ramme: {kr: 1000000, tekst: "1 million"',
        'ramme: {kr: 300000, tekst: "300 000"',
    )
    with pytest.raises(Datafeil) as feil:
        load_plan(datamappe)
    meldinger = [str(f) for f in feil.value.feil]
    assert len(meldinger) == 1 and "post «tiltaksplan-2022», felt «ramme.kr»" in meldinger[0]
    assert "mer enn rammen på 300\u202f000\u00a0kr" in meldinger[0]


def test_a_wrong_2021_total_is_reported_for_2021_only(datamappe):
    legg_til_2022(datamappe)
    erstatt(datamappe / "tiltak.yml", "kr: {2021: 75000}", "kr: {2021: 25000}")
    with pytest.raises(Datafeil) as feil:
        load_plan(datamappe)
    meldinger = [str(f) for f in feil.value.feil]
    assert len(meldinger) == 1 and "post «tiltaksplan-2021»" in meldinger[0]
    assert "i data/tiltak.yml (Tiltaksplan 2021)" in meldinger[0]


@pytest.mark.parametrize(
    ("gammel", "ny", "forventet"),
    [
        ('tiltak: "snowball"', 'tiltak: "snowbal"', "ukjent tiltak «snowbal»"),
        (
            '  tiltak: "snowball"\n',
            '  tiltak: "snowball"\n  navn: "Snowball"\n  virkemiddel: "klynger-og-nettverk"\n',
            "tiltaket «snowball» står allerede i data/tiltak.yml",
        ),
        ('midler-2022: {tekst: "250', 'midler-2030: {tekst: "250', "Tiltaksplan 2022 har ingen kolonne «midler-2030»"),
        ("kr: {2022: 250000}", "kr: {2023: 250000}", "året 2023 hører ikke til kolonnen «Midler i 2022»"),
        (
            'plan: "tiltaksplan-2022"\n  tiltak: "snowball"',
            'plan: "tiltaksplan-2021"\n  tiltak: "snowball"',
            "tiltakene i Tiltaksplan 2021 står i data/tiltak.yml",
        ),
    ],
)
def test_a_bad_plan_entry_is_named(datamappe, gammel, ny, forventet):
    legg_til_2022(datamappe)
    erstatt(datamappe / "tiltaksplanposter.yml", gammel, ny)
    with pytest.raises(Datafeil) as feil:
        load_plan(datamappe)
    melding = str(feil.value)
    assert "data/tiltaksplanposter.yml, linje " in melding and forventet in melding


def test_the_change_summary_words_a_new_plan_year_naturally(datamappe):
    legg_til_2022(datamappe)
    ny = load_plan(datamappe)
    gammel = ekte_plan()
    setninger = [setning(e, gammel, ny) for e in sammenlign(gammel, ny) if e.type.startswith("tiltaksplan")]
    assert setninger == [
        "Ny tiltaksplan: Tiltaksplan 2022",
        "Snowball er med i Tiltaksplan 2022, eier LRV",
        "Nytt tiltak i Tiltaksplan 2022: Reiselivsdata under Klynger og nettverk, eier Visit Lillehammer",
    ]
    endret = load_plan(datamappe)
    erstatt(datamappe / "tiltaksplanposter.yml", 'rolle_tekst: "Brobygger"', 'rolle_tekst: "Brobygger og veiviser"')
    etter = load_plan(datamappe)
    assert [setning(e, endret, etter) for e in sammenlign(endret, etter)] == [
        "Snowball i Tiltaksplan 2022: rolletekst endret fra «Brobygger» til «Brobygger og veiviser»"
    ]
    uten = endret.med(tiltaksplanpost={"2022-reiselivsdata": endret.tiltaksplanposter["2022-reiselivsdata"]})
    assert [setning(e, endret, uten) for e in sammenlign(endret, uten)] == [
        "Fjernet tiltak i en tiltaksplan: Snowball i Tiltaksplan 2022"
    ]


def test_the_measure_page_shows_each_plan_year(nettsted):
    legg_til_2022(nettsted / "data")
    resultat = bygg(nettsted)
    assert resultat.returncode == 0, resultat.stderr[-3000:]
    side = BeautifulSoup((nettsted / "site/tiltak/snowball/index.html").read_text(encoding="utf-8"), "lxml")
    seksjon = side.find("h2", id="tiltaksplanene")
    assert seksjon is not None
    assert seksjon.find_next("p").get_text() == (
        "Tiltaksplan 2021: midler, rolle, tiltakseier og hovedsamarbeidspartnere som vist over."
    )
    h3 = side.find("h3", id="tiltaksplan-2022")
    assert h3 is not None and h3.get_text() == "Tiltaksplan 2022"
    fakta = h3.find_next("dl")
    par = {dt.get_text(): " ".join(dt.find_next("dd").get_text().split()) for dt in fakta.find_all("dt")}
    assert par["Midler i 2022"] == "250 000,-"
    assert par["Midler 2023-2025"] == "200 000,- per år"
    assert par["Rolle regionen"].startswith("Brobygger") and "(kilden: «Brobygger»)" in par["Rolle regionen"]
    assert par["Tiltakseier"].startswith("Lillehammer-regionen Vekst")
    assert par["Hovedsamarbeidspartner(e)"].startswith("Visit Lillehammer")
    # The 2022 document is a proposal, and the page says so.
    assert "forslag" in h3.find_next("p").get_text()
    # The 2021 facts above are unchanged: still the 2021 owner and role.
    fakta_2021 = {
        dt.get_text(): " ".join(dt.find_next("dd").get_text().split())
        for dt in side.select("dl.rp-fakta")[0].find_all("dt")
    }
    assert fakta_2021["Tiltakseier"].startswith("Visit Lillehammer")
    assert fakta_2021["Rolle regionen"].startswith("Veiviser")
    # The Kilde block names the 2022 document too.
    assert "Tiltaksplan 2022 (testdata)" in side.get_text()


def test_data_from_before_the_plan_years_reads_as_today(datamappe):
    """A revision with the 2021 figures under okonomi.yml's `tiltaksplan_2021` loads as the same plan."""
    import yaml

    from macros.eldre_format import oppgrader

    plan_2021 = yaml.safe_load((datamappe / "tiltaksplaner.yml").read_text(encoding="utf-8"))[0]
    okonomi = (datamappe / "okonomi.yml").read_text(encoding="utf-8")
    gammel = {"tiltaksplan_2021": {"ramme": plan_2021["ramme"], "oppgitt_sum": plan_2021["oppgitt_sum"]}}
    (datamappe / "okonomi.yml").write_text(yaml.safe_dump(gammel, allow_unicode=True) + okonomi, encoding="utf-8")
    (datamappe / "tiltaksplaner.yml").unlink()
    (datamappe / "tiltaksplanposter.yml").unlink()
    with pytest.raises(Datafeil):
        load_plan(datamappe)
    oppgrader(datamappe)
    assert load_plan(datamappe) == ekte_plan()
    # Today's format is left as it is.
    for_ = {f.name: f.read_bytes() for f in datamappe.glob("*.yml")}
    oppgrader(datamappe)
    assert {f.name: f.read_bytes() for f in datamappe.glob("*.yml")} == for_
