"""History: every dated mention in the sources is an event (or is said why not), and the pages show them."""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import PROSJEKT, SEEDS, ekte_plan
from pydantic import ValidationError

from macros import urls, views
from macros.load import load_plan
from macros.model import Hendelse


@functools.cache
def omtaler() -> dict:
    """The fixture listing every dated mention in the sources, read once on first use."""
    return yaml.safe_load((Path(__file__).parent / "fixtures" / "dated_mentions.yml").read_text(encoding="utf-8"))


MANEDER = "januar|februar|mars|april|mai|juni|juli|august|september|oktober|november|desember"
# Years, numeric dates and named days/months/seasons: what a reader would take as a point in time.
TIDSANGIVELSE = re.compile(
    rf"\b(?:\d{{1,2}}\.\d{{1,2}}\.\d{{2,4}}|\d{{1,2}}\.\s?(?:{MANEDER})|(?:{MANEDER}|våren|høsten)\s+\d{{4}}|(?:19|20)\d{{2}})\b",
    re.IGNORECASE,
)


def linjer(fil: str) -> list[str]:
    return (SEEDS / fil).read_text(encoding="utf-8").splitlines()


@pytest.mark.fra_data(fil=lambda _: sorted(omtaler()))
def test_every_dated_mention_in_the_source_is_accounted_for(fil):
    oppforinger = omtaler()[fil].get("hendelser", []) + omtaler()[fil].get("ikke_hendelser", [])
    per_linje: dict[int, list[str]] = {}
    for o in oppforinger:
        per_linje.setdefault(o["linje"], []).append(o["tekst"])
    mangler = []
    for nummer, linje in enumerate(linjer(fil), 1):
        for treff in TIDSANGIVELSE.finditer(linje):
            if not any(treff.group(0) in tekst or tekst in treff.group(0) for tekst in per_linje.get(nummer, [])):
                mangler.append(f"{fil}:{nummer}: «{treff.group(0)}» i «{linje.strip()[:80]}»")
    assert not mangler, "Tidsangivelser uten hendelse eller begrunnelse:\n" + "\n".join(mangler)


@pytest.mark.fra_data(fil=lambda _: sorted(omtaler()))
def test_every_listed_mention_is_in_the_source_and_its_event_exists(fil):
    tekst = linjer(fil)
    for o in omtaler()[fil].get("hendelser", []):
        assert o["tekst"] in tekst[o["linje"] - 1], o
        assert o["id"] in ekte_plan().hendelser, f"hendelsen {o['id']} mangler i data/hendelser.yml"
    for o in omtaler()[fil].get("ikke_hendelser", []):
        assert o["tekst"] in tekst[o["linje"] - 1], o
        assert o["grunn"].strip()


def test_the_key_events_are_there():
    tider = {h.tid for h in ekte_plan().hendelser.values()}
    assert {"2006", "2018-08-24", "2019-03-28", "2019-12", "2020-12-04", "2021-04-08"} <= tider


def test_timeline_lists_every_event_with_its_time(bygget):
    side = BeautifulSoup((bygget / "historikk" / "tidslinje" / "index.html").read_text(encoding="utf-8"), "lxml")
    punkter = side.select("ol.rp-hendelser > li.rp-hendelse")
    assert [li["id"] for li in punkter] == [h.id for h in ekte_plan().tidslinje()]
    for li in punkter:
        hendelse = ekte_plan().hendelser[li["id"]]
        assert li.time["datetime"] == hendelse.tid
        assert set(li["data-tema"].split()) == set(hendelse.tema)
        kilder = {a["href"].split("#")[1] for a in li.select("a[href*='dokumenter/#']")}
        assert kilder == {k.kilde for k in hendelse.kilder}
    assert [h.get_text() for h in side.select("section.rp-ar > h2")] == sorted(
        {str(h.ar) for h in ekte_plan().hendelser.values()}
    )


@pytest.mark.parametrize("side", list(ekte_plan().historikksider.values()), ids=lambda h: h.id)
def test_every_history_page_links_to_its_sources(bygget, side):
    assert (PROSJEKT / "docs" / side.side).is_file()
    html = BeautifulSoup((bygget / side.side.removesuffix(".md") / "index.html").read_text(encoding="utf-8"), "lxml")
    kilder = html.select("aside.rp-kilde a[href*='dokumenter/#']")
    assert kilder, side


@pytest.mark.parametrize("side", ["snowball", "organisering-over-tid"])
def test_diagrams_are_a_list_of_boxes_in_page_text(bygget, side):
    html = BeautifulSoup((bygget / "historikk" / side / "index.html").read_text(encoding="utf-8"), "lxml")
    figur = html.select_one("figure.rp-diagram")
    assert html.find(id=figur["aria-labelledby"]).get_text(strip=True)
    assert not figur.select("svg"), "teksten i diagrammet skal være sidetekst, ikke tegnet"
    hendelser = ekte_plan().tidslinje(side)
    bokser = figur.select("ol.rp-flyt > li.rp-flyt-boks")
    assert len(bokser) == len(hendelser) >= 2
    assert [b.a.get_text() for b in bokser] == [h.tittel for h in hendelser]
    assert [b.time["datetime"] for b in bokser] == [h.tid for h in hendelser]


# A year the source does not give in the sentence is shown as inferred, wherever the event is shown.


def utledet() -> list:
    """The timeline events whose year is inferred from context."""
    return [h for h in ekte_plan().tidslinje() if h.tid_utledet]


def test_dates_without_a_year_in_the_source_are_marked_inferred():
    kjente = {
        "forprosjekt-sluttrapport-regionradet",  # «8. mars»
        "formannskapskonferansen-11-april",  # «11. april»
        "regionradet-5-september-2014",
        "formannskap-oyer-9-september-2014",
        "formannskap-gausdal-lillehammer-23-september-2014",
        "kommunestyrene-25-september-2014",
        "ipr-mote-8-april-2021",  # «8. april»
        "innlandet-fylkeskommune-sammenslaing",  # «Parallelt med denne prosessen»
    }
    assert kjente <= {h.id for h in utledet()}
    for h in ekte_plan().hendelser.values():
        # A time whose year the source does not give is inferred, and its label says so.
        if h.tid_utledet:
            assert "utledet" in h.utledet_merknad, h.id
        if not h.ar_i_teksten:
            assert h.tid_utledet, h.id


def test_an_event_without_its_year_and_without_an_explanation_is_refused():
    with pytest.raises(ValidationError, match="tid_grunnlag"):
        Hendelse.model_validate(
            {
                "id": "x",
                "tid": "2013-03-08",
                "tid_tekst": "8. mars",
                "tittel": "X",
                "tekst": "X",
                "tema": ["organisering"],
                "kilder": [{"kilde": "naeringsplan-2014", "seksjon": "Saksutredning"}],
            }
        )


def test_timeline_says_which_dates_are_inferred_and_how(bygget):
    side = BeautifulSoup((bygget / "historikk" / "tidslinje" / "index.html").read_text(encoding="utf-8"), "lxml")
    for li in side.select("ol.rp-hendelser > li.rp-hendelse"):
        h = ekte_plan().hendelser[li["id"]]
        tid = " ".join(li.select_one(".rp-hendelse-tid").get_text(" ").split())
        if h.tid_utledet:
            assert h.utledet_merknad in tid, tid
            assert h.tid_grunnlag in li.get_text(), h.id
        else:
            assert "utledet" not in tid, tid
    innledning = " ".join(side.select_one("article h1").find_next_sibling("p").get_text(" ").split())
    assert "utledet av sammenhengen" in innledning


def test_record_pages_label_inferred_dates(bygget):
    """Every actor or measure page that lists an inferred event says the year is inferred."""
    sett = 0
    for mappe in ("aktorer", "tiltak"):
        for html in (bygget / mappe).glob("*/index.html"):
            side = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml")
            for li in side.select(".rp-historikk li"):
                h = ekte_plan().hendelser[li.a["href"].split("#")[1]]
                if h.tid_utledet:
                    assert h.utledet_merknad in " ".join(li.get_text(" ").split()), (html, h.id)
                    sett += 1
    assert sett >= len(utledet())


def test_history_diagrams_label_inferred_dates(bygget):
    html = BeautifulSoup(
        (bygget / "historikk" / "organisering-over-tid" / "index.html").read_text(encoding="utf-8"), "lxml"
    )
    punkter = [" ".join(li.get_text(" ").split()) for li in html.select("figure.rp-diagram ol li")]
    hendelser = ekte_plan().tidslinje("organisering-over-tid")
    assert any(h.tid_utledet for h in hendelser)
    for h, punkt in zip(hendelser, punkter, strict=True):
        assert (h.utledet_merknad in punkt) if h.tid_utledet else ("utledet" not in punkt), punkt


def test_the_planned_meeting_of_25_september_is_not_lrv_history():
    h = ekte_plan().hendelser["kommunestyrene-25-september-2014"]
    assert h.tittel.startswith("Planlagt")
    assert "lrv" not in h.aktorer
    assert {k.kilde for k in h.kilder} == {"naeringsplan-2014"}
    # No event about LRV claims to be its establishment: the sources do not say when that was.
    for hendelse in ekte_plan().hendelser.values():
        if "lrv" in hendelse.aktorer:
            assert "etabler" not in hendelse.tittel.lower(), hendelse.id


def test_timeline_filter_shows_the_themes_of_the_data_in_their_order(bygget):
    side = BeautifulSoup((bygget / "historikk" / "tidslinje" / "index.html").read_text(encoding="utf-8"), "lxml")
    valg = [
        (i["value"], side.find("label", attrs={"for": i["id"]}).get_text())
        for i in side.select("fieldset.rp-filter input")
    ]
    assert valg[0][0] == "alle"
    assert [(v, navn.rsplit(" (", 1)[0]) for v, navn in valg[1:]] == [
        (t.id, t.navn) for t in ekte_plan().temaer.values()
    ]


def test_a_theme_renamed_or_moved_in_the_data_moves_in_the_filter(datamappe):
    """The themes live in data/temaer.yml only: the filter follows the file's order and names."""
    fil = datamappe / "temaer.yml"
    tekst = fil.read_text(encoding="utf-8")
    okonomi = '- id: "okonomi"\n  navn: "Økonomi"\n'
    assert okonomi in tekst
    tekst = tekst.replace("\n" + okonomi, "").replace(
        '- id: "organisering"', '- id: "okonomi"\n  navn: "Penger"\n\n- id: "organisering"'
    )
    fil.write_text(tekst, encoding="utf-8")
    plan = load_plan(datamappe)
    html = BeautifulSoup(
        str(
            views.tidslinje(
                plan,
                views.PageAddress("historikk/tidslinje/"),
                {urls.fil_url(h.side): h.id for h in plan.historikksider.values()},
            )
        ),
        "lxml",
    )
    etiketter = [label.get_text() for label in html.select("fieldset.rp-filter label")]
    assert etiketter[1].startswith("Penger (") and etiketter[2].startswith("Organisering (")
    assert len(etiketter) == 1 + len(plan.temaer) == 7
