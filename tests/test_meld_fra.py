"""«Meld fra om feil» on every page: one setting says where reports go, each link names its page."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ONDSINNET, PROSJEKT, bygg, endre, lag_nettsted

from macros import meld_fra
from macros.errors import Datafeil
from macros.load import load_plan
from macros.model import Innstillinger


class _Tolerant(yaml.SafeLoader):
    """Reads mkdocs.yml without constructing its !!python tags."""


_Tolerant.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
KONFIG = yaml.load((PROSJEKT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tolerant)
NY_SAK = f"{KONFIG['repo_url']}/issues/new"


def _skjema(href: str) -> tuple[str, dict[str, str]]:
    """The link's address and its prefilled fields."""
    deler = urlsplit(href)
    felt = parse_qs(deler.query, strict_parsing=True)
    assert all(len(v) == 1 for v in felt.values()), felt
    return f"{deler.scheme}:{'//' + deler.netloc if deler.netloc else ''}{deler.path}", {
        k: v[0] for k, v in felt.items()
    }


def _sider(site: Path) -> dict[str, BeautifulSoup]:
    """Site-relative URL («tiltak/snowball/», «» for the home page) -> the parsed page, for every page but 404."""
    sider = {}
    for html in site.rglob("index.html"):
        url = html.parent.relative_to(site).as_posix()
        sider["" if url == "." else f"{url}/"] = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
    return sider


def test_reports_go_to_github_issues_unless_the_setting_says_otherwise():
    assert meld_fra.mottaker(Innstillinger(), "https://github.com/o/r/") == "https://github.com/o/r/issues/new"
    assert meld_fra.mottaker(Innstillinger(meld_fra="post@example.no"), None) == "mailto:post@example.no"
    skjema = "https://skjema.example.no/feil?sak=regionplan"
    assert meld_fra.mottaker(Innstillinger(meld_fra=skjema), "https://github.com/o/r") == skjema
    adresse, felt = _skjema(meld_fra.lenke(skjema, "https://x.test/a/", "A"))
    assert adresse == "https://skjema.example.no/feil" and felt["sak"] == "regionplan" and felt["title"]


def test_the_link_names_the_page_and_keeps_markup_out_of_the_address():
    href = meld_fra.lenke("mailto:post@example.no", "https://x.test/tiltak/snowball/", ONDSINNET)
    assert not re.search(r"[<>\"' ]", href)
    adresse, felt = _skjema(href)
    assert adresse == "mailto:post@example.no"
    assert felt["subject"] == f"Feil på siden «{ONDSINNET}»"
    assert "https://x.test/tiltak/snowball/" in felt["body"]


def test_a_setting_that_is_no_address_stops_the_load_with_file_line_and_field(datamappe):
    endre(
        datamappe / "innstillinger.yml",
        "status_foreldet_etter_maneder: 12",
        'status_foreldet_etter_maneder: 12\nmeld_fra: "Lillehammer-regionen"',
    )
    linje = (datamappe / "innstillinger.yml").read_text(encoding="utf-8").splitlines().index(
        'meld_fra: "Lillehammer-regionen"'
    ) + 1
    with pytest.raises(Datafeil) as feil:
        load_plan(datamappe)
    assert re.search(
        rf"data/innstillinger\.yml, linje {linje}, felt «meld_fra»: «Lillehammer-regionen» er verken en e-postadresse",
        str(feil.value),
    )


def test_every_page_has_one_report_link_with_its_own_address_and_title(bygget):
    sider = _sider(bygget)
    assert len(sider) > 100
    for url, side in sider.items():
        lenker = side.select("article p.rp-meld-fra a[href]")
        assert len(lenker) == 1, url
        adresse, felt = _skjema(lenker[0]["href"])
        assert adresse == NY_SAK, url
        assert f"Siden: {KONFIG['site_url']}{url}\n" in felt["body"], url
        tittel = side.title.get_text().removesuffix(f" - {KONFIG['site_name']}")
        assert felt["title"] == f"Feil på siden «{tittel}»", url


def test_hostile_markup_in_a_title_stays_text_in_the_report_link(endret):
    side = (endret / "tiltak" / "snowball" / "index.html").read_text(encoding="utf-8")
    (lenke,) = BeautifulSoup(side, "lxml").select("p.rp-meld-fra a")
    assert _skjema(lenke["href"])[1]["title"] == f"Feil på siden «{ONDSINNET}»"
    raa = re.search(r'<p class="rp-meld-fra">.*?</p>', side, re.S).group(0)
    assert "<script" not in raa and "<img" not in raa and raa.count('"') == 4


def test_an_email_address_in_the_setting_changes_every_link(tmp_path):
    mappe = lag_nettsted(tmp_path / "nettsted")
    endre(
        mappe / "data" / "innstillinger.yml",
        "status_foreldet_etter_maneder: 12",
        'status_foreldet_etter_maneder: 12\nmeld_fra: "post@example.no"',
    )
    resultat = bygg(mappe)
    assert resultat.returncode == 0, resultat.stderr
    for url, side in _sider(mappe / "site").items():
        adresse, felt = _skjema(side.select_one("p.rp-meld-fra a")["href"])
        assert adresse == "mailto:post@example.no", url
        assert f"Siden: {KONFIG['site_url']}{url}\n" in felt["body"], url
