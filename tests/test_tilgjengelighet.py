"""WCAG 2.1 A and AA: axe-core finds nothing on a page of every kind, in Chromium."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser

WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


@pytest.mark.parametrize(
    "sti",
    [
        "",
        "tiltak/",
        "tiltak/digital-lab-innlandet/",
        "virkemidler/klynger-og-nettverk/",
        "aktorer/lrv/",
        "roller/veiviser/",
        "dokumenter/",
        "vedtak/",
        "vedtak/handlingsplan-2021-2025/",
        "historikk/tidslinje/",
        "historikk/snowball/",
        "handlingsplan/okonomi/",
        "ordliste/",
        "naeringsplan-2014/fakta/",
        "samarbeidsstrategi/handlingsplan-2019-2022/",
        "okonomi/",
        "okonomi/tiltak/",
        "okonomi/befolkning/",
        "datasett/",
        "hele-planen/",
    ],
)
def test_no_accessibility_violations(fane, nettadresse, sti):
    fane.goto(f"{nettadresse}{sti}")
    resultat = Axe().run(fane, options=WCAG_AA)
    brudd = resultat.response["violations"]
    assert not brudd, resultat.generate_report()
