"""What keeps the build and `make check` fast, checked for what it must not change.

Speed itself is measured by `make bench` (benchmarks/), never asserted here: a slow machine must
not fail a test. These tests guard that each shortcut gives the same result as the long way, and
that nothing kept between builds grows without bound.
"""

from __future__ import annotations

import gc
import itertools
import json
import os
import posixpath
import random
import re
import shutil
import subprocess
import sys
import weakref
from collections import OrderedDict

import pytest
import yaml
from conftest import PROSJEKT, endre, lag_nettsted

from macros import git_history, html_pass, load, ordforklaring, urls, yamlfile
from macros.endringer import sammenlign
from macros.endringstekst import setning
from macros.errors import Datafeil
from macros.gcpause import paused_gc
from macros.load import load_plan
from macros.registry import TYPER


def test_paused_gc_turns_the_collector_back_on_even_after_an_error():
    assert gc.isenabled()
    with pytest.raises(ValueError), paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled(), "an inner pause must not switch the collector on inside an outer one"
        raise ValueError
    assert gc.isenabled()


def test_paused_gc_leaves_a_collector_that_was_off_off():
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_reading_data_keeps_no_yaml_nodes_alive():
    load_plan(PROSJEKT / "data")
    # A scalar that YAML cannot construct goes through the error path, which must let go of its node too.
    _, feil = yamlfile.les_yaml_tekst("a: !!binary ikke-base64\nb: 2019-13-45\nc: 12\n", "data/temaer.yml")
    assert len(feil) == 2
    assert not yamlfile._konstruktor.constructed_objects
    assert not yamlfile._konstruktor.recursive_objects


def test_text_scalars_read_as_yaml_reads_them():
    tekst = "a: tekst\nb: 'sitert: tekst'\nc: \"to\\nlinjer\"\nd: |\n  blokk\n  tekst\ne: 12\nf: no\ng: 2019-03-28\n"
    dokument, feil = yamlfile.les_yaml_tekst(tekst, "data/temaer.yml")
    assert not feil
    assert dokument.verdi == yamlfile.les_verdier(tekst)


def _commit(mappe, melding: str, tidspunkt: str) -> None:
    miljo = {**os.environ, "GIT_AUTHOR_DATE": tidspunkt, "GIT_COMMITTER_DATE": tidspunkt}
    git = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "add", "-A"], cwd=mappe, check=True, env=miljo)
    subprocess.run([*git, "commit", "-q", "-m", melding], cwd=mappe, check=True, env=miljo)


def test_the_history_reads_each_file_once_per_content_and_nothing_before_the_first_invalid_revision(
    tmp_path, monkeypatch
):
    """Newest first: every file of the newest revision, then only the file that changed in each older one; the
    revision whose data no longer validates is the last one read (the oldest, whose glossary differs, is not)."""
    data = tmp_path / "data"
    shutil.copytree(PROSJEKT / "data", data)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=tmp_path, check=True)
    endre(data / "ordliste.yml", "den interkommunale næringsutviklingsenheten", "næringsutviklingsenheten")
    _commit(tmp_path, "Eldst: gyldig, men før en ugyldig revisjon", "2025-01-01T12:00:00Z")
    temaer = (data / "temaer.yml").read_bytes()
    (data / "temaer.yml").write_text("a: [\n", encoding="utf-8")
    endre(data / "ordliste.yml", "næringsutviklingsenheten", "den interkommunale næringsutviklingsenheten")
    _commit(tmp_path, "Ugyldig YAML", "2025-01-02T12:00:00Z")
    (data / "temaer.yml").write_bytes(temaer)
    _commit(tmp_path, "Gyldig igjen", "2025-01-03T12:00:00Z")
    endre(data / "tiltak.yml", "kr: {2022: 300000, 2023: 300000,", "kr: {2022: 300000, 2023: 250000,")
    _commit(tmp_path, "Snowball", "2025-01-04T12:00:00Z")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "side.md").write_text("# Side\n", encoding="utf-8")
    _commit(tmp_path, "Bare en side", "2025-01-05T12:00:00Z")
    endre(data / "aktorer.yml", 'navn: "Lillehammer kommune"', 'navn: "Lillehammer kommune (ny)"')
    _commit(tmp_path, "Aktør", "2025-01-06T12:00:00Z")

    lest: list[str] = []
    ekte = load.les_yaml_innhold

    def tell(innhold, visningsnavn):
        lest.append(visningsnavn)
        return ekte(innhold, visningsnavn)

    monkeypatch.setattr(load, "les_yaml_innhold", tell)
    monkeypatch.setattr(git_history, "_PLANER", OrderedDict())
    monkeypatch.setattr(git_history, "_HISTORIKKER", OrderedDict())
    historikk = git_history.les_historikk(tmp_path)

    filer = [f"data/{t.fil}" for t in TYPER.values()]
    assert sorted(lest) == sorted([*filer, "data/aktorer.yml", "data/tiltak.yml", "data/temaer.yml"])
    assert historikk.siden.iso == "2025-01-03T12:00:00Z" and historikk.avkortet
    endringer = [(e.tidspunkt.iso, e.type, e.id) for e in historikk.endringer]
    assert endringer == [
        ("2025-01-06T12:00:00Z", "aktor", "lillehammer-kommune"),
        ("2025-01-04T12:00:00Z", "tiltak", "snowball"),
    ]
    # The same history without any shortcut: every revision from the first valid one loaded on its own.
    revisjoner = ["HEAD~3", "HEAD~2", "HEAD"]
    planer = []
    for revisjon in revisjoner:
        mappe = tmp_path / "eksport" / revisjon / "data"
        mappe.mkdir(parents=True)
        for t in TYPER.values():
            innhold = subprocess.run(
                ["git", "show", f"{revisjon}:data/{t.fil}"], cwd=tmp_path, capture_output=True, check=True
            ).stdout
            (mappe / t.fil).write_bytes(innhold)
        planer.append(load.load_plan(mappe))
    par = list(zip(planer, planer[1:], strict=False))
    assert sorted(e.tekst for e in historikk.endringer) == sorted(
        setning(e, gammel, ny) for gammel, ny in par for e in sammenlign(gammel, ny)
    )


def test_the_plans_indexes_give_what_a_scan_of_every_record_gives(plan):
    alle = [o for tp in plan.tiltaksplaner_etter_ar for o in plan.oppforinger(tp.id)]
    assert any(o.er_trolig_partner(a) for o in alle for a in o.partner_ids), "the data has a «trolig» partner"
    for aktor_id in [*plan.aktorer, "ingen-slik-aktor"]:
        assert plan.oppforinger_som_nevner(aktor_id) == [
            o for o in alle if aktor_id in o.tiltakseiere or aktor_id in o.partner_ids
        ]
    for felt in ("tiltak", "aktorer"):
        ider = {i for h in plan.hendelser.values() for i in getattr(h, felt)}
        assert ider
        for post_id in [*ider, "ingen-slik-post"]:
            assert plan.hendelser_med(felt, post_id) == [
                h for h in sorted(plan.hendelser.values(), key=lambda h: h.tid) if post_id in getattr(h, felt)
            ]
    for historikk in [None, *plan.historikksider]:
        assert plan.tidslinje(historikk) == sorted(
            (h for h in plan.hendelser.values() if historikk is None or historikk in h.historikk), key=lambda h: h.tid
        )


def test_the_plans_lists_are_the_callers_own(plan):
    """A caller that changes a list it got does not change what the next caller gets."""
    for hent in (
        lambda: plan.oppforinger("tiltaksplan-2021"),
        lambda: plan.oppforinger_som_nevner("lillehammer-kommune"),
        lambda: plan.hendelser_med("aktorer", "lillehammer-kommune"),
        plan.tidslinje,
    ):
        liste = hent()
        assert liste
        liste.clear()
        assert hent()


# The glossary pass (macros/html_pass.py): the simple split and the run-skipping path give what HTMLParser gives.

_BITER = [
    "<p>",
    "</p>",
    '<a href="../tiltak/snowball/">',
    "</a>",
    '<h2 id="x">',
    "</h2>",
    '<span class="rp-kilde">',
    "</span>",
    '<div data-ordforklaring="av">',
    '<div data-ordforklaring="&#97;v">',
    "</div>",
    "<br>",
    "<br/>",
    "<br />",
    "<code>",
    "</code>",
    '<td class="a b" title="LRV &amp; co">',
    "</td>",
    "<li>",
    "</li>",
    "<!-- en kommentar -->",
    "&amp;",
    "&nbsp;",
    "&#229;",
    "&#xE5;",
    "LRV",
    "LRVs",
    " tiltak ",
    "Lillehammer-regionen Vekst",
    "næringsliv",
    "\n",
    " ",
    "tekst",
]
_VANSKELIGE = [
    # Things only HTMLParser reads: each sends the whole page the long way.
    "</P>",
    "<P>",
    "< 5",
    "& co",
    "&amp co",
    "<script>",
    "</script>",
    "<!DOCTYPE html>",
    "<a href=uten-anforsel>",
    "<!-- a -- b -->",
    "<title>",
]


def _tilfeldig_html(rng) -> str:
    return "".join(rng.choice(_VANSKELIGE if rng.random() < 0.02 else _BITER) for _ in range(rng.randint(0, 40)))


def _merk(tekst: str, utelatt: bool) -> str:
    return tekst if utelatt else re.sub(r"(?<!\w)LRVs?(?!\w)", lambda m: f"[{m.group()}]", tekst)


def test_the_simple_split_gives_what_htmlparser_gives():
    rng = random.Random(20261127)
    enkle = 0
    for _ in range(4000):
        html = _tilfeldig_html(rng)
        enkle += html_pass.enkel_html(html)
        sakte = html_pass.gjennomga(html, _merk, rask=False)
        assert html_pass.gjennomga(html, _merk) == sakte, html
        uten = html_pass.gjennomga(html, _merk, innhold=False, treff=re.compile(r"(?<!\w)LRVs?(?!\w)"))
        assert uten.html == sakte.html and uten.innhold == [], html
    assert 500 < enkle < 3500, "both ways are exercised"


def test_the_glossary_pass_gives_what_htmlparser_gives_on_every_page(bygget, plan):
    ordbok = ordforklaring._ordbok(plan)
    assert ordbok.trygg
    artikler = [
        side.read_text(encoding="utf-8").partition('<article class="md-content__inner md-typeset">')[2]
        for side in sorted(bygget.rglob("*.html"))
    ]
    artikler = [a.partition("</article>")[0] for a in artikler if a]
    assert len(artikler) > 100
    for html in artikler:
        sakte = html_pass.gjennomga(html, ordforklaring._PageTerms(ordbok, []), rask=False)
        assert html_pass.gjennomga(html, ordforklaring._PageTerms(ordbok, [])) == sakte
        side = ordforklaring._PageTerms(ordbok, [])
        assert html_pass.gjennomga(html, side, innhold=False, treff=side.treff).html == sakte.html
    assert sum(map(html_pass.enkel_html, artikler)) > 0.9 * len(artikler), "most pages take the simple split"


def test_the_glossary_pattern_finds_what_the_list_of_spellings_finds(plan):
    skrivemater = list(ordforklaring._ordbok(plan).ord_id)
    liste = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, sorted(skrivemater, key=len, reverse=True)))})(?!\w)")
    tre = re.compile(ordforklaring.monster_for(skrivemater))
    rng = random.Random(7)
    biter = [*skrivemater, " ", "-", "s", "er", ".", "æ", "\n", "Lillehammer", "regionen", "<", ">"]
    for _ in range(3000):
        tekst = "".join(rng.choice(biter) for _ in range(rng.randint(0, 12)))
        assert [(m.start(), m.group()) for m in tre.finditer(tekst)] == [
            (m.start(), m.group()) for m in liste.finditer(tekst)
        ], tekst


def test_links_between_pages_are_what_posixpath_gives():
    rng = random.Random(3)
    deler = ["tiltak", "snowball", "a.b", ".", "", "..", "c d", "index.html"]
    for _ in range(20000):
        til = "/".join(rng.choice(deler) for _ in range(rng.randint(0, 4))) + rng.choice(["", "/"])
        fra = "/".join(rng.choice(deler) for _ in range(rng.randint(0, 4))) + rng.choice(["", "/"])
        assert urls._relpath(til or ".", fra or ".") == posixpath.relpath(til or ".", fra or "."), (til, fra)


# The pages made from data skip Markdown (macros/finished_html.py): each is also rendered the ordinary way and compared.

_SAMMENLIGN_MED_MARKDOWN = """
import copy, json, os, sys
sys.path.insert(0, os.getcwd())
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.structure import pages

ekte = pages.Page.render
resultat = {"generert": 0, "spart": 0, "ulik": []}


def render(self, config, files):
    ekte(self, config, files)
    if self.file.generated_by is None:
        return
    resultat["generert"] += 1
    hook = next(m for m in list(sys.modules.values()) if hasattr(m, "_uten_markdown"))
    ferdig = hook._bygg.ferdige.get(self.file.src_uri)
    if ferdig is None:
        return
    resultat["spart"] += 1
    kopi = copy.copy(self)
    kopi.markdown = ferdig[0]
    ekte(kopi, config, files)
    if (kopi.content, kopi.present_anchor_ids, list(kopi.toc), kopi._title_from_render, kopi.links_to_anchors) != (
        ferdig[1], ferdig[2], list(self.toc), self._title_from_render, self.links_to_anchors
    ):
        resultat["ulik"].append(self.file.src_uri)


pages.Page.render = render
config = load_config(config_file="mkdocs.yml", site_dir=sys.argv[1])
config.plugins.on_startup(command="build", dirty=False)
build(config)
print(json.dumps(resultat))
"""


def _sammenlign_med_markdown(mappe):
    svar = subprocess.run(
        [sys.executable, "-c", _SAMMENLIGN_MED_MARKDOWN, str(mappe / "site")],
        cwd=mappe,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        timeout=600,
    )
    assert svar.returncode == 0, svar.stderr[-3000:]
    return json.loads(svar.stdout.strip().splitlines()[-1])


def test_a_page_made_from_data_is_what_markdown_makes_of_it(tmp_path):
    resultat = _sammenlign_med_markdown(lag_nettsted(tmp_path / "nettsted"))
    assert resultat["ulik"] == []
    assert resultat["spart"] == resultat["generert"] > 50, resultat


NASTY = [
    "a\n```\nb\n```",
    "tab\there",
    "x\n   \ny",
    "~~~\nkode\n~~~",
    "<!-- c -->",
    "linje\r\nCR",
    "    innrykk\n    kode",
]
"""Text that Markdown would read differently inside a page: fences, tabs, lines of spaces, line endings, indents."""


def test_hostile_data_never_makes_the_shortcut_differ_from_markdown(tmp_path):
    from test_fiendtlig import _forbered

    mappe = lag_nettsted(tmp_path / "nettsted")
    _forbered(mappe)
    tekster = itertools.cycle(NASTY)
    for fil in ("tiltak.yml", "aktorer.yml", "hendelser.yml"):
        sti = mappe / "data" / fil
        poster = yaml.safe_load(sti.read_text(encoding="utf-8"))
        for post in poster[::2]:
            for felt in ("navn", "merknad", "sitat", "tekst"):
                if isinstance(post.get(felt), str):
                    post[felt] += " " + next(tekster)
        sti.write_text(yaml.safe_dump(poster, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")
    resultat = _sammenlign_med_markdown(mappe)
    assert resultat["ulik"] == []
    # Both ways are taken: the pages without the hostile text skip Markdown, the others go through it.
    assert 0 < resultat["spart"] < resultat["generert"], resultat


def test_freezing_lets_the_previous_builds_garbage_be_collected():
    from macros.gcpause import freeze_survivors

    class Post:
        pass

    try:
        forrige_bygg = Post()
        forrige_bygg.selv = forrige_bygg  # a reference cycle: only the collector frees it
        finnes = weakref.ref(forrige_bygg)
        freeze_survivors()
        assert gc.get_freeze_count() > 0
        del forrige_bygg
        gc.collect()
        assert finnes() is not None, "frozen, the cycle is out of the collector's reach during the build"
        freeze_survivors()
        assert finnes() is None, "the next build lets it back in and collects it"
    finally:
        gc.unfreeze()


def test_under_serve_an_edit_reads_only_the_edited_file_again(datamappe, monkeypatch):
    lest: list[str] = []
    ekte = load.les_yaml_innhold
    monkeypatch.setattr(load, "les_yaml_innhold", lambda innhold, navn: (lest.append(navn), ekte(innhold, navn))[1])
    load.load_plan_cached(datamappe, gjenbruk=True)
    assert len(lest) == len(TYPER)
    lest.clear()
    endre(datamappe / "tiltak.yml", "kr: {2022: 300000, 2023: 300000,", "kr: {2022: 300000, 2023: 299000,")
    plan = load.load_plan_cached(datamappe, gjenbruk=True)
    assert lest == ["data/tiltak.yml"]
    assert plan == load_plan(datamappe)
    # A broken reference in the edited file is still found: the checks across files run every time.
    endre(datamappe / "tiltak.yml", 'virkemiddel: "klynger-og-nettverk"', 'virkemiddel: "finnes-ikke"')
    with pytest.raises(Datafeil, match="finnes-ikke"):
        load.load_plan_cached(datamappe, gjenbruk=True)
