"""Stable URLs: every address the site has published keeps working, as a page or a redirect.

tests/fixtures/publiserte_adresser.txt lists them. A page or record id that is renamed or removed
needs a redirect in mkdocs.yml (plugin «redirects»); a new address is added to the list with
`UPDATE_ADRESSER=1 .venv/bin/python -m pytest tests/test_adresser.py`.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import bygg, endre, lag_nettsted

LISTE = Path(__file__).parent / "fixtures" / "publiserte_adresser.txt"
NEDLASTINGER = (".csv", ".xml", ".json")
IKKE_PUBLISERT = ("assets/", "search/", "pagefind/", "sitemap.xml", "stylesheets/", "javascripts/")


def adresser(site: Path) -> set[str]:
    """The addresses a reader can link to: every page (as its directory URL) and every download."""
    funnet = set()
    for fil in site.rglob("*"):
        sti = fil.relative_to(site).as_posix()
        if not fil.is_file() or sti.startswith(IKKE_PUBLISERT) or sti == "404.html":
            continue
        if fil.name == "index.html":
            funnet.add("/" + sti.removesuffix("index.html"))
        elif fil.suffix in NEDLASTINGER:
            funnet.add("/" + sti)
    return funnet


def publiserte() -> list[str]:
    return [linje for linje in LISTE.read_text(encoding="utf-8").splitlines() if linje and not linje.startswith("#")]


def borte(site: Path, liste: list[str]) -> list[str]:
    """The listed addresses the site no longer answers, as a page, a redirect or a file."""
    return [
        a
        for a in liste
        if not (site / a.lstrip("/") / "index.html" if a.endswith("/") else site / a.lstrip("/")).is_file()
    ]


def test_every_published_address_still_answers(bygget):
    mangler = borte(bygget, publiserte())
    assert not mangler, (
        "Disse publiserte adressene finnes ikke lenger. Legg inn en omdirigering i mkdocs.yml "
        "(redirects: redirect_maps) fra den gamle siden til den nye:\n" + "\n".join(mangler)
    )


def test_every_address_is_in_the_list(bygget):
    nye = sorted(adresser(bygget) - set(publiserte()))
    if nye and os.environ.get("UPDATE_ADRESSER"):
        hode = [linje for linje in LISTE.read_text(encoding="utf-8").splitlines() if linje.startswith("#")]
        LISTE.write_text("\n".join([*hode, *sorted(set(publiserte()) | set(nye))]) + "\n", encoding="utf-8")
        pytest.skip(f"la til {len(nye)} adresser i {LISTE.name}")
    assert not nye, (
        f"Nye adresser som ikke står i tests/fixtures/{LISTE.name} (kjør med UPDATE_ADRESSER=1 for å legge dem til):\n"
        + "\n".join(nye)
    )


@pytest.fixture(scope="module")
def omdobt(tmp_path_factory) -> Path:
    """A copy where the measure «lokalmatnettverk» has a new id, with and without a redirect."""
    mappe = lag_nettsted(tmp_path_factory.mktemp("omdobt"))
    for fil in (mappe / "data").glob("*.yml"):
        tekst = fil.read_text(encoding="utf-8")
        if '"lokalmatnettverk"' in tekst:
            fil.write_text(tekst.replace('"lokalmatnettverk"', '"lokalmat-og-drikke"'), encoding="utf-8")
    endre(
        mappe / "mkdocs.yml",
        "      redirect_maps: {}",
        '      redirect_maps:\n        "tiltak/lokalmatnettverk.md": "tiltak/lokalmat-og-drikke.md"',
    )
    resultat = bygg(mappe)
    assert resultat.returncode == 0, resultat.stderr
    return mappe / "site"


def test_a_renamed_id_with_a_redirect_keeps_its_old_address(omdobt):
    assert "/tiltak/lokalmatnettverk/" in publiserte()
    assert not borte(omdobt, publiserte())
    gammel = (omdobt / "tiltak" / "lokalmatnettverk" / "index.html").read_text(encoding="utf-8")
    assert "../lokalmat-og-drikke/" in gammel


def test_without_the_redirect_the_old_address_is_reported(omdobt, tmp_path):
    (omdobt / "tiltak" / "lokalmatnettverk" / "index.html").rename(tmp_path / "omdirigering.html")
    try:
        assert borte(omdobt, publiserte()) == ["/tiltak/lokalmatnettverk/"]
    finally:
        (tmp_path / "omdirigering.html").rename(omdobt / "tiltak" / "lokalmatnettverk" / "index.html")
