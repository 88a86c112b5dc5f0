"""Staff mistakes in data/: each one stops the load with a bokmål message naming file and line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from macros.errors import Datafeil
from macros.load import load_plan


def endre(datamappe: Path, fil: str, gammel: str, ny: str, antall: int = 1) -> int:
    """Replace text in a data file; return the 1-based line where the new text starts."""
    sti = datamappe / fil
    tekst = sti.read_text(encoding="utf-8")
    assert tekst.count(gammel) >= antall, f"{gammel!r} finnes ikke i {fil}"
    linje = tekst[: tekst.index(gammel)].count("\n") + 1
    sti.write_text(tekst.replace(gammel, ny, antall), encoding="utf-8")
    return linje


def feil_fra(datamappe: Path) -> list[str]:
    with pytest.raises(Datafeil) as unntak:
        load_plan(datamappe)
    return [str(f) for f in unntak.value.feil]


def en_feil(datamappe: Path) -> str:
    feil = feil_fra(datamappe)
    assert len(feil) == 1, feil
    return feil[0]


def test_yaml_syntax_error_names_file_and_line(datamappe):
    linje = endre(datamappe, "tiltak.yml", '  navn: "Snowball"', '  navn: "Snowball')
    melding = en_feil(datamappe)
    assert melding.startswith("data/tiltak.yml, linje ")
    assert "YAML-syntaksfeil" in melding
    oppgitt = int(melding.split("linje ")[1].split(":")[0].split(",")[0])
    assert linje <= oppgitt <= linje + 2


def test_unknown_key_suggests_the_right_one(datamappe):
    linje = endre(datamappe, "tiltak.yml", '  rolle_tekst: "Tilrettelegger"\n', '  role_tekst: "Tilrettelegger"\n')
    meldinger = feil_fra(datamappe)
    melding = next(m for m in meldinger if "role_tekst" in m)
    assert f"data/tiltak.yml, linje {linje}, post «esport-klynge», felt «role_tekst»" in melding
    assert "ukjent felt «role_tekst». Mente du «rolle_tekst»?" in melding


def test_missing_required_field(datamappe):
    linje = endre(datamappe, "tiltak.yml", '- id: "webside"\n  navn: "Webside"\n', '- id: "webside"\n')
    melding = en_feil(datamappe)
    assert f"data/tiltak.yml, linje {linje}, post «webside», felt «navn»: mangler påkrevd felt «navn»." == melding


def test_duplicate_id_names_both_lines(datamappe):
    forste = endre(datamappe, "tiltak.yml", '- id: "webside"', '- id: "webside"')
    linje = endre(datamappe, "tiltak.yml", '- id: "visuell-identitet"', '- id: "webside"')
    melding = en_feil(datamappe)
    assert f"data/tiltak.yml, linje {linje}, post «webside», felt «id»" in melding
    assert f"id «webside» er allerede brukt på linje {forste}" in melding


@pytest.mark.parametrize(
    ("gammel", "ny", "felt", "hva"),
    [
        ('  virkemiddel: "gode-historier"\n', '  virkemiddel: "gode-historie"\n', "virkemiddel", "virkemiddel"),
        ('  tiltakseiere: ["visit-lillehammer"]', '  tiltakseiere: ["visit-lilehammer"]', "tiltakseiere", "aktør"),
        ('  roller: ["tilrettelegger"]\n', '  roller: ["tilretteleger"]\n', "roller", "rolle"),
    ],
)
def test_unknown_reference_names_register_and_suggests(datamappe, gammel, ny, felt, hva):
    linje = endre(datamappe, "tiltak.yml", gammel, ny)
    melding = en_feil(datamappe)
    ukjent = ny.split('"')[1]
    riktig = gammel.split('"')[1]
    assert f"data/tiltak.yml, linje {linje}" in melding
    assert f"felt «{felt}»: ukjent {hva} «{ukjent}»" in melding
    assert f"Mente du «{riktig}»?" in melding


def test_text_where_an_amount_belongs(datamappe):
    linje = endre(datamappe, "tiltak.yml", "kr: {2021: 75000}", 'kr: {2021: "75 000"}')
    melding = en_feil(datamappe)
    assert f"data/tiltak.yml, linje {linje}, post «esport-klynge», felt «midler_2021.kr.2021»" in melding
    assert "forventet et beløp eller tall i hele kroner uten mellomrom (for eksempel 200000), fant «75 000»" in melding


def test_negative_amount(datamappe):
    linje = endre(datamappe, "tiltak.yml", "kr: {2021: 75000}", "kr: {2021: -75000}")
    melding = en_feil(datamappe)
    assert f"data/tiltak.yml, linje {linje}, post «esport-klynge», felt «midler_2021.kr.2021»" in melding
    assert "beløpet kan ikke være negativt" in melding and "«-75000»" in melding


def test_yaml_1_1_no_is_read_as_false(datamappe):
    linje = endre(datamappe, "aktorer.yml", 'forkortelse: "LRV"', "forkortelse: no")
    melding = en_feil(datamappe)
    assert f"data/aktorer.yml, linje {linje}, post «lrv», felt «forkortelse»" in melding
    assert "fant «no», som YAML leser som en sannhetsverdi (true/false)" in melding
    assert 'Sett teksten i anførselstegn: "no"' in melding


def test_unquoted_date_is_read_as_a_date(datamappe):
    linje = endre(datamappe, "kilder.yml", 'dato: "2020-12-04"', "dato: 2020-12-04")
    melding = en_feil(datamappe)
    assert f"data/kilder.yml, linje {linje}, post «handlingsplan-2021-2025», felt «dato»" in melding
    assert "fant «2020-12-04», som YAML leser som en dato" in melding


def test_sum_that_does_not_match_the_stated_total_names_both_numbers(datamappe):
    endre(datamappe, "tiltak.yml", "kr: {2021: 75000}", "kr: {2021: 25000}")
    linje = endre(datamappe, "tiltaksplaner.yml", "    kr: 1200000", "    kr: 1200000")
    melding = en_feil(datamappe)
    assert f"data/tiltaksplaner.yml, linje {linje}, post «tiltaksplan-2021», felt «oppgitt_sum.kr»" in melding
    assert "summen av midler i 2021 i data/tiltak.yml (Tiltaksplan 2021)" in melding
    assert "er 1\u202f150\u202f000\u00a0kr, men kilden oppgir 1\u202f200\u202f000\u00a0kr" in melding


def test_sum_over_the_frame(datamappe):
    endre(datamappe, "tiltak.yml", "kr: {2021: 75000}", "kr: {2021: 475000}")
    endre(datamappe, "tiltaksplaner.yml", "    kr: 1200000", "    kr: 1600000")
    melding = en_feil(datamappe)
    assert "data/tiltaksplaner.yml" in melding and "mer enn rammen på 1\u202f500\u202f000\u00a0kr" in melding


def test_empty_file(datamappe):
    (datamappe / "roller.yml").write_text("# bare en kommentar\n", encoding="utf-8")
    assert (
        en_feil(datamappe) == "data/roller.yml, linje 1: filen er tom. Den skal inneholde data, ikke bare kommentarer."
    )


def test_missing_file(datamappe):
    (datamappe / "roller.yml").unlink()
    assert "data/roller.yml: filen mangler" in en_feil(datamappe)


def test_key_written_twice_in_one_record(datamappe):
    linje = endre(datamappe, "tiltak.yml", '  navn: "Webside"\n', '  navn: "Webside"\n  navn: "Nettside"\n')
    melding = en_feil(datamappe)
    assert (
        f"data/tiltak.yml, linje {linje + 1}: feltet «navn» står to ganger i samme post (første gang på linje {linje})"
        in melding
    )


def test_year_in_the_wrong_column(datamappe):
    endre(datamappe, "tiltak.yml", "kr: {2021: 75000}", "kr: {2022: 75000}")
    meldinger = feil_fra(datamappe)
    assert any("post «esport-klynge»" in m and "året 2022 hører ikke til denne kolonnen" in m for m in meldinger)


def test_invalid_id(datamappe):
    linje = endre(datamappe, "aktorer.yml", 'id: "nho"', 'id: "NHO Innlandet"')
    melding = en_feil(datamappe)
    assert f"data/aktorer.yml, linje {linje}" in melding
    assert "forventet en id med små bokstaver" in melding


def test_file_that_is_not_a_list(datamappe):
    (datamappe / "roller.yml").write_text('id: "veiviser"\nnavn: "Veiviser"\n', encoding="utf-8")
    assert "skal være en liste med poster" in en_feil(datamappe)


def test_all_errors_are_reported_together(datamappe):
    endre(datamappe, "tiltak.yml", "kr: {2021: 75000}", "kr: {2021: -1}")
    endre(datamappe, "aktorer.yml", 'forkortelse: "LRV"', "forkortelse: no")
    endre(datamappe, "tiltak.yml", '  virkemiddel: "gode-historier"\n', '  virkemiddel: "x"\n')
    with pytest.raises(Datafeil) as unntak:
        load_plan(datamappe)
    tekst = str(unntak.value)
    assert tekst.startswith("Fant 3 feil i dataene.")
    assert "negativt" in tekst and "sannhetsverdi" in tekst and "ukjent virkemiddel «x»" in tekst


def test_history_event_with_an_unquoted_year(datamappe):
    linje = endre(datamappe, "hendelser.yml", 'tid: "2006"', "tid: 2006")
    melding = en_feil(datamappe)
    assert f"data/hendelser.yml, linje {linje}, post «vintersportsregionen-lillehammer», felt «tid»" in melding
    assert "fant «2006», som YAML leser som et tall" in melding


def test_history_event_with_an_unknown_theme(datamappe):
    linje = endre(
        datamappe,
        "hendelser.yml",
        'tema: ["organisering", "idrett-og-folkehelse"',
        'tema: ["organisasjon", "idrett-og-folkehelse"',
    )
    melding = en_feil(datamappe)
    assert melding.startswith(
        f"data/hendelser.yml, linje {linje}, post «vintersportsregionen-lillehammer», felt «tema»: "
    )
    assert "ukjent tema «organisasjon». Id-en må finnes i data/temaer.yml. Mente du «organisering»?" in melding


def test_a_hedged_partner_with_a_wrong_certainty_names_the_line(datamappe):
    linje = endre(
        datamappe,
        "tiltak.yml",
        '    - {aktor: "digital-innlandet", sikkerhet: "trolig"}',
        '    - {aktor: "digital-innlandet", sikkerhet: "sikkert"}',
    )
    melding = en_feil(datamappe)
    assert melding.startswith(
        f"data/tiltak.yml, linje {linje}, post «digital-lab-innlandet», felt «partnere.1.sikkerhet»: "
    )
    assert "forventet en av 'trolig', fant «sikkert»" in melding


def test_a_hedged_partner_must_be_a_known_actor(datamappe):
    linje = endre(datamappe, "tiltak.yml", '{aktor: "digitaliseringsstyret",', '{aktor: "digitaliseringstyret",')
    melding = en_feil(datamappe)
    assert melding.startswith(
        f"data/tiltak.yml, linje {linje}, post «digital-lab-innlandet», felt «partnere»: ukjent aktør «digitaliseringstyret»"
    )
    assert "Mente du «digitaliseringsstyret»?" in melding


def test_an_inferred_year_without_explanation_names_the_event(datamappe):
    fil = datamappe / "hendelser.yml"
    linjer = fil.read_text(encoding="utf-8").splitlines(keepends=True)
    nummer = next(i for i, linje in enumerate(linjer) if linje.startswith('  tid_grunnlag: "Kilden skriver «Protokoll'))
    fil.write_text("".join(linjer[:nummer] + linjer[nummer + 1 :]), encoding="utf-8")
    melding = en_feil(datamappe)
    assert re.match(r"data/hendelser\.yml, linje \d+, post «ipr-mote-8-april-2021»: ", melding)
    assert "«8. april» oppgir ikke året 2021" in melding


def test_an_unknown_role_names_the_roles_file(datamappe):
    linje = endre(datamappe, "tiltak.yml", 'roller: ["brobygger"]', 'roller: ["brobyger"]')
    assert en_feil(datamappe) == (
        f"data/tiltak.yml, linje {linje}, post «sirkulaere-lillehammer-regionen», felt «roller»: ukjent rolle «brobyger». "
        "Id-en må finnes i data/roller.yml. Mente du «brobygger»?"
    )


def test_the_roles_are_the_records_in_the_roles_file(datamappe):
    """A role added to data/roller.yml can be used at once: no list of roles anywhere else."""
    fil = datamappe / "roller.yml"
    fil.write_text(
        fil.read_text(encoding="utf-8") + '\n- id: "padriver"\n  navn: "Pådriver"\n  omtale: ["Et avsnitt."]\n'
        '  kilde: {kilde: "tiltaksplan-2021", seksjon: "Vurdering"}\n',
        encoding="utf-8",
    )
    endre(datamappe, "tiltak.yml", 'roller: ["brobygger"]', 'roller: ["padriver"]')
    plan = load_plan(datamappe)
    assert [t.id for t in plan.tiltak_med_rolle("padriver")] == ["sirkulaere-lillehammer-regionen"]


def test_an_unknown_history_page_names_the_history_pages_file(datamappe):
    linje = endre(datamappe, "hendelser.yml", 'historikk: ["snowball"]', 'historikk: ["snoball"]')
    melding = en_feil(datamappe)
    assert re.match(rf"data/hendelser\.yml, linje {linje}, post «[a-z0-9-]+», felt «historikk»: ", melding), melding
    assert melding.endswith(
        "ukjent historikkside «snoball». Id-en må finnes i data/historikksider.yml. Mente du «snowball»?"
    )
