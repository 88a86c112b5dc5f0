"""The hand-written plan pages: their titles and sources, and which records their text discusses.

Nothing here reads Markdown. What the site knows about its hand-written pages
comes from MkDocs, one build at a time (`samling()`, made anew for each build so
`mkdocs serve` does not pile up old builds):

- The validated front matter of every page (macros/front_matter.py, read before the build).
- What MkDocs parsed. The hook hands each hand-written page's finished-HTML walk
  (macros/html_pass.py) to the collection: the page's URL, front matter, headings
  with the ids the toc gave them ({#eget-id}, «tiltak_1» for a repeated heading)
  and links resolved to site-relative URLs (reference links included).
  `omtaler()` turns that into the passages that link to each record.

Order matters, and the hook arranges it: MkDocs parses the plain plan pages
first, then the pages that run macros, then the generated record pages. So the
Dokumenter list (a macro) sees every plain page it lists, and the record pages
see every passage that links to them. The timeline links to history pages that
run macros themselves, so it takes their titles from mkdocs.yml's nav instead.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import PurePosixPath

from . import urls
from .html_pass import Lenke, Overskrift, Tekstblokk
from .model import FrontMatter, Plan
from .navnetreff import Navnesok, Utdrag, utdrag

EGEN_TEKST = "nettstedet"
"""The `kilde` of a page the site wrote itself (help, about), which renders no plan document."""


@dataclass(frozen=True)
class Plantekstside:
    """A hand-written page: its site-relative URL, its title and its front matter."""

    url: str
    tittel: str
    meta: dict

    @property
    def kilder(self) -> list[str]:
        """The source ids the page names in its front matter."""
        forste = self.meta.get("kilde")
        return list(dict.fromkeys(([forste] if forste else []) + list(self.meta.get("kilder") or [])))


@dataclass(frozen=True)
class Omtale:
    """A place in the plan text that links to a record or names an actor: page, the section it stands
    in, and the words around each link or name there (a link in a heading has none)."""

    side: Plantekstside
    avsnitt: str | None
    anker: str | None
    utdrag: tuple[Utdrag, ...] = field(default=(), compare=False)

    @property
    def url(self) -> str:
        """Site-relative URL of the passage."""
        return self.side.url + (f"#{self.anker}" if self.anker else "")


@dataclass(frozen=True)
class ParsedPage:
    """A hand-written page as MkDocs parsed it: its file, the page, and its headings and links in order."""

    sti: str
    side: Plantekstside
    innhold: tuple[Overskrift | Lenke | Tekstblokk, ...]


def les_side(
    sti: str, url: str, meta: dict, innhold: Iterable[Overskrift | Lenke | Tekstblokk], tittel: str | None = None
) -> ParsedPage:
    """One parsed page (sti relative to docs/); its title is the front matter's `title`, else its first H1, else tittel."""
    innhold = tuple(innhold)
    h1 = next((o.tekst for o in innhold if isinstance(o, Overskrift) and o.niva == 1), None)
    return ParsedPage(sti, Plantekstside(url, str(meta.get("title") or h1 or tittel or sti), dict(meta)), innhold)


def omtaler(sider: Iterable[ParsedPage], navnesok: Navnesok | None = None) -> dict[tuple[str, str], list[Omtale]]:
    """(record kind, id) -> the passages in the plan text that link to that record's page, in page order.

    With navnesok, also the passages that name an actor, on the pages that reproduce a document
    (not the site's own pages). Each passage carries the words around each link and name in it.
    """
    resultat: dict[tuple[str, str], list[Omtale]] = {}
    for lest in sider:
        sok = navnesok if lest.side.meta.get("kilde") not in (None, EGEN_TEKST) else None
        avsnitt, anker = None, None
        for del_ in lest.innhold:
            if isinstance(del_, Overskrift):
                # A passage before the first subheading stands under the page's own title.
                avsnitt, anker = (None, None) if del_.niva == 1 else (del_.tekst, del_.anker)
            elif isinstance(del_, Lenke):
                post = _post(lest.side.url, del_.href)
                if post is not None:
                    _legg_til(resultat, post, Omtale(lest.side, avsnitt, anker))
            else:
                for post, spenn in _i_blokken(lest.side.url, del_, sok).items():
                    _legg_til(resultat, post, Omtale(lest.side, avsnitt, anker, tuple(utdrag(del_.tekst, spenn))))
    return resultat


def _i_blokken(side_url: str, blokk: Tekstblokk, sok: Navnesok | None) -> dict[tuple[str, str], list[tuple[int, int]]]:
    """Record -> where in the block its links and, for an actor, its names stand."""
    spenn: dict[tuple[str, str], list[tuple[int, int]]] = {}
    for start, slutt, href in blokk.lenker:
        post = _post(side_url, href)
        if post is not None:
            spenn.setdefault(post, []).append((start, slutt))
    for start, slutt, ids in sok.finn(blokk.tekst) if sok else ():
        for aktor_id in sorted(ids):
            treff = spenn.setdefault(("aktor", aktor_id), [])
            # A name that is also a link's words is marked once.
            if not any(s <= start and slutt <= e for s, e in treff):
                treff.append((start, slutt))
    return spenn


def _post(side_url: str, href: str) -> tuple[str, str] | None:
    mal = urls.lenkemal(side_url, href)
    return urls.post_for_url(mal) if mal is not None else None


def _legg_til(resultat: dict[tuple[str, str], list[Omtale]], post: tuple[str, str], omtale: Omtale) -> None:
    """Add a passage, or the words of a new link or name to the same passage already listed."""
    liste = resultat.setdefault(post, [])
    if omtale not in liste:
        liste.append(omtale)
        return
    i = liste.index(omtale)
    nye = tuple(u for u in omtale.utdrag if u not in liste[i].utdrag)
    if nye:
        liste[i] = replace(liste[i], utdrag=liste[i].utdrag + nye)


def datasider(plan: Plan) -> list[ParsedPage]:
    """The plan text the site shows from data/: each instrument's assessment from the action plan,
    read like a hand-written page, so the actors it names are found there too."""
    sider = []
    for v in plan.virkemidler.values():
        meta = {"kilde": v.kilde.kilde, "kildeseksjon": v.kilde.seksjon}
        avsnitt = [*v.vurdering, *([v.uten_tiltak] if v.uten_tiltak else [])]
        side = Plantekstside(urls.side_url("virkemiddel", v.id), v.overskrift, meta)
        sider.append(ParsedPage(urls.kildefil("virkemiddel", v.id), side, tuple(Tekstblokk(a) for a in avsnitt)))
    return sider


class Samling:
    """What one build knows about its hand-written pages: front matter, and each page MkDocs has parsed."""

    def __init__(
        self,
        sidemeta: dict[str, FrontMatter] | None = None,
        navnesok: Navnesok | None = None,
        datasider: Iterable[ParsedPage] = (),
    ) -> None:
        self.sidemeta: dict[str, FrontMatter] = sidemeta or {}
        self.navnesok = navnesok
        self.datasider = list(datasider)
        self.sider: dict[str, ParsedPage] = {}
        self.forventet: set[str] = set()
        self._omtaler: dict[tuple[str, str], list[Omtale]] | None = None

    def forvent(self, stier: Iterable[str]) -> None:
        """The hand-written pages MkDocs will parse in this build (paths relative to docs/)."""
        self.forventet = set(stier)

    def legg_til(self, lest: ParsedPage) -> None:
        """Record one parsed page (again, if MkDocs parses it again)."""
        self.sider[lest.sti] = lest
        self._omtaler = None

    def _lest(self, stier: Iterable[str], hvem: str) -> None:
        mangler = sorted(set(stier) - set(self.sider))
        if mangler:
            raise RuntimeError(
                f"{hvem} trenger sider MkDocs ikke har lest ennå, for eksempel docs/{mangler[0]} "
                f"({len(mangler)} i alt). Rekkefølgen sidene leses i er feil (macros/mkdocs_hook.py), "
                "eller «mkdocs serve --dirty» har latt være å lese uendrede sider."
            )

    def omtaler(self) -> dict[tuple[str, str], list[Omtale]]:
        """(record kind, id) -> the passages that link to it or name it; only once every hand-written page is parsed."""
        self._lest(self.forventet, "Listen over hvor planteksten omtaler postene")
        if self._omtaler is None:
            sider = {**{s.sti: s for s in self.datasider}, **self.sider}
            self._omtaler = omtaler((sider[sti] for sti in sorted(sider)), self.navnesok)
        return self._omtaler

    def sider_per_kilde(self) -> dict[str, list[Plantekstside]]:
        """Source id -> the plain plan pages (no macros) that carry part of that document, in path order."""
        plain = sorted(sti for sti in self.forventet if not self._makroside(sti))
        self._lest(plain, "Dokumentlisten")
        resultat: dict[str, list[Plantekstside]] = {}
        for sti in plain:
            side = self.sider[sti].side
            for kilde in side.kilder if side.meta.get("kilde") else []:
                if kilde != EGEN_TEKST:
                    resultat.setdefault(kilde, []).append(side)
        return resultat

    def _makroside(self, sti: str) -> bool:
        meta = self.sidemeta.get(sti)
        return bool(meta and meta.render_macros)

    def makrosider_sist(self, stier: list[str]) -> list[str]:
        """The pages in the order MkDocs should parse them: plain plan text first, then the pages that run macros."""
        return sorted(stier, key=self._makroside)


_denne: list[Samling] = [Samling()]


def ny_samling(sidemeta: dict[str, FrontMatter] | None = None, plan: Plan | None = None) -> Samling:
    """Start the collection for a new build, with every page's validated front matter; the old one is dropped.

    With the plan, the collection also finds the passages that name an actor, in the hand-written
    pages and in the plan text shown from data (datasider).
    """
    _denne[0] = (
        Samling(sidemeta, Navnesok(plan.aktorer.values()), datasider(plan)) if plan is not None else Samling(sidemeta)
    )
    return _denne[0]


def samling() -> Samling:
    """The current build's collection."""
    return _denne[0]


def navtitler(nav: list | None) -> dict[str, str]:
    """Page path (relative to docs/) -> its title in mkdocs.yml's nav; a section's index page gets the section's title."""
    titler: dict[str, str] = {}

    def gaa(punkter: list, seksjon: str | None) -> None:
        for nr, punkt in enumerate(punkter):
            if isinstance(punkt, str):
                if nr == 0 and seksjon and PurePosixPath(punkt).name in ("index.md", "README.md"):
                    titler.setdefault(punkt, seksjon)
                continue
            for tittel, verdi in punkt.items():
                if isinstance(verdi, list):
                    gaa(verdi, tittel)
                elif isinstance(verdi, str) and tittel is not None:
                    titler.setdefault(verdi, tittel)

    gaa(nav or [], None)
    return titler


def sidetitler(nav: list | None, sidemeta: dict[str, FrontMatter]) -> dict[str, str]:
    """Page path -> the title the site's navigation shows; else the front matter's title, else the file's name."""
    fra_nav = navtitler(nav)
    return {
        sti: fra_nav.get(sti) or meta.title or PurePosixPath(sti).stem.replace("-", " ").capitalize()
        for sti, meta in sidemeta.items()
    }
