"""Units: the model, the loader, the sums and the formatters, on plain data (no MkDocs)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from macros import urls
from macros.format import kroner, tall
from macros.load import load_plan, load_plan_cached
from macros.model import Midler, Tiltak
from macros.okonomi import AR, arssum, arssummer
from macros.yamlfile import les_yaml

TILTAK = {
    "id": "a",
    "navn": "A",
    "virkemiddel": "v",
    "midler_2021": {"tekst": "100 000,-", "kr": {2021: 100000}},
    "midler_2022_2024": {"tekst": "Trolig 50 000", "kr": {2022: 50000}, "anslag": True},
    "roller": ["veiviser"],
    "rolle_tekst": "Veiviser",
    "tiltakseiere": ["lrv"],
    "tiltakseier_tekst": "LRV",
    "partnere": [],
    "partnere_tekst": "",
}


def tiltak(**endringer) -> Tiltak:
    return Tiltak.model_validate({**TILTAK, **endringer})


def test_amount_per_year_and_estimate():
    t = tiltak()
    assert t.kr_for(2021) == 100000 and not t.er_anslag(2021)
    assert t.kr_for(2022) == 50000 and t.er_anslag(2022)
    assert t.kr_for(2023) is None and not t.er_anslag(2023)


def test_strict_model_refuses_coercion():
    with pytest.raises(ValidationError):
        Midler.model_validate({"tekst": "x", "kr": {2021: "100000"}})
    with pytest.raises(ValidationError):
        tiltak(navn=True)


def test_sums_count_estimates_and_missing_amounts():
    liste = [tiltak(id="a"), tiltak(id="b", midler_2022_2024={"tekst": "Ikke oppgitt"})]
    s2021 = arssum(liste, 2021)
    assert (s2021.kr, s2021.med_anslag, s2021.uten_belop, s2021.usikker) == (200000, False, 0, False)
    s2022 = arssum(liste, 2022)
    assert (s2022.kr, s2022.med_anslag, s2022.uten_belop, s2022.usikker) == (50000, True, 1, True)
    summer = arssummer(liste)
    assert list(summer) == list(AR) and all(summer[ar].ar == ar for ar in AR)
    assert summer[2022] == s2022


def test_money_is_written_the_norwegian_way():
    assert kroner(1200000) == "1\u202f200\u202f000\u00a0kr"
    assert tall(999) == "999"
    assert tall(-5000) == "−5\u202f000"


def test_urls_come_from_ids_and_links_are_relative():
    assert urls.side_url("tiltak", "snowball") == "tiltak/snowball/"
    assert urls.kildefil("aktor", "lrv") == "aktorer/lrv.md"
    assert urls.relativ("tiltak/snowball/", "aktorer/lrv/") == "../../aktorer/lrv/"
    assert urls.relativ("", "tiltak/") == "tiltak/"
    assert urls.relativ("tiltak/", "dokumenter/#kilde") == "../dokumenter/#kilde"


def test_yaml_reader_keeps_lines_and_source_text(tmp_path: Path):
    fil = tmp_path / "x.yml"
    fil.write_text('- id: "a"\n  navn: no\n  tall: 5\n', encoding="utf-8")
    dokument, feil = les_yaml(fil, "data/x.yml")
    assert not feil
    assert dokument.verdi == [{"id": "a", "navn": False, "tall": 5}]
    assert dokument.linje((0, "navn")) == 2
    assert dokument.skalarer[(0, "navn")].tekst == "no"
    assert dokument.linje((0, "navn", "finnes-ikke")) == 2


def test_real_data_loads_completely():
    plan = load_plan(Path(__file__).resolve().parent.parent / "data")
    assert len(plan.tiltak) == 25
    assert len(plan.virkemidler) == 6
    assert [v.nummer for v in plan.virkemidler.values()] == [1, 2, 3, 4, 5, 6]
    assert set(plan.roller) == {"veiviser", "brobygger", "tilrettelegger"}
    uten_tiltak = [v.id for v in plan.virkemidler.values() if not plan.tiltak_for_virkemiddel(v.id)]
    assert uten_tiltak == ["innbyggerinvolvering-samarbeid-og-teknologi"]
    assert plan.virkemidler[uten_tiltak[0]].uten_tiltak


def test_cached_load_reloads_after_a_change(datamappe: Path):
    forste = load_plan_cached(datamappe)
    assert load_plan_cached(datamappe) is forste
    fil = datamappe / "aktorer.yml"
    fil.write_text(fil.read_text(encoding="utf-8").replace('navn: "NTNU"', 'navn: "NTNU Gjøvik"'), encoding="utf-8")
    andre = load_plan_cached(datamappe)
    assert andre.aktorer["ntnu"].navn == "NTNU Gjøvik"


def test_a_partner_is_an_id_or_a_hedged_link():
    t = tiltak(partnere=["skappa", {"aktor": "hinn", "sikkerhet": "trolig"}])
    assert t.partner_ids == ["skappa", "hinn"]
    assert not t.er_trolig_partner("skappa") and t.er_trolig_partner("hinn")
    for feil in (
        [{"aktor": "hinn"}],
        [{"aktor": "hinn", "sikkerhet": "kanskje"}],
        [{"aktor": "hinn", "sikkerhet": "trolig", "x": 1}],
    ):
        with pytest.raises(ValidationError):
            tiltak(partnere=feil)


def test_a_change_of_role_names_two_different_sets_of_roles():
    t = tiltak(roller=["veiviser"], roller_fra=["tilrettelegger"])
    assert (t.roller, t.roller_fra) == (["veiviser"], ["tilrettelegger"])
    with pytest.raises(ValidationError, match="roller_fra"):
        tiltak(roller=["veiviser"], roller_fra=["veiviser"])
