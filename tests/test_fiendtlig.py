"""Hostile text everywhere: a corpus of hostile strings in every free-text field of the data, in a
page's front matter and in staff-written Markdown; the built site is read in Chromium.

No script runs anywhere, the text shows as written, tables keep their columns, and the feeds,
CSV and JSON downloads stay well-formed.
"""

from __future__ import annotations

import csv
import io
import itertools
import json

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import delt_bygg, server
from lxml import etree

FIENDTLIG = (
    "<script>window.__xss=1</script>",
    '"><img src=x onerror="window.__xss=2">',
    "javascript:window.__xss=3",
    "data:text/html,<script>window.__xss=4</script>",
    "{{ config.site_name }} {% if true %}mal{% endif %}",
    "[klikk](javascript:window.__xss=5) ![bilde](x)",
    "a | b\nc",
    "x" * 500,
    "\u202eomvendt\u200b\u200dnull",
)
"""Script tags, event handlers, javascript: and data: URLs, template syntax, Markdown links and images,
a table separator and a line break, a 500-character word, a right-to-left mark and zero-width characters."""

# The free-text fields of the data (names, titles, the sources' words, explanations, notes).
TEKSTFELT = {
    "navn",
    "tittel",
    "kortnavn",
    "merknad",
    "overskrift",
    "vurdering",
    "uten_tiltak",
    "omtale",
    "rolle_tekst",
    "tiltakseier_tekst",
    "partnere_tekst",
    "tekst",
    "forklaring",
    "sitat",
    "organ",
    "motedato_tekst",
}
# Fields that are keys, not free text: statistics rows are named by other rows (summen_av), and a
# glossary term is the spelling the glossary looks for.
IKKE = {"befolkning.yml": {"navn"}, "nho_rangeringer.yml": {"navn"}}

SIDE = "om/personvern.md"
"""The hand-written page that gets hostile front matter and Markdown."""


def _med_fiendtlig(verdi, nokkel, felt, strenger):
    if isinstance(verdi, dict):
        return {k: _med_fiendtlig(v, k, felt, strenger) for k, v in verdi.items()}
    if isinstance(verdi, list):
        return [_med_fiendtlig(v, nokkel, felt, strenger) for v in verdi]
    if isinstance(verdi, str) and nokkel in felt:
        return f"{verdi} {next(strenger)}"
    return verdi


def _forbered(mappe) -> None:
    strenger = itertools.cycle(FIENDTLIG)
    for fil in sorted((mappe / "data").glob("*.yml")):
        data = yaml.safe_load(fil.read_text(encoding="utf-8"))
        felt = TEKSTFELT - IKKE.get(fil.name, set())
        fil.write_text(
            yaml.safe_dump(
                _med_fiendtlig(data, None, felt, strenger), allow_unicode=True, sort_keys=False, width=10_000
            ),
            encoding="utf-8",
        )
    side = mappe / "docs" / SIDE
    front, tekst = side.read_text(encoding="utf-8").split("---\n", 2)[1:]
    meta = yaml.safe_load(front)
    meta["title"] = f"Personvern {FIENDTLIG[0]}"
    meta["description"] = FIENDTLIG[1]
    # Markdown's own link and image syntax is what staff write on purpose; the rest is pasted text.
    avsnitt = "\n\n".join(f"Limt inn: {s}" for s in FIENDTLIG if "\n" not in s and "](" not in s)
    tabell = "| Kolonne | Annen |\n|---|---|\n| " + FIENDTLIG[1] + " | " + FIENDTLIG[0] + " |\n"
    side.write_text(
        "---\n"
        + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        + "---\n"
        + tekst
        + "\n\n"
        + avsnitt
        + "\n\n"
        + tabell,
        encoding="utf-8",
    )


@pytest.fixture(scope="session")
def fiendtlig(tmp_path_factory):
    mappe, resultat = delt_bygg(tmp_path_factory, "fiendtlig", _forbered)
    assert resultat.returncode == 0, resultat.stderr
    return mappe / "site"


@pytest.fixture(scope="session")
def fiendtlig_adresse(fiendtlig):
    url, stopp = server(fiendtlig)
    yield url
    stopp()


def _tekst(node) -> str:
    return " ".join(node.get_text(" ").split())


def _norm(s: str) -> str:
    return " ".join(s.split())


def test_every_hostile_string_is_in_the_data_and_shows_as_text(fiendtlig):
    sider = {p: BeautifulSoup(p.read_text(encoding="utf-8"), "lxml") for p in fiendtlig.rglob("index.html")}
    alt = " ".join(_tekst(s) for s in sider.values())
    for streng in FIENDTLIG:
        assert _norm(streng) in alt, streng
    snowball = BeautifulSoup((fiendtlig / "tiltak" / "snowball" / "index.html").read_text(encoding="utf-8"), "lxml")
    assert _tekst(snowball.h1).startswith("Snowball ")
    assert "Snowball" in snowball.title.get_text()


def test_no_script_runs_on_any_page(nettleser, fiendtlig, fiendtlig_adresse):
    kontekst = nettleser.new_context(viewport={"width": 1280, "height": 900})
    side = kontekst.new_page()
    dialoger = []
    side.on("dialog", lambda d: (dialoger.append(d.message), d.dismiss()))
    sider = sorted(p.parent.relative_to(fiendtlig).as_posix() for p in fiendtlig.rglob("index.html"))
    assert len(sider) > 100
    kjort = []
    for sti in sider:
        side.goto(f"{fiendtlig_adresse}{'' if sti == '.' else sti + '/'}")
        if side.evaluate("window.__xss") is not None:
            kjort.append(sti)
    # Tooltips and search show the same texts: focus a glossary word, and search for a hostile word.
    side.goto(f"{fiendtlig_adresse}tiltak/snowball/")
    side.locator("article abbr").first.focus()
    side.get_by_role("textbox", name="Søk på nettstedet").fill("window")
    side.locator("#rp-sok-treff a.md-search-result__link").first.wait_for()
    treff = side.locator("#rp-sok-treff").inner_text()
    assert "__xss" in treff, "søket viser teksten som tekst"
    if side.evaluate("window.__xss") is not None:
        kjort.append("søk/verktøytips")
    kontekst.close()
    assert not kjort and not dialoger, (kjort, dialoger)


def test_hostile_front_matter_and_pasted_tags_stay_text(fiendtlig):
    side = BeautifulSoup((fiendtlig / "om" / "personvern" / "index.html").read_text(encoding="utf-8"), "lxml")
    # The navigation's title wins over front matter in <title>; the front matter's never becomes markup.
    assert not [s for s in side.select("script") if "__xss" in s.get_text()]
    assert side.select_one('meta[name="description"]')["content"] == FIENDTLIG[1]
    # The Markdown's pasted tags are text, not elements.
    artikkel = side.select_one("article")
    assert not artikkel.select("img[onerror]") and not [s for s in artikkel.select("script")]
    assert "Limt inn: <script>window.__xss=1</script>" in _tekst(artikkel)


def test_the_breadcrumb_shows_a_hostile_instrument_title_as_text(fiendtlig):
    side = BeautifulSoup(
        (fiendtlig / "tiltak" / "digital-lab-innlandet" / "index.html").read_text(encoding="utf-8"), "lxml"
    )
    sti = side.select_one("nav.md-path")
    assert not sti.select("script, img")
    assert any(s in _tekst(sti) for s in FIENDTLIG if "\n" not in s and len(s) < 100)


def test_every_table_keeps_its_columns(fiendtlig):
    avvik = []
    for fil in fiendtlig.rglob("index.html"):
        for tabell in BeautifulSoup(fil.read_text(encoding="utf-8"), "lxml").select("article table"):
            hode = tabell.select("thead tr")
            if not hode:
                continue
            bredde = sum(int(c.get("colspan", 1)) for c in hode[-1].find_all(["th", "td"]))
            for rad in tabell.select("tbody tr"):
                celler = sum(int(c.get("colspan", 1)) for c in rad.find_all(["th", "td"], recursive=False))
                if celler != bredde:
                    avvik.append(f"{fil.parent.name}: {celler} != {bredde}: {_tekst(rad)[:80]}")
    assert not avvik, avvik[:10]


def test_feeds_and_downloads_stay_well_formed(fiendtlig):
    feeds = list(fiendtlig.rglob("*.xml"))
    assert feeds
    for feed in feeds:
        etree.parse(str(feed))
    for fil in fiendtlig.rglob("*.json"):
        if "pagefind" not in fil.parts:
            json.loads(fil.read_text(encoding="utf-8"))
    tall = 0
    for fil in (fiendtlig / "nedlasting").rglob("*.csv"):
        rader = list(csv.reader(io.StringIO(fil.read_text(encoding="utf-8-sig")), delimiter=";"))
        assert all(len(r) == len(rader[0]) for r in rader), fil
        tall += 1
    assert tall > 5
    tiltak = (fiendtlig / "nedlasting" / "datasett" / "tiltak.csv").read_text(encoding="utf-8-sig")
    assert "<script>window.__xss=1</script>" in tiltak or "onerror" in tiltak
