"""The plan text as MkDocs parsed it: headings with their real ids, every kind of link, one collection per build.

tests/test_testnettsteder.py builds a page with {#eget-id}, a reference link and a
repeated heading with the real MkDocs; these tests hold the parts to the same rules
on HTML written out here.
"""

from __future__ import annotations

import pytest
from conftest import PROSJEKT
from mkdocs.config import load_config

from macros import mkdocs_hook, plantekst, urls
from macros.html_pass import Lenke, Overskrift, gjennomga
from macros.model import FrontMatter
from macros.plantekst import Omtale, Samling, les_side, navtitler, omtaler

# What MkDocs makes of headings and links on docs/historikk/eksempel.md: the toc gives ids
# (a repeated heading gets «_1», {#eget-id} its own) and a permalink; links point to URLs.
HTML = """
<h1 id="eksempel">Eksempel<a class="headerlink" href="#eksempel" title="Lenke til denne delen">¶</a></h1>
<p>Innledning om <a href="../../tiltak/snowball/">Snowball</a> og <a href="https://example.org/tiltak/x/">noe annet</a>.</p>
<h2 id="tiltak">Tiltak<a class="headerlink" href="#tiltak" title="Lenke til denne delen">¶</a></h2>
<p>Først <a href="../../tiltak/snowball/">Snowball</a>, så <a href="../../aktorer/lrv/#bakgrunn">LRV</a>.</p>
<h2 id="tiltak_1">Tiltak<a class="headerlink" href="#tiltak_1" title="Lenke til denne delen">¶</a></h2>
<p>Igjen <a href="../../tiltak/snowball/">Snowball</a> og <a href="../../tiltak/">alle tiltak</a>.</p>
<h3 id="eget-id">Et avsnitt om <a href="../../roller/veiviser/">veiviser</a>-rollen &amp; mer<a class="headerlink" href="#eget-id">¶</a></h3>
<div class="rp-tidslinje"><h2 id="ar-2006">2006</h2><p><a href="../../tiltak/esport-klynge/">Esport</a></p></div>
<p>Etter tidslinjen: <a href="../snowball/">historikken</a>, <a href="../../virkemidler/gode-historier/">Gode historier</a>.</p>
"""


def lest(html: str = HTML, meta: dict | None = None, sti: str = "historikk/eksempel.md") -> plantekst.ParsedPage:
    return les_side(sti, "historikk/eksempel/", meta or {"kilde": "handlingsplan-2021-2025"}, gjennomga(html).innhold)


def test_the_walk_sees_headings_with_their_ids_and_every_link_outside_the_sites_own_blocks():
    innhold = gjennomga(HTML).innhold
    assert [o for o in innhold if isinstance(o, Overskrift)] == [
        Overskrift(1, "eksempel", "Eksempel"),
        Overskrift(2, "tiltak", "Tiltak"),
        Overskrift(2, "tiltak_1", "Tiltak"),
        Overskrift(3, "eget-id", "Et avsnitt om veiviser-rollen & mer"),
    ]
    lenker = [o.href for o in innhold if isinstance(o, Lenke)]
    assert "../../tiltak/esport-klynge/" not in lenker
    assert not any(href.startswith("#") for href in lenker)
    assert len(lenker) == 9


def test_each_link_to_a_record_becomes_a_passage_under_its_heading():
    side = lest().side
    assert side.tittel == "Eksempel" and side.url == "historikk/eksempel/"
    assert omtaler([lest()]) == {
        ("tiltak", "snowball"): [
            Omtale(side, None, None),
            Omtale(side, "Tiltak", "tiltak"),
            Omtale(side, "Tiltak", "tiltak_1"),
        ],
        ("aktor", "lrv"): [Omtale(side, "Tiltak", "tiltak")],
        ("rolle", "veiviser"): [Omtale(side, "Et avsnitt om veiviser-rollen & mer", "eget-id")],
        ("virkemiddel", "gode-historier"): [Omtale(side, "Et avsnitt om veiviser-rollen & mer", "eget-id")],
    }
    assert omtaler([lest()])[("rolle", "veiviser")][0].url == "historikk/eksempel/#eget-id"


def test_the_front_matter_title_wins_over_the_heading():
    assert lest(meta={"kilde": "x", "title": "Egen tittel"}).side.tittel == "Egen tittel"


@pytest.mark.parametrize(
    ("side_url", "href", "mal"),
    [
        ("historikk/snowball/", "../../tiltak/snowball/#a", "tiltak/snowball/"),
        ("", "tiltak/snowball/", "tiltak/snowball/"),
        ("historikk/snowball/", "../../", ""),
        ("historikk/snowball/", "#avsnitt", None),
        ("historikk/snowball/", "https://example.org/tiltak/snowball/", None),
        ("historikk/snowball/", "mailto:post@example.org", None),
        ("historikk/snowball/", "/tiltak/snowball/", None),
        ("historikk/snowball/", "../../../utenfor/", None),
    ],
)
def test_links_resolve_to_site_relative_urls(side_url, href, mal):
    assert urls.lenkemal(side_url, href) == mal


@pytest.mark.parametrize(
    ("url", "post"),
    [
        ("tiltak/snowball/", ("tiltak", "snowball")),
        ("aktorer/lrv/", ("aktor", "lrv")),
        ("roller/veiviser/", ("rolle", "veiviser")),
        ("tiltak/", None),
        ("historikk/snowball/", None),
        ("tiltak/snowball/mer/", None),
        ("", None),
    ],
)
def test_record_urls_are_recognised_from_the_url_rules(url, post):
    assert urls.post_for_url(url) == post
    if post:
        assert urls.side_url(*post) == url


def test_the_collection_answers_only_when_the_pages_it_needs_are_parsed():
    samling = Samling(
        {"historikk/eksempel.md": FrontMatter(kilde="x"), "oversikt.md": FrontMatter(kilde="x", render_macros=True)}
    )
    samling.forvent(["historikk/eksempel.md", "oversikt.md"])
    with pytest.raises(RuntimeError, match="docs/historikk/eksempel.md"):
        samling.sider_per_kilde()
    samling.legg_til(lest())
    # The Dokumenter list needs the plain plan pages; the back-references need every page.
    assert [s.url for s in samling.sider_per_kilde()["handlingsplan-2021-2025"]] == ["historikk/eksempel/"]
    with pytest.raises(RuntimeError, match="docs/oversikt.md"):
        samling.omtaler()
    samling.legg_til(lest("<h1>Oversikt</h1>", sti="oversikt.md"))
    assert ("tiltak", "snowball") in samling.omtaler()
    assert samling.makrosider_sist(["oversikt.md", "historikk/eksempel.md", "b.md"]) == [
        "historikk/eksempel.md",
        "b.md",
        "oversikt.md",
    ]


def test_every_build_starts_a_new_collection():
    config = load_config(str(PROSJEKT / "mkdocs.yml"))
    plantekst.samling().legg_til(lest())
    mkdocs_hook.on_config(config)
    assert plantekst.samling().sider == {}
    assert "historikk/tidslinje.md" in plantekst.samling().sidemeta


def test_nav_titles_give_a_sections_title_to_its_index_page():
    nav = [
        {"Hjem": "index.md"},
        {"Strategi": ["strategi/index.md", {"Forankring": "strategi/forankring.md"}, "strategi/uten-tittel.md"]},
        "løs.md",
    ]
    assert navtitler(nav) == {
        "index.md": "Hjem",
        "strategi/index.md": "Strategi",
        "strategi/forankring.md": "Forankring",
    }
