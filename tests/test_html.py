"""Valid HTML: the Nu HTML Checker (vnu) reads every built page. Our templates produce no error;
what Material writes outside any block we can override is listed here, each with its reason."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import PROSJEKT

VNU = PROSJEKT / ".venv" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@dataclass(frozen=True)
class Unntak:
    """An error the checker reports that comes from Material and cannot be fixed by an override."""

    melding: str
    utdrag: str
    grunn: str


UNNTAK = (
    Unntak(
        "Attribute “autocomplete” is only allowed when the input type is",
        r'<input class="md-toggle" data-md-toggle="(drawer|search)" type="checkbox" id="__(drawer|search)" autocomplete="off">',
        "Material's base.html writes the drawer and search toggles outside every template block, so no "
        "override reaches them; autocomplete=off stops Firefox from restoring their state on reload.",
    ),
    Unntak(
        "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control.",
        r'<label class="md-nav__title" for="__toc">',
        "Material's table of contents (partials/toc.html) labels the mobile toggle __toc, which nav-item.html "
        "leaves out on a section's index page (navigation.indexes); the label then points nowhere. "
        "Fixing it means rewriting Material's navigation logic in two partials.",
    ),
)


def vnu(*filer: Path) -> list[dict]:
    """The checker's errors for these files, as it reports them in JSON."""
    java = shutil.which("java")
    if java is None or not VNU.is_file():
        pytest.fail("Nu HTML Checker mangler: kjør `make test`, som installerer Java og vnu-jar.")
    resultat = subprocess.run(
        [java, "-jar", str(VNU), "--errors-only", "--no-langdetect", "--format", "json", *map(str, filer)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    return json.loads(resultat.stderr)["messages"]


def er_unntak(feil: dict) -> bool:
    return any(u.melding in feil["message"] and re.search(u.utdrag, feil.get("extract", "")) for u in UNNTAK)


@pytest.fixture(scope="module")
def alle_feil(bygget) -> list[dict]:
    return vnu(*sorted(bygget.rglob("*.html")))


def test_every_page_is_checked(alle_feil, bygget):
    sider = sorted(bygget.rglob("*.html"))
    assert len(sider) > 100
    assert not [f for f in alle_feil if f.get("type") == "non-document-error"], "vnu kunne ikke lese alle sidene"


def test_no_errors_but_the_documented_ones(alle_feil):
    uforklart = [f"{f['url']}: {f['message']} ({f.get('extract', '').strip()})" for f in alle_feil if not er_unntak(f)]
    assert not uforklart, "\n".join(uforklart[:30])


def test_each_exception_is_still_needed(alle_feil):
    # When Material fixes one of these, its entry must go.
    for unntak in UNNTAK:
        assert any(unntak.melding in f["message"] for f in alle_feil), unntak.melding


def test_the_checker_finds_an_error_of_ours(tmp_path):
    side = tmp_path / "side.html"
    side.write_text(
        '<!doctype html><html lang="nb"><head><title>T</title></head>'
        '<body><p id="a">x</p><p id="a">y</p><table><tr><td colspan="0">z</td></tr></table></body></html>',
        encoding="utf-8",
    )
    feil = vnu(side)
    assert any("Duplicate ID" in f["message"] for f in feil) and not all(er_unntak(f) for f in feil)
