"""The glossary's tooltips on a page: every term, except where the page switches one off.

One pass over each page's finished HTML (macros/html_pass.py) wraps every whole-word,
case-sensitive occurrence of a spelling from data/ordliste.yml (term and varianter;
the longest wins where two overlap) in the <abbr> of macros/templates/ordforklaring.html.
Plan text, generated record pages and every data-built block get the same explanations.
Headings, links, code, existing <abbr>, SVG drawings, form controls and any element
marked data-ordforklaring="av" are left as they are.

A word only gets a term's explanation where it names what the entry explains.
Where the same spelling means something else («følgende virkemidler vært brukt»
are methods, «regionrådet for Gjøvikregionen» is another council), the page says
so in its front matter:

    uten_ordforklaring:
      - virkemiddel                                            # the whole page
      - {ord: regionrad, i: "regionrådet for Gjøvikregionen"}  # only in this passage

A passage switch leaves that term without its explanation wherever the passage
stands on the page; the passage must stand there as one run of text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markupsafe import Markup

from .html_pass import Gjennomgang, gjennomga
from .messages import foreslaa
from .model import Plan
from .templating import render

NOKKEL = "uten_ordforklaring"
"""The front matter key."""


@dataclass(frozen=True)
class Unntak:
    """A term switched off on a page: everywhere on it, or only in one passage."""

    ord_id: str
    tekststykke: str | None = None


class PageError(ValueError):
    """A mistake in a page's front matter, as a bokmål message naming the page."""


def les_unntak(plan: Plan, verdi: object, markdown: str, fil: str) -> list[Unntak]:
    """The page's switched-off terms, checked against the glossary and the page's own text."""
    if verdi is None:
        return []
    if not isinstance(verdi, list):
        raise PageError(f"{fil}: «{NOKKEL}» i forsiden (front matter) skal være en liste, for eksempel [virkemiddel].")
    unntak = []
    for element in verdi:
        if isinstance(element, str):
            unntak.append(Unntak(_kjent_ord(plan, element, fil)))
        elif isinstance(element, dict) and set(element) == {"ord", "i"} and isinstance(element["i"], str):
            ord_id = _kjent_ord(plan, element["ord"], fil)
            unntak.append(Unntak(ord_id, _gyldig_tekststykke(plan, ord_id, element["i"], markdown, fil)))
        else:
            raise PageError(
                f"{fil}: hvert punkt i «{NOKKEL}» skal være en id fra data/ordliste.yml (gjelder hele siden) "
                f'eller {{ord: <id>, i: "<tekststykket slik det står på siden>"}}, fant «{element}».'
            )
    return unntak


def _kjent_ord(plan: Plan, ord_id: object, fil: str) -> str:
    if isinstance(ord_id, str) and ord_id in plan.ordliste:
        return ord_id
    hint = foreslaa(str(ord_id), list(plan.ordliste))
    raise PageError(
        f"{fil}: ukjent ord «{ord_id}» i «{NOKKEL}» i forsiden (front matter). "
        f"Bruk id-en til ordet i data/ordliste.yml.{hint}"
    )


def _gyldig_tekststykke(plan: Plan, ord_id: str, tekst: str, markdown: str, fil: str) -> str:
    hvor = f"{fil}: tekststykket «{tekst}» i «{NOKKEL}»"
    if not re.fullmatch(r"\w[^\[\]\\\n]*\w", tekst):
        raise PageError(f"{hvor} må begynne og slutte med et ord og kan ikke inneholde [, ] eller \\.")
    if tekst not in markdown:
        raise PageError(f"{hvor} står ikke på siden. Skriv det nøyaktig slik det står i teksten, på én linje.")
    skrivemater = plan.ordliste[ord_id].skrivemater
    if not any(re.search(rf"\b{re.escape(s)}\b", tekst) for s in skrivemater):
        raise PageError(f"{hvor} inneholder ikke «{ord_id}» ({', '.join(skrivemater)}).")
    return tekst


@dataclass
class _Ordbok:
    """The glossary ready for the pass: each spelling's <abbr>, rendered once, and one pattern per switch-off."""

    plan: Plan
    abbr: dict[str, Markup]
    ord_id: dict[str, str]
    monstre: dict[frozenset[str], re.Pattern | None] = field(default_factory=dict)

    @property
    def trygg(self) -> bool:
        """True when no spelling holds <, >, & or ;: a match can then never reach across a tag or reference."""
        return not any(tegn in s for s in self.ord_id for tegn in "<>&;")

    def monster(self, uten: frozenset[str]) -> re.Pattern | None:
        """Every spelling of the terms the page keeps, as a whole word; where several match, the longest wins."""
        if uten not in self.monstre:
            skrivemater = [s for s, o in self.ord_id.items() if o not in uten]
            self.monstre[uten] = re.compile(monster_for(skrivemater)) if skrivemater else None
        return self.monstre[uten]


def monster_for(skrivemater: list[str]) -> str:
    """A regular expression for the spellings as whole words, the longest that fits where several start alike.

    It matches what «(?<!\\w)(?:longest|…|shortest)(?!\\w)» matches, three times faster: the spellings form a
    tree of shared beginnings («Lillehammer-regionen» and «Lillehammer-regionen Vekst» share one path), so at
    each place in the text only the one branch its next letter allows is tried, and a place whose letter
    starts no spelling is passed at once. A longer spelling is tried before the shorter one it extends.
    """
    tre: dict = {}
    for skrivemate in skrivemater:
        node = tre
        for tegn in skrivemate:
            node = node.setdefault(tegn, {})
        node[""] = {}

    def gren(node: dict) -> str:
        grener = [re.escape(tegn) + gren(barn) for tegn, barn in sorted(node.items()) if tegn]
        if not grener:
            return ""
        indre = grener[0] if len(grener) == 1 else f"(?:{'|'.join(grener)})"
        return f"(?:{indre})?" if "" in node else indre

    forste = "".join(sorted({re.escape(s[0]) for s in skrivemater}))
    return rf"(?=[{forste}])(?<!\w){gren(tre)}(?!\w)"


_siste: list[_Ordbok] = []


def _ordbok(plan: Plan) -> _Ordbok:
    # One glossary per loaded plan: a build reuses it on every page, and a new plan replaces it.
    if not _siste or _siste[0].plan is not plan:
        abbr, ord_id = {}, {}
        for ord_ in plan.ordliste.values():
            for skrivemate in ord_.skrivemater:
                abbr[skrivemate] = render("ordforklaring.html", ord=skrivemate, forklaring=ord_.forklaring)
                ord_id[skrivemate] = ord_.id
        _siste[:] = [_Ordbok(plan, abbr, ord_id)]
    return _siste[0]


_ALDRI = re.compile(r"(?!)")
"""A pattern that finds nothing: on a page that switches every term off, no run is changed."""


class _PageTerms:
    """The glossary for one page: its switch-offs, and which switched-off passages the pass has met."""

    def __init__(self, ordbok: _Ordbok, unntak: list[Unntak]):
        self.ordbok = ordbok
        self.monster = ordbok.monster(frozenset(u.ord_id for u in unntak if u.tekststykke is None))
        self.tekststykker: dict[str, set[str]] = {}
        for u in unntak:
            if u.tekststykke:
                self.tekststykker.setdefault(u.tekststykke, set()).add(u.ord_id)
        self.soek = {t: re.compile(rf"(?<!\w){re.escape(t)}(?!\w)") for t in self.tekststykker}
        self.funnet: set[str] = set()

    @property
    def treff(self) -> re.Pattern | None:
        """What html_pass may search the page for to skip the runs this leaves as they are (see gjennomga).

        None where every run must be seen: a switched-off passage is being looked for, or a spelling holds
        a character that could join a run to the markup around it.
        """
        if self.tekststykker or not self.ordbok.trygg:
            return None
        return self.monster or _ALDRI

    def __call__(self, tekst: str, utelatt: bool) -> str:
        stykker = [
            (m.start(), m.end(), ord_ids)
            for t, ord_ids in self.tekststykker.items()
            for m in self.soek[t].finditer(tekst)
        ]
        self.funnet.update(t for t in self.tekststykker if self.soek[t].search(tekst))
        if utelatt or self.monster is None:
            return tekst

        def forklart(m: re.Match) -> str:
            ord_id = self.ordbok.ord_id[m.group(0)]
            if any(fra < m.end() and m.start() < til and ord_id in ids for fra, til, ids in stykker):
                return m.group(0)
            return self.ordbok.abbr[m.group(0)]

        return self.monster.sub(forklart, tekst)


def forklar(html: str, plan: Plan, unntak: list[Unntak] = (), fil: str = "", innhold: bool = True) -> Gjennomgang:
    """The page's HTML with the glossary's <abbr> explanations, and the headings and links the pass saw.

    innhold=False: only the HTML is wanted (Gjennomgang.innhold is left empty).
    Raises PageError when a switched-off passage does not stand on the page as one run of text.
    """
    side = _PageTerms(_ordbok(plan), list(unntak))
    gang = gjennomga(html, side, innhold=innhold, treff=side.treff)
    for tekst in side.tekststykker:
        if tekst not in side.funnet:
            raise PageError(
                f"{fil}: tekststykket «{tekst}» i «{NOKKEL}» står ikke som sammenhengende tekst på siden. "
                "Velg et tekststykke uten lenke, utheving eller annen formatering inni."
            )
    return gang
