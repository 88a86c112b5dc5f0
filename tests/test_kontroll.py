"""`make check` and the build report mistakes in data/ and in front matter together, with file and line."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import PROSJEKT, bygg

from macros import views
from macros.errors import Datafeil, Makrofeil
from macros.front_matter import les_en
from macros.load import load_plan
from macros.validate import kontroller


def erstatt(fil: Path, gammel: str, ny: str) -> int:
    """Replace text once in a file; return the 1-based line where it stood."""
    tekst = fil.read_text(encoding="utf-8")
    assert gammel in tekst, f"{gammel!r} finnes ikke i {fil}"
    fil.write_text(tekst.replace(gammel, ny, 1), encoding="utf-8")
    return tekst[: tekst.index(gammel)].count("\n") + 1


def kjor_kontroll(mappe: Path) -> subprocess.CompletedProcess:
    """Run `python -m macros.validate` on a copy of the site, as `make check` does."""
    return subprocess.run(
        [sys.executable, "-m", "macros.validate"], cwd=mappe, capture_output=True, text=True, timeout=60
    )


def test_check_passes_on_the_real_site():
    resultat = kjor_kontroll(Path(__file__).resolve().parent.parent)
    assert resultat.returncode == 0, resultat.stderr
    assert resultat.stdout.startswith("Alt i orden")


def test_check_reports_data_and_front_matter_mistakes_together(nettsted):
    datalinje = erstatt(nettsted / "data" / "tiltak.yml", "2023: 300000, 2024", "2023: tre hundre, 2024")
    sidelinje = erstatt(nettsted / "docs" / "om" / "index.md", "description:", "descripton:")
    resultat = kjor_kontroll(nettsted)
    assert resultat.returncode == 1
    assert f"data/tiltak.yml, linje {datalinje}, post «snowball», felt «midler_2022_2024.kr.2023»" in resultat.stderr
    assert (
        f"docs/om/index.md, linje {sidelinje}, felt «descripton»: ukjent felt «descripton». Mente du «description»?"
        in resultat.stderr
    )


def test_the_build_stops_with_the_same_front_matter_message(nettsted):
    linje = erstatt(nettsted / "docs" / "tiltak" / "index.md", "kildeseksjon:", "kildeseksjonn:")
    resultat = bygg(nettsted)
    assert resultat.returncode != 0
    assert f"docs/tiltak/index.md, linje {linje}, felt «kildeseksjonn»: ukjent felt «kildeseksjonn»" in resultat.stderr


@pytest.mark.parametrize(
    ("forside", "forventet"),
    [
        ("kilde: tiltaksplan-2021\nkilder: tiltaksplan-2021\n", "linje 3, felt «kilder»: forventet en liste"),
        (
            "kilde: tiltaksplan-2021\nrender_macros: ja\n",
            "linje 3, felt «render_macros»: forventet true eller false, fant «ja»",
        ),
        ("description: Uten kilde\n", "linje 2: skriv enten «kilde: <id>»"),
        ("kilde: [tiltaksplan-2021\n", "linje 3: YAML-syntaksfeil"),
        ("- kilde\n", "linje 2: forsiden (front matter) skal være felt"),
    ],
)
def test_front_matter_mistakes_name_the_line(forside, forventet):
    _, feil = les_en(f"---\n{forside}---\n\n# PageAddress\n", "docs/side.md")
    assert feil, "feilen ble ikke oppdaget"
    assert forventet in str(Datafeil(feil))


def test_a_page_without_front_matter_is_reported():
    _, feil = les_en("# PageAddress uten forside\n", "docs/side.md")
    assert [str(f) for f in feil] == [
        "docs/side.md, linje 1: siden mangler forside (front matter). Start filen med en linje «---», "
        "så «kilde: <id>» og så en linje «---»."
    ]


def test_unknown_source_in_front_matter_names_its_line(nettsted):
    linje = erstatt(nettsted / "docs" / "tiltak" / "index.md", "kilde: tiltaksplan-2021", "kilde: tiltaksplan-2012")
    resultat = kjor_kontroll(nettsted)
    assert resultat.returncode == 1
    assert (
        f"docs/tiltak/index.md, linje {linje}, felt «kilde»: ukjent kilde «tiltaksplan-2012». Mente du «tiltaksplan-2021»?"
        in resultat.stderr
    )


def test_every_pre_commit_hook_runs_clean_on_the_repository():
    prosjekt = Path(__file__).resolve().parent.parent
    oppsett = yaml.safe_load((prosjekt / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    kroker = [krok for repo in oppsett["repos"] for krok in repo["hooks"]]
    assert {krok["id"] for krok in kroker} == {"kontroll", "schema"}
    for krok in kroker:
        resultat = subprocess.run(shlex.split(krok["entry"]), cwd=prosjekt, capture_output=True, text=True, timeout=120)
        assert resultat.returncode == 0, f"{krok['id']}: {resultat.stdout}{resultat.stderr}"


def test_an_unknown_macro_argument_stops_the_build_with_page_file_and_line(nettsted):
    linje = erstatt(
        nettsted / "docs" / "historikk" / "snowball.md", "historikkdiagram('snowball'", "historikkdiagram('snowbal'"
    )
    resultat = bygg(nettsted)
    assert resultat.returncode != 0
    assert (
        f"docs/historikk/snowball.md, linje {linje}: historikkdiagram: ukjent historikkside «snowbal». "
        "Kjente verdier: vintersportsregionen, snowball," in resultat.stderr
    )


@pytest.mark.parametrize(
    ("kall", "forventet"),
    [
        (
            lambda plan, side: views.register(plan, "aktorer", side),
            "register: ukjent posttype «aktorer». Kjente verdier: tiltak, virkemiddel, aktor, rolle, vedtak.",
        ),
        (lambda plan, side: views.historikkdiagram(plan, side, "snowbal", "T"), "ukjent historikkside «snowbal»"),
        (
            lambda plan, side: views.okonomiside(plan, side, [views.okonomidel({"tabell": "per-virkemidel"})]),
            "okonomi: ukjent tabell «per-virkemidel». Kjente verdier: ",
        ),
        (
            lambda plan, side: views.okonomidel({"tabell": "per-virkemiddel", "overskift": "X"}),
            "okonomi: ukjent nøkkel «overskift». Kjente verdier: tabell, overskrift",
        ),
        (lambda plan, side: views.okonomidel({"overskrift": "X"}), "okonomi: hver del må ha nøkkelen «tabell»"),
    ],
)
def test_macros_name_the_known_values_when_an_argument_is_wrong(kall, forventet):
    plan = load_plan(PROSJEKT / "data")
    with pytest.raises(Makrofeil) as feil:
        kall(plan, views.PageAddress("side/"))
    assert forventet in str(feil.value)


def test_unknown_kind_in_kilder_fra_and_a_missing_history_page_are_reported(datamappe):
    """kilder_fra names a kind from the registry; a history page in data/historikksider.yml must be a page in docs/."""
    docs = datamappe.parent / "docs"
    shutil.copytree(PROSJEKT / "docs", docs)
    sidelinje = erstatt(docs / "aktorer" / "index.md", "kilder_fra: aktor\n", "kilder_fra: aktorer\n")
    linje = erstatt(
        datamappe / "historikksider.yml",
        'side: "historikk/olympiatoppen-innlandet.md"',
        'side: "historikk/olympiatoppen.md"',
    )
    with pytest.raises(Datafeil) as feil:
        kontroller(datamappe.parent, docs)
    assert [str(f) for f in feil.value.feil] == [
        f"data/historikksider.yml, linje {linje}, post «olympiatoppen-innlandet», felt «side»: siden "
        "docs/historikk/olympiatoppen.md finnes ikke. Skriv stien til siden under docs/ slik en lenke skriver den, "
        "for eksempel «historikk/snowball.md».",
        f"docs/aktorer/index.md, linje {sidelinje}, felt «kilder_fra»: ukjent posttype «aktorer». Mente du «aktor»? "
        "Kjente posttyper med egne sider: tiltak, virkemiddel, aktor, rolle, vedtak.",
    ]


def test_historikkdiagram_knows_the_history_pages_in_the_data(datamappe):
    fil = datamappe / "historikksider.yml"
    fil.write_text(
        fil.read_text(encoding="utf-8") + '\n- id: "ny-side"\n  side: "historikk/ny-side.md"\n', encoding="utf-8"
    )
    plan = load_plan(datamappe)
    assert "ny-side" in plan.historikksider
    views.historikkdiagram(plan, views.PageAddress("historikk/ny-side/"), "ny-side", "Ny side")
    with pytest.raises(
        Makrofeil,
        match="Kjente verdier: vintersportsregionen, snowball, olympiatoppen-innlandet, "
        "idrett-i-skole, organisering-over-tid, ny-side.",
    ):
        views.historikkdiagram(plan, views.PageAddress(""), "annen-side", "T")
