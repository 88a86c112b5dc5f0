"""MkDocs hook: validates data/ once, adds one page per record, ends every page with its source,
and gives every page the glossary's explanations while collecting the plan text's links to records.

Listed under `hooks:` in mkdocs.yml. The work is done by plain functions in this
package; this file only connects them to MkDocs' events.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from markupsafe import escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Link, Navigation
from mkdocs.structure.pages import Page

from macros import (
    arkiv,
    atomfeed,
    csp,
    datasett,
    datatabeller,
    markdown_escape,
    meld_fra,
    pagination,
    plantekst,
    preview,
    schema,
    search,
    urls,
)
from macros.errors import Datafeil
from macros.finished_html import markdown_output
from macros.gcpause import freeze_survivors
from macros.git_history import UTEN_HISTORIKK, Historikk, SistOppdatert, les_historikk
from macros.kildegrunnlag import feil_for_poster_uten_kilde, kilder_for_alle, uten_kilde
from macros.model import Plan
from macros.ordforklaring import NOKKEL as UTEN_ORDFORKLARING
from macros.ordforklaring import PageError, Unntak, forklar, les_unntak
from macros.pages import GeneratedPage, genererte_sider, plassering, sidestier, videre_meta
from macros.plantekst import EGEN_TEKST
from macros.views import PageAddress, Redigering, kildeboks, utforsker_rader


def prosjektmappe(config: MkDocsConfig) -> Path:
    """The folder that holds mkdocs.yml and data/."""
    return Path(config.config_file_path).parent


def plan_for(config: MkDocsConfig) -> Plan:
    """The validated plan (under serve, while data/ has mistakes: the last good one), or a build error.

    Read once per build: every page asks several times, and each ask looked at every file in data/.
    """
    if _bygg.plan is None:
        try:
            _bygg.plan = preview.plan(prosjektmappe(config) / "data")
        except Datafeil as feil:
            raise PluginError(str(feil)) from None
    return _bygg.plan


@dataclass
class _Bygg:
    """What one build learns as it goes. Made anew in on_config: mkdocs serve builds many times in one process."""

    rekkefolge: list[str] = field(default_factory=list)
    """The files in MkDocs' own order, restored in on_env after the pages are parsed in ours."""
    handskrevne: set[str] = field(default_factory=set)
    """The hand-written pages (a folder with its own index.md gets no generated register)."""
    sider: dict[str, GeneratedPage] = field(default_factory=dict)
    """The generated pages: path -> the record (or register) it shows."""
    kildetekster: dict[str, str] | None = None
    """The generated pages' sources, made on the first read of one, once every hand-written page is parsed."""
    historikk: Historikk = UTEN_HISTORIKK
    """The git history (macros/git_history.py), read once in on_files."""
    arkiv: tuple[arkiv.Versjon, ...] = ()
    """The adopted versions (macros/arkiv.py), read in on_files and built in on_post_build."""
    meld_fra: str = ""
    """Where «Meld fra om feil» goes (macros/meld_fra.py), decided once in on_files."""
    plan: Plan | None = None
    """The plan this build shows (plan_for), read on first use after on_config has checked data/."""
    ferdige: dict[str, tuple[str, str, set]] = field(default_factory=dict)
    """Generated pages Markdown is spared: path -> (their source, their HTML, their anchor ids), until on_page_content."""


_bygg = _Bygg()


def on_startup(command: str, dirty: bool) -> None:
    # Once per process, before the first build: under `mkdocs serve` a mistake shows on the pages (preview.py).
    preview.start(command)


def on_config(config: MkDocsConfig) -> None:
    global _bygg
    # Fail before any page is read, with every mistake in data/ and in the
    # pages' front matter in one message, exactly as `make check` reports them.
    # Under serve, after a first good build, the mistakes go into a banner instead (preview.py).
    try:
        sider = preview.kontroller_bygg(prosjektmappe(config), Path(config.docs_dir))
    except Datafeil as feil:
        raise PluginError(str(feil)) from None
    _bygg = _Bygg()
    plantekst.ny_samling({sti: lest.meta for sti, lest in sider.items()}, plan_for(config))
    freeze_survivors()


# Before the plugins' on_files: the redirects plugin learns which pages exist there, generated ones too.
@event_priority(50)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    plan = plan_for(config)
    try:
        _bygg.meld_fra = meld_fra.mottaker(plan.innstillinger, config.repo_url)
    except ValueError as feil:
        raise PluginError(str(feil)) from None
    # MkDocs parses pages in the order of `files`: plain plan text first, then the pages
    # that run macros (the Dokumenter list names the plain pages by their parsed titles).
    _bygg.rekkefolge = [f.src_uri for f in files]
    handskrevne = [f.src_uri for f in files.documentation_pages()]
    plantekst.samling().forvent(handskrevne)
    for sti in plantekst.samling().makrosider_sist(handskrevne):
        fil = files.get_file_from_path(sti)
        files.remove(fil)
        files.append(fil)
    # Appended after every hand-written page, so MkDocs reads them last: by then every plan-text page
    # has been parsed, and the passages that link to a record are known. Their source is made in
    # on_page_read_source; the empty content here is never read.
    _bygg.handskrevne = set(handskrevne)
    _bygg.sider = sidestier(plan, _bygg.handskrevne)
    for sti in _bygg.sider:
        files.append(File.generated(config, sti, content=""))
    for tabell in datatabeller.bygg(plan).values():
        files.append(File.generated(config, tabell.csv_sti, content=datatabeller.csv_tekst(tabell)))
    # A split explorer's script fetches every row from here when someone filters (macros/pagination.py).
    # Its rows get the glossary's explanations as the rows on the explorer's further pages do (on_page_content),
    # with the terms their front matter switches off.
    rader = utforsker_rader(plan, _radforklaring(plan))
    if rader is not None:
        files.append(File.generated(config, pagination.UTFORSKER_RADER, content=rader))
    # The open data: every record kind as JSON, JSON Schema and CSV, and their DCAT-AP-NO catalogue.
    liste = datasett.alle(plan, prosjektmappe(config) / "data")
    katalog = datasett.katalog_for(plan, liste, config)
    for sti, innhold in datasett.filer(plan, liste, katalog, schema.schema_text).items():
        files.append(File.generated(config, sti, content=innhold))
    # One `git log` for every page's date and every record's changes, read once per build.
    _bygg.historikk = les_historikk(prosjektmappe(config))
    try:
        _bygg.arkiv = arkiv.les_versjoner(prosjektmappe(config))
    except arkiv.Arkivfeil as feil:
        raise PluginError(str(feil)) from None
    for feed in atomfeed.feeds(plan, _bygg.historikk):
        innhold = atomfeed.atom(feed, plan, _bygg.historikk, config.site_url or "", config.site_name)
        files.append(File.generated(config, feed.sti, content=innhold))
        if (kart := atomfeed.seksjonskart(feed, config.site_url or "")) is not None:
            files.append(File.generated(config, kart[0], content=kart[1]))
    return files


class _Trinn(Link):
    """A step in a breadcrumb trail that is no page of the navigation (a measure's virkemiddel).

    A Link is never active; this one passes the page's activity up, so the section's tab is marked.
    """

    def __init__(self, title: str, url: str, parent) -> None:
        super().__init__(title, url)
        self.parent = parent
        self._aktiv = False

    @property
    def active(self) -> bool:
        return self._aktiv

    @active.setter
    def active(self, verdi: bool) -> None:
        self._aktiv = bool(verdi)
        if self.parent is not None:
            self.parent.active = verdi


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    # Generated pages are outside the navigation; placing each under its kind's register page
    # gives it the breadcrumb trail and the active tab that a page in the navigation has.
    plan = plan_for(config)
    for sti, sted in _bygg.sider.items():
        side = files.get_file_from_path(sti).page
        if sted.er_register or side is None:
            continue
        forelder = _forelder(plan, sted, files)
        if forelder is not None:
            side.parent = forelder
    return nav


def _forelder(plan: Plan, sted: GeneratedPage, files: Files) -> Page | _Trinn | None:
    """The step a generated page sits under in the breadcrumb trail (None: its register page is missing)."""
    plass = plassering(plan, sted)
    register = files.get_file_from_path(plass.register)
    if register is None or register.page is None:
        return None
    if plass.via is None:
        return register.page
    tittel, via = plass.via
    over = register.page.parent if plass.via_sted is None else _forelder(plan, plass.via_sted, files)
    # Material prints a navigation title as it is: escaped here, once, like the page titles.
    return _Trinn(escape(tittel), urls.fil_url(via), over)


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    sti = page.file.src_uri
    if sti not in _bygg.sider:
        if preview.erstattes(sti):
            # Under serve, a page whose front matter has a mistake is shown with its last good one.
            return preview.kildetekst(sti, Path(page.file.abs_src_path).read_text(encoding="utf-8-sig"))
        return None
    if _bygg.kildetekster is None:
        plan = plan_for(config)
        omtaler = plantekst.samling().omtaler()
        sider_uten_kilde = [urls.kildefil(type_, post_id) for type_, post_id in uten_kilde(plan, omtaler)]
        if sider_uten_kilde:
            try:
                kildefeil = feil_for_poster_uten_kilde(plan, omtaler, prosjektmappe(config) / "data")
                preview.poster_uten_kilde(kildefeil, sider_uten_kilde)
            except Datafeil as feil:
                raise PluginError(str(feil)) from None
        # The timeline's pages link to the history pages by the titles the navigation gives them.
        titler = plantekst.sidetitler(config["nav"], plantekst.samling().sidemeta)
        _bygg.kildetekster = genererte_sider(
            plan,
            omtaler,
            _bygg.handskrevne,
            _bygg.historikk,
            _bygg.arkiv,
            uten_kilde=sider_uten_kilde,
            sidetitler={urls.fil_url(sti): tittel for sti, tittel in titler.items()},
            sidemeta=plantekst.samling().sidemeta,
        )
    return _bygg.kildetekster[sti]


@event_priority(100)
def _som_tekst(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Before the macros plugin: a tag staff paste into plan text reads as text; the HTML that
    # macros and templates make comes after this and is left as it is.
    if page.file.src_uri in _bygg.handskrevne:
        return markdown_escape.uten_ra_html(markdown)
    return markdown


def _kildeboks_etter(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    _feeds_og_dato(page, config)
    if page.meta.get("kilder_fra") is not None:
        # Derived from every page's links to records: added in on_env, once all pages are parsed.
        return markdown
    if preview.uten_kildeboks(page.file.src_uri):
        # Under serve: a page whose front matter has a mistake and no last good one, or a record no
        # document names, has no Kilde block until it is fixed (the banner says why).
        return markdown
    kilder = _kilder(page, plan_for(config))
    return f"{markdown}\n\n{_kildeboks(page, config, kilder)}\n"


def _uten_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Last: a page made from data is finished HTML, which Markdown would only copy (macros/finished_html.py).
    # MkDocs renders an empty page instead, and on_page_content puts the HTML in.
    if page.file.src_uri not in _bygg.sider:
        return markdown
    ferdig = markdown_output(markdown)
    if ferdig is None:
        return markdown
    _bygg.ferdige[page.file.src_uri] = (markdown, *ferdig)
    return ""


on_page_markdown = CombinedEvent(_som_tekst, _kildeboks_etter, _uten_markdown)


def _kildeboks(page: Page, config: MkDocsConfig, kilder: list[str]):
    """The page's Kilde block: its documents, the section of each, and the file to edit."""
    seksjoner = dict(page.meta.get("kildeseksjoner") or {})
    if kilder and page.meta.get("kildeseksjon"):
        seksjoner.setdefault(kilder[0], page.meta["kildeseksjon"])
    return kildeboks(
        plan_for(config),
        PageAddress(page.url),
        kilder,
        seksjoner,
        _redigering(page, config),
        _sist_oppdatert(page, config),
    )


def _sist_oppdatert(page: Page, config: MkDocsConfig) -> SistOppdatert:
    """A record page's last change to its record, a register's to any record of its kind, else its file's last commit."""
    historikk = _bygg.historikk
    sted = _bygg.sider.get(page.file.src_uri)
    if sted is None:
        docs = Path(config.docs_dir).relative_to(prosjektmappe(config)).as_posix()
        return historikk.sist_oppdatert_fil(f"{docs}/{page.file.src_uri}")
    type_, post_id = sted.datert_etter
    if post_id is None:
        return historikk.sist_oppdatert_type(type_)
    return historikk.sist_oppdatert_post(type_, post_id)


def _feeds_og_dato(page: Page, config: MkDocsConfig) -> None:
    """The feeds the page links to (page.meta, read by overrides/main.html) and its date in the sitemap."""
    sted = _bygg.sider.get(page.file.src_uri)
    plan = plan_for(config)
    type_, post_id = sted.post if sted else (None, None)
    feeds = atomfeed.feeds_for_side(plan, type_, post_id, _bygg.historikk)
    page.meta["feeds"] = [{"url": f.sti, "tittel": f.tittel} for f in feeds]
    sist = _sist_oppdatert(page, config)
    if sist.tidspunkt is not None:
        # MkDocs dates every page with the day of the build; the page's own date keeps two builds
        # of the same commit identical (sitemap.xml and the timestamp inside sitemap.xml.gz).
        page.update_date = sist.tidspunkt.dag


def _kilder(page: Page, plan: Plan) -> list[str]:
    """The documents a page names in its Kilde block: from its front matter, or derived from the data.

    on_config has checked every hand-written page's front matter; generated pages write their own.
    """
    avledet = page.meta.get("kilder_fra")
    if avledet is not None:
        return kilder_for_alle(plan, avledet, plantekst.samling().omtaler())
    kilde = page.meta["kilde"]
    return [] if kilde == EGEN_TEKST else list(dict.fromkeys([kilde, *page.meta.get("kilder", [])]))


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.src_uri in _bygg.ferdige:
        # What Markdown would have made of the page, and the anchors it would have noted for MkDocs' check.
        page.markdown, html, page.present_anchor_ids = _bygg.ferdige.pop(page.file.src_uri)
    # The glossary on every page, and the plan text's headings and links from the same walk
    # (before the title below is escaped, so the page's own front matter is what is recorded).
    # Only the plan text's headings, links and blocks are collected; a generated page needs its HTML alone.
    gang = _forklar(html, page, config, innhold=page.file.generated_by is None)
    if page.file.generated_by is None:
        lest = plantekst.les_side(page.file.src_uri, page.url, page.meta, gang.innhold, page.title)
        plantekst.samling().legg_til(lest)
    # The report link names the page as its <title> does (overrides/main.html), before the escaping
    # below; overrides/partials/comments.html prints it under the page.
    tittel = config.site_name if page.is_homepage else page.title
    page.meta["meld_fra"] = meld_fra.lenke(_bygg.meld_fra, page.canonical_url or page.url, tittel)
    # MkDocs renders theme templates without autoescaping, and Material prints
    # page titles raw (header, nav, footer) or through `striptags`, which
    # un-escapes. Escaping the title once here makes every one of those safe.
    page.meta["title"] = escape(page.title)
    if "description" in page.meta:
        page.meta["description"] = escape(page.meta["description"])
    # The pencil and the Kilde box's link open the same file.
    page.edit_url = _redigering(page, config).url
    return gang.html


def _radforklaring(plan: Plan) -> Callable[[str], str]:
    """The glossary pass for the rows of the explorer's rader.json, as on the explorer's further pages."""
    fil = f"docs/{pagination.UTFORSKER}"
    forste = plantekst.samling().sidemeta.get(pagination.UTFORSKER)
    unntak = _unntak(plan, videre_meta(forste).get(UTEN_ORDFORKLARING) if forste else None, "", fil)
    # Only switches for the whole page: forklar raises PageError only for a passage it cannot find.
    return lambda rad: forklar(rad, plan, unntak, fil, innhold=False).html


def _unntak(plan: Plan, verdi: object, markdown: str, fil: str) -> list[Unntak]:
    """The terms a page's front matter switches off (les_unntak), or a build error naming the page."""
    try:
        return les_unntak(plan, verdi, markdown, fil)
    except PageError as feil:
        raise PluginError(str(feil)) from None


def _forklar(html: str, page: Page, config: MkDocsConfig, tekststykker: bool = True, innhold: bool = False):
    """The glossary pass over the page's HTML, with the terms (and passages) the page switches off.

    innhold: also collect the headings, links and text blocks (macros/html_pass.py).
    """
    plan = plan_for(config)
    fil = f"docs/{page.file.src_uri}"
    unntak = _unntak(plan, page.meta.get(UTEN_ORDFORKLARING), page.markdown, fil)
    if not tekststykker:
        unntak = [u for u in unntak if u.tekststykke is None]
    try:
        return forklar(html, plan, unntak, fil, innhold=innhold)
    except PageError as feil:
        raise PluginError(str(feil)) from None


def on_env(env, config: MkDocsConfig, files: Files):
    # Every page is parsed now. Put the files back in MkDocs' order, which the search
    # index and the sitemap follow; the generated ones stay last, as MkDocs added them.
    plassering = {sti: i for i, sti in enumerate(_bygg.rekkefolge)}
    alle = sorted(files, key=lambda f: plassering.get(f.src_uri, len(plassering)))
    for fil in alle:
        files.remove(fil)
    for fil in alle:
        files.append(fil)
    # The Kilde block of a page whose documents are derived from the records (kilder_fra)
    # can count the plan text's links to them.
    plan = plan_for(config)
    for fil in files.documentation_pages():
        page = fil.page
        if page is not None and page.meta.get("kilder_fra") is not None:
            kilder = _kilder(page, plan)
            # The block holds none of the page's switched-off passages, only its words.
            boks = _forklar(str(_kildeboks(page, config, kilder)), page, config, tekststykker=False).html
            page.content = f"{page.content}\n\n{boks}"
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    # Under serve, while data/ or front matter has mistakes, every page opens with them (preview.py).
    if preview.feil() is not None:
        output = arkiv.sett_inn(output, "", preview.banner())
    if page.meta.get("uten_sok"):
        output = search.uten_sok(output)
    return csp.med_policy(output)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    # The 404 page is a theme template, not a page.
    return csp.med_policy(output_content) if template_name.endswith(".html") else output_content


def on_post_build(config: MkDocsConfig) -> None:
    # Each adopted version is its own build of its tagged tree, next to the finished current site
    # (its banner links to a page only when that page exists here). Without tags this does nothing.
    try:
        arkiv.bygg_alle(prosjektmappe(config), _bygg.arkiv, Path(config.site_dir), config.site_url or "")
    except arkiv.Arkivfeil as feil:
        raise PluginError(str(feil)) from None
    # The search index is made from the finished pages (Pagefind reads HTML), so it comes last.
    # Material's own search, when switched on (benchmarks/search.py does so to compare), replaces it.
    if "material/search" not in config.plugins:
        try:
            search.lag_sokeindeks(Path(config.site_dir))
        except search.Sokefeil as feil:
            raise PluginError(str(feil)) from None


def _redigering(page: Page, config: MkDocsConfig) -> Redigering:
    """The file staff edit for this page: its `rediger:` file (data for generated pages), else the Markdown."""
    docs = Path(config.docs_dir).relative_to(prosjektmappe(config)).as_posix()
    fil = page.meta.get("rediger") or f"{docs}/{page.file.src_uri}"
    # edit_uri points into docs/ (as MkDocs wants); the repository root is its parent.
    rot = config.edit_uri.rstrip("/").removesuffix(docs)
    return Redigering(fil, f"{config.repo_url.rstrip('/')}/{rot}{fil}")
