"""`make serve`: a broken data file shows its error in the browser, the last good pages stay readable,
and fixing the file recovers without a restart (macros/preview.py). Under `mkdocs build` it still stops.

The end-to-end test runs the real `python -m mkdocs serve --strict` on a free port on 127.0.0.1 in a copy of
the site, and polls it with urllib (each request with a timeout, so a server that holds requests fails the
test instead of hanging it).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import lag_nettsted
from test_ingenting_tapt import kildene

from macros import preview
from macros.errors import Datafeil

FRIST = 240
"""Seconds a build may take before the test gives up (the first build takes some 5 s on a quiet machine)."""


def _ledig_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _hent(url: str) -> str | None:
    """The page's HTML, or None while the server does not answer it (starting, or holding the request)."""
    try:
        with urllib.request.urlopen(url, timeout=15) as svar:
            return svar.read().decode("utf-8")
    except (urllib.error.URLError, TimeoutError, ConnectionError):
        return None


def _vent_paa(url: str, betingelse, hva: str, logg: Path) -> str:
    """Poll url until its HTML satisfies betingelse; fail with the server's log after FRIST seconds."""
    slutt = time.monotonic() + FRIST
    html = None
    while time.monotonic() < slutt:
        html = _hent(url)
        if html is not None and betingelse(html):
            return html
        time.sleep(0.3)  # between polls, not waiting for a fixed outcome
    pytest.fail(f"{hva}: ikke innen {FRIST} s.\nSiste svar: {(html or '')[:300]}\nLogg:\n{logg.read_text()[-3000:]}")


@pytest.fixture
def serve(tmp_path: Path):
    """`mkdocs serve` as `make serve` runs it, in a copy of the site: (folder, base URL, log file)."""
    mappe = lag_nettsted(tmp_path / "nettsted")
    port = _ledig_port()
    logg = tmp_path / "serve.log"
    with logg.open("w") as ut:
        prosess = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=mappe,
            stdout=ut,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
            start_new_session=True,
        )
    try:
        yield mappe, f"http://127.0.0.1:{port}/regionplan/", logg
    finally:
        os.killpg(prosess.pid, signal.SIGTERM)
        try:
            prosess.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(prosess.pid, signal.SIGKILL)
            prosess.wait(timeout=30)


def _kildeboks(html: str) -> str:
    return html.split('<aside class="rp-kilde"', 1)[1].split("</aside>", 1)[0]


def _tittel(html: str) -> str:
    return html.split("<h1", 1)[1].split(">", 1)[1].split("<", 1)[0].strip()


def test_a_broken_data_file_shows_its_error_on_the_pages_and_fixing_it_recovers(serve):
    mappe, url, logg = serve
    cyberland, snowball = url + "tiltak/cyberland/", url + "tiltak/snowball/"
    html = _vent_paa(snowball, lambda h: "<h1" in h, "Første bygg", logg)
    assert "rp-datafeil" not in html and _tittel(html) == "Snowball"
    for_ = kildene(mappe)

    fil = mappe / "data" / "tiltak.yml"
    riktig = fil.read_text(encoding="utf-8")
    linjer = riktig.splitlines(keepends=True)
    nr = next(i for i, linje in enumerate(linjer) if linje == '  navn: "Snowball"\n')
    linjer[nr] = '  navn: "Snowball Vinter\n'
    fil.write_text("".join(linjer), encoding="utf-8")

    html = _vent_paa(cyberland, lambda h: "rp-datafeil" in h, "Feilmeldingen i nettleseren", logg)
    # The error as `make check` says it: file, line, what to fix.
    melding = html.split('class="admonition danger rp-datafeil"', 1)[1].split("</div>", 1)[0]
    assert "Fant 1 feil i dataene" in melding
    assert "data/tiltak.yml, linje " in melding and "YAML-syntaksfeil" in melding
    oppgitt = int(melding.split("data/tiltak.yml, linje ", 1)[1].split(":", 1)[0])
    assert nr + 1 <= oppgitt <= nr + 3
    # The pages stay readable, from the last good data: the measure, its name as it was.
    assert _tittel(html) == "Cyberland" and "Tiltakseier" in html
    html = _hent(snowball)
    assert html is not None and "rp-datafeil" in html and _tittel(html) == "Snowball"
    assert "rp-datafeil" in (_hent(url) or "")

    fil.write_text(riktig.replace('  navn: "Snowball"\n', '  navn: "Snowball Vinter"\n', 1), encoding="utf-8")
    html = _vent_paa(snowball, lambda h: "rp-datafeil" not in h, "Retting uten omstart", logg)
    assert _tittel(html) == "Snowball Vinter"
    assert "rp-datafeil" not in (_hent(cyberland) or "rp-datafeil")
    # Serving wrote nothing into docs/ or data/: only the file the test edited has changed.
    etter = kildene(mappe)
    assert etter["docs"] == for_["docs"]
    assert {f: v for f, v in etter["data"].items() if f != "tiltak.yml"} == {
        f: v for f, v in for_["data"].items() if f != "tiltak.yml"
    }


def test_a_broken_front_matter_shows_its_error_and_the_page_keeps_its_last_good_sources(serve):
    mappe, url, logg = serve
    side = url + "tiltak/"
    html = _vent_paa(side, lambda h: "<h1" in h, "Første bygg", logg)
    assert 'href="../dokumenter/#tiltaksplan-2021"' in _kildeboks(html)
    fil = mappe / "docs" / "tiltak" / "index.md"
    tekst = fil.read_text(encoding="utf-8")
    fil.write_text(tekst.replace("kilde: tiltaksplan-2021", "kilde: tiltaksplan-2012", 1), encoding="utf-8")
    html = _vent_paa(side, lambda h: "rp-datafeil" in h, "Feilmeldingen for forsiden", logg)
    assert "docs/tiltak/index.md, linje 3, felt «kilde»: ukjent kilde «tiltaksplan-2012»" in html
    # The page is built with its last good front matter: its Kilde block still names the document.
    assert 'href="../dokumenter/#tiltaksplan-2021"' in _kildeboks(html)
    fil.write_text(tekst, encoding="utf-8")
    _vent_paa(side, lambda h: "rp-datafeil" not in h, "Retting uten omstart", logg)


def test_a_new_record_no_document_names_shows_its_error_and_a_page_without_sources(serve):
    # Staff add an actor first and the link to it afterwards; between the two saves the pages stay readable.
    mappe, url, logg = serve
    _vent_paa(url, lambda h: "<h1" in h, "Første bygg", logg)
    fil = mappe / "data" / "aktorer.yml"
    tekst = fil.read_text(encoding="utf-8")
    fil.write_text(tekst + '- {id: "ny-aktor", navn: "Ny aktør", type: "gruppe"}\n', encoding="utf-8")
    linje = tekst.count("\n") + 1
    html = _vent_paa(url + "aktorer/ny-aktor/", lambda h: "rp-datafeil" in h, "Feilmeldingen for posten", logg)
    assert f"data/aktorer.yml, linje {linje}, post «ny-aktor»: ingen kilde nevner aktøren" in html
    assert _tittel(html) == "Ny aktør" and '<aside class="rp-kilde"' not in html
    # Other pages keep their Kilde block.
    assert '<aside class="rp-kilde"' in (_hent(url + "aktorer/lillywood/") or "")
    fil.write_text(tekst, encoding="utf-8")
    _vent_paa(url, lambda h: "rp-datafeil" not in h, "Retting uten omstart", logg)


# --- The state machine, without MkDocs -------------------------------------------------------------


def _brekk(mappe: Path) -> None:
    fil = mappe / "data" / "tiltak.yml"
    fil.write_text(fil.read_text(encoding="utf-8").replace('  navn: "Snowball"', '  navn: "Snowball', 1), "utf-8")


def test_a_build_raises_as_before_and_serve_only_after_a_good_build(tmp_path):
    mappe = lag_nettsted(tmp_path / "nettsted")
    docs = mappe / "docs"
    try:
        preview.start("build")
        preview.kontroller_bygg(mappe, docs)
        _brekk(mappe)
        with pytest.raises(Datafeil):
            preview.kontroller_bygg(mappe, docs)
        # Serve started on broken data has no good state to show: it stops, as before.
        preview.start("serve")
        with pytest.raises(Datafeil):
            preview.kontroller_bygg(mappe, docs)
    finally:
        preview.start("build")


def test_under_serve_a_mistake_keeps_the_last_good_plan_until_it_is_fixed(tmp_path):
    mappe = lag_nettsted(tmp_path / "nettsted")
    docs = mappe / "docs"
    try:
        preview.start("serve")
        preview.kontroller_bygg(mappe, docs)
        god = preview.plan(mappe / "data")
        assert preview.feil() is None and str(preview.banner()) == ""
        _brekk(mappe)
        preview.kontroller_bygg(mappe, docs)
        assert preview.plan(mappe / "data") is god
        assert [f.fil for f in preview.feil().feil] == ["data/tiltak.yml"]
        assert "data/tiltak.yml, linje" in str(preview.banner())
        fil = mappe / "data" / "tiltak.yml"
        fil.write_text(fil.read_text(encoding="utf-8").replace('"Snowball\n', '"Snowball Vinter"\n', 1), "utf-8")
        preview.kontroller_bygg(mappe, docs)
        assert preview.feil() is None
        assert preview.plan(mappe / "data").tiltak["snowball"].navn == "Snowball Vinter"
    finally:
        preview.start("build")


def test_the_banner_escapes_what_the_staff_typed(tmp_path):
    mappe = lag_nettsted(tmp_path / "nettsted")
    try:
        preview.start("serve")
        preview.kontroller_bygg(mappe, mappe / "docs")
        fil = mappe / "data" / "tiltak.yml"
        tekst = fil.read_text(encoding="utf-8")
        fil.write_text(tekst.replace('virkemiddel: "klynger-og-nettverk"', "virkemiddel: '<b>x</b>'", 1), "utf-8")
        preview.kontroller_bygg(mappe, mappe / "docs")
        banner = str(preview.banner())
        assert "&lt;b&gt;x&lt;/b&gt;" in banner and "<b>x</b>" not in banner
    finally:
        preview.start("build")
