"""«Hele planen»: the whole current plan on one page to print, made from the pages it already has.

The strategy is the plan text of one section of the navigation in mkdocs.yml (the section that
opens with STRATEGI), as MkDocs rendered each page; the instruments and measures come from the data
(templates/hele_planen.html). Nothing is written twice: a page's HTML is moved onto this page with
its ids given the page's own prefix (two pages may both have a «#okonomi»), its links made to work
from here (a link to another page of the plan becomes a link within this page), its headings one
level down under this page's title, and its Kilde block left out (this page has its own).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from html import escape
from html.parser import HTMLParser

from markupsafe import Markup

from . import urls
from .errors import Makrofeil

STRATEGI = "handlingsplan/index.md"
"""The first page of the navigation section that is the strategy (Strategisk handlingsplan 2021–25)."""

UTELATES = "rp-kilde"
"""The class of the block a moved page leaves behind: its Kilde block."""

ID_ATTRIBUTTER = ("id", "for", "headers", "aria-labelledby", "aria-describedby", "aria-controls")
"""Attributes that name ids on the same page (space-separated lists for the aria ones and headers)."""
LENKEATTRIBUTTER = ("href", "src")


@dataclass(frozen=True)
class Plandel:
    """One page of the plan text moved onto the whole-plan page: its anchor, its title in the nav, its HTML."""

    anker: str
    tittel: str
    html: Markup


def seksjonssider(nav: list | None, forste: str = STRATEGI) -> list[tuple[str, str | None]]:
    """(page, its title in the nav) for every page of the nav section that opens with `forste`, in nav order.

    The section's own title is the title of its first page; pages in subsections come in their place.
    """

    def sider(punkter: list, seksjon: str | None) -> list[tuple[str, str | None]]:
        ut: list[tuple[str, str | None]] = []
        for nr, punkt in enumerate(punkter):
            if isinstance(punkt, str):
                ut.append((punkt, seksjon if nr == 0 else None))
                continue
            for tittel, verdi in punkt.items():
                ut += sider(verdi, tittel) if isinstance(verdi, list) else [(verdi, tittel)]
        return ut

    def finn(punkter: list, seksjon: str | None) -> list[tuple[str, str | None]] | None:
        forst = punkter[0] if punkter else None
        if forst == forste or (isinstance(forst, dict) and forste in forst.values()):
            return sider(punkter, seksjon)
        for punkt in punkter:
            for tittel, verdi in punkt.items() if isinstance(punkt, dict) else ():
                if isinstance(verdi, list) and (funnet := finn(verdi, tittel)) is not None:
                    return funnet
        return None

    funnet = finn(nav or [], None)
    if funnet is None:
        raise ValueError(f"Hele planen: fant ingen del av navigasjonen i mkdocs.yml som begynner med {forste}")
    return funnet


def plandeler(sider: list[tuple[str, str, str | None]], til_url: str) -> list[Plandel]:
    """The strategy's pages moved onto the whole-plan page at til_url, from (URL, title, rendered HTML) each.

    A page MkDocs has not rendered yet (HTML None) stops the build: the whole-plan page runs macros, so it
    is read after the plain plan text (macros/plantekst.py); a strategy page that runs macros itself
    may come after it.
    """
    ikke_lest = [url for url, _, html in sider if html is None]
    if ikke_lest:
        raise Makrofeil(
            f"hele_planen: siden /{ikke_lest[0]} er ikke lest ennå. Sidene i strategien kan ikke selv bruke makroer "
            "(render_macros), fordi de da leses etter siden som samler dem."
        )
    flyttede = {url: anker(url) for url, _, _ in sider}
    return [Plandel(flyttede[url], tittel, flytt(html, url, til_url, flyttede)) for url, tittel, html in sider]


def anker(url: str) -> str:
    """The anchor of a moved page on the whole-plan page: its URL as one word, «handlingsplan-forankring»."""
    return url.strip("/").replace("/", "-") or "forside"


def flytt(html: str, fra_url: str, til_url: str, flyttede: dict[str, str]) -> Markup:
    """A page's rendered HTML as it stands on the whole-plan page (see the module docstring).

    fra_url is the page's own URL, til_url the whole-plan page's; flyttede maps the URL of every page
    moved onto it to its anchor, so links between them stay on the page.
    """
    prefiks = flyttede[fra_url]

    def ny_id(verdi: str) -> str:
        return f"{prefiks}--{verdi}"

    def ny_lenke(verdi: str) -> str:
        if verdi.startswith("#"):
            return f"#{ny_id(verdi[1:])}" if len(verdi) > 1 else f"#{prefiks}"
        mal = urls.lenkemal(fra_url, verdi)
        if mal is None:
            return verdi
        fragment = verdi.partition("#")[2]
        if mal in flyttede:
            return f"#{flyttede[mal]}--{fragment}" if fragment else f"#{flyttede[mal]}"
        return urls.relativ(til_url, f"{mal}#{fragment}" if fragment else mal)

    parser = _Flytter(ny_id, ny_lenke)
    parser.feed(html)
    parser.close()
    return Markup("".join(parser.ut))


class _Flytter(HTMLParser):
    """Copies HTML as it is, except ids, links, heading levels and the Kilde block (see `flytt`)."""

    def __init__(self, ny_id: Callable[[str], str], ny_lenke: Callable[[str], str]):
        super().__init__(convert_charrefs=False)
        self.ny_id = ny_id
        self.ny_lenke = ny_lenke
        self.ut: list[str] = []
        self.utelatt: list[str] = []
        """The open elements of the block being left out (empty when nothing is)."""

    def _tag(self, tag: str, attrs: list[tuple[str, str | None]], tom: bool) -> str | None:
        endret = False
        nye = []
        for navn, verdi in attrs:
            if verdi is not None and navn in ID_ATTRIBUTTER:
                verdi, endret = " ".join(self.ny_id(v) for v in verdi.split()), True
            elif verdi is not None and navn in LENKEATTRIBUTTER:
                verdi, endret = self.ny_lenke(verdi), True
            nye.append((navn, verdi))
        if not endret and tag not in _NIVA:
            return None
        # HTMLParser gives attribute values unescaped; they are escaped again as they are written back.
        attributter = "".join(f" {n}" if v is None else f' {n}="{escape(v, quote=True)}"' for n, v in nye)
        return f"<{_NIVA.get(tag, tag)}{attributter}{' /' if tom else ''}>"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.utelatt or UTELATES in (dict(attrs).get("class") or "").split():
            if tag not in _TOMME:
                self.utelatt.append(tag)
            return
        self.ut.append(self._tag(tag, attrs, tom=False) or self.get_starttag_text())

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if not self.utelatt:
            self.ut.append(self._tag(tag, attrs, tom=True) or self.get_starttag_text())

    def handle_endtag(self, tag: str) -> None:
        if self.utelatt:
            if tag in self.utelatt:
                del self.utelatt[len(self.utelatt) - 1 - self.utelatt[::-1].index(tag) :]
            return
        self.ut.append(f"</{_NIVA.get(tag, tag)}>")

    def _tekst(self, tekst: str) -> None:
        if not self.utelatt:
            self.ut.append(tekst)

    def handle_data(self, data: str) -> None:
        self._tekst(data)

    def handle_entityref(self, name: str) -> None:
        self._tekst(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._tekst(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self._tekst(f"<!--{data}-->")


_NIVA = {f"h{n}": f"h{min(n + 1, 6)}" for n in range(1, 7)}
"""Each heading one level down: the moved pages stand under the whole-plan page's own title."""
_TOMME = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
)
