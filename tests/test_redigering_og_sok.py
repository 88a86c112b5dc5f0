"""Every page's pencil and its Kilde box open the same file, and boilerplate stays out of search."""

from __future__ import annotations

import json
from pathlib import Path

from bs4 import BeautifulSoup


def sider(bygget: Path) -> list[Path]:
    return sorted(
        p for p in bygget.rglob("index.html") if (p.parent / "index.html") == p and p.parent != bygget / "search"
    )


def test_pencil_and_kilde_link_agree_on_every_page(bygget):
    sjekket = 0
    for fil in sider(bygget):
        html = BeautifulSoup(fil.read_text(encoding="utf-8"), "lxml")
        boks = html.select_one("aside.rp-kilde")
        if boks is None:
            continue
        blyant = html.select_one("a.md-content__button[href*='/edit/']")
        kildelenke = boks.select_one("a[href*='/edit/']")
        assert blyant is not None and kildelenke is not None, fil
        assert blyant["href"] == kildelenke["href"], (
            f"{fil.relative_to(bygget)}: {blyant['href']} ≠ {kildelenke['href']}"
        )
        assert kildelenke.get_text().endswith(kildelenke["href"].split("/edit/main/", 1)[1])
        sjekket += 1
    assert sjekket > 100


def test_generated_and_data_pages_edit_their_data_file(bygget):
    for sti, fil in [
        ("tiltak/snowball", "data/tiltak.yml"),
        ("tiltak", "data/tiltak.yml"),
        ("historikk/tidslinje", "data/hendelser.yml"),
    ]:
        html = BeautifulSoup((bygget / sti / "index.html").read_text(encoding="utf-8"), "lxml")
        assert html.select_one("a.md-content__button")["href"].endswith(f"/edit/main/{fil}"), sti


def test_no_search_entry_is_a_kilde_box(bygget):
    oppforinger = json.loads((bygget / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert len(oppforinger) > 100
    kildebokser = [
        o["location"] for o in oppforinger if o["title"] == "Kilde" or "Feil eller endring? Rediger" in o["text"]
    ]
    assert kildebokser == []
