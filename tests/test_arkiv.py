"""Adopted versions under /arkiv/<versjon>/, on a fixture repository with two tags.

The repository has three commits at fixed dates: the first tagged `vedtatt/samarbeidsstrategi-2019`
(lightweight), the second, with Snowball renamed, tagged `vedtatt/handlingsplan-2021-2025` (annotated),
the third renames Snowball again. It is built once (module scope): the current site and both versions.
A commit with broken data on a side branch is built alone, as one version, to see the build stop.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path, PurePosixPath

import pytest
from conftest import bygg, ekte_plan, endre, handskrevne_sider, lag_nettsted, nho_omtale
from lxml import html as lxml_html
from sokeindeks import les_sokeindeks

from macros import arkiv
from macros.pages import genererte_sider

V1, V2 = "samarbeidsstrategi-2019", "handlingsplan-2021-2025"
GIT = [
    "git",
    "-c",
    "user.name=Test",
    "-c",
    "user.email=test@example.org",
    "-c",
    "commit.gpgsign=false",
    "-c",
    "tag.gpgsign=false",
]


def _git(mappe: Path, *argumenter: str, tidspunkt: str = "2025-01-10T12:00:00Z") -> str:
    miljo = {**os.environ, "GIT_AUTHOR_DATE": tidspunkt, "GIT_COMMITTER_DATE": tidspunkt}
    return subprocess.run(
        [*GIT, *argumenter], cwd=mappe, check=True, env=miljo, capture_output=True, text=True
    ).stdout.strip()


def _commit(mappe: Path, melding: str, tidspunkt: str) -> str:
    _git(mappe, "add", "-A", tidspunkt=tidspunkt)
    _git(mappe, "commit", "-q", "-m", melding, tidspunkt=tidspunkt)
    return _git(mappe, "rev-parse", "HEAD")


def _gi_snowball_navn(mappe: Path, gammelt: str, nytt: str) -> None:
    endre(mappe / "data" / "tiltak.yml", f'navn: "{gammelt}"', f'navn: "{nytt}"')


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> tuple[Path, Path, str]:
    """The fixture repository built once: (its folder, its site/, the commit with broken data)."""
    mappe = lag_nettsted(tmp_path_factory.mktemp("arkiv"))
    _git(mappe, "init", "-q", "-b", "main")
    # The build must survive the checkouts below.
    (mappe / ".gitignore").write_text("site/\n__pycache__/\n", encoding="utf-8")
    _commit(mappe, "Første versjon", "2025-01-10T12:00:00Z")
    _git(mappe, "tag", f"vedtatt/{V1}")
    _gi_snowball_navn(mappe, "Snowball", "Snowball Norge")
    _commit(mappe, "Snowball får nytt navn", "2025-02-10T12:00:00Z")
    _git(mappe, "tag", "-a", "-m", "vedtatt 04.12.20", f"vedtatt/{V2}", tidspunkt="2025-02-11T12:00:00Z")
    _gi_snowball_navn(mappe, "Snowball Norge", "Snowball Vinter")
    _commit(mappe, "Snowball får enda et navn", "2025-03-10T12:00:00Z")
    resultat = bygg(mappe)
    assert resultat.returncode == 0, resultat.stderr
    # Broken data on a side branch, after the build: no tag points to it, the unit test builds it alone.
    _git(mappe, "checkout", "-q", "-b", "brutt")
    endre(mappe / "data" / "tiltak.yml", 'virkemiddel: "klynger-og-nettverk"', 'virkemiddel: "finnes-ikke"')
    brutt = _commit(mappe, "Ødelagte data", "2025-04-10T12:00:00Z")
    _git(mappe, "checkout", "-q", "main")
    return mappe, mappe / "site", brutt


def _side(fil: Path):
    return lxml_html.fromstring(fil.read_text(encoding="utf-8"))


def _h1(fil: Path) -> str:
    return _side(fil).xpath("//article//h1")[0].text_content().strip()


def test_each_version_has_the_pages_as_they_were_at_its_tag(repo):
    _, site, _ = repo
    assert _h1(site / "tiltak" / "snowball" / "index.html") == "Snowball Vinter"
    assert _h1(site / "arkiv" / V1 / "tiltak" / "snowball" / "index.html") == "Snowball"
    assert _h1(site / "arkiv" / V2 / "tiltak" / "snowball" / "index.html") == "Snowball Norge"
    # The whole plan, not only the measure: a plan-text page and the home page.
    for versjon in (V1, V2):
        assert (site / "arkiv" / versjon / "index.html").is_file()
        assert (site / "arkiv" / versjon / "handlingsplan" / "okonomi" / "index.html").is_file()


def test_every_archived_page_has_the_banner_and_noindex(repo):
    _, site, _ = repo
    sider = sorted((site / "arkiv").rglob("*.html"))
    assert len(sider) > 50
    for fil in sider:
        side = _side(fil)
        assert side.xpath('//head/meta[@name="robots"]/@content') == ["noindex"], fil
        (banner,) = side.xpath('//div[contains(@class, "rp-arkivbanner")]')
        versjon = fil.relative_to(site / "arkiv").parts[0]
        dato = {V1: "28. mars 2019", V2: "04.12.20"}[versjon]
        assert banner.xpath("p[1]")[0].text_content() == f"Historisk versjon – vedtatt {dato}", fil
    # The current site is not marked.
    for fil in (site / "index.html", site / "tiltak" / "snowball" / "index.html"):
        assert not _side(fil).xpath('//meta[@name="robots"] | //div[contains(@class, "rp-arkivbanner")]')


def _mal(fil: Path, href: str) -> Path:
    """The file a relative link on a built page opens."""
    mal = (fil.parent / href).resolve()
    return mal / "index.html" if href.endswith("/") else mal


def test_banner_links_to_the_same_page_on_the_current_site_or_home(repo):
    _, site, _ = repo
    fil = site / "arkiv" / V1 / "tiltak" / "snowball" / "index.html"
    (lenke,) = _side(fil).xpath('//div[contains(@class, "rp-arkivbanner")]//a')
    assert _mal(fil, lenke.get("href")) == (site / "tiltak" / "snowball" / "index.html").resolve()
    assert lenke.text_content() == "Se den gjeldende versjonen av denne siden"
    # A page the current site does not have (the archive's 404 page) leads to the home page.
    fil = site / "arkiv" / V1 / "404.html"
    (lenke,) = _side(fil).xpath('//div[contains(@class, "rp-arkivbanner")]//a')
    assert _mal(fil, lenke.get("href")) == (site / "index.html").resolve()


def test_current_tiltak_page_lists_both_versions_with_working_links(repo):
    _, site, _ = repo
    fil = site / "tiltak" / "snowball" / "index.html"
    (seksjon,) = _side(fil).xpath('//section[@class="rp-tidligere-versjoner"]')
    lenker = seksjon.xpath(".//a")
    # Newest decision first.
    assert [a.text_content() for a in lenker] == [
        "Versjonen vedtatt 04.12.20 i Interkommunalt politisk råd",
        "Versjonen vedtatt 28. mars 2019 i kommunestyrene i Gausdal, Lillehammer og Øyer",
    ]
    mal = [_mal(fil, a.get("href")) for a in lenker]
    assert mal == [(site / "arkiv" / v / "tiltak" / "snowball" / "index.html").resolve() for v in (V2, V1)]
    assert [_h1(m) for m in mal] == ["Snowball Norge", "Snowball"]


def test_archive_is_outside_the_current_search_index_and_sitemap(repo):
    _, site, _ = repo
    steder = list(les_sokeindeks(site))
    assert "/tiltak/snowball/" in steder
    assert not [s for s in steder if "arkiv/" in s]
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "/tiltak/snowball/" in sitemap and "arkiv/" not in sitemap
    for versjon in (V1, V2):
        assert not (site / "arkiv" / versjon / "sitemap.xml").exists()
        assert not (site / "arkiv" / versjon / "sitemap.xml.gz").exists()


def test_a_tag_whose_tree_does_not_build_stops_with_the_tag_named(repo, tmp_path):
    mappe, _, brutt = repo
    versjon = arkiv.Versjon("vedtatt/brutt", "brutt", brutt, "Rådet", "2025-04-10", "10.04.25", frozenset())
    with pytest.raises(arkiv.Arkivfeil) as feil:
        arkiv.bygg_versjon(mappe, versjon, tmp_path / "site", "")
    melding = str(feil.value)
    assert melding.startswith("Den vedtatte versjonen i taggen «vedtatt/brutt» kunne ikke bygges")
    assert "finnes-ikke" in melding


def test_a_tag_naming_no_vedtak_in_its_tree_is_an_error(repo):
    mappe, _, _ = repo
    assert [v.navn for v in arkiv.les_versjoner(mappe)] == [V2, V1]
    _git(mappe, "tag", "vedtatt/ukjent")
    try:
        with pytest.raises(arkiv.Arkivfeil, match="Taggen «vedtatt/ukjent»: data/vedtak.yml .* id «ukjent»"):
            arkiv.les_versjoner(mappe)
    finally:
        _git(mappe, "tag", "-d", "vedtatt/ukjent")


def test_without_tags_or_git_there_are_no_versions(tmp_path):
    assert arkiv.les_versjoner(tmp_path) == ()


def test_tidligere_versjoner_only_where_the_tiltak_existed():
    versjon = arkiv.Versjon("vedtatt/x", "x", "0" * 40, "Rådet", "2025", "2025", frozenset({"snowball"}))
    sider = genererte_sider(ekte_plan(), nho_omtale(), handskrevne_sider(), arkiv=(versjon,))
    assert 'href="../../arkiv/x/tiltak/snowball/"' in sider["tiltak/snowball.md"]
    assert "rp-tidligere-versjoner" not in sider["tiltak/cyberland.md"]


def test_a_version_holds_the_measures_new_in_its_later_plans():
    vedtak = b'- {id: "x", organ: "Radet", motedato: "2023", motedato_tekst: "2023"}\n'
    tiltak = b'- {id: "snowball"}\n'
    poster = b'- {id: "2022-snowball", tiltak: "snowball"}\n- {id: "2022-nytt", tiltak: "nytt", navn: "Nytt"}\n'
    assert arkiv._versjon("vedtatt/x", "0" * 40, vedtak, tiltak, poster).tiltak == {"snowball", "nytt"}
    # A tree from before the later plans has no data/tiltaksplanposter.yml.
    assert arkiv._versjon("vedtatt/x", "0" * 40, vedtak, tiltak, None).tiltak == {"snowball"}


def test_insertion_after_head_and_at_the_start_of_the_article_or_body():
    med_artikkel = '<html><head lang="nb"><title>t</title></head><body class="b"><article class="a">x</article>'
    assert arkiv.sett_inn(med_artikkel, "M", "B") == (
        '<html><head lang="nb">M<title>t</title></head><body class="b"><article class="a">Bx</article>'
    )
    assert arkiv.sett_inn("<head></head><body>\n<p>y</p>", "M", "B") == "<head>M</head><body>B\n<p>y</p>"
    with pytest.raises(arkiv.Arkivfeil):
        arkiv.sett_inn("<p>ingen head</p>", "M", "B")


def test_link_to_current_page_is_relative_to_the_archived_page(tmp_path):
    versjon = arkiv.Versjon("vedtatt/x", "x", "0" * 40, "Rådet", "2025", "2025", frozenset())
    (tmp_path / "om").mkdir()
    (tmp_path / "om" / "index.html").write_text("", encoding="utf-8")
    assert arkiv.lenke_til_gjeldende(versjon, PurePosixPath("om/index.html"), tmp_path) == ("../../../om/", True)
    assert arkiv.lenke_til_gjeldende(versjon, PurePosixPath("borte/index.html"), tmp_path) == ("../../../", False)
    assert arkiv.lenke_til_gjeldende(versjon, PurePosixPath("index.html"), tmp_path) == ("../../", False)
