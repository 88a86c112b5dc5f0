"""Decisions (vedtak) as records, and a measure's status only when someone reported it.

The sources report no status, so every 2021 measure says «ikke rapportert». A status that cites a
decision shows on the measure's page with a link to the decision, and on the decision's page; an
unknown decision stops the load; `make check` warns, without failing, when a status is old.
"""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import PROSJEKT, SEEDS, bygg, endre, lag_nettsted

from macros import validate
from macros.errors import Datafeil
from macros.load import load_plan
from macros.views import PageAddress, antall_per_status, behandling, postside

SNOWBALL = '  partnere_tekst: "Eiere av Snowball"\n'


def med_status(tiltak_yml: Path, vurdert: str, vedtak: str | None = "handlingsplan-2021-2025") -> None:
    """Give Snowball a reported status «pågår», optionally citing a decision."""
    linjer = f'  status:\n    status: "pagar"\n    vurdert: "{vurdert}"\n    rapportert_av: "Visit Lillehammer"\n'
    if vedtak:
        linjer += f'    vedtak: "{vedtak}"\n'
    endre(tiltak_yml, SNOWBALL, SNOWBALL + linjer)


def les(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


def normaliser(tekst: str) -> str:
    return " ".join(tekst.split())


def test_the_sources_report_no_status(plan):
    assert plan.tiltak and all(t.status is None for t in plan.tiltak.values())
    assert antall_per_status(plan)["ikke-rapportert"] == ("ikke rapportert", len(plan.tiltak))


def test_every_2021_measure_page_says_ikke_rapportert(bygget, plan):
    for tiltak_id in plan.tiltak:
        status = les(bygget, f"tiltak/{tiltak_id}").select_one(".rp-status")
        assert status is not None, tiltak_id
        assert status["data-status"] == "ikke-rapportert"
        assert "ikke rapportert" in status.get_text()
    oversikt = les(bygget, "tiltak")
    rader = oversikt.select("tr[data-status]")
    assert len(rader) == len(plan.tiltak)
    assert {r["data-status"] for r in rader} == {"ikke-rapportert"}
    assert oversikt.select_one("input#status-ikke-rapportert") is not None


def test_the_decisions_are_those_the_sources_name_with_dates(plan):
    assert {(v.id, v.organ, v.motedato) for v in plan.vedtak.values()} == {
        ("handlingsplan-2021-2025", "Interkommunalt politisk råd", "2020-12-04"),
        ("samarbeidsstrategi-2019", "kommunestyrene i Gausdal, Lillehammer og Øyer", "2019-03-28"),
    }
    assert plan.kilder["handlingsplan-2021-2025"].behandling.vedtak == "handlingsplan-2021-2025"
    assert plan.kilder["samarbeidsstrategi-2019"].behandling.vedtak == "samarbeidsstrategi-2019"


@pytest.mark.fra_data(vedtak_id=lambda plan: list(plan.vedtak))
def test_a_decision_quotes_its_source_word_for_word(vedtak_id, plan):
    vedtak = plan.vedtak[vedtak_id]
    assert vedtak.tekstart == "omtale"
    kildetekst = " ".join(
        normaliser((SEEDS / f).read_text(encoding="utf-8")) for f in plan.kilder[vedtak.kilde.kilde].filer
    )
    assert normaliser(vedtak.tekst) in kildetekst
    assert vedtak.motedato_tekst in vedtak.tekst
    html = BeautifulSoup(postside(plan, "vedtak", vedtak_id, PageAddress(f"vedtak/{vedtak_id}/")), "lxml")
    assert normaliser(html.select_one("blockquote").get_text()) == normaliser(vedtak.tekst)
    # The page lists the document whose handling cites the decision.
    assert html.select_one(f'li .rp-behandling[data-kilde="{vedtak.kilde.kilde}"]') is not None


def test_the_handling_sentence_links_to_its_decision(plan):
    for kilde_id, har_vedtak in (("handlingsplan-2021-2025", True), ("tiltaksplan-2021", False)):
        html = BeautifulSoup(behandling(plan, PageAddress("dokumenter/"), kilde_id), "lxml")
        lenker = [a["href"] for a in html.find_all("a") if "vedtak/" in a["href"]]
        assert lenker == (["../vedtak/handlingsplan-2021-2025/"] if har_vedtak else [])


def test_a_status_with_a_decision_shows_on_the_measure_and_the_decision(tmp_path, plan):
    mappe = lag_nettsted(tmp_path / "nettsted")
    med_status(mappe / "data" / "tiltak.yml", "2026-01-15")
    resultat = bygg(mappe)
    assert resultat.returncode == 0, resultat.stderr
    site = mappe / "site"
    status = les(site, "tiltak/snowball").select_one(".rp-status")
    assert status["data-status"] == "pagar"
    assert "pågår, vurdert 15.01.2026 og rapportert av Visit Lillehammer" in normaliser(status.get_text())
    assert status.find("a")["href"] == "../../vedtak/handlingsplan-2021-2025/"
    vedtaksside = les(site, "vedtak/handlingsplan-2021-2025")
    gjaldt = vedtaksside.select_one("article.md-content__inner")
    assert gjaldt.select_one('a[href="../../tiltak/snowball/"]') is not None
    assert "Vedtatt i Interkommunalt politisk råd 04.12.20" in gjaldt.select_one("blockquote").get_text()
    # The action plan does not name the decision: a status citing it adds no source to its Kilde block.
    assert "tiltaksplan-2021" not in str(vedtaksside.select_one("aside.rp-kilde"))
    oversikt = les(site, "tiltak")
    assert oversikt.select_one('tr[data-status="pagar"] a[href="snowball/"]') is not None
    assert "Pågår (1)" in oversikt.select_one('label[for="status-pagar"]').get_text()
    assert len(oversikt.select('tr[data-status="ikke-rapportert"]')) == len(plan.tiltak) - 1


@pytest.mark.parametrize(
    ("fil", "gammel", "ny", "felt"),
    [
        ("kilder.yml", 'vedtak: "samarbeidsstrategi-2019"', 'vedtak: "samarbeidsstrategi-2091"', "behandling.vedtak"),
        ("tiltak.yml", None, "handlingsplan-2021-2052", "status.vedtak"),
    ],
)
def test_an_unknown_decision_stops_the_load(datamappe, fil, gammel, ny, felt):
    if gammel is None:
        med_status(datamappe / fil, "2026-01-15", vedtak=ny)
    else:
        endre(datamappe / fil, gammel, ny)
    with pytest.raises(Datafeil) as feil:
        load_plan(datamappe)
    [melding] = [f for f in feil.value.feil if f.felt == felt]
    assert melding.fil == f"data/{fil}" and melding.linje
    assert "ukjent vedtak" in melding.melding and "data/vedtak.yml" in melding.melding


def test_an_unknown_status_stops_the_load(datamappe):
    med_status(datamappe / "tiltak.yml", "2026-01-15", vedtak=None)
    endre(datamappe / "tiltak.yml", 'status: "pagar"', 'status: "ferdig"')
    with pytest.raises(Datafeil, match="ukjent tiltaksstatus «ferdig»"):
        load_plan(datamappe)


@pytest.mark.parametrize(("vurdert", "advares"), [("2025-11-26", True), ("2025-11-27", False), ("2026-09-01", False)])
def test_check_warns_about_an_old_status_and_still_passes(tmp_path, capsys, vurdert, advares):
    prosjekt = tmp_path / "prosjekt"
    for navn in ("data", "docs"):
        shutil.copytree(PROSJEKT / navn, prosjekt / navn)
    med_status(prosjekt / "data" / "tiltak.yml", vurdert)
    assert validate.main(idag=date(2026, 11, 27), prosjekt=prosjekt) == 0
    feil = capsys.readouterr().err
    if advares:
        linje = next(
            i
            for i, t in enumerate((prosjekt / "data" / "tiltak.yml").read_text(encoding="utf-8").splitlines(), 1)
            if "vurdert:" in t and not t.startswith("#")
        )
        assert f"Advarsel: data/tiltak.yml, linje {linje}, post «snowball», felt «status.vurdert»" in feil
        assert "mer enn 12 måneder" in feil
    else:
        assert "Advarsel" not in feil


def test_the_warning_limit_is_read_from_the_settings(datamappe):
    med_status(datamappe / "tiltak.yml", "2026-05-01")
    endre(datamappe / "innstillinger.yml", "status_foreldet_etter_maneder: 12", "status_foreldet_etter_maneder: 6")
    plan = load_plan(datamappe)
    assert [f.post for f in validate.foreldede_statuser(plan, date(2026, 11, 27), datamappe)] == ["snowball"]
    assert validate.foreldede_statuser(plan, date(2026, 10, 31), datamappe) == []


def test_months_back_keeps_the_day_or_takes_the_months_last():
    assert validate._maneder_for(date(2026, 3, 31), 1) == date(2026, 2, 28)
    assert validate._maneder_for(date(2026, 1, 15), 12) == date(2025, 1, 15)
