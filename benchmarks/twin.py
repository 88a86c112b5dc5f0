"""The bare Material twin of a built site: the floor a plain Material build sets.

The twin has the same pages at the same URLs, each holding the article HTML the real build
produced (as one raw HTML block), the same navigation, theme settings and Markdown extensions,
and nothing of the project's: no hooks, no macros plugin, no theme overrides, no extra CSS or
JavaScript. Building it measures what MkDocs and Material alone cost for these pages.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import yaml

from .project import PROSJEKT

ARTICLE_START = '<article class="md-content__inner md-typeset">'
"""Material's article element, which holds the page's content."""

_ARTICLE = re.compile(re.escape(ARTICLE_START[:-1]) + r"[^>]*>")

_MATERIAL_BUTTONS = re.compile(r'<a [^>]*class="md-content__button[^"]*"[^>]*>.*?</a>', re.DOTALL)
"""The edit and view buttons Material puts first in the article; the twin's Material adds its own."""

_TITLE = re.compile(r"<title>(.*?)</title>", re.DOTALL)

KEPT_SETTINGS = (
    "site_name",
    "site_description",
    "site_url",
    "repo_url",
    "repo_name",
    "edit_uri",
    "copyright",
    "markdown_extensions",
    "nav",
)
"""The settings of mkdocs.yml the twin keeps as they are; the theme keeps all but custom_dir."""


class _Loader(yaml.SafeLoader):
    """Reads mkdocs.yml, keeping a python tag (the toc slugify function) as the tagged node it is."""


class _Tagged:
    def __init__(self, tag: str, value) -> None:
        self.tag, self.value = tag, value


def _tagged(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    if isinstance(node, yaml.MappingNode):
        return _Tagged(suffix, loader.construct_mapping(node, deep=True))
    if isinstance(node, yaml.SequenceNode):
        return _Tagged(suffix, loader.construct_sequence(node, deep=True))
    return _Tagged(suffix, loader.construct_scalar(node))


_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _tagged)


class _Dumper(yaml.SafeDumper):
    """Writes the tagged nodes back with their tag."""


def _represent_tagged(dumper: yaml.SafeDumper, data: _Tagged) -> yaml.Node:
    tag = f"tag:yaml.org,2002:python/{data.tag}"
    if isinstance(data.value, dict):
        return dumper.represent_mapping(tag, data.value)
    if isinstance(data.value, list):
        return dumper.represent_sequence(tag, data.value)
    return dumper.represent_scalar(tag, data.value)


_Dumper.add_representer(_Tagged, _represent_tagged)


def twin_config(project: Path = PROSJEKT) -> dict:
    """The twin's mkdocs.yml: the project's settings without its hooks, plugins other than search, or overrides."""
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    tema = {k: v for k, v in config["theme"].items() if k != "custom_dir"}
    sok = [p for p in config.get("plugins", []) if p == "search" or (isinstance(p, dict) and "search" in p)]
    return {
        **{k: config[k] for k in KEPT_SETTINGS if k in config},
        "theme": tema,
        "plugins": sok or ["search"],
        "docs_dir": "docs",
    }


def article(page_html: str) -> str:
    """The content of a built page's article, without Material's own buttons."""
    # A page search leaves out has one attribute more on the element (macros/search.py, uten_sok).
    funnet = _ARTICLE.search(page_html)
    end = page_html.rfind("</article>")
    if funnet is None or end < funnet.end():
        raise ValueError("fant ikke Materials <article> i siden")
    return _MATERIAL_BUTTONS.sub("", page_html[funnet.end() : end], count=2).strip()


def markdown_path(url: str, docs: Path) -> str:
    """The Markdown file that gives a page its URL: the project's own file where there is one.

    The navigation names files, so a hand-written page keeps its name («x.md» or «x/index.md»).
    A generated page gets «x.md», and a folder's page «x/index.md».
    """
    stem = url.rstrip("/")
    if not stem or (docs / stem / "index.md").is_file():
        return f"{stem}/index.md".lstrip("/")
    if (docs / f"{stem}.md").is_file() or "/" in stem:
        return f"{stem}.md"
    return f"{stem}/index.md"


def pages(site: Path) -> dict[str, Path]:
    """Every HTML page of a built site by its URL ("" for the home page), without 404.html."""
    found = {}
    for path in sorted(site.rglob("index.html")):
        url = path.parent.relative_to(site).as_posix()
        found["" if url == "." else f"{url}/"] = path
    return found


def make_twin(site: Path, target: Path, project: Path = PROSJEKT) -> Path:
    """Write the twin of a built site into target (a MkDocs project) and return target."""
    docs = target / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    config = twin_config(project)
    suffix = f" - {config['site_name']}"
    for url, path in pages(site).items():
        page_html = path.read_text(encoding="utf-8")
        tittel = _TITLE.search(page_html)
        meta = {"title": html.unescape(tittel.group(1).strip()).removesuffix(suffix)} if tittel else {}
        front = yaml.safe_dump(meta, allow_unicode=True) if meta else ""
        fil = docs / markdown_path(url, project / "docs")
        fil.parent.mkdir(parents=True, exist_ok=True)
        # One raw HTML block: Markdown passes it through untouched, as the real build's generated pages do.
        fil.write_text(f'---\n{front}---\n\n<div class="tvilling">\n{article(page_html)}\n</div>\n', encoding="utf-8")
    tekst = yaml.dump(config, Dumper=_Dumper, allow_unicode=True, sort_keys=False)
    (target / "mkdocs.yml").write_text(tekst, encoding="utf-8")
    return target
