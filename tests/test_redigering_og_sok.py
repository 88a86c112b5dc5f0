"""Every page's pencil and its Kilde box open the same file, and boilerplate stays out of search."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup
from sokeindeks import les_sokeindeks


def sider(bygget: Path) -> list[Path]:
    return sorted(bygget.rglob("index.html"))


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
    # Pagefind reads only the article, and the Kilde box inside it says data-pagefind-ignore.
    bokser = 0
    for fil in sider(bygget):
        for boks in BeautifulSoup(fil.read_text(encoding="utf-8"), "lxml").select("aside.rp-kilde"):
            assert boks.has_attr("data-pagefind-ignore"), fil.relative_to(bygget)
            bokser += 1
    assert bokser > 100
    oppforinger = les_sokeindeks(bygget)
    assert len(oppforinger) > 100
    kildebokser = [
        url
        for url, side in oppforinger.items()
        if "Feil eller endring? Rediger" in side["content"]
        or "Sist oppdatert" in side["content"]
        or any(anker["id"] == "kilde-overskrift" for anker in side["anchors"])
    ]
    assert kildebokser == []
