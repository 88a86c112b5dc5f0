"""`make endringer`: the changes in data/ since a git revision, in plain bokmål, record by record."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import ekte_plan
from test_fiendtlig import FIENDTLIG
from test_tiltaksplaner import legg_til_2022

from macros.endringer import Endring, sammenlign, sumendringer
from macros.endringsrapport import INGEN_ENDRINGER, lag_rapport, main, som_markdown, som_tekst
from macros.endringstekst import setning, sumsetning
from macros.load import load_plan
from macros.registry import TYPER

KR = "\u00a0kr"
T = "\u202f"  # the narrow no-break space between thousands


def git(repo: Path, *argumenter: str) -> None:
    # Identity and signing set here, so the test runs on a machine without any git config.
    subprocess.run(
        [
            "git",
            "-c",
            "user.name=Test",
            "-c",
            "user.email=test@example.invalid",
            "-c",
            "commit.gpgsign=false",
            *argumenter,
        ],
        cwd=repo,
        check=True,
        capture_output=True,
    )


@pytest.fixture
def repo(datamappe: Path) -> Path:
    """A git repository whose one commit holds a copy of the project's data/."""
    mappe = datamappe.parent
    git(mappe, "init", "-q")
    git(mappe, "add", "data")
    git(mappe, "commit", "-q", "-m", "Data")
    return mappe


def endre(repo: Path, fil: str, gammelt: str, nytt: str) -> None:
    sti = repo / "data" / fil
    tekst = sti.read_text(encoding="utf-8")
    assert tekst.count(gammelt) == 1, gammelt
    sti.write_text(tekst.replace(gammelt, nytt), encoding="utf-8")


def linjer(repo: Path) -> list[str]:
    rapport = lag_rapport(repo, "HEAD")
    assert not rapport.feil, som_tekst(rapport)
    return [linje for avsnitt in rapport.avsnitt for linje in avsnitt.linjer]


SNOWBALL_MIDLER = "kr: {2022: 300000, 2023: 300000, 2024: 300000}"
NYTT_TILTAK = '''- id: "nytt-tiltak"
  navn: "Et nytt tiltak"
  virkemiddel: "klynger-og-nettverk"
  midler_2021: {tekst: "Ikke avklart"}
  midler_2022_2024: {tekst: "Ikke avklart"}
  roller: ["veiviser"]
  rolle_tekst: "Veiviser"
  tiltakseiere: ["lrv"]
  tiltakseier_tekst: "LRV"
  partnere: []
  partnere_tekst: ""

- id: "snowball"'''


def test_a_changed_amount(repo):
    endre(repo, "tiltak.yml", SNOWBALL_MIDLER, "kr: {2022: 300000, 2023: 250000, 2024: 300000}")
    assert linjer(repo)[0] == f"Snowball: midler 2023 endret fra 300{T}000{KR} til 250{T}000{KR}"


def test_an_added_record(repo):
    endre(repo, "tiltak.yml", '- id: "snowball"', NYTT_TILTAK)
    assert linjer(repo) == ["Nytt tiltak: Et nytt tiltak under Klynger og nettverk, eier LRV"]


def test_a_removed_record(repo):
    sti = repo / "data" / "tiltak.yml"
    tekst = sti.read_text(encoding="utf-8")
    start = tekst.index('- id: "sirkulaere-lillehammer-regionen"')
    sti.write_text(tekst[:start] + tekst[tekst.index('- id: "utviklingsprosess', start) :], encoding="utf-8")
    # Its amounts were all 0 kr, so no total moves and no sum is reported.
    assert linjer(repo) == ["Fjernet tiltak: Sirkulære Lillehammer-regionen"]


def test_a_renamed_title(repo):
    endre(repo, "tiltak.yml", 'navn: "Esport-klynge"', 'navn: "Esportklyngen"')
    assert linjer(repo) == ["Tiltaket esport-klynge fikk nytt navn: «Esport-klynge» → «Esportklyngen»"]


def test_changed_references_read_as_names(repo):
    endre(
        repo,
        "tiltak.yml",
        '  virkemiddel: "klynger-og-nettverk"\n  midler_2021: {tekst: "Kun allerede avsatt',
        '  virkemiddel: "baerekraftige-og-digitale-forretningsmodeller"\n  midler_2021: {tekst: "Kun allerede avsatt',
    )
    endre(repo, "tiltak.yml", 'partnere: ["eiere-av-snowball"]', 'partnere: ["innovasjon-norge"]')
    endre(repo, "tiltak.yml", 'tiltakseiere: ["visit-lillehammer"]', 'tiltakseiere: ["visit-lillehammer", "lrv"]')
    assert linjer(repo) == [
        "Snowball: flyttet fra virkemiddelet Klynger og nettverk til Bærekraftige og digitale forretningsmodeller",
        "Snowball: LRV lagt til i tiltakseiere",
        "Snowball: Eiere av Snowball fjernet fra partnere",
        "Snowball: Innovasjon Norge lagt til i partnere",
    ]


def test_a_moved_reconciled_total_is_reported(repo):
    endre(repo, "tiltak.yml", '{tekst: "75 000,-", kr: {2021: 75000}}', '{tekst: "125 000,-", kr: {2021: 125000}}')
    rapport = lag_rapport(repo, "HEAD")
    summer = {a.overskrift: a.linjer for a in rapport.avsnitt}
    assert summer["Summer regnet ut fra data/tiltak.yml"] == [
        f"Summen av midler i 2021 endret fra 1{T}200{T}000{KR} til 1{T}250{T}000{KR} og stemmer ikke lenger "
        f"med summen kilden oppgir (1{T}200{T}000{KR})."
    ]
    # The build stops on this; the report repeats checks.py's own message, with file and line.
    avvik = summer["Summer som ikke stemmer (bygget stopper)"]
    assert len(avvik) == 1 and avvik[0].startswith("data/tiltaksplaner.yml, linje ")


def test_a_total_that_still_matches_says_so(repo):
    endre(repo, "tiltak.yml", '{tekst: "75 000,-", kr: {2021: 75000}}', '{tekst: "125 000,-", kr: {2021: 125000}}')
    endre(repo, "tiltaksplaner.yml", "kr: 1200000", "kr: 1250000")
    summer = {a.overskrift: a.linjer for a in lag_rapport(repo, "HEAD").avsnitt}
    assert summer["Summer regnet ut fra data/tiltak.yml"] == [
        f"Summen av midler i 2021 endret fra 1{T}200{T}000{KR} til 1{T}250{T}000{KR} og stemmer fortsatt med "
        f"summen kilden oppgir (1{T}250{T}000{KR}, før 1{T}200{T}000{KR})."
    ]
    assert "Summer som ikke stemmer (bygget stopper)" not in summer


def test_the_yearly_sums_without_a_stated_total(repo):
    endre(repo, "tiltak.yml", SNOWBALL_MIDLER, "kr: {2022: 300000, 2023: 250000, 2024: 300000}")
    summer = {a.overskrift: a.linjer for a in lag_rapport(repo, "HEAD").avsnitt}
    # 2023 includes an amount the source calls «trolig»; the sentence keeps that.
    assert summer["Summer regnet ut fra data/tiltak.yml"] == [
        f"Summen av midler i 2023 endret fra 1{T}175{T}000{KR} til 1{T}125{T}000{KR}. "
        f"Av dette er 50{T}000{KR} anslag («trolig»)."
    ]


def test_the_markdown_form(repo):
    endre(repo, "tiltak.yml", 'navn: "Esport-klynge"', 'navn: "Esport <b>*klynge*</b>"')
    endre(repo, "tiltak.yml", SNOWBALL_MIDLER, "kr: {2022: 300000, 2023: 250000, 2024: 300000}")
    kort = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=repo, capture_output=True, text=True
    ).stdout.strip()
    assert som_markdown(lag_rapport(repo, "HEAD")) == (
        "## Endringer i dataene\n\n"
        f"Fra HEAD ({kort}) til arbeidskopien.\n\n"
        "### data/tiltak.yml\n\n"
        "- Tiltaket esport-klynge fikk nytt navn: «Esport-klynge» → «Esport \\<b\\>\\*klynge\\*\\</b\\>»\n"
        f"- Snowball: midler 2023 endret fra 300{T}000{KR} til 250{T}000{KR}\n\n"
        "### Summer regnet ut fra data/tiltak.yml\n\n"
        f"- Summen av midler i 2023 endret fra 1{T}175{T}000{KR} til 1{T}125{T}000{KR}. "
        f"Av dette er 50{T}000{KR} anslag («trolig»).\n"
    )


def test_nothing_changed(repo, capsys):
    # A comment is not data.
    endre(repo, "tiltak.yml", "# 2. Klynger og nettverk", "# 2. Klynger og nettverk (kommentar)")
    assert main(["--fra", "HEAD", "--repo", str(repo)]) == 0
    assert capsys.readouterr().out == INGEN_ENDRINGER + "\n"


def test_old_data_that_does_not_validate_is_reported_without_a_traceback(repo, capsys):
    # Exit 0: old data in another format is no mistake of this change (the pull-request summary must not fail).
    endre(repo, "tiltak.yml", 'navn: "Esport-klynge"', 'navn: ""')
    git(repo, "commit", "-q", "-am", "Ugyldig")
    endre(repo, "tiltak.yml", 'navn: ""', 'navn: "Esport-klynge"')
    assert main(["--fra", "HEAD", "--repo", str(repo), "--markdown"]) == 0
    ut = capsys.readouterr().out
    assert "Traceback" not in ut
    assert "### Dataene i HEAD (" in ut and ") er ikke gyldige\n" in ut
    linje = (repo / "data" / "tiltak.yml").read_text(encoding="utf-8").splitlines().index('  navn: "Esport-klynge"') + 1
    assert f"- data/tiltak.yml, linje {linje}, post «esport-klynge», felt «navn»: kan ikke være tom." in ut


def test_invalid_data_in_the_working_tree_fails_the_command(repo, capsys):
    endre(repo, "tiltak.yml", 'navn: "Esport-klynge"', 'navn: ""')
    assert main(["--fra", "HEAD", "--repo", str(repo)]) == 1
    assert "Dataene i arbeidskopien er ikke gyldige" in capsys.readouterr().out


def test_an_unknown_revision(repo, capsys):
    assert main(["--fra", "finnes-ikke", "--repo", str(repo)]) == 1
    assert "Fant ikke revisjonen «finnes-ikke» i git" in capsys.readouterr().out


def test_changes_are_records_with_kind_and_id():
    tiltak = dict(ekte_plan().tiltak)
    snowball = tiltak["snowball"]
    tiltak["snowball"] = snowball.model_copy(
        update={
            "midler_2022_2024": snowball.midler_2022_2024.model_copy(
                update={"kr": {2022: 300000, 2023: 250000, 2024: 300000}}
            )
        }
    )
    assert sammenlign(ekte_plan(), ekte_plan().med(tiltak=tiltak)) == [
        Endring("endret", "tiltak", "snowball", ("midler_2022_2024", "kr", 2023), 300000, 250000)
    ]


@pytest.mark.parametrize("type_", [t for t, d in TYPER.items() if d.liste])
def test_every_register_is_compared(type_, datamappe):
    """Removing the first record of any register is found and said, without a list of registers here."""
    plan = ekte_plan()
    if not plan.poster[type_]:
        # The real data has no plan year after 2021 yet; the fixture's 2022 plan fills that register.
        legg_til_2022(datamappe)
        plan = load_plan(datamappe)
    poster = dict(plan.poster[type_])
    post_id, post = next(iter(poster.items()))
    del poster[post_id]
    ny = plan.med(**{type_: poster})
    endringer = sammenlign(plan, ny)
    assert endringer == [Endring("fjernet", type_, post_id, gammel=post)]
    assert TYPER[type_].ord is not None
    assert setning(endringer[0], plan, ny).startswith(f"Fjernet {TYPER[type_].ord.ubestemt}: ")


def test_a_reference_in_another_register_reads_as_a_name():
    hendelse = next(iter(ekte_plan().hendelser.values()))
    ny = ekte_plan().med(
        hendelse={
            **ekte_plan().hendelser,
            hendelse.id: hendelse.model_copy(update={"aktorer": [*hendelse.aktorer, "innovasjon-norge"]}),
        }
    )
    assert [setning(e, ekte_plan(), ny) for e in sammenlign(ekte_plan(), ny)] == [
        f"{hendelse.tittel}: Innovasjon Norge lagt til i aktører"
    ]


def test_a_sum_that_becomes_an_estimate_says_so():
    """«trolig» travels: an amount turned into an estimate is reported even when no sum moves."""
    snowball = ekte_plan().tiltak["snowball"]
    ny = ekte_plan().med(
        tiltak={
            **ekte_plan().tiltak,
            "snowball": snowball.model_copy(
                update={"midler_2022_2024": snowball.midler_2022_2024.model_copy(update={"anslag": True})}
            ),
        }
    )
    assert [sumsetning(s) for s in sumendringer(ekte_plan(), ny)][0] == (
        f"Summen av midler i 2022 er uendret (1{T}175{T}000{KR}), men delen av den som er anslag («trolig») "
        f"endret fra 50{T}000{KR} til 350{T}000{KR}."
    )


def test_a_single_reference_in_a_one_record_file_reads_as_names():
    okonomi = ekte_plan().okonomi
    fordeling = okonomi.fordeling.model_copy(update={"kilde": "tiltaksplan-2021"})
    ny = ekte_plan().med(okonomi=okonomi.model_copy(update={"fordeling": fordeling}))
    assert [setning(e, ekte_plan(), ny) for e in sammenlign(ekte_plan(), ny)] == [
        f"data/okonomi.yml: fordeling › kilde endret fra {ekte_plan().kilder[okonomi.fordeling.kilde].navn} "
        f"til {ekte_plan().kilder['tiltaksplan-2021'].navn}"
    ]


def test_a_hedged_partner_reads_as_trolig(datamappe, tmp_path):
    """A partner the source only says will «trolig» take part keeps that word in the summary."""
    gammel = load_plan(datamappe)
    tekst = (datamappe / "tiltak.yml").read_text(encoding="utf-8")
    (datamappe / "tiltak.yml").write_text(
        tekst.replace(
            'partnere: ["eiere-av-snowball"]', 'partnere: [{aktor: "innovasjon-norge", sikkerhet: "trolig"}]', 1
        ),
        encoding="utf-8",
    )
    linjer = [setning(e, gammel, load_plan(datamappe)) for e in sammenlign(gammel, load_plan(datamappe))]
    assert linjer == [
        "Snowball: Eiere av Snowball fjernet fra partnere",
        "Snowball: Innovasjon Norge (trolig) lagt til i partnere",
    ]


def test_a_kind_added_after_the_revision_reads_as_new_records(repo):
    """data/vedtak.yml and its neighbours came after the old revision: their records are new, not an error."""
    nye = ("vedtak.yml", "tiltaksstatuser.yml", "innstillinger.yml")
    kilder = (repo / "data" / "kilder.yml").read_text(encoding="utf-8")
    for navn in nye:
        git(repo, "rm", "-q", "--cached", f"data/{navn}")
    (repo / "data" / "kilder.yml").write_text(
        "\n".join(linje for linje in kilder.splitlines() if not linje.startswith("    vedtak: ")) + "\n",
        encoding="utf-8",
    )
    git(repo, "commit", "-q", "-am", "Uten vedtak")
    (repo / "data" / "kilder.yml").write_text(kilder, encoding="utf-8")
    resultat = linjer(repo)
    assert any("Nytt vedtak" in linje and "04.12.20" in linje for linje in resultat), resultat


@pytest.mark.parametrize("streng", [s for s in FIENDTLIG if "\n" not in s])
def test_a_hostile_name_cannot_become_markup_in_the_markdown_summary(repo, streng):
    # The pull request's job summary is Markdown that GitHub renders (CommonMark). In the line that
    # names the change, no HTML tag, link, image or code span may start: each such character is
    # backslash-escaped, and the name is all there, character for character, once the escapes go.
    endre(repo, "tiltak.yml", 'navn: "Esport-klynge"', f"navn: '{streng}'")
    linje = next(linje for linje in som_markdown(lag_rapport(repo, "HEAD")).splitlines() if "fikk nytt navn" in linje)
    assert not re.search(r"(?<!\\)[<\[`]", linje), linje
    assert streng in re.sub(r"\\(.)", r"\1", linje), linje
