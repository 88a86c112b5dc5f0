"""The role matrix on «Regionens roller»: rolle × tiltak × tiltakseier, grouped by who owns the measure."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from bs4 import BeautifulSoup
from conftest import PROSJEKT, SEEDS
from test_tilgjengelighet import WCAG_AA

from macros import rollematrise
from macros.load import load_plan

PLAN = load_plan(PROSJEKT / "data")


@pytest.mark.parametrize(
    ("tiltak", "gruppe"),
    [
        ("webside", "lrv"),
        ("cyberland", "lrv-med-andre"),
        ("verdiskapingsperspektivet-i-saksbehandling", "kommunene"),
        ("naeringsarealer-langs-e6", "kommunene"),
        ("snowball", "andre"),
        ("fritidsbolignettverk", "andre"),
    ],
)
def test_each_measure_falls_in_its_owners_group(tiltak, gruppe):
    assert rollematrise.eiergruppe(PLAN, PLAN.tiltak[tiltak]) == gruppe


def test_every_measure_is_in_exactly_one_group():
    grupper = rollematrise.grupper(PLAN)
    ids = [t.id for g in grupper for t in g.tiltak]
    assert sorted(ids) == sorted(PLAN.tiltak)


@pytest.fixture(scope="module")
def roller(bygget) -> BeautifulSoup:
    side = BeautifulSoup((bygget / "roller" / "index.html").read_text(encoding="utf-8"), "lxml")
    return side.select_one("article")


def test_the_matrix_marks_exactly_the_roles_the_source_gives(roller):
    rader = roller.select(".rp-rollematrise tr[data-tiltak]")
    assert [r["data-tiltak"] for r in rader] == [t.id for g in rollematrise.grupper(PLAN) for t in g.tiltak]
    for rad in rader:
        t = PLAN.tiltak[rad["data-tiltak"]]
        for celle in rad.select("td[data-rolle]"):
            tekst = celle.get_text(" ", strip=True)
            if celle["data-rolle"] in t.roller:
                assert tekst.startswith("✓"), (t.id, celle["data-rolle"])
            elif celle["data-rolle"] in t.roller_fra:
                assert tekst == "går bort fra rollen", t.id
            else:
                assert tekst == "", (t.id, celle["data-rolle"])
        eiere = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in rad.select("td[data-label=Tiltakseier] a")}
        assert eiere == set(t.tiltakseiere)


def test_the_counts_are_counted_from_the_measures_and_marked_as_computed(roller):
    tabell = roller.select_one(".rp-rollematrise table")
    assert "(beregnet" in tabell.caption.get_text()
    celler = tabell.select("td[data-rolle][data-gruppe]")
    assert len(celler) == len(PLAN.roller) * len(rollematrise.grupper(PLAN))
    for celle in celler:
        ventet = sum(
            celle["data-rolle"] in t.roller
            for t in PLAN.tiltak.values()
            if rollematrise.eiergruppe(PLAN, t) == celle["data-gruppe"]
        )
        assert int(celle.get_text(strip=True)) == ventet, (celle["data-rolle"], celle["data-gruppe"])
    # Veiviser counted across the groups is every measure with that role.
    veiviser = sum(int(c.get_text(strip=True)) for c in celler if c["data-rolle"] == "veiviser")
    assert veiviser == len(PLAN.tiltak_med_rolle("veiviser"))


def test_the_page_quotes_the_sources_word_for_word(roller):
    kildetekst = " ".join(" ".join(f.read_text(encoding="utf-8").split()) for f in SEEDS.glob("*.txt"))
    innledning = " ".join(p.get_text() for p in roller.select("p") if not p.find_parent(class_="rp-rollematrise"))
    sitater = re.findall(r"«([^»]+)»", " ".join(innledning.split()))
    assert len(sitater) >= 2
    for sitat in sitater:
        assert sitat in kildetekst, sitat


@pytest.mark.browser
@pytest.mark.parametrize("url", ["roller/"])
def test_no_accessibility_violations(fane, nettadresse, url):
    fane.goto(f"{nettadresse}{url}")
    resultat = Axe().run(fane, options=WCAG_AA)
    assert not resultat.response["violations"], resultat.generate_report()
