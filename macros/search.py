"""The site's search index: Pagefind run over the finished pages after each build, archive excluded.

Pagefind splits the index into small chunks that the browser fetches only when someone searches
(docs/assets/sok.js), and stems Norwegian words, so «bedriftsnettverkene» finds «bedriftsnettverk».
Only the article of each page is indexed: the menus, the header and the footer are the same on
every page. Inside the article, boilerplate is marked `data-pagefind-ignore` in the templates
(the Kilde box, for one). benchmarks/search.py measures this against Material's built-in lunr search.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from macros.arkiv import MAPPE as ARKIV

MAPPE = "pagefind"
"""The folder in site/ that holds the index and Pagefind's script (what docs/assets/sok.js imports)."""

ROT = "article.md-content__inner"
"""The part of each page that is indexed: Material's article, without navigation, header or footer."""

UTEN = ".headerlink"
"""Inside the article, but not text: the ¶ after each heading."""

UTELATT = ("404.html",)
"""Pages that are no answer to a search."""

UTELATTE_MAPPER = ("hele-planen",)
"""Folders that are no answer either: «Hele planen» repeats the strategy's pages word for word, for
printing; a search answers with the page the text belongs to."""


ARTIKKEL = '<article class="md-content__inner md-typeset">'
"""How Material's base.html opens the article (ROT) on every page."""


def uten_sok(html: str) -> str:
    """A finished page that search leaves out: a page of a split list (macros/pagination.py), whose rows
    each have their own page. Pagefind skips a page whose root element says data-pagefind-ignore="all"."""
    if ARTIKKEL not in html:
        raise ValueError("sok.uten_sok: fant ikke artikkelen i siden; har Material endret base.html?")
    return html.replace(ARTIKKEL, ARTIKKEL[:-1] + ' data-pagefind-ignore="all">', 1)


class Sokefeil(Exception):
    """The search index could not be built; the message says why in bokmål."""


def monster(site: Path) -> str:
    """Which files Pagefind reads, as its glob: every page except the archive, Pagefind's own folder and UTELATT."""
    deler = []
    for sti in sorted(site.iterdir()):
        # Adopted versions under /arkiv/ are history: a search answers with the plan in force.
        if sti.name in (ARKIV, MAPPE, *UTELATTE_MAPPER):
            continue
        if sti.is_dir():
            deler.append(f"{sti.name}/**/*.html")
        elif sti.suffix == ".html" and sti.name not in UTELATT:
            deler.append(sti.name)
    return "{" + ",".join(deler) + "}"


def lag_sokeindeks(site: Path) -> None:
    """Write Pagefind's index and its search script to site/pagefind/ (Sokefeil, in bokmål, if that fails)."""
    # pagefind_bin, the binary's own package, rather than pagefind.service, which imports asyncio for its
    # Python API (a twentieth of the build's imports) only to say where the binary is.
    try:
        from pagefind_bin import get_executable

        program = get_executable()
    except (ImportError, FileNotFoundError):
        raise Sokefeil(_MANGLER) from None
    # The command line, not Pagefind's Python service: the service takes 14 s for what this does in 0.5 s.
    kommando = [str(program), "--site", str(site), "--output-subdir", MAPPE, "--glob", monster(site)]
    kommando += ["--root-selector", ROT, "--exclude-selectors", UTEN, "--quiet"]
    resultat = subprocess.run(kommando, capture_output=True, text=True)
    if resultat.returncode != 0:
        siste = "\n".join((resultat.stderr or resultat.stdout).strip().splitlines()[-10:])
        raise Sokefeil(f"Søkeindeksen kunne ikke lages. Pagefind sa:\n{siste}")
    # Pagefind also writes search interfaces of its own; the site has its own in Material's header.
    for fil in (site / MAPPE).glob("pagefind-*ui.*"):
        fil.unlink()
    (site / MAPPE / "pagefind-highlight.js").unlink(missing_ok=True)


_MANGLER = (
    "Søkeindeksen kunne ikke lages: Pagefind er ikke installert. Kjør «make build», som installerer "
    "pakken pagefind[bin] med versjonen i constraints.txt (eller «pip install -c constraints.txt -e .»)."
)
