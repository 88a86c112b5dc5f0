"""The plan over time from git: Endringer sections, «Sist oppdatert» and Atom feeds, on a fixture repository.

One fixture repository with three commits at fixed dates, built twice (module scope): a change to
Snowball's amount for 2023, then a change to a Markdown page. The copy without .git is the session's
build of the real site.
"""

from __future__ import annotations

import os
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import bygg, ekte_plan, endre, lag_nettsted, server
from lxml import html as lxml_html

from macros.endringer import sammenlign
from macros.format import kroner
from macros.git_history import _vedtak
from macros.model import Statusrapport

ATOM = "{http://www.w3.org/2005/Atom}"
FORSTE = "2025-01-10T12:00:00Z"
SNOWBALL_ENDRET = "2025-03-02T09:30:00Z"
SIDE_ENDRET = "2025-04-05T08:15:00Z"


def _commit(mappe: Path, melding: str, tidspunkt: str) -> None:
    miljo = {**os.environ, "GIT_AUTHOR_DATE": tidspunkt, "GIT_COMMITTER_DATE": tidspunkt}
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "add", "-A"], cwd=mappe, check=True, env=miljo)
    subprocess.run([*git, "commit", "-q", "-m", melding], cwd=mappe, check=True, env=miljo)


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> tuple[Path, Path]:
    """A fixture repository built twice from the same commit: (first site/, second site/)."""
    mappe = lag_nettsted(tmp_path_factory.mktemp("githistorikk"))
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=mappe, check=True)
    _commit(mappe, "Første versjon", FORSTE)
    snowball = 'navn: "Snowball"\n  virkemiddel: "klynger-og-nettverk"\n  midler_2021: {tekst: "Kun allerede avsatt grunnfinansiering"}\n'
    endre(
        mappe / "data" / "tiltak.yml",
        snowball + '  midler_2022_2024: {tekst: "300 000,- per år i 2022-2024", kr: {2022: 300000, 2023: 300000,',
        snowball + '  midler_2022_2024: {tekst: "300 000,- per år i 2022-2024", kr: {2022: 300000, 2023: 250000,',
    )
    _commit(mappe, "Snowball: mindre midler i 2023", SNOWBALL_ENDRET)
    side = mappe / "docs" / "om" / "personvern.md"
    side.write_text(side.read_text(encoding="utf-8") + "\nEn ny setning.\n", encoding="utf-8")
    _commit(mappe, "Personvern: ny setning", SIDE_ENDRET)
    sites = []
    for i in (1, 2):
        resultat = bygg(mappe)
        assert resultat.returncode == 0, resultat.stderr
        (mappe / "site").rename(mappe / f"site{i}")
        sites.append(mappe / f"site{i}")
    return sites[0], sites[1]


def _side(site: Path, url: str):
    return lxml_html.fromstring((site / url / "index.html").read_text(encoding="utf-8"))


def _sist_oppdatert(site: Path, url: str) -> str:
    (p,) = _side(site, url).xpath('//p[@class="rp-sist-oppdatert"]')
    return p


def test_snowball_endringer_lists_the_change_with_its_date(repo):
    site, _ = repo
    (seksjon,) = _side(site, "tiltak/snowball").xpath('//section[@class="rp-endringer"]')
    punkter = seksjon.xpath(".//li")
    forventet = f"Snowball: midler 2023 endret fra {kroner(300000)} til {kroner(250000)}"
    assert [p.text_content() for p in punkter] == [f"2. mars 2025: {forventet}"]
    assert punkter[0].xpath(".//time/@datetime") == [SNOWBALL_ENDRET]


def test_a_tiltak_without_changes_says_so(repo):
    site, _ = repo
    (seksjon,) = _side(site, "tiltak/cyberland").xpath('//section[@class="rp-endringer"]')
    assert not seksjon.xpath(".//li")
    assert "Ingen endringer registrert siden 10. januar 2025." in seksjon.text_content()


def test_sist_oppdatert_is_per_record_and_per_markdown_file(repo):
    site, _ = repo
    assert _sist_oppdatert(site, "tiltak/snowball").xpath(".//time/@datetime") == [SNOWBALL_ENDRET]
    # Same file, untouched record: the date of the first commit, not of the file's last change.
    assert _sist_oppdatert(site, "tiltak/cyberland").xpath(".//time/@datetime") == [FORSTE]
    assert _sist_oppdatert(site, "om/personvern").xpath(".//time/@datetime") == [SIDE_ENDRET]
    assert _sist_oppdatert(site, "om/tilgjengelighet").xpath(".//time/@datetime") == [FORSTE]
    assert "Sist oppdatert: 5. april 2025." in _sist_oppdatert(site, "om/personvern").text_content()


def _atom(fil: Path) -> ET.Element:
    rot = ET.parse(fil).getroot()
    assert rot.tag == f"{ATOM}feed"
    for krav in ("id", "title", "updated"):
        assert rot.find(f"{ATOM}{krav}") is not None and rot.find(f"{ATOM}{krav}").text, krav
    har_forfatter = rot.find(f"{ATOM}author/{ATOM}name") is not None
    for entry in rot.findall(f"{ATOM}entry"):
        for krav in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{krav}").text, krav
        assert har_forfatter or entry.find(f"{ATOM}author/{ATOM}name") is not None
    return rot


def test_feeds_are_valid_atom_with_the_change(repo):
    site, _ = repo
    hele = _atom(site / "endringer.xml")
    virkemiddel = _atom(site / "virkemidler" / "klynger-og-nettverk" / "endringer.xml")
    annet = _atom(site / "virkemidler" / "gode-historier" / "endringer.xml")
    for feed in (hele, virkemiddel):
        (entry,) = feed.findall(f"{ATOM}entry")
        assert entry.find(f"{ATOM}updated").text == SNOWBALL_ENDRET
        assert feed.find(f"{ATOM}updated").text == SNOWBALL_ENDRET
        assert "Snowball: midler 2023 endret" in entry.find(f"{ATOM}content").text
        assert entry.find(f"{ATOM}id").text.startswith("tag:lillehammer-regionen.github.io,2025-03-02:")
    assert annet.findall(f"{ATOM}entry") == []
    # Feed ids differ; the instrument's feed is linked from its measure's page, the plan's from every page.
    assert hele.find(f"{ATOM}id").text != virkemiddel.find(f"{ATOM}id").text
    lenker = _side(site, "tiltak/snowball").xpath('//link[@type="application/atom+xml"]/@href')
    assert lenker == ["../../endringer.xml", "../../virkemidler/klynger-og-nettverk/endringer.xml"]
    assert _side(site, "om/personvern").xpath('//link[@type="application/atom+xml"]/@href') == ["../../endringer.xml"]


@pytest.mark.browser
@pytest.mark.parametrize("url", ["tiltak/snowball/", "virkemidler/klynger-og-nettverk/", ""])
def test_pages_with_feeds_load_without_failed_requests_or_console_errors(repo, nettleser, url):
    # Material's script fetches sitemap.xml from the folder of each feed link (atomfeed.seksjonskart).
    site, _ = repo
    adresse, stopp = server(site)
    kontekst = nettleser.new_context()
    try:
        side = kontekst.new_page()
        feilet, konsoll = [], []
        side.on("response", lambda r: feilet.append(f"{r.status} {r.url}") if r.status >= 400 else None)
        side.on("console", lambda m: konsoll.append(m.text) if m.type == "error" else None)
        side.goto(adresse + url)
        side.wait_for_load_state("networkidle")
        assert (feilet, konsoll) == ([], [])
        hentet = side.evaluate("performance.getEntriesByType('resource').map(r => r.name)")
        if url:
            assert adresse + "virkemidler/klynger-og-nettverk/sitemap.xml" in hentet
    finally:
        kontekst.close()
        stopp()


def test_an_instruments_feed_folder_has_a_sitemap_of_its_page(repo):
    site, _ = repo
    kart = ET.parse(site / "virkemidler" / "klynger-og-nettverk" / "sitemap.xml").getroot()
    adresser = [loc.text for loc in kart.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert adresser == ["https://lillehammer-regionen.github.io/regionplan/virkemidler/klynger-og-nettverk/"]


def test_two_builds_of_the_same_commit_are_byte_identical(repo):
    forste, andre = repo
    filer = sorted(p.relative_to(forste) for p in forste.rglob("*") if p.is_file())
    assert filer == sorted(p.relative_to(andre) for p in andre.rglob("*") if p.is_file())
    ulike = [f for f in filer if (forste / f).read_bytes() != (andre / f).read_bytes()]
    assert ulike == []
    # The sitemap carries each page's own date, not the day of the build.
    kart = (forste / "sitemap.xml").read_text(encoding="utf-8")
    assert "<lastmod>2025-04-05</lastmod>" in kart and "<lastmod>2025-03-02</lastmod>" in kart


def test_a_copy_without_git_says_unknown(bygget):
    assert "Sist oppdatert: ukjent (ingen git-historikk)." in _sist_oppdatert(bygget, "tiltak/snowball").text_content()
    assert "Sist oppdatert: ukjent (ingen git-historikk)." in _sist_oppdatert(bygget, "om/personvern").text_content()
    (seksjon,) = _side(bygget, "tiltak/snowball").xpath('//section[@class="rp-endringer"]')
    assert "ukjent (ingen git-historikk)" in seksjon.text_content()
    assert not (bygget / "endringer.xml").exists()
    assert _side(bygget, "tiltak/snowball").xpath('//link[@type="application/atom+xml"]') == []


def test_a_status_change_links_the_decision_it_cites(tmp_path):
    from test_vedtak import med_status

    mappe = lag_nettsted(tmp_path / "status")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=mappe, check=True)
    _commit(mappe, "Første versjon", FORSTE)
    med_status(mappe / "data" / "tiltak.yml", "2025-02-01")
    _commit(mappe, "Snowball: status pågår", SNOWBALL_ENDRET)
    resultat = bygg(mappe)
    assert resultat.returncode == 0, resultat.stderr
    (seksjon,) = _side(mappe / "site", "tiltak/snowball").xpath('//section[@class="rp-endringer"]')
    (punkt,) = seksjon.xpath(".//li")
    assert punkt.xpath(".//a/@href") == ["../../vedtak/handlingsplan-2021-2025/"]
    assert "Vedtak i " in punkt.xpath(".//a")[0].text_content()
    # Another measure's entries link no decision.
    (annen,) = _side(mappe / "site", "tiltak/cyberland").xpath('//section[@class="rp-endringer"]')
    assert not annen.xpath(".//a")


VEDTAK_2022 = """
- id: "tiltaksplan-2022"
  organ: "Interkommunalt politisk råd"
  motedato: "2022-06-15"
  motedato_tekst: "15.06.22"
  tekst: "Tiltaksplanen for 2022 er vedtatt (testdata)"
  tekstart: "omtale"
  kilde: {kilde: "tiltaksplan-2022", seksjon: "Vedtak"}
"""
PLAN_2022_LAGT_INN = "2025-05-06T10:00:00Z"
PLAN_2022_ENDRET = "2025-06-07T11:00:00Z"


@pytest.fixture(scope="module")
def rullering(tmp_path_factory) -> Path:
    """A repository where an adopted 2022 plan is added, then one of its amounts is changed; returns site/."""
    from test_tiltaksplaner import legg_til_2022

    mappe = lag_nettsted(tmp_path_factory.mktemp("rullering"))
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=mappe, check=True)
    _commit(mappe, "Første versjon", FORSTE)
    data = mappe / "data"
    legg_til_2022(data)
    endre(
        data / "kilder.yml",
        '    status: "forslag"\n    organ: "Interkommunalt politisk råd"\n    sitater:',
        (
            '    status: "vedtatt"\n    organ: "Interkommunalt politisk råd"\n    vedtak: "tiltaksplan-2022"\n    sitater:'
        ),
    )
    (data / "vedtak.yml").write_text((data / "vedtak.yml").read_text(encoding="utf-8") + VEDTAK_2022, "utf-8")
    _commit(mappe, "Tiltaksplan 2022", PLAN_2022_LAGT_INN)
    endre(data / "tiltaksplanposter.yml", "kr: {2022: 250000}", "kr: {2022: 200000}")
    endre(
        data / "tiltaksplaner.yml",
        'oppgitt_sum: {kr: 400000, tekst: "400 000',
        'oppgitt_sum: {kr: 350000, tekst: "350 000',
    )
    _commit(mappe, "Snowball: mindre midler i 2022", PLAN_2022_ENDRET)
    resultat = bygg(mappe)
    assert resultat.returncode == 0, resultat.stderr
    return mappe / "site"


def _endringer(site: Path, url: str) -> list[tuple[str, list[str]]]:
    (seksjon,) = _side(site, url).xpath('//section[@class="rp-endringer"]')
    return [(" ".join(li.text_content().split()), li.xpath(".//a/@href")) for li in seksjon.xpath(".//li")]


def test_a_measures_changes_in_a_later_plan_link_the_decision_that_adopted_the_plan(rullering):
    vedtak = "../../vedtak/tiltaksplan-2022/"
    endringer = _endringer(rullering, "tiltak/snowball")
    assert [lenker for _, lenker in endringer] == [[vedtak], [vedtak]]
    assert endringer[0][0].startswith(
        "7. juni 2025: Snowball i Tiltaksplan 2022: midler 2022 endret fra 250 000 kr til 200 000 kr"
    )
    assert endringer[1][0].startswith("6. mai 2025: Snowball er med i Tiltaksplan 2022, eier LRV")
    assert endringer[0][0].endswith("(Vedtak i Interkommunalt politisk råd 15.06.22)")
    # The measure new in 2022 lists its own entry's changes, and is dated by them.
    [(ny, lenker)] = _endringer(rullering, "tiltak/reiselivsdata")
    assert ny.startswith("6. mai 2025: Nytt tiltak i Tiltaksplan 2022: Reiselivsdata") and lenker == [vedtak]
    assert "6. mai 2025" in _sist_oppdatert(rullering, "tiltak/reiselivsdata").text_content()
    # A measure the later plan does not list has no changes, and links no decision.
    assert _endringer(rullering, "tiltak/cyberland") == []
    # The feed's entry for the plan entry's change links to the measure's page.
    feed = ET.parse(rullering / "endringer.xml").getroot()
    [oppforing] = [e for e in feed.iter(f"{ATOM}entry") if "midler 2022 endret" in e.find(f"{ATOM}title").text]
    assert oppforing.find(f"{ATOM}link").get("href").endswith("/tiltak/snowball/")


def test_a_change_cites_the_decision_of_its_own_part_or_of_its_plan():
    plan = ekte_plan()
    kilde = plan.kilder["tiltaksplan-2021"]
    behandling = kilde.behandling.model_copy(update={"status": "vedtatt", "vedtak": "handlingsplan-2021-2025"})
    vedtatt = plan.med(kilde={**plan.kilder, kilde.id: kilde.model_copy(update={"behandling": behandling})})

    def vedtak(gammel, **endret) -> list[str | None]:
        snowball = gammel.tiltak["snowball"].model_copy(update=endret)
        ny = gammel.med(tiltak={**gammel.tiltak, "snowball": snowball})
        return [_vedtak(e, ny, gammel) for e in sammenlign(gammel, ny)]

    # A change to a 2021 measure's place in the plan cites the decision that adopted the 2021 plan, if any.
    assert vedtak(vedtatt, rolle_tekst="Brobygger") == ["handlingsplan-2021-2025"]
    assert vedtak(plan, rolle_tekst="Brobygger") == [None]
    # A new status cites its own decision, or none: never the plan's.
    rapport = {"status": "pagar", "vurdert": "2025-01-01", "rapportert_av": "LRV"}
    assert vedtak(vedtatt, status=Statusrapport(**rapport)) == [None]
    assert vedtak(plan, status=Statusrapport(**rapport, vedtak="samarbeidsstrategi-2019")) == [
        "samarbeidsstrategi-2019"
    ]
    # A document whose handling comes to cite a decision: each change to the handling cites it.
    endringer = sammenlign(plan, vedtatt)
    assert {e.felt for e in endringer} == {("behandling", "status"), ("behandling", "vedtak")}
    assert [_vedtak(e, vedtatt, plan) for e in endringer] == ["handlingsplan-2021-2025"] * 2
