"""The built site agrees with the data: every record has its page, with its facts and sums."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from macros.format import kroner
from macros.load import load_plan
from macros.summer import AR, arssum

PROSJEKT = Path(__file__).resolve().parent.parent
PLAN = load_plan(PROSJEKT / "data")


def les(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "html.parser")


def tekst(node) -> str:
    return " ".join(node.get_text(" ").split())


def lenker(node) -> dict[str, str]:
    """Visible link text -> href, inside a node."""
    return {tekst(a): a["href"] for a in node.find_all("a", href=True)}


@pytest.mark.parametrize("tiltak_id", list(PLAN.tiltak))
def test_every_tiltak_page_shows_its_facts(bygget, tiltak_id):
    t = PLAN.tiltak[tiltak_id]
    side = les(bygget, f"tiltak/{tiltak_id}")
    artikkel = side.select_one("article.rp-tiltak")
    assert tekst(artikkel.h1) == t.navn
    innhold = tekst(artikkel)
    for kildetekst in (t.midler_2021.tekst, t.midler_2022_2024.tekst, t.rolle_tekst, t.tiltakseier_tekst, t.partnere_tekst):
        assert " ".join(kildetekst.split()) in innhold
    fakta = lenker(artikkel.select_one("dl.rp-fakta"))
    for aktor_id in t.tiltakseiere + t.partnere:
        navn = PLAN.aktorer[aktor_id].navn
        assert fakta[navn] == f"../../aktorer/{aktor_id}/"
    for rolle_id in t.roller:
        assert fakta[PLAN.roller[rolle_id].navn] == f"../../roller/{rolle_id}/"
    for ar in AR:
        celle = artikkel.select_one(f'td[data-ar="{ar}"]').get_text()
        kr, kildeord = t.kr_for(ar), t.kildeord_for(ar)
        if kr is not None:
            assert kroner(kr) in celle
        elif kildeord:
            assert f"«{kildeord}»" in celle and "ikke oppgitt" not in celle
        else:
            assert "ikke oppgitt" in celle
    assert "Rediger data/tiltak.yml" in tekst(side.select_one("aside.rp-kilde"))


@pytest.mark.parametrize(("type_", "mappe", "register"), [
    ("virkemiddel", "virkemidler", "virkemidler"),
    ("aktor", "aktorer", "aktorer"),
    ("rolle", "roller", "roller"),
])
def test_every_register_record_has_its_page(bygget, type_, mappe, register):
    for post_id in getattr(PLAN, register):
        assert (bygget / mappe / post_id / "index.html").exists(), f"{mappe}/{post_id}/ mangler"


def test_actor_pages_list_what_they_own_and_partner_in(bygget):
    for aktor_id in PLAN.aktorer:
        side = les(bygget, f"aktorer/{aktor_id}")
        hrefs = {a["href"] for a in side.select("article a[href]")}
        forventet = {f"../../tiltak/{t.id}/" for t in PLAN.tiltak_eid_av(aktor_id) + PLAN.tiltak_med_partner(aktor_id)}
        assert forventet <= hrefs, aktor_id


def test_virkemiddel_pages_carry_the_assessment_and_their_tiltak(bygget):
    for v in PLAN.virkemidler.values():
        side = les(bygget, f"virkemidler/{v.id}")
        innhold = tekst(side.select_one("article"))
        for avsnitt in v.vurdering:
            assert avsnitt in innhold
        for t in PLAN.tiltak_for_virkemiddel(v.id):
            assert t.navn in innhold
        if not PLAN.tiltak_for_virkemiddel(v.id):
            assert v.uten_tiltak in innhold


def test_every_sum_on_the_overview_equals_the_data(bygget):
    side = les(bygget, "tiltak")
    seksjoner = side.select("section[aria-labelledby^='v-']")
    assert len(seksjoner) == len(PLAN.virkemidler)
    kontrollert = 0
    for seksjon in seksjoner:
        virkemiddel_id = seksjon["aria-labelledby"][2:]
        for celle in seksjon.select("tfoot td[data-sum]"):
            ar = int(celle["data-ar"])
            assert int(celle["data-sum"]) == arssum(PLAN.tiltak_for_virkemiddel(virkemiddel_id), ar).kr
            assert kroner(int(celle["data-sum"])) in celle.get_text()
            kontrollert += 1
    totaler = {int(c["data-ar"]): int(c["data-sum"]) for c in side.select("td[data-total]")}
    assert totaler == {ar: arssum(PLAN.tiltak.values(), ar).kr for ar in AR}
    assert totaler[2021] == PLAN.okonomi.tiltaksplan_2021.oppgitt_sum.kr == 1200000
    assert kontrollert >= 4 * 4
    rader = side.select("section[aria-labelledby^='v-'] tbody tr")
    assert len(rader) == len(PLAN.tiltak) == 25
