"""The registry of record kinds: a new kind needs a data file, a model, a template and one entry.

The toy kind below is added to a fixture site exactly as BIDRA.md («For utviklere») tells a
developer to add one, and nothing else in the fixture's code changes. The build then gives its
records pages and a register, the reference checks cover it, and `make schema` writes its schema.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from bs4 import BeautifulSoup
from conftest import PROSJEKT, bygg

from macros import urls
from macros.load import load_plan
from macros.registry import TYPER, med_sider, sjekk_registeret

LEKEMODELL = '''

class Leke(Modell):
    """A toy kind for tests/test_registry.py."""

    id: Id
    navn: Tekst
    eier: Id
    kilde: Kildehenvisning
'''

LEKEOPPFORING = """
registrer(Posttype(
    "leke", "leker.yml", model.Leke, Ord("leke", "leken", "Ny", "leker"),
    referanser=(Referanse("eier", "aktor"), Referanse("kilde.kilde", "kilde")),
    kilder=egen_kilde,
    mappe="leker", mal="leke.html", kontekst=lambda plan, leke: {"eier": plan.aktorer[leke.eier]},
))
"""

LEKEMAL = """<article class="rp-post rp-leke">
<h1>{{ leke.navn }}</h1>
<p>Eier: <a href="{{ side.lenke('aktor', eier.id) }}">{{ eier.navn }}</a></p>
</article>
"""

LEKEDATA = """# Leker: en posttype bare for testen av registeret.
#
# Felter (alle tekster i anførselstegn):
#   id     påkrevd. Fast id.
#   navn   påkrevd. Navnet.
#   eier   påkrevd. Id fra data/aktorer.yml.
#   kilde  påkrevd. `kilde` (id fra data/kilder.yml) og `seksjon`.

- id: "snoball"
  navn: "Snøball <i>"
  eier: "lrv"
  kilde: {kilde: "tiltaksplan-2021", seksjon: "Lekeseksjon"}
"""


def kjor(mappe: Path, *argumenter: str) -> subprocess.CompletedProcess:
    """Run `python -m …` in the fixture site, so its own copy of macros/ is the one imported."""
    return subprocess.run([sys.executable, "-m", *argumenter], cwd=mappe, capture_output=True, text=True, timeout=120)


def les(site: Path, url: str) -> BeautifulSoup:
    return BeautifulSoup((site / url / "index.html").read_text(encoding="utf-8"), "lxml")


def test_a_toy_kind_gets_pages_register_reference_checks_and_schema(nettsted):
    with open(nettsted / "macros" / "model.py", "a", encoding="utf-8") as fil:
        fil.write(LEKEMODELL)
    with open(nettsted / "macros" / "registry.py", "a", encoding="utf-8") as fil:
        fil.write(LEKEOPPFORING)
    (nettsted / "macros" / "templates" / "leke.html").write_text(LEKEMAL, encoding="utf-8")
    (nettsted / "data" / "leker.yml").write_text(LEKEDATA, encoding="utf-8")

    resultat = bygg(nettsted)
    assert resultat.returncode == 0, resultat.stderr
    site = nettsted / "site"

    side = les(site, "leker/snoball")
    assert side.select_one("article.rp-leke h1").get_text() == "Snøball <i>"  # escaped, shown as text
    assert side.select_one("article.rp-leke a")["href"] == "../../aktorer/lrv/"
    assert side.select_one("article.rp-leke a").get_text() == "Lillehammer-regionen Vekst"
    assert side.title.get_text().startswith("Snøball <i>")
    kilde = side.select_one("aside.rp-kilde")
    assert kilde.select_one("a[href='../../dokumenter/#tiltaksplan-2021']") is not None
    assert "«Lekeseksjon»" in kilde.get_text()
    assert "Rediger data/leker.yml" in kilde.get_text()

    register = les(site, "leker")
    assert [(a["href"], a.get_text()) for a in register.select("ul.rp-register a")] == [("snoball/", "Snøball <i>")]
    assert register.select_one("aside.rp-kilde a[href='../dokumenter/#tiltaksplan-2021']") is not None

    # Its records are published as open data, like every kind's.
    data = json.loads((site / "nedlasting" / "datasett" / "leker.json").read_text(encoding="utf-8"))
    assert [p["navn"] for p in data] == ["Snøball <i>"]
    assert (
        (site / "nedlasting" / "datasett" / "leker.csv")
        .read_text(encoding="utf-8-sig")
        .splitlines()[1]
        .startswith("snoball;Snøball <i>;lrv")
    )
    assert les(site, "datasett").select_one("tr#leker th").get_text() == "Leker"

    # The toy record points to an actor, so its document now names that actor too.
    assert "Lekeseksjon" in les(site, "aktorer/lrv").select_one("aside.rp-kilde").get_text()

    sjekk = kjor(nettsted, "macros.schema", "--check")
    assert sjekk.returncode == 1 and "Utdatert: data/schema/leker.schema.json" in sjekk.stdout
    assert kjor(nettsted, "macros.schema", "--write").returncode == 0
    assert kjor(nettsted, "macros.schema", "--check").returncode == 0
    schema = json.loads((nettsted / "data" / "schema" / "leker.schema.json").read_text(encoding="utf-8"))
    assert set(schema["$defs"]["Leke"]["properties"]) == {"id", "navn", "eier", "kilde"}
    assert schema["$defs"]["Leke"]["additionalProperties"] is False
    editor = json.loads((nettsted / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    assert editor["yaml.schemas"]["./data/schema/leker.schema.json"] == ["data/leker.yml"]

    data = nettsted / "data" / "leker.yml"
    data.write_text(LEKEDATA.replace('eier: "lrv"', 'eier: "lvr"'), encoding="utf-8")
    linje = LEKEDATA.splitlines().index('  eier: "lrv"') + 1
    kontroll = kjor(nettsted, "macros.validate")
    assert kontroll.returncode == 1
    assert (
        f"data/leker.yml, linje {linje}, post «snoball», felt «eier»: ukjent aktør «lvr». "
        "Id-en må finnes i data/aktorer.yml. Mente du «lrv»?"
    ) in kontroll.stderr


def test_every_reference_points_to_a_registered_list_kind():
    sjekk_registeret()
    for posttype in TYPER.values():
        for ref in posttype.referanser:
            assert TYPER[ref.til].liste, (posttype.nokkel, ref)


def test_the_registry_is_the_one_list_of_kinds_and_files():
    plan = load_plan(PROSJEKT / "data")
    assert set(plan.poster) == set(TYPER)
    assert {t.fil for t in TYPER.values()} == {p.name for p in (PROSJEKT / "data").glob("*.yml")}
    assert urls.SEKSJONER == {t.nokkel: t.mappe for t in med_sider()}
    for posttype in med_sider():
        assert (PROSJEKT / "macros" / "templates" / posttype.mal).is_file(), posttype.nokkel
