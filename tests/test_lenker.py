"""Links and anchors under the real path: the built site served under the Pages path in site_url,
as GitHub Pages serves it, and every internal link and anchor of every page resolves (404 page included)."""

from __future__ import annotations

import functools
import http.server
import threading
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote, urldefrag, urljoin, urlparse

import pytest
import yaml
from conftest import PROSJEKT
from lxml import html as lxml_html

LENKEATTRIBUTTER = (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src"))


def pages_sti() -> str:
    """The path GitHub Pages serves the site under, from site_url ("/regionplan/")."""
    konfig = yaml.load((PROSJEKT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tolerant)
    return urlparse(konfig["site_url"]).path


class _Tolerant(yaml.SafeLoader):
    """mkdocs.yml has !!python/name tags (pymdownx); only site_url is read here."""


_Tolerant.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


class _UnderSti(http.server.SimpleHTTPRequestHandler):
    """Serves site/ under a path prefix, and the 404 page for anything else, as GitHub Pages does."""

    prefiks = "/"

    def log_message(self, *args) -> None:
        pass

    def send_head(self):
        if not self.path.startswith(self.prefiks):
            self.send_error(404)
            return None
        self.path = "/" + self.path[len(self.prefiks) :]
        return super().send_head()


@pytest.fixture(scope="module")
def under_pages_sti(bygget) -> Iterator[str]:
    prefiks = pages_sti()
    handler = type("Handler", (_UnderSti,), {"prefiks": prefiks})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(bygget)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}{prefiks}"
    httpd.shutdown()


def hent(url: str) -> bytes | None:
    try:
        with urllib.request.urlopen(url, timeout=30) as svar:
            return svar.read()
    except urllib.error.HTTPError:
        return None


def sider(site: Path) -> list[str]:
    """Every HTML page's path under the site, the 404 page included."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html"))


def lenker(side_url: str, innhold: bytes) -> set[str]:
    dokument = lxml_html.fromstring(innhold)
    funnet = set()
    for tag, attributt in LENKEATTRIBUTTER:
        for element in dokument.iter(tag):
            verdi = element.get(attributt)
            if verdi and not verdi.startswith(("mailto:", "data:", "javascript:")):
                funnet.add(urljoin(side_url, verdi))
    return funnet


def test_the_pages_path_comes_from_site_url():
    assert pages_sti() == "/regionplan/"


def test_every_internal_link_and_anchor_resolves_under_the_pages_path(bygget, under_pages_sti):
    vert = urlparse(under_pages_sti).netloc
    alle: dict[str, set[str]] = {}
    for sti in sider(bygget):
        side_url = urljoin(under_pages_sti, sti.removesuffix("index.html"))
        innhold = hent(side_url)
        assert innhold is not None, f"{side_url} svarer ikke"
        for mal in lenker(side_url, innhold):
            if urlparse(mal).netloc == vert:
                alle.setdefault(mal, set()).add(sti)
    assert len(alle) > 300

    brutte, uten_anker, mal_cache = [], [], {}
    for mal, fra in sorted(alle.items()):
        adresse, anker = urldefrag(mal)
        if adresse not in mal_cache:
            mal_cache[adresse] = hent(adresse)
        innhold = mal_cache[adresse]
        if innhold is None:
            brutte.append(f"{mal} (fra {sorted(fra)[:3]})")
        elif anker and adresse.endswith("/"):
            ider = set(lxml_html.fromstring(innhold).xpath("//@id")) | set(
                lxml_html.fromstring(innhold).xpath("//a/@name")
            )
            if unquote(anker) not in ider:
                uten_anker.append(f"{mal} (fra {sorted(fra)[:3]})")
    assert not brutte, "Brutte lenker:\n" + "\n".join(brutte[:40])
    assert not uten_anker, "Ankere som ikke finnes:\n" + "\n".join(uten_anker[:40])


def test_the_404_page_links_resolve_under_the_pages_path(bygget, under_pages_sti):
    side_url = urljoin(under_pages_sti, "finnes/ikke/")
    with pytest.raises(urllib.error.HTTPError):
        urllib.request.urlopen(side_url, timeout=30)
    innhold = (bygget / "404.html").read_bytes()
    interne = [m for m in lenker(side_url, innhold) if urlparse(m).netloc == urlparse(under_pages_sti).netloc]
    assert interne
    for mal in interne:
        assert hent(urldefrag(mal)[0]) is not None, mal


def test_a_broken_link_is_found(tmp_path, under_pages_sti):
    side_url = urljoin(under_pages_sti, "tiltak/")
    assert [m for m in lenker(side_url, b'<a href="../finnes-ikke/">x</a>') if hent(m) is None]
