"""One walk through a page's finished HTML: rewrite its text, and note its headings and links.

The walk copies the HTML as it is (tags, comments and character references
verbatim) and hands each run of text to a function that may rewrite it (the
glossary's <abbr> explanations). It tells that function whether the text stands
where words must stay as they are: in a heading, a link, code, an existing
<abbr>, a script or style, an SVG drawing, a form control, or inside any element
marked data-ordforklaring="av".

On the way it records the page's headings (level, id, text), links and text
blocks (a paragraph, list item or table cell, with where its links stand in it), in
document order, for macros/plantekst.py. Elements built by the site's templates
carry a class in the site's own «rp-» namespace (rp-tidslinje, rp-register,
rp-kilde …); their headings, links and text are the site's own, not plan text,
so they are not recorded.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

UTELATT = frozenset(
    {
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "a",
        "abbr",
        "code",
        "pre",
        "kbd",
        "samp",
        "script",
        "style",
        "svg",
        "math",
        "title",
        "template",
        "button",
        "label",
        "textarea",
        "select",
        "option",
    }
)
"""Elements whose words never get an explanation."""

AV = ("data-ordforklaring", "av")
"""The attribute that keeps the glossary out of an element and everything in it."""

EGET_PREFIKS = "rp-"
"""Class prefix of the blocks the site's templates build (macros/templates)."""

OVERSKRIFTER = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
BLOKKER = frozenset({"p", "li", "td", "th", "dt", "dd", "caption", "figcaption"})
"""Elements whose own text is one passage of the plan text (an element inside another is its own)."""

_LENKE_START, _LENKE_SLUTT = "\x02", "\x03"
"""Marks around a link's words while a block is read; no HTML text holds them."""

TOMME = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)


@dataclass(frozen=True)
class Overskrift:
    """A heading as it stands in the HTML: level 1–6, its id (the anchor) and its text."""

    niva: int
    anker: str | None
    tekst: str


@dataclass(frozen=True)
class Lenke:
    """A link's target exactly as the HTML has it (relative to the page)."""

    href: str


@dataclass(frozen=True)
class Tekstblokk:
    """The words of one paragraph, list item or table cell, whitespace collapsed, and its links.

    lenker holds (start, end, href) for each link: where the link's words stand in tekst.
    """

    tekst: str
    lenker: tuple[tuple[int, int, str], ...] = ()


@dataclass(frozen=True)
class Gjennomgang:
    """The rewritten HTML, and the headings, links and text blocks outside the site's own blocks, in order."""

    html: str
    innhold: list[Overskrift | Lenke | Tekstblokk]


def _tekstblokk(deler: list[str], hrefs: list[str]) -> Tekstblokk | None:
    """A block from its raw text (links marked), or None when it holds no words."""
    ra = re.sub(r"\s+", " ", "".join(deler)).strip()
    tekst: list[str] = []
    lenker: list[tuple[int, int, str]] = []
    apne: list[tuple[int, str]] = []
    neste = iter(hrefs)
    for tegn in ra:
        if tegn == _LENKE_START:
            apne.append((len(tekst), next(neste)))
        elif tegn == _LENKE_SLUTT and apne:
            start, href = apne.pop()
            lenker.append((start, len(tekst), href))
        elif tegn not in (_LENKE_START, _LENKE_SLUTT):
            tekst.append(tegn)
    ferdig = "".join(tekst)
    if not ferdig.strip():
        return None
    return Tekstblokk(ferdig, tuple(sorted(lenker)))


class _Parser(HTMLParser):
    def __init__(self, tekst: Callable[[str, bool], str]):
        super().__init__(convert_charrefs=False)
        self.tekst = tekst
        self.ut: list[str] = []
        # Open elements: (tag, keeps words as they are, built by the site).
        self.stakk: list[tuple[str, bool, bool]] = []
        self.utelatt = 0
        self.eget = 0
        self.innhold: list[Overskrift | Lenke | Tekstblokk] = []
        # The heading being read: level, id, its text so far, and the links in it.
        self.overskrift: tuple[int, str | None, list[str], list[Lenke]] | None = None
        self.ankerlenke = 0
        # The text blocks being read, innermost last: their raw text, and the hrefs of their links.
        self.blokker: list[tuple[list[str], list[str]]] = []
        # For each open link: the block its words belong to (None outside a block).
        self.lenkeblokker: list[tuple[list[str], list[str]] | None] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ut.append(self.get_starttag_text())
        if tag in TOMME:
            return
        klasser = next((v or "" for k, v in attrs if k == "class"), "").split()
        utelat = tag in UTELATT or AV in attrs
        eget = any(k.startswith(EGET_PREFIKS) for k in klasser)
        self.stakk.append((tag, utelat, eget))
        self.utelatt += utelat
        self.eget += eget
        if self.eget:
            return
        if tag in OVERSKRIFTER and self.overskrift is None:
            self.overskrift = (int(tag[1]), dict(attrs).get("id"), [], [])
        elif tag in BLOKKER and self.overskrift is None:
            self.blokker.append(([], []))
        elif tag == "a":
            # The toc extension's permalink (¶) is part of the heading's HTML, not of its title.
            self.ankerlenke += "headerlink" in klasser
            href = dict(attrs).get("href")
            blokk = None
            if href and "headerlink" not in klasser:
                # A link in a heading belongs to the section the heading opens.
                (self.overskrift[3] if self.overskrift else self.innhold).append(Lenke(href))
                if self.blokker and not self.overskrift:
                    blokk = self.blokker[-1]
                    blokk[0].append(_LENKE_START)
                    blokk[1].append(href)
            self.lenkeblokker.append(blokk)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.ut.append(self.get_starttag_text())

    def handle_endtag(self, tag: str) -> None:
        self.ut.append(f"</{tag}>")
        # Close the nearest open element of that name and any left unclosed inside it.
        for i in range(len(self.stakk) - 1, -1, -1):
            if self.stakk[i][0] == tag:
                for lukket, utelat, eget in reversed(self.stakk[i:]):
                    if not self.eget:
                        self._lukk(lukket)
                    self.utelatt -= utelat
                    self.eget -= eget
                del self.stakk[i:]
                return

    def _lukk(self, tag: str) -> None:
        if tag == "a":
            blokk = self.lenkeblokker.pop() if self.lenkeblokker else None
            if blokk is not None:
                blokk[0].append(_LENKE_SLUTT)
            if self.ankerlenke:
                self.ankerlenke -= 1
        elif tag in BLOKKER and self.blokker and not self.overskrift:
            blokk = _tekstblokk(*self.blokker.pop())
            if blokk is not None:
                self.innhold.append(blokk)
        elif tag in OVERSKRIFTER and self.overskrift and self.overskrift[0] == int(tag[1]):
            niva, anker, deler, lenker = self.overskrift
            self.innhold += [Overskrift(niva, anker, " ".join("".join(deler).split())), *lenker]
            self.overskrift = None

    def _les(self, tekst: str) -> None:
        if self.overskrift and not self.eget and not self.ankerlenke:
            self.overskrift[2].append(tekst)
        elif self.blokker and not self.eget and not self.overskrift:
            self.blokker[-1][0].append(tekst)

    def handle_data(self, data: str) -> None:
        self._les(data)
        self.ut.append(self.tekst(data, bool(self.utelatt)) if data.strip() else data)

    def handle_entityref(self, name: str) -> None:
        self._les(unescape(f"&{name};"))
        self.ut.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._les(unescape(f"&#{name};"))
        self.ut.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.ut.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.ut.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.ut.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.ut.append(f"<![{data}]>")


def gjennomga(html: str, tekst: Callable[[str, bool], str] = lambda data, utelatt: data) -> Gjennomgang:
    """Walk the HTML once: each text run becomes tekst(run, keep_as_is); headings and links are noted."""
    parser = _Parser(tekst)
    parser.feed(html)
    parser.close()
    return Gjennomgang("".join(parser.ut), parser.innhold)
