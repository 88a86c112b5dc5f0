"""Where each record's page lives. One place decides every URL on the site."""

from __future__ import annotations

import posixpath

from .registry import med_sider

SEKSJONER = {posttype.nokkel: posttype.mappe for posttype in med_sider()}
"""Record kind -> the folder its pages live in (macros/registry.py); the id is the page's name."""


def kildefil(type_: str, post_id: str) -> str:
    """The Markdown path (relative to docs/) of a generated record page."""
    return f"{SEKSJONER[type_]}/{post_id}.md"


def registerfil(type_: str) -> str:
    """The Markdown path of the page that lists every record of a kind: <folder>/index.md."""
    return f"{SEKSJONER[type_]}/index.md"


def fil_url(sti: str) -> str:
    """The site-relative URL MkDocs gives a Markdown file (directory URLs): "historikk/snowball.md" -> "historikk/snowball/"."""
    if sti == "index.md":
        return ""
    if sti.endswith("/index.md"):
        return sti[: -len("index.md")]
    return sti[: -len(".md")] + "/"


def side_url(type_: str, post_id: str) -> str:
    """The site-relative URL of a record page: /tiltak/<id>/ without the leading slash."""
    return f"{SEKSJONER[type_]}/{post_id}/"


def relativ(fra_url: str, til_url: str) -> str:
    """A link from the page at fra_url to til_url, both site-relative, that works under any base path."""
    fra_mappe = fra_url if fra_url.endswith("/") or not fra_url else posixpath.dirname(fra_url) + "/"
    mal, _, anker = til_url.partition("#")
    sti = _relpath(mal or ".", fra_mappe or ".")
    if (mal.endswith("/") or not mal) and not sti.endswith("/"):
        sti += "/"
    return sti + (f"#{anker}" if anker else "")


def _relpath(sti: str, fra: str) -> str:
    """posixpath.relpath for two site-relative paths, without asking the operating system for the current folder.

    posixpath.relpath makes both paths absolute from the current folder first (a system call each time, and
    pages at 100× data make hundreds of thousands of links); for paths that stay inside the site the current
    folder is a common prefix that drops out. A path that starts with / or climbs with .. goes the long way.
    """
    if sti.startswith("/") or fra.startswith("/") or ".." in sti.split("/") or ".." in fra.split("/"):
        return posixpath.relpath(sti, fra)
    til_deler = [d for d in posixpath.normpath(sti).split("/") if d and d != "."]
    fra_deler = [d for d in posixpath.normpath(fra).split("/") if d and d != "."]
    i = 0
    while i < min(len(til_deler), len(fra_deler)) and til_deler[i] == fra_deler[i]:
        i += 1
    deler = [".."] * (len(fra_deler) - i) + til_deler[i:]
    return "/".join(deler) if deler else "."


def post_for_url(url: str) -> tuple[str, str] | None:
    """The record (kind, id) whose page is at a site-relative URL such as 'tiltak/snowball/', else None."""
    mappe, _, rest = url.partition("/")
    post_id = rest.removesuffix("/")
    if not post_id or "/" in post_id:
        return None
    return next(((type_, post_id) for type_, m in SEKSJONER.items() if m == mappe), None)


def lenkemal(fra_url: str, href: str) -> str | None:
    """The site-relative URL (without #anchor) that a link on the page at fra_url points to; None if outside the site."""
    mal = href.partition("#")[0].partition("?")[0]
    if not mal or "://" in mal or mal.startswith(("/", "mailto:", "tel:", "javascript:")):
        return None
    fra_mappe = fra_url if fra_url.endswith("/") or not fra_url else posixpath.dirname(fra_url) + "/"
    sti = posixpath.normpath(posixpath.join(fra_mappe, mal))
    if sti.startswith(".."):
        return None
    if sti == ".":
        return ""
    return sti + "/" if mal.endswith("/") else sti
