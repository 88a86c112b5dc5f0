"""The glossary's tooltips on a page: every term, except where the page switches one off.

A word only gets a term's explanation where it names what the entry explains.
Where the same spelling means something else («følgende virkemidler vært brukt»
are methods, «regionrådet for Gjøvikregionen» is another council), the page says
so in its front matter:

    uten_ordforklaring:
      - virkemiddel                                            # the whole page
      - {ord: regionrad, i: "regionrådet for Gjøvikregionen"}  # only in this passage

A switched-off passage is defined as an abbreviation of its own with a marker
title; being longer, it wins over the term inside it, and the Markdown extension
at the bottom of this module removes the marked element again, leaving plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from xml.etree import ElementTree

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from .meldinger import foreslaa
from .model import Plan
from .render import render_tekst

UTEN_FORKLARING = "rp-uten-ordforklaring"
"""Title of the abbreviations that mark a switched-off passage; never reaches a page."""

NOKKEL = "uten_ordforklaring"
"""The front matter key."""


@dataclass(frozen=True)
class Unntak:
    """A term switched off on a page: everywhere on it, or only in one passage."""

    ord_id: str
    tekststykke: str | None = None


class Sidefeil(ValueError):
    """A mistake in a page's front matter, as a bokmål message naming the page."""


def les_unntak(plan: Plan, verdi: object, markdown: str, fil: str) -> list[Unntak]:
    """The page's switched-off terms, checked against the glossary and the page's own text."""
    if verdi is None:
        return []
    if not isinstance(verdi, list):
        raise Sidefeil(f"{fil}: «{NOKKEL}» i forsiden (front matter) skal være en liste, for eksempel [virkemiddel].")
    unntak = []
    for element in verdi:
        if isinstance(element, str):
            unntak.append(Unntak(_kjent_ord(plan, element, fil)))
        elif isinstance(element, dict) and set(element) == {"ord", "i"} and isinstance(element["i"], str):
            ord_id = _kjent_ord(plan, element["ord"], fil)
            unntak.append(Unntak(ord_id, _gyldig_tekststykke(plan, ord_id, element["i"], markdown, fil)))
        else:
            raise Sidefeil(
                f"{fil}: hvert punkt i «{NOKKEL}» skal være en id fra data/ordliste.yml (gjelder hele siden) "
                f'eller {{ord: <id>, i: "<tekststykket slik det står på siden>"}}, fant «{element}».'
            )
    return unntak


def _kjent_ord(plan: Plan, ord_id: object, fil: str) -> str:
    if isinstance(ord_id, str) and ord_id in plan.ordliste:
        return ord_id
    hint = foreslaa(str(ord_id), list(plan.ordliste))
    raise Sidefeil(
        f"{fil}: ukjent ord «{ord_id}» i «{NOKKEL}» i forsiden (front matter). "
        f"Bruk id-en til ordet i data/ordliste.yml.{hint}"
    )


def _gyldig_tekststykke(plan: Plan, ord_id: str, tekst: str, markdown: str, fil: str) -> str:
    hvor = f"{fil}: tekststykket «{tekst}» i «{NOKKEL}»"
    if not re.fullmatch(r"\w[^\[\]\\\n]*\w", tekst):
        raise Sidefeil(f"{hvor} må begynne og slutte med et ord og kan ikke inneholde [, ] eller \\.")
    if tekst not in markdown:
        raise Sidefeil(f"{hvor} står ikke på siden. Skriv det nøyaktig slik det står i teksten, på én linje.")
    skrivemater = plan.ordliste[ord_id].skrivemater
    if not any(re.search(rf"\b{re.escape(s)}\b", tekst) for s in skrivemater):
        raise Sidefeil(f"{hvor} inneholder ikke «{ord_id}» ({', '.join(skrivemater)}).")
    return tekst


def definisjoner(plan: Plan, unntak: list[Unntak] = ()) -> str:
    """Markdown abbreviation definitions for the page: its terms, and a marker for each switched-off passage."""
    uten = {u.ord_id for u in unntak if u.tekststykke is None}
    tekststykker = list(dict.fromkeys(u.tekststykke for u in unntak if u.tekststykke))
    return render_tekst(
        "forkortelser.md", plan=plan, uten=uten, tekststykker=tekststykker, merke=UTEN_FORKLARING
    )


class _FjernMerkede(Treeprocessor):
    """Turns the marked abbreviations of switched-off passages back into plain text."""

    def run(self, root: ElementTree.Element) -> None:
        merkede = [
            (forelder, barn)
            for forelder in root.iter()
            for barn in forelder
            if barn.tag == "abbr" and barn.get("title") == UTEN_FORKLARING
        ]
        for forelder, barn in merkede:
            tekst = (barn.text or "") + (barn.tail or "")
            plass = list(forelder).index(barn)
            if plass == 0:
                forelder.text = (forelder.text or "") + tekst
            else:
                forrige = forelder[plass - 1]
                forrige.tail = (forrige.tail or "") + tekst
            forelder.remove(barn)


class UtenOrdforklaring(Extension):
    """Python-Markdown extension, listed in mkdocs.yml after `abbr`."""

    def extendMarkdown(self, md: Markdown) -> None:
        # Just after abbr (7), before the table of contents (5) reads the headings.
        md.treeprocessors.register(_FjernMerkede(md), "uten_ordforklaring", 6.5)


def makeExtension(**kwargs) -> UtenOrdforklaring:
    """Entry point Python-Markdown uses for `macros.ordforklaring` in mkdocs.yml."""
    return UtenOrdforklaring(**kwargs)
