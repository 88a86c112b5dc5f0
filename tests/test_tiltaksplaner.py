"""Several plan years: a 2022 tiltaksplan added as data only loads, reconciles per year and shows on the pages."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import delt_bygg, ekte_plan, endre

from macros import validate
from macros.endringer import sammenlign
from macros.endringstekst import setning
from macros.errors import Datafeil
from macros.load import load_plan
from macros.views import PageAddress, antall_per_status, postside

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
  partnere: [{aktor: "lillywood", sikkerhet: "trolig"}]
  partnere_tekst: "Trolig Lillywood"
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


@pytest.fixture(scope="session")
def bygget_2022(tmp_path_factory) -> Path:
    """The site with the fixture's 2022 plan added as data only, built once per run; returns site/."""
    mappe, resultat = delt_bygg(tmp_path_factory, "tiltaksplan-2022", lambda m: legg_til_2022(m / "data"))
    assert resultat.returncode == 0, resultat.stderr[-3000:]
    return mappe / "site"


def les(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


def tekst(element) -> str:
    return " ".join(element.get_text().split())


def lenker(element) -> list[str]:
    return [a["href"] for a in element.find_all("a", href=True)]


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


def test_the_measure_page_shows_each_plan_year(bygget_2022):
    side = les(bygget_2022, "tiltak/snowball")
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

    from macros.legacy_format import oppgrader

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


def test_a_measure_new_in_2022_gets_its_page_from_data_alone(bygget_2022):
    side = les(bygget_2022, "tiltak/reiselivsdata")
    assert tekst(side.find("h1")) == "Reiselivsdata"
    ingress = side.select_one("p.rp-ingress")
    assert tekst(ingress).startswith("Tiltak i tiltaksplanen for 2022, under virkemiddelet")
    assert "../../virkemidler/klynger-og-nettverk/" in lenker(ingress)
    # Its plan is a proposal, and the page says so.
    assert "er et forslag til behandling i Interkommunalt politisk råd" in tekst(ingress)
    fakta = {dt.get_text(): tekst(dt.find_next("dd")) for dt in side.select("dl.rp-fakta")[0].find_all("dt")}
    assert list(fakta) == [
        "Status",
        "Midler i 2022",
        "Midler 2023-2025",
        "Rolle regionen",
        "Tiltakseier",
        "Hovedsamarbeidspartner(e)",
    ]
    assert fakta["Status"].startswith("ikke rapportert")
    assert fakta["Midler i 2022"] == "150 000,-"
    assert fakta["Midler 2023-2025"] == "(ikke oppgitt)"
    assert fakta["Tiltakseier"] == "Visit Lillehammer (kilden: «Visit Lillehammer»)"
    assert fakta["Hovedsamarbeidspartner(e)"] == "trolig Lillywood (kilden: «Trolig Lillywood»)"
    belop = {td["data-ar"]: tekst(td) for td in side.select("#belop-per-ar ~ div td[data-ar]")}
    assert belop == {"2022": "150 000 kr", "2023": "ikke oppgitt", "2024": "ikke oppgitt", "2025": "ikke oppgitt"}
    assert tekst(side.find("h2", id="tiltaksplanene").find_next("p")).startswith("Tiltaksplan 2022: midler")
    # Its Kilde block names the 2022 document and not the 2021 plan, and «Rediger» opens the file it is in.
    kilde = tekst(side.select_one("aside.rp-kilde"))
    assert "Tiltaksplan 2022 (testdata)" in kilde and "Tiltaksplan knyttet til" not in kilde
    assert "Rediger data/tiltaksplanposter.yml" in kilde
    # It sits where the other measures sit: the Tiltak tab, under its instrument, with its own description.
    assert [tekst(li) for li in side.select("nav.md-path li")] == [
        "Hjem",
        "Tiltak",
        "Klynger og nettverk",
        "Reiselivsdata",
    ]
    beskrivelse = side.select_one('meta[name="description"]')["content"]
    assert beskrivelse.startswith("Tiltaket Reiselivsdata under virkemiddelet Klynger og nettverk, først i Tiltaksplan")


def test_the_new_measure_stands_on_its_instrument_actor_and_role_pages(bygget_2022):
    virkemiddel = les(bygget_2022, "virkemidler/klynger-og-nettverk")
    assert tekst(virkemiddel.find("h2", id="tiltak")) == "Tiltak i Tiltaksplan 2021 (forslag)"
    del_2022 = virkemiddel.find("h2", id="tiltak-tiltaksplan-2022")
    assert tekst(del_2022) == "Tiltak i Tiltaksplan 2022 (forslag)"
    kildetabell, midler = del_2022.find_next("table"), del_2022.find_next("h3").find_next("table")
    assert [tekst(th) for th in kildetabell.select("thead th")][:3] == ["Tiltak", "Midler i 2022", "Midler 2023-2025"]
    assert lenker(kildetabell.tbody) == ["../../tiltak/snowball/", "../../tiltak/reiselivsdata/"]
    assert [th.get_text() for th in midler.select("thead th")][1:5] == ["2022", "2023", "2024", "2025"]
    assert midler.select_one('tfoot td[data-ar="2022"]')["data-sum"] == "400000"
    # The 2021 table under the instrument is the 2021 plan's, as before.
    tabell_2021 = virkemiddel.find("h2", id="tiltak").find_next("table")
    assert "../../tiltak/reiselivsdata/" not in lenker(tabell_2021)

    aktor = les(bygget_2022, "aktorer/visit-lillehammer")
    eier_2022 = aktor.find("h3", id="eier-tiltaksplan-2022")
    assert tekst(eier_2022) == "Tiltaksplan 2022 (forslag)"
    assert lenker(eier_2022.find_next("table").tbody)[0] == "../../tiltak/reiselivsdata/"
    assert lenker(aktor.find("h3", id="eier-tiltaksplan-2021").find_next("table").tbody)[0] == "../../tiltak/snowball/"
    # Snowball's owner in 2022 is LRV: Visit Lillehammer is its partner that year, not its owner.
    assert "../../tiltak/snowball/" in lenker(aktor.find("h3", id="partner-tiltaksplan-2022").find_next("table"))
    lillywood = les(bygget_2022, "aktorer/lillywood")
    trolig = lillywood.find("h3", id="trolig-partner-tiltaksplan-2022")
    assert trolig is not None and "Reiselivsdata: kilden skriver «Trolig Lillywood»" in tekst(trolig.find_next("ul"))
    assert lillywood.find("h3", id="trolig-partner-tiltaksplan-2021") is None
    register = les(bygget_2022, "aktorer")
    assert "Lillywood – 1 tiltak, og trolig partner i 1 tiltak til" in tekst(
        register.select_one('a[href="lillywood/"]').parent
    )

    veiviser, brobygger = les(bygget_2022, "roller/veiviser"), les(bygget_2022, "roller/brobygger")
    assert lenker(veiviser.find("h3", id="tiltak-tiltaksplan-2022").find_next("table").tbody)[0] == (
        "../../tiltak/reiselivsdata/"
    )
    # Snowball moved from veiviser (2021) to brobygger (2022): each role page says so per year.
    assert "../../tiltak/snowball/" in lenker(veiviser.find("h3", id="tiltak-tiltaksplan-2021").find_next("table"))
    assert "../../tiltak/snowball/" not in lenker(veiviser.find("h3", id="tiltak-tiltaksplan-2022").find_next("table"))
    assert "../../tiltak/snowball/" in lenker(brobygger.find("h3", id="tiltak-tiltaksplan-2022").find_next("table"))


def test_the_overview_and_economy_pages_show_each_plan_year(bygget_2022, bygget):
    oversikt = les(bygget_2022, "tiltak")
    del_2022 = oversikt.find("h2", id="tiltaksplan-2022")
    assert tekst(del_2022) == "Tiltaksplan 2022 (forslag)"
    assert "er et forslag til behandling" in tekst(del_2022.find_next("p"))
    seksjon = del_2022.find_parent("section")
    assert "reiselivsdata/" in lenker(seksjon) and "snowball/" in lenker(seksjon)
    summer = {td["data-ar"]: td["data-sum"] for td in seksjon.select("td[data-total]")}
    assert summer == {"2022": "400000", "2023": "200000", "2024": "200000", "2025": "200000"}
    assert "Alle (26)" in tekst(oversikt.select_one('label[for="status-alle"]'))
    # The 2021 plan's overview is what it was on the real site.
    for ar in ("2021", "2022", "2023", "2024"):
        assert (
            oversikt.select_one(f'#totalt ~ div td[data-ar="{ar}"]')["data-sum"]
            == les(bygget, "tiltak").select_one(f'#totalt ~ div td[data-ar="{ar}"]')["data-sum"]
        )

    okonomi = les(bygget_2022, "okonomi/tiltak")
    for tabell in ("tiltak-per-ar", "per-virkemiddel", "per-tiltakseier", "per-rolle", "usikre-belop", "tiltak"):
        assert tekst(okonomi.find("h3", id=f"{tabell}-tiltaksplan-2021")) == "Tiltaksplan 2021 (forslag)", tabell
        assert tekst(okonomi.find("h3", id=f"{tabell}-tiltaksplan-2022")) == "Tiltaksplan 2022 (forslag)", tabell
        assert okonomi.find(id=f"graf-{tabell}-2022") is not None, tabell
        # Every 2021 table keeps its id and its figures.
        verdier = [td["data-verdi"] for td in okonomi.select(f"#graf-{tabell} td")]
        assert verdier == [td["data-verdi"] for td in les(bygget, "okonomi/tiltak").select(f"#graf-{tabell} td")]
    rader = {
        tr.th.get_text(): [td["data-verdi"] for td in tr.find_all("td")]
        for tr in okonomi.select("#graf-per-virkemiddel-2022 tbody tr")
    }
    assert rader["Klynger og nettverk"] == ["2", "400000", "200000", "200000", "200000", "600000"]
    csv_2022 = (bygget_2022 / "nedlasting" / "per-virkemiddel-2022.csv").read_text(encoding="utf-8")
    kolonner = next(csv.reader(io.StringIO(csv_2022), delimiter=";"))
    assert kolonner[2].startswith("2022 (beregnet") and kolonner[-1].startswith("Sum 2023–2025 (beregnet")
    usikre = {tr.th.get_text(): tekst(tr) for tr in okonomi.select("#graf-usikre-belop-2022 tbody tr")}
    assert "Planen har ingen celle for tiltaket i denne kolonnen." in usikre["Reiselivsdata"]

    ramme = les(bygget_2022, "okonomi").select("#graf-ramme-2022 tbody tr")
    assert [[td["data-verdi"] for td in tr.find_all("td")][0] for tr in ramme] == ["1000000", "400000", "600000"]


def test_with_one_plan_the_pages_name_no_plan_year(bygget):
    """The real data has only the 2021 plan: no page splits its tables by plan, as before later plans existed."""
    assert tekst(les(bygget, "virkemidler/klynger-og-nettverk").find("h2", id="tiltak")) == "Tiltak"
    assert les(bygget, "okonomi/tiltak").find("h3", id="per-virkemiddel-tiltaksplan-2021") is None
    assert les(bygget, "aktorer/visit-lillehammer").find("h3", id="eier-tiltaksplan-2021") is None
    assert les(bygget, "roller/veiviser").find("h3", id="tiltak-tiltaksplan-2021") is None
    assert tekst(les(bygget, "tiltak").find("h2", id="totalt")) == "Sum for alle tiltak"


STATUS = '  status: {status: "pagar", vurdert: "2022-03-01", rapportert_av: "LRV", vedtak: "handlingsplan-2021-2025"}\n'


def test_a_new_measure_can_have_a_status_and_a_continuing_entry_cannot(datamappe):
    legg_til_2022(datamappe)
    poster = datamappe / "tiltaksplanposter.yml"
    endre(poster, '  partnere_tekst: "Trolig Lillywood"\n', '  partnere_tekst: "Trolig Lillywood"\n' + STATUS)
    plan = load_plan(datamappe)
    assert plan.alle_tiltak["reiselivsdata"].status.status == "pagar"
    assert antall_per_status(plan)["pagar"] == ("pågår", 1)
    assert [t.id for t in plan.tiltak_med_vedtak("handlingsplan-2021-2025")] == ["reiselivsdata"]
    html = BeautifulSoup(postside(plan, "tiltak", "reiselivsdata", PageAddress("tiltak/reiselivsdata/")), "lxml")
    status = html.select_one(".rp-status")
    assert status["data-status"] == "pagar" and status.find("a")["href"] == "../../vedtak/handlingsplan-2021-2025/"
    vedtak = BeautifulSoup(
        postside(plan, "vedtak", "handlingsplan-2021-2025", PageAddress("vedtak/handlingsplan-2021-2025/")), "lxml"
    )
    assert "../../tiltak/reiselivsdata/" in lenker(vedtak.find("h2", id="hva-vedtaket-gjaldt").find_next("ul"))
    # `make check` warns about an old status wherever it stands, with file and line.
    [advarsel] = validate.foreldede_statuser(plan, date(2024, 1, 1), datamappe)
    assert (advarsel.fil, advarsel.post, advarsel.felt) == (
        "data/tiltaksplanposter.yml",
        "2022-reiselivsdata",
        "status.vurdert",
    )
    assert poster.read_text(encoding="utf-8").splitlines()[advarsel.linje - 1].startswith("  status:")

    endre(poster, '  partnere_tekst: "Visit Lillehammer"\n', '  partnere_tekst: "Visit Lillehammer"\n' + STATUS)
    with pytest.raises(Datafeil) as feil:
        load_plan(datamappe)
    assert "statusen til et tiltak som står i data/tiltak.yml, skrives der" in str(feil.value)


def test_a_measure_twice_in_one_plan_is_named(datamappe):
    legg_til_2022(datamappe)
    poster = datamappe / "tiltaksplanposter.yml"
    erstatt(
        poster,
        '  tiltak: "reiselivsdata"\n  navn: "Reiselivsdata"\n  virkemiddel: "klynger-og-nettverk"\n',
        '  tiltak: "snowball"\n',
    )
    with pytest.raises(Datafeil) as feil:
        load_plan(datamappe)
    assert "tiltaket «snowball» står allerede i samme plan, i innslaget «2022-snowball»" in str(feil.value)


PLAN_2023 = """
- id: "tiltaksplan-2023"
  navn: "Tiltaksplan 2023"
  ar: 2023
  kilde: "tiltaksplan-2022"
  kolonner:
    - {id: "midler-2023", navn: "Midler i 2023", ar: [2023]}
"""


def test_a_measure_is_new_in_one_plan_only(datamappe):
    legg_til_2022(datamappe)
    planer = datamappe / "tiltaksplaner.yml"
    planer.write_text(planer.read_text(encoding="utf-8") + PLAN_2023, encoding="utf-8")
    poster = datamappe / "tiltaksplanposter.yml"
    tekst_2022 = poster.read_text(encoding="utf-8")
    ny = tekst_2022[tekst_2022.index('- id: "2022-reiselivsdata"') :]
    ny = ny.replace('"2022-reiselivsdata"', '"2023-reiselivsdata"').replace('"tiltaksplan-2022"', '"tiltaksplan-2023"')
    poster.write_text(
        tekst_2022
        + "\n"
        + ny.replace(
            'midler-2022: {tekst: "150 000,-", kr: {2022: 150000}}', 'midler-2023: {tekst: "0,-", kr: {2023: 0}}'
        ),
        encoding="utf-8",
    )
    with pytest.raises(Datafeil) as feil:
        load_plan(datamappe)
    [melding] = [f for f in feil.value.feil if f.post == "2023-reiselivsdata"]
    assert "er allerede nytt i innslaget «2022-reiselivsdata»" in melding.melding and melding.felt == "navn"


def test_two_plans_for_one_year_are_refused(datamappe):
    legg_til_2022(datamappe)
    erstatt(datamappe / "tiltaksplaner.yml", "  ar: 2022\n", "  ar: 2021\n")
    with pytest.raises(Datafeil) as feil:
        load_plan(datamappe)
    assert "året 2021 har allerede en tiltaksplan («tiltaksplan-2021»)" in str(feil.value)


HENDELSE_2022 = """
- id: "reiselivsdata-foreslatt"
  tid: "2022"
  tid_tekst: "2022"
  tittel: "Tiltaksplanen for 2022 foreslår Reiselivsdata (testdata)"
  tekst: "Testdata."
  tema: ["reiseliv-og-arrangement"]
  kilder:
    - kilde: "tiltaksplan-2022"
      seksjon: "Vurdering"
  tiltak: ["reiselivsdata"]
"""


def test_an_event_may_concern_a_measure_new_in_a_later_plan(datamappe):
    legg_til_2022(datamappe)
    hendelser = datamappe / "hendelser.yml"
    hendelser.write_text(hendelser.read_text(encoding="utf-8") + HENDELSE_2022, encoding="utf-8")
    plan = load_plan(datamappe)
    html = BeautifulSoup(postside(plan, "tiltak", "reiselivsdata", PageAddress("tiltak/reiselivsdata/")), "lxml")
    assert "Tiltaksplanen for 2022 foreslår Reiselivsdata" in tekst(html.find("h2", id="historikk").find_next("ol"))
    # A misspelt id is still refused, and the suggestion knows the new measure.
    erstatt(hendelser, 'tiltak: ["reiselivsdata"]', 'tiltak: ["reiselivsdta"]')
    with pytest.raises(Datafeil) as feil:
        load_plan(datamappe)
    assert "ukjent tiltak «reiselivsdta»" in str(feil.value) and "Mente du «reiselivsdata»?" in str(feil.value)
