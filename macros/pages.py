"""MkDocs hook: validates data/ once, adds one page per record, ends every page with its source,
and gives every page the glossary's explanations.

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

from macros import datatabeller, plantekst
from macros.feil import Datafeil, Feil
from macros.kildegrunnlag import POSTER, kilder_for_alle, uten_kilde
from macros.kontroll import kontroller
from macros.load import load_plan_cached
from macros.model import Plan
from macros.ordforklaring import NOKKEL as UTEN_ORDFORKLARING
from macros.ordforklaring import Sidefeil, forklar, les_unntak
from macros.plantekst import EGEN_TEKST
from macros.sider import DATAFIL, genererte_sider
from macros.visning import Redigering, Side, kildeboks
from macros.yamlfil import les_yaml


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
    omtaler = plantekst.indeks(Path(config.docs_dir))[1]
    _stopp_for_aktorer_uten_kilde(plan, omtaler, prosjektmappe(config))
    for side in genererte_sider(plan, omtaler):
        files.append(File.generated(config, side.sti, content=side.markdown()))
    for tabell in datatabeller.bygg(plan).values():
        files.append(File.generated(config, tabell.csv_sti, content=datatabeller.csv_tekst(tabell)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    plan = plan_for(config)
    fil = f"docs/{page.file.src_uri}"
    kilder = _kilder(page, plan, fil, Path(config.docs_dir))
    ukjente = [k for k in kilder if k not in plan.kilder]
    if ukjente:
        raise PluginError(
            f"{fil}: ukjent kilde «{ukjente[0]}» i forsiden (front matter). Kjente kilder: {', '.join(plan.kilder)}."
        )
    seksjoner = dict(page.meta.get("kildeseksjoner") or {})
    if kilder and page.meta.get("kildeseksjon"):
        seksjoner.setdefault(kilder[0], page.meta["kildeseksjon"])
    rediger = _redigering(page, config)
    boks = kildeboks(plan, Side(page.url), kilder, seksjoner, rediger)
    return f"{markdown}\n\n{boks}\n"


def _kilder(page: Page, plan: Plan, fil: str, docs: Path) -> list[str]:
    """The documents a page names in its Kilde block: from its front matter, or derived from the data."""
    avledet = page.meta.get("kilder_fra")
    if avledet is not None:
        if avledet not in POSTER:
            raise PluginError(
                f"{fil}: «kilder_fra: {avledet}» i forsiden (front matter) er ukjent. Bruk en av: {', '.join(POSTER)}."
            )
        return kilder_for_alle(plan, avledet, plantekst.indeks(docs)[1])
    kilde = page.meta.get("kilde")
    if not kilde:
        raise PluginError(
            f"{fil}: forsiden (front matter) mangler «kilde». Skriv «kilde: <id>» med en id "
            f"fra data/kilder.yml, eller «kilde: {EGEN_TEKST}» for sider nettstedet selv har skrevet."
        )
    return [] if kilde == EGEN_TEKST else list(dict.fromkeys([kilde, *page.meta.get("kilder", [])]))


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # MkDocs renders theme templates without autoescaping, and Material prints
    # page titles raw (header, nav, footer) or through `striptags`, which
    # un-escapes. Escaping the title once here makes every one of those safe.
    page.meta["title"] = escape(page.title)
    if "description" in page.meta:
        page.meta["description"] = escape(page.meta["description"])
    # The pencil and the Kilde box's link open the same file.
    page.edit_url = _redigering(page, config).url
    return _forklar(html, page, config).html


def _forklar(html: str, page: Page, config: MkDocsConfig):
    """The glossary pass over the page's HTML, with the terms and passages the page switches off."""
    plan = plan_for(config)
    fil = f"docs/{page.file.src_uri}"
    try:
        unntak = les_unntak(plan, page.meta.get(UTEN_ORDFORKLARING), page.markdown, fil)
        return forklar(html, plan, unntak, fil)
    except Sidefeil as feil:
        raise PluginError(str(feil)) from None


def _redigering(page: Page, config: MkDocsConfig) -> Redigering:
    """The file staff edit for this page: its `rediger:` file (data for generated pages), else the Markdown."""
    docs = Path(config.docs_dir).relative_to(prosjektmappe(config)).as_posix()
    fil = page.meta.get("rediger") or f"{docs}/{page.file.src_uri}"
    # edit_uri points into docs/ (as MkDocs wants); the repository root is its parent.
    rot = config.edit_uri.rstrip("/").removesuffix(docs)
    return Redigering(fil, f"{config.repo_url.rstrip('/')}/{rot}{fil}")


def _stopp_for_aktorer_uten_kilde(plan: Plan, omtaler: dict, mappe: Path) -> None:
    """Stop the build, naming file and line, for every actor that no document names."""
    uten = uten_kilde(plan, omtaler)
    if not uten:
        return
    dokument, _ = les_yaml(mappe / DATAFIL["aktor"], DATAFIL["aktor"])
    linjer = {post.get("id"): dokument.linje((i, "id")) for i, post in enumerate(dokument.verdi)} if dokument else {}
    raise PluginError(
        str(
            Datafeil(
                [
                    Feil(
                        DATAFIL["aktor"],
                        "ingen kilde nevner aktøren: den er ikke tiltakseier eller partner i noe tiltak, ikke med "
                        "i noen hendelse i data/hendelser.yml, og ingen side som gjengir et plandokument lenker til "
                        "den. Knytt aktøren til tiltaket eller hendelsen der kilden nevner den, eller lenk til "
                        "aktørsiden fra planteksten der den står. Ellers fjern aktøren.",
                        linje=linjer.get(a),
                        post=a,
                    )
                    for a in uten
                ]
            )
        )
    )
