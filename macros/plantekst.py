"""The hand-written plan pages in docs/: their sources, and which records they discuss.

Read straight from the Markdown files, so it works without MkDocs and before
any page is rendered.
"""

from __future__ import annotations

import posixpath
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml
from pymdownx.slugs import slugify

from . import urls

EGEN_TEKST = "nettstedet"
"""The `kilde` of a page the site wrote itself (help, about), which renders no plan document."""

_FRONT_MATTER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
_OVERSKRIFT = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_LENKE = re.compile(r"\]\(([^)\s#]+\.md)(#[^)\s]*)?\)")
_SLUG = slugify(case="lower")
_TYPE_FOR_MAPPE = {mappe: type_ for type_, mappe in urls.SEKSJONER.items()}


@dataclass(frozen=True)
class Plantekstside:
    """A hand-written page: where it is, its title and its front matter."""

    sti: str
    tittel: str
    meta: dict
    markdown: str

    @property
    def url(self) -> str:
        """The page's site-relative URL (directory URLs, as MkDocs makes them)."""
        if self.sti == "index.md":
            return ""
        if self.sti.endswith("/index.md"):
            return self.sti[: -len("index.md")]
        return self.sti[: -len(".md")] + "/"

    @property
    def kilder(self) -> list[str]:
        """The source ids the page names in its front matter."""
        forste = self.meta.get("kilde")
        return list(dict.fromkeys(([forste] if forste else []) + list(self.meta.get("kilder", []))))


@dataclass(frozen=True)
class Omtale:
    """A place in the plan text that links to a record: page, and the section it stands in."""

    side: Plantekstside
    avsnitt: str | None
    anker: str | None

    @property
    def url(self) -> str:
        """Site-relative URL of the passage."""
        return self.side.url + (f"#{self.anker}" if self.anker else "")


def les_side(docs: Path, fil: Path) -> Plantekstside:
    """Read one Markdown page: its front matter and the text of its first H1."""
    tekst = fil.read_text(encoding="utf-8")
    treff = _FRONT_MATTER.match(tekst)
    meta = (yaml.safe_load(treff.group(1)) or {}) if treff else {}
    markdown = tekst[treff.end():] if treff else tekst
    tittel = meta.get("title") or next(
        (m.group(2) for linje in markdown.splitlines() if (m := _OVERSKRIFT.match(linje)) and m.group(1) == "#"),
        fil.stem,
    )
    return Plantekstside(fil.relative_to(docs).as_posix(), str(tittel), meta, markdown)


def les_sider(docs: Path) -> list[Plantekstside]:
    """Every hand-written page under docs/, in path order."""
    return [les_side(docs, fil) for fil in sorted(docs.rglob("*.md"))]


def titler(sider: list[Plantekstside]) -> dict[str, str]:
    """Site-relative URL -> title, for every hand-written page."""
    return {side.url: side.tittel for side in sider}


def sider_per_kilde(sider: list[Plantekstside]) -> dict[str, list[Plantekstside]]:
    """Source id -> the pages that carry (part of) that document."""
    resultat: dict[str, list[Plantekstside]] = {}
    for side in sider:
        if side.meta.get("kilde") and not side.meta.get("render_macros"):
            for kilde in side.kilder:
                if kilde == EGEN_TEKST:
                    continue
                resultat.setdefault(kilde, []).append(side)
    return resultat


def omtaler(sider: list[Plantekstside]) -> dict[tuple[str, str], list[Omtale]]:
    """(record kind, id) -> the passages in the plan text that link to that record's page."""
    resultat: dict[tuple[str, str], list[Omtale]] = {}
    for side in sider:
        avsnitt, anker = None, None
        for linje in side.markdown.splitlines():
            if m := _OVERSKRIFT.match(linje):
                avsnitt = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", m.group(2))
                anker = _SLUG(avsnitt, "-") if m.group(1) != "#" else None
                avsnitt = avsnitt if m.group(1) != "#" else None
                continue
            for lenke in _LENKE.finditer(linje):
                mal = posixpath.normpath(posixpath.join(posixpath.dirname(side.sti), lenke.group(1)))
                mappe, _, navn = mal.partition("/")
                if mappe in _TYPE_FOR_MAPPE and navn.endswith(".md") and "/" not in navn and navn != "index.md":
                    nokkel = (_TYPE_FOR_MAPPE[mappe], navn[: -len(".md")])
                    omtale = Omtale(side, avsnitt, anker)
                    if omtale not in resultat.setdefault(nokkel, []):
                        resultat[nokkel].append(omtale)
    return resultat


@cache
def _indeks(docs: Path, stempel: tuple) -> tuple[list[Plantekstside], dict]:
    sider = les_sider(docs)
    return sider, omtaler(sider)


def indeks(docs: Path) -> tuple[list[Plantekstside], dict[tuple[str, str], list[Omtale]]]:
    """All pages and all back-references, read once per change to docs/."""
    stempel = tuple((str(p), p.stat().st_mtime_ns) for p in sorted(docs.rglob("*.md")))
    return _indeks(docs.resolve(), stempel)
