"""«Hele planen»: the whole current plan on one page, made from the strategy's own pages and the data."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import PROSJEKT, ekte_plan

from macros import hele_planen


class _Tolerant(yaml.SafeLoader):
    """Reads mkdocs.yml without constructing its !!python tags."""


_Tolerant.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)
NAV = yaml.load((PROSJEKT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tolerant)["nav"]


def _les(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


def _tekst(element) -> str:
    return " ".join(element.get_text(" ").split())


@pytest.fixture(scope="module")
def helside(bygget) -> BeautifulSoup:
    return _les(bygget, "hele-planen")


def test_a_moved_page_keeps_its_text_with_its_own_ids_links_that_work_here_and_no_kilde_block():
    html = (
        '<h1 id="forankring">Forankring<a class="headerlink" href="#forankring" title="Lenke">¶</a></h1>\n'
        '<p>Se <a href="../okonomi/">Økonomi</a>, <a href="../okonomi/#fordeling">fordelingen</a>, '
        '<a href="../../aktorer/ipr/">IPR</a>, <a href="https://x.test/?a=1&amp;b=2">x</a> &amp; '
        '<a href="#fn:1">1</a><br>.</p>\n'
        '<table><tr><th id="a" scope="col">A</th><td headers="a b">«&quot;»</td></tr></table>\n'
        '<aside class="rp-kilde" aria-labelledby="kilde"><h2 id="kilde">Kilde</h2><p>x<br>y</p></aside>\n'
        "<h6>Etter</h6>"
    )
    flyttede = {"handlingsplan/forankring/": "hp-forankring", "handlingsplan/okonomi/": "hp-okonomi"}
    assert str(hele_planen.flytt(html, "handlingsplan/forankring/", "hele-planen/", flyttede)) == (
        '<h2 id="hp-forankring--forankring">Forankring<a class="headerlink" href="#hp-forankring--forankring" '
        'title="Lenke">¶</a></h2>\n'
        '<p>Se <a href="#hp-okonomi">Økonomi</a>, <a href="#hp-okonomi--fordeling">fordelingen</a>, '
        '<a href="../aktorer/ipr/">IPR</a>, <a href="https://x.test/?a=1&amp;b=2">x</a> &amp; '
        '<a href="#hp-forankring--fn:1">1</a><br>.</p>\n'
        '<table><tr><th id="hp-forankring--a" scope="col">A</th>'
        '<td headers="hp-forankring--a hp-forankring--b">«&quot;»</td></tr></table>\n'
        "\n"
        "<h6>Etter</h6>"
    )


def test_the_strategy_is_the_navigation_section_that_opens_with_the_action_plan():
    sider = hele_planen.seksjonssider(NAV)
    assert sider[0] == ("handlingsplan/index.md", "Strategisk handlingsplan 2021–25")
    assert [s for s, _ in sider[1:]] == [
        "handlingsplan/forankring.md",
        "handlingsplan/geografisk-avgrensning.md",
        "handlingsplan/langsiktige-linjer.md",
        "handlingsplan/organisering-og-bemanning.md",
        "handlingsplan/okonomi.md",
        "handlingsplan/strategiske-prioriteringer.md",
    ]
    nestet = [{"A": ["a.md", {"B": ["b/index.md", {"C": "b/c.md"}, {"D": ["d/index.md", "d/e.md"]}]}]}]
    assert hele_planen.seksjonssider(nestet, "b/index.md") == [
        ("b/index.md", "B"),
        ("b/c.md", "C"),
        ("d/index.md", "D"),
        ("d/e.md", None),
    ]
    with pytest.raises(ValueError, match="x/index.md"):
        hele_planen.seksjonssider(nestet, "x/index.md")


def _uten_ramme(artikkel) -> BeautifulSoup:
    for del_ in artikkel.select("aside.rp-kilde, p.rp-meld-fra, a.md-content__button"):
        del_.decompose()
    return artikkel


def test_every_page_of_the_strategy_stands_whole_on_the_page_with_its_own_explanations(bygget, helside):
    deler = helside.select("section.rp-plandel[data-ordforklaring]")
    sider = hele_planen.seksjonssider(NAV)
    assert len(deler) == len(sider)
    for del_, (sti, _) in zip(deler, sider, strict=True):
        url = sti.removesuffix("index.md").removesuffix(".md") + ("" if sti.endswith("index.md") else "/")
        original = _uten_ramme(_les(bygget, url).select_one("article.md-content__inner"))
        assert _tekst(del_) == _tekst(original), url
        # The glossary's explanations are the page's own (with its exceptions), not added again here.
        assert [a["title"] for a in del_.select("abbr")] == [a["title"] for a in original.select("abbr")], url


def test_every_instrument_and_every_measure_stands_with_money_role_owner_and_partners(helside):
    plan = ekte_plan()
    del_ = helside.select_one("section#virkemidler-og-tiltak")
    rader = 0
    for v in plan.virkemidler.values():
        overskrift = del_.select_one(f"h3#virkemiddel-{v.id}")
        assert _tekst(overskrift) == v.overskrift
        tekst = " ".join(del_.get_text().split())
        assert all(" ".join(a.split()) in tekst for a in v.vurdering), v.id
        for t in plan.tiltak_for_virkemiddel(v.id):
            (rad,) = [r for r in del_.select("tbody tr") if _tekst(r.th) == t.navn]
            forventet = [t.midler_2021.tekst, t.midler_2022_2024.tekst, t.rolle_tekst, t.tiltakseier_tekst]
            assert [" ".join(td.get_text().split()) for td in rad.select("td")] == [*forventet, t.partnere_tekst], t.id
            rader += 1
    assert rader == len(del_.select("tbody tr")) == len(plan.tiltak)


def test_the_action_plan_is_called_what_the_sources_call_it(helside):
    plan = ekte_plan()
    behandling = helside.select_one("section#virkemidler-og-tiltak span.rp-behandling")
    assert behandling["data-status"] == plan.kilder["tiltaksplan-2021"].behandling.status
    tekst = _tekst(helside.select_one("section#virkemidler-og-tiltak"))
    sum_ = plan.tiltaksplaner["tiltaksplan-2021"].oppgitt_sum
    assert f"«{sum_.tekst}» (avsnittet «{sum_.seksjon}»)" in tekst


def test_every_id_is_unique_and_every_link_within_the_page_has_a_target(helside):
    ids = [el["id"] for el in helside.select("[id]")]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    mal = [a["href"][1:] for a in helside.select('article a[href^="#"]')]
    assert len(mal) > 30
    assert set(mal) <= set(ids), sorted(set(mal) - set(ids))


def test_the_page_is_not_counted_as_plan_text_discussing_records(bygget):
    for url in ("aktorer/ipr", "aktorer/innlandet-fylkeskommune"):
        omtaler = _les(bygget, url).select(".rp-omtaler a")
        assert omtaler, url
        assert not [a["href"] for a in omtaler if "hele-planen" in a["href"]], url
