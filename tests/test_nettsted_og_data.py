"""The built site agrees with the data: every record has its page, with its facts and sums."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import SEEDS, ekte_plan, handskrevne_sider, nho_omtale

from macros import views
from macros.format import kroner
from macros.kildegrunnlag import kilder_for, uten_kilde
from macros.load import load_plan
from macros.okonomi import AR, arssum
from macros.pages import genererte_sider
from macros.registry import med_sider

PROSJEKT = Path(__file__).resolve().parent.parent


def les(site: Path, url: str) -> BeautifulSoup:
    """A built page with the glossary's <abbr> taken off its words (tests/test_ordforklaring.py checks those)."""
    side = BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")
    for abbr in side.find_all("abbr"):
        abbr.unwrap()
    side.smooth()
    return side


def tekst(node) -> str:
    return " ".join(node.get_text(" ").split())


def lenker(node) -> dict[str, str]:
    """Visible link text -> href, inside a node."""
    return {tekst(a): a["href"] for a in node.find_all("a", href=True)}


@pytest.mark.fra_data(tiltak_id=lambda plan: list(plan.tiltak))
def test_every_tiltak_page_shows_its_facts(bygget, tiltak_id, plan):
    t = plan.tiltak[tiltak_id]
    side = les(bygget, f"tiltak/{tiltak_id}")
    artikkel = side.select_one("article.rp-tiltak")
    assert tekst(artikkel.h1) == t.navn
    innhold = tekst(artikkel)
    for kildetekst in (
        t.midler_2021.tekst,
        t.midler_2022_2024.tekst,
        t.rolle_tekst,
        t.tiltakseier_tekst,
        t.partnere_tekst,
    ):
        assert " ".join(kildetekst.split()) in innhold
    fakta = lenker(artikkel.select_one("dl.rp-fakta"))
    for aktor_id in t.tiltakseiere + t.partner_ids:
        navn = plan.aktorer[aktor_id].navn
        assert fakta[navn] == f"../../aktorer/{aktor_id}/"
    for rolle_id in t.roller + t.roller_fra:
        assert fakta[plan.roller[rolle_id].navn] == f"../../roller/{rolle_id}/"
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


@pytest.mark.parametrize("posttype", med_sider(), ids=lambda t: t.nokkel)
def test_every_record_of_a_kind_with_pages_has_its_page(bygget, posttype, plan):
    assert posttype.mappe and plan.poster[posttype.nokkel]
    for post_id in plan.poster[posttype.nokkel]:
        assert (bygget / posttype.mappe / post_id / "index.html").exists(), f"{posttype.mappe}/{post_id}/ mangler"


def test_actor_pages_list_what_they_own_and_partner_in(bygget, plan):
    for aktor_id in plan.aktorer:
        side = les(bygget, f"aktorer/{aktor_id}")
        hrefs = {a["href"] for a in side.select("article a[href]")}
        forventet = {
            f"../../tiltak/{t.id}/"
            for t in plan.tiltak_eid_av(aktor_id)
            + plan.tiltak_med_partner(aktor_id)
            + plan.tiltak_med_trolig_partner(aktor_id)
        }
        assert forventet <= hrefs, aktor_id


def test_virkemiddel_pages_carry_the_assessment_and_their_tiltak(bygget, plan):
    for v in plan.virkemidler.values():
        side = les(bygget, f"virkemidler/{v.id}")
        innhold = tekst(side.select_one("article"))
        for avsnitt in v.vurdering:
            assert avsnitt in innhold
        for t in plan.tiltak_for_virkemiddel(v.id):
            assert t.navn in innhold
        if not plan.tiltak_for_virkemiddel(v.id):
            assert v.uten_tiltak in innhold


def test_every_sum_on_the_overview_equals_the_data(bygget, plan):
    side = les(bygget, "tiltak")
    seksjoner = side.select("section[aria-labelledby^='v-']")
    assert len(seksjoner) == len(plan.virkemidler)
    kontrollert = 0
    for seksjon in seksjoner:
        virkemiddel_id = seksjon["aria-labelledby"][2:]
        for celle in seksjon.select("tfoot td[data-sum]"):
            ar = int(celle["data-ar"])
            assert int(celle["data-sum"]) == arssum(plan.tiltak_for_virkemiddel(virkemiddel_id), ar).kr
            assert kroner(int(celle["data-sum"])) in celle.get_text()
            kontrollert += 1
    totaler = {int(c["data-ar"]): int(c["data-sum"]) for c in side.select("td[data-total]")}
    assert totaler == {ar: arssum(plan.tiltak.values(), ar).kr for ar in AR}
    assert totaler[2021] == plan.tiltaksplaner["tiltaksplan-2021"].oppgitt_sum.kr == 1200000
    assert kontrollert >= 4 * 4
    rader = side.select("section[aria-labelledby^='v-'] tbody tr")
    assert len(rader) == len(plan.tiltak) == 25


# «trolig» travels with an uncertain link: every page that shows the link says so.


def trolige(plan) -> list[tuple]:
    """(tiltak, aktør id) for every partner the source names only as «trolig»."""
    return [(t, a) for t in plan.tiltak.values() for a in t.partner_ids if t.er_trolig_partner(a)]


def er_merket_trolig(lenke) -> bool:
    """True when the link is preceded by the «trolig» mark."""
    forrige = lenke.find_previous_sibling()
    return (
        forrige is not None
        and forrige.name == "span"
        and tekst(forrige) == "trolig"
        and forrige.next_sibling.strip() == ""
    )


def test_the_source_hedges_digital_lab_partners_and_the_data_keeps_it(plan):
    assert {a for t, a in trolige(plan) if t.id == "digital-lab-innlandet"} == {
        "skappa",
        "digital-innlandet",
        "digitaliseringsstyret",
    }
    for aktor_id in ("skappa", "digital-innlandet", "digitaliseringsstyret"):
        assert plan.tiltak["digital-lab-innlandet"] not in plan.tiltak_med_partner(aktor_id)
        assert plan.tiltak["digital-lab-innlandet"] in plan.tiltak_med_trolig_partner(aktor_id)


@pytest.mark.fra_data(tiltak_id=lambda plan: sorted({t.id for t, _ in trolige(plan)}))
def test_tiltak_page_marks_each_hedged_partner_trolig(bygget, tiltak_id, plan):
    t = plan.tiltak[tiltak_id]
    fakta = les(bygget, f"tiltak/{tiltak_id}").select_one("dl.rp-fakta")
    for aktor_id in t.partner_ids:
        lenke = fakta.find("a", href=f"../../aktorer/{aktor_id}/")
        assert er_merket_trolig(lenke) == t.er_trolig_partner(aktor_id), aktor_id


@pytest.mark.fra_data(**{"tiltak_id,aktor_id": lambda plan: [(t.id, a) for t, a in trolige(plan)]})
def test_actor_page_lists_a_hedged_partnership_apart_as_trolig(bygget, tiltak_id, aktor_id, plan):
    artikkel = les(bygget, f"aktorer/{aktor_id}").select_one("article.rp-aktor")
    href = f"../../tiltak/{tiltak_id}/"
    sikre = artikkel.find("h2", id="partner").find_next_sibling(["h2", "div"])
    assert not (sikre.name == "div" and sikre.find("a", href=href)), "står som sikker partner"
    trolig = artikkel.find("h2", id="trolig-partner")
    assert trolig is not None and "trolig" in tekst(trolig)
    assert trolig.find_next_sibling("ul").find("a", href=href)
    assert plan.tiltak[tiltak_id].partnere_tekst in tekst(artikkel)


def test_actor_index_counts_hedged_partnerships_as_trolig(bygget, plan):
    punkter = {li.a["href"]: tekst(li) for li in les(bygget, "aktorer").select("ul.rp-register > li")}
    for aktor_id in {a for _, a in trolige(plan)}:
        linje = punkter[f"{aktor_id}/"]
        # Counted from the raw entries: a plain id is a settled link, {aktor, sikkerhet} a hedged one.
        sikre = sum(
            aktor_id in t.tiltakseiere or aktor_id in [p for p in t.partnere if isinstance(p, str)]
            for t in plan.tiltak.values()
        )
        antall = sum(aktor_id in [p.aktor for p in t.partnere if not isinstance(p, str)] for t in plan.tiltak.values())
        assert f"trolig partner i {antall} tiltak" in linje, linje
        assert (f"– {sikre} tiltak" in linje) if sikre else ("– trolig" in linje), linje


def test_tiltak_overview_marks_hedged_partners_trolig(bygget, plan):
    side = les(bygget, "tiltak")
    for t, aktor_id in trolige(plan):
        rad = side.find("a", href=f"{t.id}/").find_parent("tr")
        lenke = rad.find("a", href=f"../aktorer/{aktor_id}/")
        assert lenke is not None and er_merket_trolig(lenke), (t.id, aktor_id)
    for t in plan.tiltak.values():
        rad = side.find("a", href=f"{t.id}/").find_parent("tr")
        assert len(rad.select("span.rp-trolig")) == sum(t.er_trolig_partner(a) for a in t.partner_ids), t.id


def test_any_partner_the_data_hedges_is_shown_trolig_everywhere(datamappe, plan):
    """A new hedged link, not just Digital:Lab's, reaches the tiltak, actor, index and overview pages."""
    fil = datamappe / "tiltak.yml"
    tekst_ = fil.read_text(encoding="utf-8")
    gammel = '  partnere: ["visit-lillehammer"]\n'
    assert tekst_.count(gammel) == 1
    fil.write_text(
        tekst_.replace(gammel, '  partnere: [{aktor: "visit-lillehammer", sikkerhet: "trolig"}]\n'), encoding="utf-8"
    )
    plan = load_plan(datamappe)
    tiltak_id = "baerekraftige-og-datadrevne-arrangementer"
    assert plan.tiltak[tiltak_id] in plan.tiltak_med_trolig_partner("visit-lillehammer")
    tiltakside = BeautifulSoup(
        str(views.postside(plan, "tiltak", tiltak_id, views.PageAddress(f"tiltak/{tiltak_id}/"))), "lxml"
    )
    assert er_merket_trolig(tiltakside.select_one("dl.rp-fakta").find("a", href="../../aktorer/visit-lillehammer/"))
    aktorside = BeautifulSoup(
        str(views.postside(plan, "aktor", "visit-lillehammer", views.PageAddress("aktorer/visit-lillehammer/"))),
        "lxml",
    )
    assert (
        aktorside.find("h2", id="trolig-partner").find_next_sibling("ul").find("a", href=f"../../tiltak/{tiltak_id}/")
    )
    register = tekst(BeautifulSoup(str(views.register(plan, "aktor", views.PageAddress("aktorer/"))), "lxml"))
    assert "Visit Lillehammer – 1 tiltak, og trolig partner i 1 tiltak til" in register
    oversikt = BeautifulSoup(str(views.tiltaksoversikt(plan, views.PageAddress("tiltak/"))), "lxml")
    rad = oversikt.find("a", href=f"{tiltak_id}/").find_parent("tr")
    assert er_merket_trolig(rad.find("a", href="../aktorer/visit-lillehammer/"))


# Every record names its own sources: the Kilde block of an actor's page lists the documents
# that name the actor, worked out from the data, and each of them does name it.


@functools.cache
def kildetekst(kilde_id: str) -> str:
    """A source document's text, lower-cased with whitespace collapsed, read once."""
    kilde = ekte_plan().kilder[kilde_id]
    return " ".join(" ".join((SEEDS / f).read_text(encoding="utf-8").split()) for f in kilde.filer).lower()


def kildeboks(site: Path, url: str) -> set[str]:
    """The document ids a page's Kilde block links to."""
    return {a["href"].split("#")[1] for a in les(site, url).select("aside.rp-kilde a[href*='dokumenter/#']")}


def test_pwc_page_cites_the_2014_case_and_not_the_action_plan(bygget):
    assert kildeboks(bygget, "aktorer/pwc") == {"naeringsplan-2014"}


@pytest.mark.fra_data(aktor_id=lambda plan: list(plan.aktorer))
def test_every_document_an_actor_page_cites_names_the_actor(bygget, aktor_id, plan):
    aktor = plan.aktorer[aktor_id]
    kilder = kildeboks(bygget, f"aktorer/{aktor_id}")
    assert kilder, aktor_id
    for kilde in kilder:
        assert any(re.search(rf"(?<!\w){re.escape(n.lower())}(?!\w)", kildetekst(kilde)) for n in aktor.navneformer), (
            aktor_id,
            kilde,
        )
    har_tiltak = bool(
        plan.tiltak_eid_av(aktor_id) + plan.tiltak_med_partner(aktor_id) + plan.tiltak_med_trolig_partner(aktor_id)
    )
    if har_tiltak:
        assert "tiltaksplan-2021" in kilder


def test_actor_index_cites_every_document_its_actors_come_from(bygget, plan):
    fra_sidene = set().union(*(kildeboks(bygget, f"aktorer/{a}") for a in plan.aktorer))
    assert kildeboks(bygget, "aktorer") == fra_sidene
    assert fra_sidene == set(plan.kilder)


def test_actor_sources_follow_the_data(datamappe):
    """Tie PwC to a measure, and its page cites the action plan's table for it; untie it, and it does not."""
    plan = load_plan(datamappe)
    assert [a.kilde for a in kilder_for(plan, "aktor", "pwc")] == ["naeringsplan-2014"]
    fil = datamappe / "tiltak.yml"
    tekst_ = fil.read_text(encoding="utf-8")
    fil.write_text(
        tekst_.replace('  partnere: ["nye-veier"]\n', '  partnere: ["nye-veier", "pwc"]\n', 1), encoding="utf-8"
    )
    plan = load_plan(datamappe)
    sider = genererte_sider(plan, nho_omtale(), handskrevne_sider())
    front = yaml.safe_load(sider["aktorer/pwc.md"].split("---")[1])
    assert [front["kilde"], *front["kilder"]] == ["tiltaksplan-2021", "naeringsplan-2014"]
    assert (
        front["kildeseksjoner"]["tiltaksplan-2021"]
        == "Vurdering: Bidra til at næringsaktører har tilgang på næringsarealer som møter behovene"
    )


def test_an_actor_no_document_names_is_reported(datamappe, bygget):
    fil = datamappe / "aktorer.yml"
    fil.write_text(
        fil.read_text(encoding="utf-8") + '- {id: "ny-aktor", navn: "Ny aktør", type: "gruppe"}\n', encoding="utf-8"
    )
    assert uten_kilde(load_plan(datamappe), {}) == [("aktor", "nho"), ("aktor", "ny-aktor")]
    # Only the plan text names NHO (a link in the 2014 facts): the built page cites that document.
    kilde = les(bygget, "aktorer/nho").select_one("aside.rp-kilde")
    assert [a["href"] for a in kilde.select("li a")] == ["../../dokumenter/#naeringsplan-2014"]
    assert "«Fakta»" in tekst(kilde)


# Small slips


def test_tiltak_ingress_is_one_sentence(bygget, plan):
    for t in plan.tiltak.values():
        ingress = tekst(les(bygget, f"tiltak/{t.id}").select_one(".rp-ingress"))
        assert not re.search(r"\.\s+[a-zæøå]", ingress), ingress
        assert ingress.endswith(".") and not ingress.endswith(".."), ingress


def test_a_change_of_role_is_shown_as_a_change(bygget, plan):
    t = plan.tiltak["lokalmatnettverk"]
    assert (t.roller_fra, t.roller) == (["tilrettelegger"], ["veiviser", "brobygger"])
    assert t not in plan.tiltak_med_rolle("tilrettelegger")
    fakta = tekst(les(bygget, "tiltak/lokalmatnettverk").select_one("dl.rp-fakta"))
    assert "Fra Tilrettelegger til Veiviser , Brobygger" in fakta
    rolle = les(bygget, "roller/tilrettelegger").select_one("article.rp-rolle")
    hoved = rolle.find("h2", id="tiltak").find_next_sibling("div")
    assert not hoved.find("a", href="../../tiltak/lokalmatnettverk/")
    assert rolle.find("h2", id="fra-rollen").find_next_sibling("ul").find("a", href="../../tiltak/lokalmatnettverk/")
    register = tekst(les(bygget, "roller").select_one("ul.rp-register"))
    assert (
        f"Tilrettelegger – {len(plan.tiltak_med_rolle('tilrettelegger'))} tiltak, og 1 tiltak der regionen går over"
        in register
    )
