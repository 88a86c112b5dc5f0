"""Nothing lost, and the same output every time.

- A build, failed or not, never writes into docs/ or data/, and the loader and `make check` never rewrite a
  data file (every file's bytes and modification time are the same afterwards, and no file is added).
- Two builds of the same commit in two different clones (other paths, other file times) are byte for byte
  identical, including what depends on git: the «Sist oppdatert» dates, the Atom feeds (endringer.xml), the
  sitemap's dates and the adopted version under /arkiv/.

The fixture repository has two commits at fixed dates, the first tagged vedtatt/samarbeidsstrategi-2019,
the second changing Snowball's amount for 2023; it is cloned once and both clones are built (module scope).
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import subprocess
from pathlib import Path

import pytest
from conftest import bygg, endre, lag_nettsted
from lxml import html as lxml_html

from macros import validate
from macros.load import load_plan

FORSTE = "2025-01-10T12:00:00Z"
ANDRE = "2025-03-02T09:30:00Z"
VERSJON = "samarbeidsstrategi-2019"
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]


def _git(mappe: Path, *argumenter: str, tidspunkt: str = FORSTE) -> None:
    miljo = {**os.environ, "GIT_AUTHOR_DATE": tidspunkt, "GIT_COMMITTER_DATE": tidspunkt}
    subprocess.run([*GIT, "-c", "tag.gpgsign=false", *argumenter], cwd=mappe, check=True, env=miljo)


def avtrykk(mappe: Path) -> dict[str, tuple[str, int]]:
    """Every file under mappe: its SHA-256 and its modification time in nanoseconds."""
    return {
        p.relative_to(mappe).as_posix(): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns)
        for p in sorted(mappe.rglob("*"))
        if p.is_file()
    }


def kildene(mappe: Path) -> dict[str, dict[str, tuple[str, int]]]:
    return {"docs": avtrykk(mappe / "docs"), "data": avtrykk(mappe / "data")}


@pytest.fixture(scope="module")
def kloner(tmp_path_factory):
    """Two clones of the fixture repository, each built: [(clone, sources before, sources after)]."""
    mappe = lag_nettsted(tmp_path_factory.mktemp("repro") / "opprinnelig")
    (mappe / ".gitignore").write_text("site/\n__pycache__/\n", encoding="utf-8")
    _git(mappe, "init", "-q", "-b", "main")
    _git(mappe, "add", "-A")
    _git(mappe, "commit", "-q", "-m", "Første versjon")
    _git(mappe, "tag", f"vedtatt/{VERSJON}")
    snowball = 'navn: "Snowball"\n  virkemiddel: "klynger-og-nettverk"\n  midler_2021: {tekst: "Kun allerede avsatt grunnfinansiering"}\n'
    endre(
        mappe / "data" / "tiltak.yml",
        snowball + '  midler_2022_2024: {tekst: "300 000,- per år i 2022-2024", kr: {2022: 300000, 2023: 300000,',
        snowball + '  midler_2022_2024: {tekst: "300 000,- per år i 2022-2024", kr: {2022: 300000, 2023: 250000,',
    )
    _git(mappe, "add", "-A", tidspunkt=ANDRE)
    _git(mappe, "commit", "-q", "-m", "Snowball: mindre midler i 2023", tidspunkt=ANDRE)
    resultat = []
    for navn in ("klon1", "klon2"):
        klon = mappe.parent / navn
        subprocess.run(["git", "clone", "-q", str(mappe), str(klon)], check=True)
        for_ = kildene(klon)
        bygget = bygg(klon)
        assert bygget.returncode == 0, bygget.stderr
        resultat.append((klon, for_, kildene(klon)))
    return resultat


def test_two_clones_of_the_same_commit_build_byte_identical_sites_with_dates_feeds_and_archive(kloner):
    (klon1, _, _), (klon2, _, _) = kloner
    forste, andre = klon1 / "site", klon2 / "site"
    filer = sorted(p.relative_to(forste).as_posix() for p in forste.rglob("*") if p.is_file())
    assert filer == sorted(p.relative_to(andre).as_posix() for p in andre.rglob("*") if p.is_file())
    ulike = [f for f in filer if (forste / f).read_bytes() != (andre / f).read_bytes()]
    assert ulike == []
    # What the comparison covers: the git-derived parts the other features add are there to compare.
    snowball = lxml_html.fromstring((forste / "tiltak" / "snowball" / "index.html").read_text(encoding="utf-8"))
    (dato,) = snowball.xpath('//p[@class="rp-sist-oppdatert"]')
    assert "Sist oppdatert: 2. mars 2025." in dato.text_content()
    assert dato.xpath(".//time/@datetime") == [ANDRE]
    assert "Snowball: midler 2023 endret" in (forste / "endringer.xml").read_text(encoding="utf-8")
    assert "virkemidler/klynger-og-nettverk/endringer.xml" in filer
    arkivet = [f for f in filer if f.startswith(f"arkiv/{VERSJON}/")]
    assert f"arkiv/{VERSJON}/tiltak/snowball/index.html" in arkivet and len(arkivet) > 50
    assert "<lastmod>2025-03-02</lastmod>" in (forste / "sitemap.xml").read_text(encoding="utf-8")
    assert "sitemap.xml.gz" in filer


def test_a_build_writes_nothing_into_docs_or_data(kloner):
    for klon, for_, etter in kloner:
        assert etter == for_, klon


def test_a_failing_build_writes_nothing_into_docs_or_data(tmp_path):
    mappe = lag_nettsted(tmp_path / "nettsted")
    endre(mappe / "data" / "tiltak.yml", 'navn: "Snowball"', 'navn: "Snowball')
    for_ = kildene(mappe)
    resultat = bygg(mappe)
    assert resultat.returncode != 0 and "data/tiltak.yml, linje " in resultat.stderr
    assert kildene(mappe) == for_
    assert not (mappe / "site" / "tiltak").exists()


def test_the_loader_and_make_check_rewrite_no_file(tmp_path, datamappe):
    prosjekt = datamappe.parent
    (prosjekt / "docs").symlink_to(Path(__file__).resolve().parent.parent / "docs")
    for_ = avtrykk(datamappe)
    load_plan(datamappe)
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        assert validate.main(prosjekt=prosjekt) == 0
    assert avtrykk(datamappe) == for_
