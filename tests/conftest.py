"""Shared fixtures: the project's data, fixture sites built with the real MkDocs, and Chromium."""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from filelock import FileLock
from nettleser import MANGLER, PLAYWRIGHT, finn_nettleser

PROSJEKT = Path(__file__).resolve().parent.parent
# The text extractions of the source documents live in the repository (kilder/README.md).
SEEDS = PROSJEKT / "kilder"
KOPIERES = ("mkdocs.yml", "docs", "data", "overrides", "macros")


@pytest.fixture
def datamappe(tmp_path: Path) -> Path:
    """A private copy of data/ that a test may break."""
    mal = tmp_path / "data"
    shutil.copytree(PROSJEKT / "data", mal)
    return mal


@functools.cache
def ekte_plan():
    """The project's own data/, loaded once per test process on first use (never at import)."""
    from macros.load import load_plan

    return load_plan(PROSJEKT / "data")


@pytest.fixture(scope="session")
def plan():
    """The project's own data/, as the model reads it."""
    return ekte_plan()


def pytest_generate_tests(metafunc) -> None:
    """`@pytest.mark.fra_data(navn=velg)` parametrizes a test with velg(the real plan).

    The data is loaded at collection, once per process, not when a test module is imported.
    """
    for merke in metafunc.definition.iter_markers("fra_data"):
        for navn, velg in merke.kwargs.items():
            verdier = velg(ekte_plan())
            metafunc.parametrize(navn, verdier, ids=[str(v) for v in verdier] if "," not in navn else None)


def handskrevne_sider() -> set[str]:
    """The Markdown files under docs/, relative to it: the hand-written pages."""
    return {p.relative_to(PROSJEKT / "docs").as_posix() for p in (PROSJEKT / "docs").rglob("*.md")}


def nho_omtale() -> dict:
    """The one plan-text passage a record depends on for its source: NHO is named only on the 2014 facts page.

    For tests that generate record pages without a build (a build collects every passage itself).
    """
    from macros.plantekst import Omtale, Plantekstside

    fakta = Plantekstside("naeringsplan-2014/fakta/", "Fakta", {"kilde": "naeringsplan-2014", "kildeseksjon": "Fakta"})
    return {("aktor", "nho"): [Omtale(fakta, None, None)]}


def lag_nettsted(mappe: Path) -> Path:
    """Copy the site's sources (not its build or venv) into mappe, for a fixture site."""
    mappe.mkdir(parents=True, exist_ok=True)
    for navn in KOPIERES:
        kilde = PROSJEKT / navn
        if kilde.is_dir():
            shutil.copytree(kilde, mappe / navn, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(kilde, mappe / navn)
    return mappe


def bygg(mappe: Path) -> subprocess.CompletedProcess:
    """Run the real `mkdocs build --strict` in a fixture site folder."""
    miljo = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(mappe / "site")],
        cwd=mappe,
        capture_output=True,
        text=True,
        env=miljo,
        timeout=300,
    )


def delt_bygg(tmp_path_factory, navn: str, forbered=None) -> tuple[Path, subprocess.CompletedProcess]:
    """A fixture site made and built once per test run, shared by every xdist worker.

    The first worker to ask copies the site, lets `forbered` change it, and builds it;
    the others wait on the lock and read the same folder. Nothing may change it afterwards.
    """
    basis = tmp_path_factory.getbasetemp()
    mappe = (basis.parent if os.environ.get("PYTEST_XDIST_WORKER") else basis) / "delte-bygg" / navn
    ferdig = mappe / "bygget.json"
    mappe.parent.mkdir(parents=True, exist_ok=True)
    with FileLock(f"{mappe}.lock"):
        if not ferdig.exists():
            shutil.rmtree(mappe, ignore_errors=True)
            lag_nettsted(mappe)
            if forbered is not None:
                forbered(mappe)
            resultat = bygg(mappe)
            felter = [resultat.args, resultat.returncode, resultat.stdout, resultat.stderr]
            ferdig.write_text(json.dumps(felter), encoding="utf-8")
    return mappe, subprocess.CompletedProcess(*json.loads(ferdig.read_text(encoding="utf-8")))


@pytest.fixture
def nettsted(tmp_path: Path) -> Path:
    """A full copy of the site's sources in tmp_path, ready to change and build."""
    return lag_nettsted(tmp_path / "nettsted")


@pytest.fixture(scope="session")
def bygget_resultat(tmp_path_factory) -> tuple[Path, subprocess.CompletedProcess]:
    """The real site, built once per test run: its folder and the build's result."""
    return delt_bygg(tmp_path_factory, "bygget")


@pytest.fixture(scope="session")
def bygget(bygget_resultat) -> Path:
    """The site/ folder of the session's build of the real site."""
    mappe, resultat = bygget_resultat
    assert resultat.returncode == 0, resultat.stderr
    return mappe / "site"


ONDSINNET = '</title><script>window.__xss=1</script><img src=x onerror="window.__xss=2">'
"""Markup a staff member might paste into a data field; it must show as text and never run."""


def endre(fil: Path, gammel: str, ny: str) -> None:
    """Replace text once in a file, failing if it is not there."""
    tekst = fil.read_text(encoding="utf-8")
    assert gammel in tekst, f"{gammel!r} finnes ikke i {fil}"
    fil.write_text(tekst.replace(gammel, ny, 1), encoding="utf-8")


@pytest.fixture(scope="session")
def endret(tmp_path_factory) -> Path:
    """One fixture site with several independent edits staff could make, built once; returns site/.

    - Snowball's and Lillywood's names are hostile markup (ONDSINNET);
    - Visit Lillehammer's name is a template expression, «{{ config.site_name }}»;
    - Fritidsbolignettverk is renamed «Fritidsbolignettverket i regionen»;
    - a plan-text page has braces typed into it;
    - the glossary's explanation of LRV is hostile markup (ONDSINNET);
    - a new plan-text page, provetekst.md, links to Snowball under two equal headings and one with
      its own anchor, by an inline link and by reference links (PROVETEKST).
    """
    mappe, resultat = delt_bygg(tmp_path_factory, "endret", _endre_som_staben_kunne)
    assert resultat.returncode == 0, resultat.stderr
    return mappe / "site"


def _endre_som_staben_kunne(mappe: Path) -> None:
    endre(mappe / "data" / "tiltak.yml", 'navn: "Snowball"', f"navn: '{ONDSINNET}'")
    endre(mappe / "data" / "aktorer.yml", 'navn: "Lillywood"', f"navn: '{ONDSINNET}'")
    endre(mappe / "data" / "aktorer.yml", 'navn: "Visit Lillehammer"', "navn: '{{ config.site_name }}'")
    endre(mappe / "data" / "tiltak.yml", 'navn: "Fritidsbolignettverk"', 'navn: "Fritidsbolignettverket i regionen"')
    side = mappe / "docs" / "handlingsplan" / "okonomi.md"
    side.write_text(
        side.read_text(encoding="utf-8") + "\nSkriv {{ config.site_name }} og {% if %} her.\n", encoding="utf-8"
    )
    endre(
        mappe / "data" / "ordliste.yml",
        'forklaring: "Lillehammer-regionen Vekst (LRV), den',
        f"forklaring: '{ONDSINNET}' # (LRV), den",
    )
    (mappe / "docs" / "provetekst.md").write_text(PROVETEKST, encoding="utf-8")


PROVETEKST = """\
---
kilde: handlingsplan-2021-2025
---

# Prøvetekst

## Tiltak

Først [Snowball](tiltak/snowball.md).

## Tiltak

Så [Snowball][s] igjen.

## Et avsnitt med eget anker {#eget-id}

Og [en gang til][s].

[s]: tiltak/snowball.md
"""


class _StilleHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


class _StilleServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request, client_address) -> None:
        # A browser that leaves a page closes its connections mid-transfer; that is no failure.
        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


def server(mappe: Path):
    """Serve a folder on 127.0.0.1 on a free port; returns (base_url, stop)."""
    handler = functools.partial(_StilleHandler, directory=str(mappe))
    httpd = _StilleServer(("127.0.0.1", 0), handler)
    traad = threading.Thread(target=httpd.serve_forever, daemon=True)
    traad.start()
    return f"http://127.0.0.1:{httpd.server_address[1]}/", httpd.shutdown


@pytest.fixture(scope="session")
def nettadresse(bygget: Path):
    """The built site served on loopback."""
    url, stopp = server(bygget)
    yield url
    stopp()


@pytest.fixture(scope="session")
def nettleser():
    """Headless Chromium (see tests/nettleser.py for which one), driven by Playwright."""
    from playwright.sync_api import sync_playwright

    funnet = finn_nettleser()
    if funnet is None:
        pytest.fail(MANGLER)
    with sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=None if funnet == PLAYWRIGHT else funnet,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def fane(nettleser):
    """A fresh browser page that records every request it makes."""
    kontekst = nettleser.new_context(viewport={"width": 1280, "height": 900})
    side = kontekst.new_page()
    side.foresporsler = []
    side.on("request", lambda r: side.foresporsler.append(r.url))
    yield side
    kontekst.close()


def pytest_collection_modifyitems(items) -> None:
    """Keep the tests that share a module-scoped fixture on one xdist worker, so it is made once.

    With `--dist loadgroup` every other test goes to whichever worker is free.
    """
    for item in items:
        definisjoner = getattr(item, "_fixtureinfo", None)
        if definisjoner is None:
            continue
        if any(d[-1].scope == "module" for d in definisjoner.name2fixturedefs.values()):
            item.add_marker(pytest.mark.xdist_group(item.module.__name__))
