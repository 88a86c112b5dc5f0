"""The Content-Security-Policy of every page: the site's own files only, and the inline code it carries
allowed by hash, page by page. A <meta> tag, because GitHub Pages sets no headers."""

from __future__ import annotations

import base64
import hashlib
import re

from .templating import render

# Each directive, and why it says what it says.
REGLER: dict[str, tuple[str, ...]] = {
    # Nothing is allowed unless a directive below allows it.
    "default-src": ("'none'",),
    # Material's bundle and our scripts (assets/*.js, Pagefind's); Material's inline scripts
    # (scope, palette, config reader) by hash, page by page. 'wasm-unsafe-eval' lets Pagefind compile
    # its WebAssembly search engine; it allows no JavaScript eval. No 'unsafe-eval', no 'unsafe-inline'.
    "script-src": ("'self'", "'wasm-unsafe-eval'"),
    # Material's and our stylesheets; the two CSS-only filters (tiltak overview, timeline) are
    # inline <style> by hash, and Markdown tables align cells with style="text-align: …", allowed by
    # hash of each value ('unsafe-hashes' covers attributes, never script).
    "style-src": ("'self'", "'unsafe-hashes'"),
    # Material's icons are data: SVGs in its stylesheet.
    "img-src": ("'self'", "data:"),
    "font-src": ("'self'",),
    # Pagefind's index chunks and its WebAssembly file.
    "connect-src": ("'self'",),
    "worker-src": ("'self'",),
    "manifest-src": ("'self'",),
    "base-uri": ("'self'",),
    "form-action": ("'self'",),
    "object-src": ("'none'",),
}

_INLINE_SCRIPT = re.compile(r"<script>(.*?)</script>", re.DOTALL)
_INLINE_STYLE = re.compile(r"<style>(.*?)</style>", re.DOTALL)
# Starts with the literal «style="», which re finds with a fast scan, and only then looks back for the
# whitespace before it; «\sstyle=…» tried a match at every space of the page (40 ms a build at 1×).
_STYLE_ATTRIBUTT = re.compile(r'style="(?<=\sstyle=")([^"]*)"')


def _hash(tekst: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(tekst.encode("utf-8")).digest()).decode("ascii") + "'"


# The inline scripts Material's base.html writes on every page: the storage scope (its path differs
# with the page's depth), the palette, and the tab opened by the address's #fragment. Only a script
# that is one of these is allowed, by hash; any other inline script, wherever data or plan text put
# it, is never hashed and never runs. A Material upgrade that changes them shows in tests/test_csp.py.
_TEMAETS_SKRIPT = (
    re.compile(r'__md_scope=new URL\("[./]*",location\),__md_hash='),
    re.compile(r'var palette=__md_get\("__palette"\);'),
    re.compile(r"var target=document\.getElementById\(location\.hash\.slice\(1\)\);"),
)


def policy(html: str) -> str:
    """The policy for one page: the rules, plus a hash for each of the theme's own inline scripts
    and for each inline style and style attribute."""
    regler = {navn: list(verdier) for navn, verdier in REGLER.items()}
    temaets = {s for s in _INLINE_SCRIPT.findall(html) if any(m.match(s) for m in _TEMAETS_SKRIPT)}
    regler["script-src"] += sorted(_hash(s) for s in temaets)
    # A style attribute is hashed as written: the browser hashes its parsed value, and no page writes
    # an entity inside one.
    stiler = set(_INLINE_STYLE.findall(html)) | set(_STYLE_ATTRIBUTT.findall(html))
    regler["style-src"] += sorted({_hash(s) for s in stiler})
    return "; ".join(f"{navn} {' '.join(verdier)}" for navn, verdier in regler.items())


_CHARSET = '<meta charset="utf-8">'


def med_policy(html: str) -> str:
    """The page with its policy right after <meta charset> (which must stay in the first 1024 bytes),
    before any script or style it governs."""
    if _CHARSET not in html:
        raise ValueError("siden har ingen <meta charset>: policyen får ingen plass foran skriptene")
    tag = str(render("csp.html", policy=policy(html)))
    return html.replace(_CHARSET, _CHARSET + "\n" + tag, 1)
