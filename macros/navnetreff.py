"""Where the plan text names an actor, and the words around it.

An actor is named by any of the forms data/aktorer.yml gives it (name, abbreviation, other
names), as a whole word, with or without a genitive «s» («Øyers»). The first letter must match
as written, so «regionrådet» (often another region's council) is not «Regionrådet»; the rest may
differ in case («Innlandet Fylkeskommune»). A longer name wins over a shorter one inside it:
«Øyer Næringsråd» names the council, not the municipality, and «Vintersportsregionen Lillehammer»
names no one, since Lillehammer kommune lists it in `ikke_i`. Groups («Bransjeaktører») are common
nouns in running text, so they are never looked for.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .model import Aktor

MAKS_UTDRAG = 320
"""The longest excerpt in characters; a longer sentence is cut around the name, with «…»."""

_SETNINGSSLUTT = re.compile(r"(?<=[.!?»])\s+(?=[A-ZÆØÅ«])")
"""Between two sentences: a full stop (or ! ? ») and a capital. «kr. 3 500 000» and «1.1.2000» stay whole."""


@dataclass(frozen=True)
class Utdrag:
    """The sentence of a passage that holds a name or a link: its pieces in order, each marked
    when it is the name or the link's words, and whether the sentence was cut before or after."""

    deler: tuple[tuple[str, bool], ...]
    kuttet_for: bool = False
    kuttet_etter: bool = False

    @property
    def tekst(self) -> str:
        """The excerpt as plain text."""
        return "".join(d for d, _ in self.deler)


def _monster(form: str) -> str:
    """A name form as a pattern: its first letter as written, the rest in any case."""
    return re.escape(form[0]) + (f"(?i:{re.escape(form[1:])})" if len(form) > 1 else "")


class Navnesok:
    """Finds the actors' names in a text."""

    def __init__(self, aktorer: Iterable[Aktor]) -> None:
        former: dict[str, set[str]] = {}
        for aktor in aktorer:
            if aktor.type == "gruppe":
                continue
            for form in aktor.navneformer:
                former.setdefault(form, set()).add(aktor.id)
            for uttrykk in aktor.ikke_i:
                former.setdefault(uttrykk, set())
        # Longest first: at one place the regex takes the first alternative that fits.
        self._former = sorted(former.items(), key=lambda f: (-len(f[0]), f[0]))
        alternativer = "|".join(f"(?P<f{i}>{_monster(form)})" for i, (form, _) in enumerate(self._former))
        self._regex = re.compile(rf"(?<!\w)(?:{alternativer})s?(?!\w)") if self._former else None

    def finn(self, tekst: str) -> list[tuple[int, int, frozenset[str]]]:
        """(start, end, actor ids) of every name in the text; a longer expression that names no one hides the name in it."""
        if self._regex is None:
            return []
        treff = []
        for m in self._regex.finditer(tekst):
            ids = self._former[int(m.lastgroup[1:])][1]
            if ids:
                start, slutt = m.span(m.lastgroup)
                treff.append((start, slutt, frozenset(ids)))
        return treff


def setninger(tekst: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence in a text."""
    grenser = [0, *(m.end() for m in _SETNINGSSLUTT.finditer(tekst))]
    slutter = [*(m.start() for m in _SETNINGSSLUTT.finditer(tekst)), len(tekst)]
    return list(zip(grenser, slutter, strict=True))


def utdrag(tekst: str, spenn: list[tuple[int, int]]) -> list[Utdrag]:
    """One excerpt per sentence that holds any of the spans, each span marked.

    A sentence longer than MAKS_UTDRAG characters is cut to that length around its marked words.
    """
    resultat = []
    for fra, til in setninger(tekst):
        inni = sorted((s, e) for s, e in spenn if fra <= s and e <= til)
        if not inni:
            continue
        forste, siste = inni[0][0], inni[-1][1]
        plass = max(MAKS_UTDRAG - (siste - forste), 0)
        # The words before and after share the room; one side's leftover goes to the other.
        etter = min(til - siste, max(plass // 2, plass - (forste - fra)))
        for_ = min(forste - fra, plass - etter)
        start = forste - for_
        slutt = siste + etter
        if start > fra:
            start = tekst.find(" ", start, forste) + 1 or start
        if slutt < til:
            slutt = tekst.rfind(" ", siste, slutt) if tekst.rfind(" ", siste, slutt) > siste else slutt
        deler, posisjon = [], start
        for s, e in inni:
            if s < posisjon:
                continue
            if s > posisjon:
                deler.append((tekst[posisjon:s], False))
            deler.append((tekst[s:e], True))
            posisjon = e
        if slutt > posisjon:
            deler.append((tekst[posisjon:slutt], False))
        resultat.append(Utdrag(tuple(deler), start > fra, slutt < til))
    return resultat
