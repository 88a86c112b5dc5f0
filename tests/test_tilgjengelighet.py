"""WCAG 2.1 A and AA: axe-core finds nothing on any page of the site, in Chromium.

Every page: the list of published addresses (tests/fixtures/publiserte_adresser.txt), which
tests/test_adresser.py holds equal to the pages the build makes.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from test_adresser import publiserte

pytestmark = pytest.mark.browser

WCAG_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}


def alle_sider() -> list[str]:
    return [a.lstrip("/") for a in publiserte() if a.endswith("/")]


@pytest.fixture
def axe_fane(nettleser):
    # axe is injected as an inline script, which the site's Content-Security-Policy rightly blocks;
    # the policy itself is tested in tests/test_csp.py.
    kontekst = nettleser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    yield kontekst.new_page()
    kontekst.close()


def test_every_page_is_checked():
    assert len(alle_sider()) > 120 and "" in alle_sider() and "tiltak/snowball/" in alle_sider()


@pytest.mark.fra_data(sti=lambda _: alle_sider())
def test_no_accessibility_violations(axe_fane, nettadresse, sti):
    axe_fane.goto(f"{nettadresse}{sti}")
    resultat = Axe().run(axe_fane, options=WCAG_AA)
    brudd = resultat.response["violations"]
    assert not brudd, resultat.generate_report()
