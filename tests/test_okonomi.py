"""Economy: every figure shown equals the data it claims to sum, and the sources' stated totals hold."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import SEEDS, bygg, ekte_plan, lag_nettsted

from macros import datatabeller, okonomi, views
from macros.errors import Datafeil
from macros.load import load_plan
from macros.okonomi import AR


def side(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


def tabell(html: BeautifulSoup, tabell_id: str) -> dict[str, list[str]]:
    """Row label -> raw cell values (data-verdi) of one table on a page."""
    figur = html.find(id=f"graf-{tabell_id}")
    assert figur is not None, tabell_id
    return {rad.th.get_text(): [td["data-verdi"] for td in rad.find_all("td")] for rad in figur.select("tbody tr")}


def kr(verdi: str) -> int:
    return int(verdi)


def test_sums_per_instrument_equal_the_data(bygget):
    rader = tabell(side(bygget, "okonomi/tiltak"), "per-virkemiddel")
    for v in ekte_plan().virkemidler.values():
        tiltak = [t for t in ekte_plan().tiltak.values() if t.virkemiddel == v.id]
        celler = rader[v.overskrift]
        assert int(celler[0]) == len(tiltak)
        for i, ar in enumerate(AR, start=1):
            assert kr(celler[i]) == sum(t.kr_for(ar) or 0 for t in tiltak), (v.id, ar)
        assert kr(celler[-1]) == sum(t.kr_for(ar) or 0 for t in tiltak for ar in (2022, 2023, 2024))


def test_sums_per_owner_and_role_equal_the_data(bygget):
    html = side(bygget, "okonomi/tiltak")
    eiere = tabell(html, "per-tiltakseier")
    for aktor_id in {a for t in ekte_plan().tiltak.values() for a in t.tiltakseiere}:
        tiltak = [t for t in ekte_plan().tiltak.values() if aktor_id in t.tiltakseiere]
        assert kr(eiere[ekte_plan().aktorer[aktor_id].navn][1]) == sum(t.kr_for(2021) or 0 for t in tiltak)
    roller = tabell(html, "per-rolle")
    for rolle in ekte_plan().roller.values():
        tiltak = [t for t in ekte_plan().tiltak.values() if rolle.id in t.roller]
        assert [kr(c) for c in roller[rolle.navn][1:5]] == [sum(t.kr_for(ar) or 0 for t in tiltak) for ar in AR]


def test_yearly_sums_keep_estimates_and_missing_amounts_apart(bygget):
    rader = tabell(side(bygget, "okonomi/tiltak"), "tiltak-per-ar")
    for ar in AR:
        sikre = sum(t.kr_for(ar) or 0 for t in ekte_plan().tiltak.values() if not t.er_anslag(ar))
        anslag = sum(t.kr_for(ar) or 0 for t in ekte_plan().tiltak.values() if t.er_anslag(ar))
        mangler = sum(1 for t in ekte_plan().tiltak.values() if t.kr_for(ar) is None)
        assert [kr(c) for c in rader[str(ar)]] == [sikre, anslag, sikre + anslag, mangler]
    assert kr(rader["2021"][0]) == 1200000
    usikre = tabell(side(bygget, "okonomi/tiltak"), "usikre-belop")
    assert "Snowball" in usikre and "Fritidsbolignettverk" in usikre


def test_the_sources_stated_totals_hold():
    p = ekte_plan().okonomi.partnerskapsmidler
    assert (p.arlig.kr, p.fra_fylkeskommunen.kr, p.fra_kommunene.kr) == (3500000, 2500000, 1000000)
    assert p.fra_fylkeskommunen.kr + p.fra_kommunene.kr == p.arlig.kr
    assert p.arlig.kr - p.reduksjon_administrasjon.kr == p.nye_tiltaksmidler.kr == 3000000
    assert [a.prosent for a in ekte_plan().okonomi.fordeling.andeler] == [80, 10, 10]
    ramme = ekte_plan().tiltaksplaner["tiltaksplan-2021"]
    sum_2021 = sum(t.kr_for(2021) or 0 for t in ekte_plan().tiltak.values())
    assert sum_2021 == ramme.oppgitt_sum.kr == 1200000 <= ramme.ramme.kr == 1500000
    befolkning = ekte_plan().befolkning.tabeller[0]
    rader = {r.navn: r.verdier for r in befolkning.rader}
    for kolonne in befolkning.summerbare_kolonner:
        k = befolkning.kolonne(kolonne)
        assert rader["Lillehammerregionen"][k] == sum(
            rader[n][k] for n in ("0501 Lillehammer", "0521 Øyer", "0522 Gausdal")
        )
    # The stated texts are the sources' own words.
    handlingsplan = (SEEDS / "002_21d2f3a798b15d75.txt").read_text(encoding="utf-8")
    for belop in (p.arlig, p.fra_fylkeskommunen, p.fra_kommunene, p.reduksjon_administrasjon, p.nye_tiltaksmidler):
        assert " ".join(belop.tekst.split()) in " ".join(handlingsplan.split())


def test_frame_table_shows_what_is_left(bygget):
    rader = tabell(side(bygget, "okonomi"), "ramme-2021")
    assert [kr(v[0]) for v in rader.values()] == [1500000, 1200000, 300000]


def _csv_celle(verdi: str) -> str:
    """CSV writes decimals with a comma, as Norwegian spreadsheets read them."""
    return verdi.replace(".", ",") if re.fullmatch(r"-?\d+\.\d+", verdi) else verdi


def test_every_table_downloads_as_the_same_csv(bygget):
    for html_side in ("okonomi", "okonomi/tiltak", "okonomi/befolkning"):
        html = side(bygget, html_side)
        for figur in html.select("figure.rp-graf"):
            lenke = figur.select_one("p.rp-nedlasting a")
            fil = (bygget / html_side / lenke["href"]).resolve()
            rader = list(csv.reader(io.StringIO(fil.read_text(encoding="utf-8-sig")), delimiter=";"))
            overskrifter = [th.get_text() for th in figur.select("thead th")]
            assert rader[0] == overskrifter
            html_rader = [
                [r.th.get_text()] + [_csv_celle(td["data-verdi"]) for td in r.find_all("td")]
                for r in figur.select("tbody tr")
            ]
            assert rader[1:] == html_rader, fil.name


def test_a_partnership_sum_that_does_not_hold_stops_the_load(datamappe):
    fil = datamappe / "okonomi.yml"
    fil.write_text(fil.read_text(encoding="utf-8").replace("kr: 2500000", "kr: 2400000"), encoding="utf-8")
    with pytest.raises(Datafeil) as feil:
        load_plan(datamappe)
    melding = str(feil.value)
    assert re.search(r"data/okonomi\.yml, linje \d+", melding)
    assert "2\u202f400\u202f000\u00a0kr" in melding and "3\u202f500\u202f000\u00a0kr" in melding


def test_a_population_total_that_does_not_hold_stops_the_load(datamappe):
    fil = datamappe / "befolkning.yml"
    fil.write_text(fil.read_text(encoding="utf-8").replace("[35769,", "[35770,"), encoding="utf-8")
    with pytest.raises(Datafeil) as feil:
        load_plan(datamappe)
    melding = str(feil.value)
    assert re.search(r"data/befolkning\.yml, linje \d+", melding)
    assert "35770" in melding and "35769" in melding


def _filer(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in site.rglob("*")
        if p.is_file() and p.suffix in (".html", ".csv") and p.name != "404.html"
    }


def test_changing_one_amount_changes_everything_that_depends_on_it_and_nothing_else(tmp_path, bygget):
    # «Before» is the session's build of the unchanged sources.
    etter = lag_nettsted(tmp_path / "etter")
    fil = etter / "data" / "tiltak.yml"
    tekst = fil.read_text(encoding="utf-8")
    gammel = "kr: {2022: 300000, 2023: 300000, 2024: 300000}"
    assert tekst.count(gammel) == 1
    fil.write_text(tekst.replace(gammel, "kr: {2022: 350000, 2023: 300000, 2024: 300000}"), encoding="utf-8")
    assert bygg(etter).returncode == 0
    a, b = _filer(bygget), _filer(etter / "site")
    endret = {navn for navn in a if a[navn] != b.get(navn)}
    snowball = ekte_plan().tiltak["snowball"]
    forventet = {
        "tiltak/snowball/index.html",
        "tiltak/index.html",
        "tiltak/utforsk/index.html",
        f"virkemidler/{snowball.virkemiddel}/index.html",
        *(f"aktorer/{a}/index.html" for a in snowball.tiltakseiere + snowball.partnere),
        *(f"roller/{r}/index.html" for r in snowball.roller),
        "okonomi/tiltak/index.html",
        "nedlasting/tiltak-per-ar.csv",
        "nedlasting/per-virkemiddel.csv",
        "nedlasting/per-tiltakseier.csv",
        "nedlasting/per-rolle.csv",
        "nedlasting/tiltak.csv",
        "nedlasting/datasett/tiltak.csv",
    }
    assert endret == forventet
    assert "350\u202f000\u00a0kr" in b["tiltak/snowball/index.html"].decode()


BEFOLKNINGSSIDEN = ("befolkning", "nho-naeringsnm", "nho-naeringsnm-tiarsperioder", "nho-kommunenm")


def _figurer(plan) -> dict[str, tuple]:
    """What the population page shows per table: caption, chart label, bar labels, cells by row, and the CSV."""
    deler = [views.Okonomidel(t) for t in BEFOLKNINGSSIDEN]
    html = BeautifulSoup(str(views.okonomiside(plan, views.PageAddress("okonomi/befolkning/"), deler)), "lxml")
    tabeller = datatabeller.bygg(plan)
    resultat = {}
    for tabell_id in BEFOLKNINGSSIDEN:
        figur = html.find(id=f"graf-{tabell_id}")
        csv_linjer = datatabeller.csv_tekst(tabeller[tabell_id]).splitlines()
        resultat[tabell_id] = (
            figur.figcaption.get_text(),
            figur.select_one(".rp-stolper")["aria-label"],
            sorted(t.get_text() for t in figur.select(".rp-stolpe-etikett")),
            {r.th.get_text(): [td["data-verdi"] for td in r.find_all("td")] for r in figur.select("tbody tr")},
            csv_linjer[0],
            sorted(csv_linjer[1:]),
        )
    return resultat


def _skriv_yaml(fil: Path, data) -> None:
    fil.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_statistics_are_found_by_id_whatever_the_order_of_rows_and_tables(datamappe):
    befolkning = yaml.safe_load((datamappe / "befolkning.yml").read_text(encoding="utf-8"))
    tabell = befolkning["tabeller"][0]
    tabell["rader"].reverse()
    annen = {
        "id": "annen-tabell",
        "navn": "Annen tabell",
        "kolonner": ["Tall"],
        "diagramkolonne": "Tall",
        "rader": [{"navn": "Noe annet", "verdier": [1]}],
    }
    befolkning["tabeller"].insert(0, annen)
    _skriv_yaml(datamappe / "befolkning.yml", befolkning)
    nho = yaml.safe_load((datamappe / "nho_rangeringer.yml").read_text(encoding="utf-8"))
    nho["tabeller"].reverse()
    _skriv_yaml(datamappe / "nho_rangeringer.yml", nho)

    omstokket = load_plan(datamappe)
    assert omstokket.befolkning.tabeller[1].rader[0].navn == "0502 Gjøvik"  # the order really changed
    assert [t.id for t in omstokket.nho_rangeringer.tabeller] == ["nho-kommunenm", "nho-naeringsnm"]
    assert _figurer(omstokket) == _figurer(ekte_plan())
    sammendrag = _figurer(ekte_plan())["befolkning"][0]
    assert "Lillehammerregionen 6,3\u00a0%, «0 Hele landet» 12,8\u00a0%" in sammendrag


def test_a_row_the_summary_needs_must_carry_its_id(datamappe):
    fil = datamappe / "befolkning.yml"
    fil.write_text(
        fil.read_text(encoding="utf-8").replace('- id: "landet"\n        navn:', "- navn:"), encoding="utf-8"
    )
    plan = load_plan(datamappe)
    with pytest.raises(Datafeil) as feil:
        datatabeller.bygg(plan)
    assert "data/befolkning.yml" in str(feil.value) and "«landet»" in str(feil.value)


def test_ids_of_rows_and_tables_are_unique(datamappe):
    fil = datamappe / "befolkning.yml"
    fil.write_text(fil.read_text(encoding="utf-8").replace('id: "regionen"', 'id: "landet"'), encoding="utf-8")
    with pytest.raises(Datafeil, match="rad-id-en «landet» står på mer enn én rad"):
        load_plan(datamappe)
    fil = datamappe / "nho_rangeringer.yml"
    fil.write_text(
        fil.read_text(encoding="utf-8").replace('id: "nho-kommunenm"', 'id: "nho-naeringsnm"'), encoding="utf-8"
    )
    with pytest.raises(Datafeil, match="tabell-id-en «nho-naeringsnm» står på mer enn én tabell"):
        load_plan(datamappe)


def test_a_statistics_table_may_not_take_the_id_of_another_table(datamappe):
    fil = datamappe / "nho_rangeringer.yml"
    fil.write_text(
        fil.read_text(encoding="utf-8").replace('id: "nho-kommunenm"', 'id: "tiltak-per-ar"'), encoding="utf-8"
    )
    with pytest.raises(Datafeil, match="tabell-id-en «tiltak-per-ar» er allerede i bruk"):
        datatabeller.bygg(load_plan(datamappe))


def test_the_csv_files_are_named_by_the_ids_in_the_data():
    yaml_ids = {t.id for s in (ekte_plan().befolkning, ekte_plan().nho_rangeringer) for t in s.tabeller}
    stier = {t.csv_sti for t in datatabeller.bygg(ekte_plan()).values()}
    assert {f"nedlasting/{i}.csv" for i in yaml_ids} <= stier
    assert "nedlasting/nho-naeringsnm-tiarsperioder.csv" in stier


def test_yearly_sums_are_looked_up_by_year():
    totalt = okonomi.totalt(ekte_plan())
    assert list(totalt) == list(AR)
    for ar, sum_ in totalt.items():
        assert sum_.ar == ar and sum_.kr == sum(t.kr_for(ar) or 0 for t in ekte_plan().tiltak.values())
    assert not totalt[2021].beregnet and all(totalt[ar].beregnet for ar in AR[1:])
