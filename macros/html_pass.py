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
from collections.abc import Callable, Iterable
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
    def __init__(self, tekst: Callable[[str, bool], str], innhold: bool = True):
        super().__init__(convert_charrefs=False)
        self.tekst = tekst
        # False: only the rewritten HTML is wanted, so headings, links and text blocks are not collected.
        self.med_innhold = innhold
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
        self.start(self.get_starttag_text(), tag, attrs)

    def start(self, kilde: str, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """A start tag: its text as written, its lower-case name and its attributes as HTMLParser gives them."""
        self.ut.append(kilde)
        if tag in TOMME:
            return
        klasser = next((v or "" for k, v in attrs if k == "class"), "").split()
        utelat = tag in UTELATT or AV in attrs
        eget = any(k.startswith(EGET_PREFIKS) for k in klasser)
        self.stakk.append((tag, utelat, eget))
        self.utelatt += utelat
        self.eget += eget
        if self.eget or not self.med_innhold:
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

    def start_slutt(self, kilde: str) -> None:
        """A self-closing tag (<br/>): written as it is, opening nothing."""
        self.ut.append(kilde)

    def handle_endtag(self, tag: str) -> None:
        self.ut.append(f"</{tag}>")
        # Close the nearest open element of that name and any left unclosed inside it.
        for i in range(len(self.stakk) - 1, -1, -1):
            if self.stakk[i][0] == tag:
                for lukket, utelat, eget in reversed(self.stakk[i:]):
                    if not self.eget and self.med_innhold:
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
        if self.med_innhold:
            self._les(data)
        self.ut.append(self.tekst(data, bool(self.utelatt)) if data.strip() else data)

    def handle_entityref(self, name: str) -> None:
        if self.med_innhold:
            self._les(unescape(f"&{name};"))
        self.ut.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        if self.med_innhold:
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


def gjennomga(
    html: str,
    tekst: Callable[[str, bool], str] = lambda data, utelatt: data,
    innhold: bool = True,
    treff: re.Pattern | None = None,
    rask: bool = True,
) -> Gjennomgang:
    """Walk the HTML once: each text run becomes tekst(run, keep_as_is); headings and links are noted.

    innhold=False leaves the headings, links and text blocks out (Gjennomgang.innhold is empty), for HTML
    whose rewritten text is all that is wanted. treff, when given, is a promise from tekst: a run in which
    treff finds nothing comes back as it is, with no other effect, so such runs need not be handed to it
    (treff must not match across <, >, & or ;). rask=False always uses HTMLParser (the tests compare the two).
    """
    parser = _Parser(tekst, innhold)
    if rask and enkel_html(html):
        if not innhold and treff is not None:
            return Gjennomgang(_bare_tekst(html, tekst, treff), [])
        _les_biter(parser, BITER.finditer(html))
    else:
        parser.feed(html)
        parser.close()
    return Gjennomgang("".join(parser.ut), parser.innhold)


# The pages' HTML is the kind Markdown and the site's templates write: lower-case tags, attributes in
# double quotes, every & a character reference, comments without «--» inside. HTML of that kind is split
# here with one regular expression into the same pieces HTMLParser hands its handlers, for a fraction of
# HTMLParser's time (it also counts lines and columns at every piece, which nothing here needs). Anything
# else, anywhere in the page (a script or style, <!DOCTYPE, a bare < or &, an unquoted attribute, an
# upper-case end tag), and the whole page goes through HTMLParser.
_MERKER = r"""<(?P<tag>[a-zA-Z][a-zA-Z0-9-]*)(?P<attrs>(?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:="[^"]*")?)*)\s*(?P<lukket>/)?>
    |</(?P<slutt>[a-z][a-z0-9-]*)>
    |<!--(?!>|->)(?P<kommentar>(?:(?!--).)*?)-->
    |&(?P<entitet>[a-zA-Z][a-zA-Z0-9]*);
    |&\#(?P<tegn>[0-9]+|[xX][0-9a-fA-F]+);"""
"""The pieces that are not text: tags, comments and character references."""
BITER = re.compile(r"(?P<tekst>[^<&]++)|" + _MERKER, re.VERBOSE | re.DOTALL)
_HEL = re.compile("(?:" + re.sub(r"\(\?P<\w+>", "(?:", BITER.pattern) + ")*+", re.VERBOSE | re.DOTALL)
"""The whole page made of those pieces (possessive, so a page that is not gives up at once; without named
groups, which a possessive repeat in Python 3.11's re cannot hold)."""
_ATTR = re.compile(r'\s+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?')
_RATEKST = re.compile(
    r"</?(?:script|style|textarea|title|xmp|iframe|noembed|noframes|noscript|plaintext)(?![a-zA-Z0-9-])", re.IGNORECASE
)
"""Elements whose content HTMLParser reads as raw text (in some Python version): left to it."""


def enkel_html(html: str) -> bool:
    """True when the whole page is of the simple kind."""
    return _HEL.fullmatch(html) is not None and _RATEKST.search(html) is None


def _les_biter(parser: _Parser, biter: Iterable[re.Match]) -> None:
    """Hand the pieces to the parser's handlers as HTMLParser would."""
    for bit in biter:
        art = bit.lastgroup
        if art == "tekst":
            parser.handle_data(bit.group())
        elif art in ("tag", "attrs", "lukket"):
            if bit.group("lukket"):
                parser.start_slutt(bit.group())
                continue
            parser.start(bit.group(), bit.group("tag").lower(), attributter(bit.group("attrs")))
        elif art == "slutt":
            parser.handle_endtag(bit.group("slutt").lower())
        elif art == "kommentar":
            parser.handle_comment(bit.group("kommentar"))
        elif art == "entitet":
            parser.handle_entityref(bit.group("entitet"))
        else:
            parser.handle_charref(bit.group("tegn"))


def attributter(tekst: str) -> list[tuple[str, str | None]]:
    """A simple tag's attributes as HTMLParser gives them: (lower-case name, value with its character
    references decoded), in the order written; a bare attribute's value is None."""
    return [
        (navn.lower(), None if verdi is None else unescape(verdi) if "&" in verdi else verdi)
        for navn, verdi in (m.groups() for m in _ATTR.finditer(tekst))
    ]


_MERKE = re.compile(_MERKER, re.VERBOSE | re.DOTALL)
"""The pieces of a simple page that are not text; the text runs are what lies between them."""


def _bare_tekst(html: str, tekst: Callable[[str, bool], str], treff: re.Pattern) -> str:
    """The rewritten HTML of a simple page, handing tekst only the runs where treff finds something.

    A simple page is written back exactly as it stands (HTMLParser's handlers write every tag, comment
    and reference as it is written there), so only those runs can change. The open elements are still
    followed tag by tag, since whether a run keeps its words depends on every element around it.
    """
    kandidater = [m.start() for m in treff.finditer(html)]
    if not kandidater:
        return html
    ut: list[str] = []
    stakk: list[tuple[str, bool]] = []
    utelatt = 0
    pos = kopiert = k = 0
    for merke in _MERKE.finditer(html):
        start = merke.start()
        while k < len(kandidater) and kandidater[k] < pos:
            k += 1
        if k == len(kandidater):
            break
        if pos < start and kandidater[k] < start:
            run = html[pos:start]
            if run.strip():
                ny = tekst(run, bool(utelatt))
                if ny != run:
                    ut += (html[kopiert:pos], ny)
                    kopiert = start
        pos = merke.end()
        tag = merke.group("tag")
        if tag is not None:
            if merke.group("lukket") is not None:
                continue
            tag = tag.lower()
            if tag in TOMME:
                continue
            utelat = tag in UTELATT or (
                AV[0] in merke.group("attrs").lower() and AV in attributter(merke.group("attrs"))
            )
            stakk.append((tag, utelat))
            utelatt += utelat
            continue
        slutt = merke.group("slutt")
        if slutt is None:
            continue
        for i in range(len(stakk) - 1, -1, -1):
            if stakk[i][0] == slutt:
                utelatt -= sum(u for _, u in stakk[i:])
                del stakk[i:]
                break
    else:
        # The text after the last tag.
        while k < len(kandidater) and kandidater[k] < pos:
            k += 1
        run = html[pos:]
        if k < len(kandidater) and run.strip():
            ny = tekst(run, bool(utelatt))
            if ny != run:
                ut += (html[kopiert:pos], ny)
                kopiert = len(html)
    ut.append(html[kopiert:])
    return "".join(ut)
