"""Say only what the sources say: a figure no source states is marked «beregnet» with its basis
wherever it is shown (table, chart, CSV, search), estimates stay estimates, and a year the source
says something about never reads «ikke oppgitt»."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import PROSJEKT, ekte_plan
from pydantic import ValidationError
from sokeindeks import les_sokeindeks

from macros.format import beregnet
from macros.model import Midler
from macros.okonomi import AR
from macros.templating import miljo

OKONOMISIDER = ("okonomi", "okonomi/tiltak", "okonomi/befolkning")
ANSLAGSORD = ("trolig", "anslagsvis", "om lag", "omtrent")


def _les(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


def _tekst(node) -> str:
    return " ".join(node.get_text().replace("\u202f", " ").replace("\u00a0", " ").split())


def _oppgitte_tall() -> set[float]:
    """Every figure the sources state, read straight from the YAML (not through the site's model)."""
    data = PROSJEKT / "data"
    tall: set[float] = set()
    okonomi = yaml.safe_load((data / "okonomi.yml").read_text(encoding="utf-8"))
    for belop in okonomi["partnerskapsmidler"].values():
        tall |= {belop["kr"], -belop["kr"]}  # the reduction is shown as a negative line
    for plan in yaml.safe_load((data / "tiltaksplaner.yml").read_text(encoding="utf-8")):
        tall |= {plan[felt]["kr"] for felt in ("ramme", "oppgitt_sum") if felt in plan}
    tall |= {a["prosent"] for a in okonomi["fordeling"]["andeler"]}
    for t in yaml.safe_load((data / "tiltak.yml").read_text(encoding="utf-8")):
        for felt in ("midler_2021", "midler_2022_2024"):
            tall |= set(t[felt].get("kr", {}).values())
    for fil in ("befolkning.yml", "nho_rangeringer.yml"):
        for tabell in yaml.safe_load((data / fil).read_text(encoding="utf-8"))["tabeller"]:
            tall |= {v for rad in tabell["rader"] for v in rad["verdier"]}
    return tall


def _tallceller(figur):
    """(row label cell, column heading cell, cell) for every cell of a figures table that holds a number."""
    overskrifter = figur.select("thead th")
    for rad in figur.select("tbody tr"):
        for i, celle in enumerate(rad.find_all(["th", "td"])):
            verdi = celle.get("data-verdi", "")
            if celle.name == "td" and re.fullmatch(r"-?\d+(\.\d+)?", verdi):
                yield rad.th, overskrifter[i], celle


def _stolpetekster(figur) -> str:
    """The chart's bar labels as one text."""
    return " ".join(_tekst(t) for t in figur.select(".rp-stolpe-etikett"))


def _merket(node) -> bool:
    return node.select_one(".rp-beregnet") is not None


def _har_grunnlag(node) -> bool:
    return "(beregnet: " in _tekst(node)


def test_the_marker_macro_says_the_same_words_as_the_csv_convention():
    mal = miljo().from_string('{% from "_felles.html" import beregnet %}{{ beregnet(g) }}|{{ beregnet() }}')
    med, uten = BeautifulSoup(mal.render(g="1 500 000 − 1 200 000"), "lxml").get_text().split("|")
    assert med == beregnet("1 500 000 − 1 200 000") == "(beregnet: 1 500 000 − 1 200 000)"
    assert uten == beregnet() == "(beregnet)"


def test_every_figure_on_the_economy_pages_is_stated_or_marked_with_its_basis(bygget):
    oppgitt = _oppgitte_tall()
    kontrollert = merket = 0
    for url in OKONOMISIDER:
        for figur in _les(bygget, url).select("figure.rp-graf"):
            for radnavn, overskrift, celle in _tallceller(figur):
                kontrollert += 1
                if _merket(celle):
                    merket += 1
                    assert _har_grunnlag(overskrift) or _har_grunnlag(radnavn), (url, figur["id"], _tekst(celle))
                else:
                    assert float(celle["data-verdi"]) in oppgitt, (
                        f"{url} {figur['id']}: {_tekst(celle)} står ikke i noen kilde, men er ikke merket «beregnet»"
                    )
    assert kontrollert > 200 and merket > 100


@pytest.mark.parametrize("tabell_id", ["per-virkemiddel", "per-tiltakseier", "per-rolle"])
def test_every_sum_per_group_is_marked_however_it_happens_to_look(bygget, tabell_id):
    figur = _les(bygget, "okonomi/tiltak").find(id=f"graf-{tabell_id}")
    celler = list(_tallceller(figur))
    assert celler and all(_merket(celle) for _, _, celle in celler)
    # Every bar's label carries the marker; the caption gives the basis.
    stolper = figur.select(".rp-stolper rect")
    assert stolper and _stolpetekster(figur).count("(beregnet)") == len(stolper)
    assert "(beregnet)" in _tekst(figur.figcaption)


def test_the_frame_difference_is_the_sites_calculation_and_claims_nothing_more(bygget):
    html = _les(bygget, "okonomi")
    figur = html.find(id="graf-ramme-2021")
    rader = {_tekst(r.th): r.td for r in figur.select("tbody tr")}
    assert not _merket(rader["Ramme til oppfølging av strategisk næringsplan"])
    assert not _merket(rader["Summen av tiltakene i 2021"])
    differanse = rader["Differansen mellom rammen og summen (beregnet: 1 500 000 − 1 200 000)"]
    assert differanse["data-verdi"] == "300000" and _merket(differanse)
    assert "Differansen mellom rammen og summen er 300 000 kr (beregnet: 1 500 000 − 1 200 000)." in _tekst(
        figur.figcaption
    )
    assert "(beregnet: 1 500 000 − 1 200 000)" in _stolpetekster(figur)
    assert "Kilden sier ikke hva differansen brukes til" in _tekst(figur)
    for site_side in bygget.rglob("*.html"):
        assert "ikke disponert" not in site_side.read_text(encoding="utf-8").lower(), site_side


def test_the_distribution_in_kroner_is_marked_with_the_base_the_site_chose(bygget):
    figur = _les(bygget, "okonomi").find(id="graf-fordeling")
    kroner_kolonne = [celle for _, overskrift, celle in _tallceller(figur) if "Kroner" in _tekst(overskrift)]
    assert len(kroner_kolonne) == len(ekte_plan().okonomi.fordeling.andeler)
    assert all(_merket(c) and c.select_one(".rp-anslag") for c in kroner_kolonne)
    assert "(beregnet: andelen av om lag 3 000 000 kr i nye tiltaksmidler per år)" in _tekst(figur.select_one("thead"))
    assert "kilden sier ikke hvilket beløp andelene skal regnes av" in _tekst(figur)


def test_the_sum_the_source_states_stays_unmarked_and_later_years_are_marked(bygget):
    figur = _les(bygget, "okonomi/tiltak").find(id="graf-tiltak-per-ar")
    for rad in figur.select("tbody tr"):
        oppgitte, _, med_anslag, _ = rad.find_all("td")
        if rad.th.get_text() == "2021":
            assert oppgitte["data-verdi"] == med_anslag["data-verdi"] == "1200000"
            assert not _merket(oppgitte) and not _merket(med_anslag)
        else:
            assert _merket(oppgitte) and _merket(med_anslag)
    oversikt = _les(bygget, "tiltak")
    totaler = {int(c["data-ar"]): c for c in oversikt.select("td[data-total]")}
    assert not _merket(totaler[2021]) and all(_merket(totaler[ar]) for ar in AR[1:])


@pytest.mark.parametrize(
    "url",
    [
        "tiltak",
        *(f"virkemidler/{v}" for v in ekte_plan().virkemidler),
        *(f"roller/{r}" for r in ekte_plan().roller),
        "aktorer/lrv",
    ],
)
def test_sums_under_the_measures_tables_are_marked(bygget, url):
    html = _les(bygget, url)
    for tfoot in html.select("tfoot"):
        assert _har_grunnlag(tfoot.th)
        assert all(_merket(td) for td in tfoot.select("td[data-sum]"))


def test_csv_headers_and_row_labels_carry_the_basis_of_computed_figures(bygget):
    kontrollert = 0
    for url in OKONOMISIDER:
        for figur in _les(bygget, url).select("figure.rp-graf"):
            fil = (bygget / url / figur.select_one("p.rp-nedlasting a")["href"]).resolve()
            rader = list(csv.reader(io.StringIO(fil.read_text(encoding="utf-8-sig")), delimiter=";"))
            for r, rad in enumerate(figur.select("tbody tr"), start=1):
                for i, celle in enumerate(rad.find_all(["th", "td"])):
                    if celle.name == "td" and _merket(celle):
                        kontrollert += 1
                        assert "(beregnet: " in rader[0][i] or "(beregnet: " in rader[r][0], (fil.name, rader[0][i])
    assert kontrollert > 100
    per_ar = (bygget / "nedlasting" / "per-virkemiddel.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert "2022 (beregnet: sum av beløpene kilden oppgir for tiltakene, anslag medregnet)" in per_ar


def test_computed_figures_are_marked_in_the_search_text(bygget):
    tekster = {
        url: " ".join(side["content"].replace("\u202f", " ").replace("\u00a0", " ").split())
        for url, side in les_sokeindeks(bygget).items()
    }
    assert "300 000 kr (beregnet: 1 500 000 − 1 200 000)" in tekster["/okonomi/"]
    assert "(beregnet: sum av beløpene kilden oppgir for tiltakene, anslag medregnet)" in tekster["/okonomi/tiltak/"]


def test_every_page_with_a_marker_explains_it_once(bygget):
    for html_fil in bygget.rglob("index.html"):
        artikkel = BeautifulSoup(html_fil.read_text(encoding="utf-8"), "lxml").select_one("article")
        if artikkel is None:
            continue
        forklaringer = artikkel.select("#beregnet")
        brukt = [m for m in artikkel.select(".rp-beregnet") if not m.find_parent(id="beregnet")]
        assert len(forklaringer) == (1 if brukt else 0), html_fil
        if artikkel.select(".rp-anslag, a[href='#anslag']"):
            assert len(artikkel.select("#anslag")) == 1, html_fil
    leser = _tekst(_les(bygget, "strategi/slik-leser-du-planen").select_one("article"))
    assert "(beregnet)" in leser and "(beregnet: sum av beløpene kilden oppgir for tiltakene)" in leser


def test_the_partnership_estimates_carry_the_estimate_marker(bygget):
    figur = _les(bygget, "okonomi").find(id="graf-partnerskapsmidler")
    sjekket = 0
    for rad in figur.select("tbody tr"):
        belop, ordlyd = rad.find_all("td")
        er_anslag = any(o in ordlyd.get_text() for o in ANSLAGSORD)
        assert (belop.select_one(".rp-anslag a[href='#anslag']") is not None) == er_anslag, _tekst(rad)
        if er_anslag:
            assert _tekst(belop).startswith("ca. ")
            sjekket += 1
    assert sjekket == 2  # «anslagsvis 500 000» and «om lag 3 000 000»
    assert "ca. 3 000 000 kr" in _stolpetekster(figur)
    assert "om lag 3 000 000 kr" in _tekst(figur.figcaption)


def test_a_year_the_source_speaks_of_never_reads_not_stated(bygget):
    t = ekte_plan().tiltak["digital-lab-innlandet"]
    assert "deretter selvfinansierende" in t.midler_2022_2024.tekst
    side = _les(bygget, "tiltak/digital-lab-innlandet")
    assert _tekst(side.select_one('td[data-ar="2024"]')) == "kilden: «deretter selvfinansierende»"
    rad = next(r for r in _les(bygget, "tiltak").select("tbody tr") if t.navn in r.th.get_text())
    assert "«deretter selvfinansierende»" in _tekst(rad) and "ikke oppgitt" not in _tekst(rad)
    alle = _les(bygget, "okonomi/tiltak").find(id="graf-tiltak")
    rad = next(r for r in alle.select("tbody tr") if r.th.get_text() == t.navn)
    assert "kilden: «deretter selvfinansierende»" in _tekst(rad.find_all("td")[1 + AR.index(2024)])
    # «ikke oppgitt» is left only where the cell names its years and this year is not among them.
    for tiltak in ekte_plan().tiltak.values():
        side = _les(bygget, f"tiltak/{tiltak.id}")
        for ar in AR:
            if "ikke oppgitt" in _tekst(side.select_one(f'td[data-ar="{ar}"]')):
                kildetekst = (tiltak.midler_2021 if ar == 2021 else tiltak.midler_2022_2024).tekst
                nevnte = {int(a) for a in re.findall(r"\b20\d\d\b", kildetekst)}
                assert nevnte and ar not in nevnte and re.search(r"20\d\d\s*$", kildetekst), (tiltak.id, ar, kildetekst)


def test_growth_columns_keep_the_sources_percent_sign(bygget):
    figur = _les(bygget, "okonomi/befolkning").find(id="graf-befolkning")
    overskrifter = [_tekst(th) for th in figur.select("thead th")]
    kolonner = [i for i, o in enumerate(overskrifter) if o.startswith("Vekst")]
    assert len(kolonner) == 2
    for rad in figur.select("tbody tr"):
        celler = rad.find_all(["th", "td"])
        assert all(re.fullmatch(r"−?\d+,\d %", _tekst(celler[i])) for i in kolonner), _tekst(rad)
    csv_hode = (bygget / "nedlasting" / "befolkning.csv").read_text(encoding="utf-8-sig").splitlines()[0].split(";")
    assert [csv_hode[i] for i in kolonner] == ["Vekst siden 1.1.2000 (%)", "Vekst siste 3 år (%)"]
    etiketter = [_tekst(x) for x in figur.select(".rp-stolpe-etikett")]
    assert etiketter and all(t.endswith("%") for t in etiketter), etiketter


def test_no_ranking_chart_mixes_yearly_and_ten_year_ranks(bygget):
    html = _les(bygget, "okonomi/befolkning")
    figurer = [f for f in html.select("figure.rp-graf") if f["id"].startswith("graf-nho-")]
    assert len(figurer) == 3
    perioder = 0
    for figur in figurer:
        etiketter = [_tekst(r.th) for r in figur.select("tbody tr")]
        arstall = [bool(re.fullmatch(r"\d{4}", e)) for e in etiketter]
        assert all(arstall) or not any(arstall), (figur["id"], etiketter)
        perioder += not any(arstall)
        tittel = _tekst(figur.select_one(".rp-graf-tittel"))
        assert ("tiårsperioder" in tittel) == (not any(arstall)), tittel
        # The caption lists what the table holds, in the source's order, and nothing it does not.
        sammendrag = _tekst(figur.select_one(".rp-graf-sammendrag"))
        verdier = [_tekst(r.td) for r in figur.select("tbody tr")]
        assert ", ".join(f"{e}: {v}" for e, v in zip(etiketter, verdier, strict=True)) in re.sub(
            r" \(av \d+\)", "", sammendrag
        )
        assert "Beste" not in sammendrag and "siste er" not in sammendrag
    assert perioder == 1


def test_words_for_a_year_without_amount_must_be_the_sources():
    with pytest.raises(ValidationError, match="står ikke i tekst"):
        Midler.model_validate(
            {"tekst": "200 000,- i 2022", "kr": {2022: 200000}, "uten_belop": {2023: "selvfinansierende"}}
        )
    with pytest.raises(ValidationError, match="har også et beløp"):
        Midler.model_validate(
            {"tekst": "200 000,- i 2022, deretter null", "kr": {2022: 200000}, "uten_belop": {2022: "deretter null"}}
        )
    midler = Midler.model_validate(
        {
            "tekst": "200 000,- i 2022, deretter selvfinansierende",
            "kr": {2022: 200000},
            "uten_belop": {2023: "deretter selvfinansierende"},
        }
    )
    assert (midler.kildeord(2022), midler.kildeord(2023), midler.kildeord(2024)) == (
        None,
        "deretter selvfinansierende",
        None,
    )
    assert Midler.model_validate({"tekst": "Avhengig av strategi"}).kildeord(2023) == "Avhengig av strategi"
