"""MkDocs hook: validates data/ once, adds one page per record, and ends every page with its source.

Listed under `hooks:` in mkdocs.yml. The work is done by plain functions in this
package; this file only connects them to MkDocs' events.
"""

from __future__ import annotations

from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from macros import datatabeller
from macros.feil import Datafeil
from macros.kontroll import kontroller
from macros.load import load_plan_cached
from macros.model import Plan
from macros.sider import genererte_sider
from macros.plantekst import EGEN_TEKST
from macros.visning import Redigering, Side, forkortelser, kildeboks


def prosjektmappe(config: MkDocsConfig) -> Path:
    """The folder that holds mkdocs.yml and data/."""
    return Path(config.config_file_path).parent


def plan_for(config: MkDocsConfig) -> Plan:
    """The validated plan, or a build error listing every mistake in data/."""
    try:
        return load_plan_cached(prosjektmappe(config) / "data")
    except Datafeil as feil:
        raise PluginError(str(feil)) from None


def on_config(config: MkDocsConfig) -> None:
    # Fail before any page is read, with every mistake in data/ and in the
    # pages' front matter in one message, exactly as `make check` reports them.
    try:
        kontroller(prosjektmappe(config), Path(config.docs_dir))
    except Datafeil as feil:
        raise PluginError(str(feil)) from None


def on_files(files: Files, config: MkDocsConfig) -> Files:
    plan = plan_for(config)
    for side in genererte_sider(plan):
        files.append(File.generated(config, side.sti, content=side.markdown()))
    for tabell in datatabeller.bygg(plan).values():
        files.append(File.generated(config, tabell.csv_sti, content=datatabeller.csv_tekst(tabell)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    kilde = page.meta.get("kilde")
    if not kilde:
        raise PluginError(
            f"docs/{page.file.src_uri}: forsiden (front matter) mangler «kilde». Skriv «kilde: <id>» med en id "
            f"fra data/kilder.yml, eller «kilde: {EGEN_TEKST}» for sider nettstedet selv har skrevet."
        )
    plan = plan_for(config)
    kilder = [] if kilde == EGEN_TEKST else [kilde, *page.meta.get("kilder", [])]
    ukjente = [k for k in kilder if k not in plan.kilder]
    if ukjente:
        raise PluginError(
            f"docs/{page.file.src_uri}: ukjent kilde «{ukjente[0]}» i forsiden (front matter). "
            f"Kjente kilder: {', '.join(plan.kilder)}."
        )
    rediger = _redigering(page, config)
    boks = kildeboks(plan, Side(page.url), list(dict.fromkeys(kilder)), page.meta.get("kildeseksjon"), rediger)
    return f"{markdown}\n\n{boks}\n\n{forkortelser(plan)}\n"


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # MkDocs renders theme templates without autoescaping, and Material prints
    # page titles raw (header, nav, footer) or through `striptags`, which
    # un-escapes. Escaping the title once here makes every one of those safe.
    page.meta["title"] = escape(page.title)
    if "description" in page.meta:
        page.meta["description"] = escape(page.meta["description"])
    # The pencil and the Kilde box's link open the same file.
    page.edit_url = _redigering(page, config).url
    return html


def _redigering(page: Page, config: MkDocsConfig) -> Redigering:
    """The file staff edit for this page: its `rediger:` file (data for generated pages), else the Markdown."""
    docs = Path(config.docs_dir).relative_to(prosjektmappe(config)).as_posix()
    fil = page.meta.get("rediger") or f"{docs}/{page.file.src_uri}"
    # edit_uri points into docs/ (as MkDocs wants); the repository root is its parent.
    rot = config.edit_uri.rstrip("/").removesuffix(docs)
    return Redigering(fil, f"{config.repo_url.rstrip('/')}/{rot}{fil}")
