"""Long lists on light pages: which lists a page shows whole, which it shortens, and the pages a long list gets.

When the plans grow (a new tiltaksplan every year, more history), a page must not grow with them:
citizens on slow phones pay for every kilobyte. A page whose lists of measures hold more than
FULL_ROWS rows together shows the first rows of each long list (at most SUMMARY_ROWS; many long lists
share SUMMARY_BUDGET rows), the count and the sums of the whole list, and a link to the list's own
pages (rows_per_page each, «Side 2 av 7»), where every row stands. The explorer's table and the
timeline are split the same way when they grow, and the economy page's long tables are shortened
(their CSV files keep every row). The economy pages and the overview show the tables of the 2021 plan
and the newest plans only (PLANS_SHOWN), and name and link the plans between. Below the limits every
page is exactly as before: the real data today stays well under them.

Plain functions and the thresholds, in one place; pages.py makes the extra pages, the templates word them.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from . import urls
from .model import TILTAKSPLAN, Hendelse, Plan
from .registry import TYPER

FULL_ROWS = 60
"""A page whose lists of measures hold at most this many rows together shows every row. The real data's
longest page has 20 (the role «veiviser»); a row costs 0.7–1.7 KiB of HTML."""

SUMMARY_ROWS = 10
"""The most rows a shortened list shows, in the source's order, before the link to all of them."""

SUMMARY_BUDGET = 30
"""The rows a page's shortened lists share: a page with many of them (one per instrument and plan on «Alle
tiltak») shows fewer rows of each, so it stays light as plans are added year by year."""

SUMMARY_MIN_ROWS = 3
"""The fewest rows a shortened list shows, however many lists share the page."""

ROWS_PER_PAGE = 100
"""Table rows on each of a list's own pages: 100 measures in one table is about 100 KiB of HTML."""

TABLES_PER_LIST = {("virkemiddel", "tiltak"): 2, ("rolle", "fra"): 2, ("aktor", "trolig"): 2}
"""(kind, part) of the lists that show each measure twice: an instrument's page in the source's table and
in «Midler per år», a role's or actor's hedged list with the source's words and in a table; about 2.2 KiB a
measure together, so their pages hold half as many measures."""

EXPLORER_ROWS_PER_PAGE = 100
"""Rows on each page of the explorer's table; it is one page while it has at most this many (about 1.7 KiB a row)."""

TIDSLINJE_WHOLE = 100
"""The timeline is one page while it has at most this many events (the real data has 49, about 2.2 KiB each)."""

HENDELSER_PER_PAGE = 50
"""Events on each page of a split timeline (a year's page): up to 4 KiB an event with its links and glossary."""

UTFORSKER = "tiltak/utforsk.md"
"""The explorer's page, whose further pages are tiltak/utforsk/side-2/ …"""

TIDSLINJE = "historikk/tidslinje.md"
"""The timeline's page, whose pages per year are historikk/tidslinje/<år>/ (and …/<år>/side-2/ …)."""

FORSTE_SIDER = {UTFORSKER: "Utforsk tiltakene", TIDSLINJE: "Tidslinje"}
"""The titles of the hand-written pages a split list starts on (their # heading), for the titles and
breadcrumbs of the pages after them."""


def rows_per_page(type_: str, del_: str) -> int:
    """How many measures each own page of one of a record's lists holds (kind and part of the list)."""
    return ROWS_PER_PAGE // TABLES_PER_LIST.get((type_, del_), 1)


def page_count(antall: int, per_side: int) -> int:
    """How many pages a list of antall rows fills, per_side to a page (at least one)."""
    return max(1, math.ceil(antall / per_side))


def page_rows(rader: Sequence[Any], nummer: int, per_side: int) -> Sequence[Any]:
    """The rows page nummer (from 1) of a list holds, per_side to a page."""
    start = (nummer - 1) * per_side
    return rader[start : start + per_side]


def page_url(forste: str, nummer: int) -> str:
    """The site-relative URL of page nummer of a list whose first page is at forste ('…/side-2/' from page 2)."""
    return forste if nummer == 1 else f"{forste}side-{nummer}/"


def page_file(forste: str, nummer: int) -> str:
    """The Markdown path of page nummer of a list whose first page is at the site-relative URL forste."""
    return f"{forste}index.md" if nummer == 1 else f"{forste}side-{nummer}.md"


@dataclass(frozen=True)
class Sidetall:
    """Where a page stands in a split list: page nummer of antall, and the URL of every page."""

    nummer: int
    antall: int
    forste_url: str

    def url(self, nummer: int) -> str:
        """The site-relative URL of one of the list's pages."""
        return page_url(self.forste_url, nummer)

    @property
    def forrige(self) -> str | None:
        """The previous page's URL, or None on the first."""
        return self.url(self.nummer - 1) if self.nummer > 1 else None

    @property
    def neste(self) -> str | None:
        """The next page's URL, or None on the last."""
        return self.url(self.nummer + 1) if self.nummer < self.antall else None


@dataclass(frozen=True)
class Utdrag:
    """A list of measures as one page shows it: the rows it shows, and every row of the list.

    `alle` gives the count and the sums, which cover the whole list. `url` is the list's first own
    page (site-relative) when the list has pages of its own, `sider` how many.
    """

    vis: Sequence[Any]
    alle: Sequence[Any]
    fra: int = 1
    """The number of the first row shown, counted from 1 in the whole list."""
    url: str | None = None
    sider: int = 0
    utforsker: str | None = None
    """The explorer with the filter that shows exactly this list (site-relative, with its query), where there is one."""

    @property
    def forkortet(self) -> bool:
        """True when the page shows only some of the rows."""
        return len(self.vis) < len(self.alle)

    @property
    def til(self) -> int:
        """The number of the last row shown."""
        return self.fra + len(self.vis) - 1


def whole(rader: Sequence[Any]) -> Utdrag:
    """A list shown whole."""
    return Utdrag(rader, rader)


def shortened(rader: Sequence[Any], vis: int | None, lenker: Callable[[], dict[str, Any]] = dict) -> Utdrag:
    """A list shortened to its first vis rows (with the links lenker() gives) when it is longer, else whole;
    vis is None when the page shows every list whole (summary_rows)."""
    if vis is not None and len(rader) > vis:
        return Utdrag(rader[:vis], rader, **lenker())
    return whole(rader)


def summary_rows(lengder: Sequence[int]) -> int | None:
    """How many rows each long list on a page shows, given the lengths of all the page's lists; None when the
    page shows every list whole (together they hold at most FULL_ROWS rows).

    A list is long when it has more rows than the page would show of it; the long lists share SUMMARY_BUDGET.
    """
    if sum(lengder) <= FULL_ROWS:
        return None
    vis = SUMMARY_ROWS
    # Fewer rows each makes more lists long: settle on the largest count the budget allows.
    while vis > SUMMARY_MIN_ROWS and sum(n > vis for n in lengder) * vis > SUMMARY_BUDGET:
        vis -= 1
    return vis


def shorten(lister: Mapping[Any, Sequence[Any]]) -> dict[Any, Utdrag]:
    """key -> how a page shows each of its lists: all whole while together they hold at most FULL_ROWS rows,
    else each long list shortened to its first rows (summary_rows), without pages of its own."""
    vis = summary_rows([len(rader) for rader in lister.values()])
    return {nokkel: shortened(rader, vis) for nokkel, rader in lister.items()}


# The lists of measures on record pages (virkemiddel, rolle, aktør): one per part and tiltaksplan.

Planutvalg = tuple[Any, Any, dict[str, list[Any]]]
"""(tiltaksplan, its document, {part: the plan's measures in that part}), as registry.Posttype.lister gives them."""


class _Memo:
    """One plan's derived lists, kept while the plan is the same object: the page paths (on_files) and
    the pages (rendered later) need the same lists, and computing them for every record is not cheap."""

    def __init__(self) -> None:
        self.plan: Plan | None = None
        self.verdier: dict[Any, Any] = {}

    def hent(self, plan: Plan, nokkel: Any, lag: Callable[[], Any]) -> Any:
        """The value for nokkel, made once per plan."""
        if self.plan is not plan:
            self.plan, self.verdier = plan, {}
        if nokkel not in self.verdier:
            self.verdier[nokkel] = lag()
        return self.verdier[nokkel]


_memo = _Memo()


def postlister(plan: Plan, type_: str, post_id: str) -> list[Planutvalg]:
    """A record's lists of measures per tiltaksplan (registry.Posttype.lister), made once per plan."""
    posttype = TYPER[type_]
    return _memo.hent(plan, ("lister", type_, post_id), lambda: posttype.lister(plan, posttype.med_side(plan)[post_id]))


def liste_url(type_: str, post_id: str, del_: str, tiltaksplan_id: str) -> str:
    """The site-relative URL of the first own page of one of a record's lists: /virkemidler/<id>/tiltak/<plan>/."""
    return f"{urls.side_url(type_, post_id)}{del_}/{tiltaksplan_id}/"


UTFORSKERVALG = {("virkemiddel", "tiltak"): "virkemiddel", ("rolle", "tiltak"): "rolle", ("aktor", "eier"): "eier"}
"""(kind, part) -> the explorer's filter that shows exactly that list. The explorer shows the 2021 plan's
measures; its partner filter also counts «trolig» partners, so a partner list has none."""


def utforsker_url(type_: str, post_id: str, del_: str, tiltaksplan_id: str) -> str | None:
    """The explorer showing exactly one of a record's lists (site-relative, with the filter), or None."""
    valg = UTFORSKERVALG.get((type_, del_))
    if valg is None or tiltaksplan_id != TILTAKSPLAN:
        return None
    return f"{urls.fil_url(UTFORSKER)}?{valg}={post_id}"


def postutdrag(type_: str, post_id: str, planer: Sequence[Planutvalg]) -> dict[tuple[str, str], Utdrag]:
    """(tiltaksplan id, part) -> how the record's page shows that list: whole, or its first rows and a link
    to the list's own pages."""
    vis = summary_rows([len(rader) for _, _, deler in planer for rader in deler.values()])
    return {
        (tp.id, del_): shortened(
            rader,
            vis,
            lambda tp=tp, del_=del_, rader=rader: {
                "url": liste_url(type_, post_id, del_, tp.id),
                "sider": page_count(len(rader), rows_per_page(type_, del_)),
                "utforsker": utforsker_url(type_, post_id, del_, tp.id),
            },
        )
        for tp, _, deler in planer
        for del_, rader in deler.items()
    }


@dataclass(frozen=True)
class Listeside:
    """One page of a record's list: whose list (kind, id, part, plan), which rows, and where the page stands."""

    type_: str
    post_id: str
    del_: str
    tiltaksplan_id: str
    sidetall: Sidetall


def listesider(plan: Plan, type_: str, post_id: str) -> dict[str, Listeside]:
    """Markdown path -> page, for every page of the record's shortened lists (none while its page is short)."""
    sider = {}
    for (tiltaksplan_id, del_), utdrag in postutdrag(type_, post_id, postlister(plan, type_, post_id)).items():
        if utdrag.url is None:
            continue
        for nummer in range(1, utdrag.sider + 1):
            sidetall = Sidetall(nummer, utdrag.sider, utdrag.url)
            sider[page_file(utdrag.url, nummer)] = Listeside(type_, post_id, del_, tiltaksplan_id, sidetall)
    return sider


def listeside_utdrag(plan: Plan, side: Listeside) -> tuple[Planutvalg, Utdrag]:
    """The plan (with its document) and the rows one page of a record's list shows."""
    planer = postlister(plan, side.type_, side.post_id)
    tp, kilde, deler = next(p for p in planer if p[0].id == side.tiltaksplan_id)
    rader = deler[side.del_]
    per_side = rows_per_page(side.type_, side.del_)
    utdrag = Utdrag(
        page_rows(rader, side.sidetall.nummer, per_side),
        rader,
        (side.sidetall.nummer - 1) * per_side + 1,
        side.sidetall.forste_url,
        side.sidetall.antall,
        utforsker_url(side.type_, side.post_id, side.del_, side.tiltaksplan_id),
    )
    return (tp, kilde, deler), utdrag


def alle_tiltak_url(plan: Plan, virkemiddel_id: str, tiltaksplan_id: str) -> str:
    """Where every measure under an instrument in one plan stands: the list's own pages when the instrument's
    page shortens it, else the section of the instrument's page."""
    utdrag = postutdrag("virkemiddel", virkemiddel_id, postlister(plan, "virkemiddel", virkemiddel_id))
    url = utdrag[tiltaksplan_id, "tiltak"].url
    if url is not None:
        return url
    forste = plan.tiltaksplaner_etter_ar[0].id
    anker = "tiltak" if tiltaksplan_id == forste else f"tiltak-{tiltaksplan_id}"
    return f"{urls.side_url('virkemiddel', virkemiddel_id)}#{anker}"


# The overview («Alle tiltak»): every plan's measures per instrument.


def oversikt_utdrag(plan: Plan, grupper: Sequence[tuple[str, str, Sequence[Any]]]) -> dict[tuple[str, str], Utdrag]:
    """(tiltaksplan id, virkemiddel id) -> how the overview shows that table; grupper are (plan, instrument, rows).

    A shortened table links to every measure under the instrument in that plan (alle_tiltak_url).
    """
    vis = summary_rows([len(rader) for _, _, rader in grupper])
    return {
        (tp_id, v_id): shortened(
            rader,
            vis,
            lambda tp_id=tp_id, v_id=v_id: {
                "url": alle_tiltak_url(plan, v_id, tp_id),
                "utforsker": utforsker_url("virkemiddel", v_id, "tiltak", tp_id),
            },
        )
        for tp_id, v_id, rader in grupper
    }


# The economy page's tables: those with a row per measure are shortened; their CSV files have every row.

TABELLER_MED_TILTAK = ("tiltak", "usikre-belop")
"""The economy tables (datatabeller.PLANTABELLER) with a row per measure, or per uncertain amount of one."""


PLANS_SHOWN = 4
"""The most tiltaksplaner the economy pages and the overview («Alle tiltak») show in full: the 2021 plan,
which their texts speak of, and the newest. Each plan adds its tables (about 45 KiB on an economy page,
20–40 KiB on the overview), so a plan a year would make those pages too heavy in a few years whatever the
data's size. The plans between are named and linked instead: their tables as CSV files on the economy
pages, and on the overview their sums and each instrument's list of their measures."""


def shown_plans(senere: Sequence[Any]) -> tuple[list[Any], list[Any]]:
    """(shown in full, named and linked only) of the later plans (or a table's versions for them), oldest
    first: the newest PLANS_SHOWN − 1 are shown, beside the 2021 plan."""
    skille = max(0, len(senere) - (PLANS_SHOWN - 1))
    return list(senere[skille:]), list(senere[:skille])


def okonomi_utdrag(tabeller: Sequence[Any]) -> dict[str, int]:
    """Table id -> how many rows the page shows of each table it shortens; tabeller are the page's Datatabell objects.

    The tables with a row per measure are shortened when they hold more than FULL_ROWS rows together.
    """
    med_tiltak = [t for t in tabeller if _plantabell(t.id) in TABELLER_MED_TILTAK]
    vis = summary_rows([len(t.rader) for t in med_tiltak])
    if vis is None:
        return {}
    return {t.id: vis for t in med_tiltak if len(t.rader) > vis}


def _plantabell(tabell_id: str) -> str:
    """The kind of a plan table from its id: «tiltak-2022» -> «tiltak» (datatabeller.plantabell_id)."""
    navn, _, ar = tabell_id.rpartition("-")
    return navn if ar.isdigit() and len(ar) == 4 else tabell_id


# The explorer: server-side pages of its table, which work without JavaScript.


def utforskersider(antall: int) -> int:
    """How many pages the explorer's table of antall rows fills."""
    return page_count(antall, EXPLORER_ROWS_PER_PAGE)


def utforsker_sidetall(antall: int, nummer: int) -> Sidetall:
    """Where page nummer of the explorer stands."""
    return Sidetall(nummer, utforskersider(antall), urls.fil_url(UTFORSKER))


def utforsker_rader(rader: Sequence[Any], nummer: int) -> Sequence[Any]:
    """The rows page nummer of the explorer shows."""
    return page_rows(rader, nummer, EXPLORER_ROWS_PER_PAGE)


UTFORSKER_RADER = "tiltak/utforsk/rader.json"
"""Every row of the explorer's table as HTML, which its script fetches when someone filters or sorts a split table."""


# The timeline: one page while it is short, else pages per year.


@dataclass(frozen=True)
class Tidslinjeside:
    """One page of the timeline: its year (None: the whole timeline on one page), its events and where it stands."""

    ar: int | None
    hendelser: tuple[Hendelse, ...]
    sidetall: Sidetall

    @property
    def url(self) -> str:
        """The page's site-relative URL."""
        return self.sidetall.url(self.sidetall.nummer)

    @property
    def fil(self) -> str:
        """The page's Markdown path."""
        return page_file(self.sidetall.forste_url, self.sidetall.nummer) if self.ar is not None else TIDSLINJE


@dataclass(frozen=True)
class Tidslinje:
    """The timeline's pages, in time order, and the page each event stands on."""

    sider: tuple[Tidslinjeside, ...]
    url_for: dict[str, str]

    @property
    def delt(self) -> bool:
        """True when the events stand on pages per year, not on the timeline's own page."""
        return any(s.ar is not None for s in self.sider)

    def lenke(self, hendelse_id: str) -> str:
        """The site-relative URL of an event: its page and its anchor."""
        return f"{self.url_for[hendelse_id]}#{hendelse_id}"

    def ar(self) -> list[tuple[int, list[Tidslinjeside]]]:
        """Each year with its pages, in time order."""
        return [(ar, list(sider)) for ar, sider in groupby(self.sider, key=lambda s: s.ar)]


def tidslinje(plan: Plan) -> Tidslinje:
    """The timeline's pages: one while it has at most TIDSLINJE_WHOLE events, else each year's events on
    pages of their own (historikk/tidslinje/<år>/, then …/side-2/ for a year with more), made once per plan."""
    return _memo.hent(plan, "tidslinje", lambda: _tidslinje(plan.tidslinje()))


def _tidslinje(hendelser: list[Hendelse]) -> Tidslinje:
    hoved = urls.fil_url(TIDSLINJE)
    if len(hendelser) <= TIDSLINJE_WHOLE:
        side = Tidslinjeside(None, tuple(hendelser), Sidetall(1, 1, hoved))
        return Tidslinje((side,), {h.id: hoved for h in hendelser})
    sider = []
    for ar, liste in groupby(hendelser, key=lambda h: h.ar):
        liste = list(liste)
        antall = page_count(len(liste), HENDELSER_PER_PAGE)
        for nummer in range(1, antall + 1):
            utvalg = tuple(page_rows(liste, nummer, HENDELSER_PER_PAGE))
            sider.append(Tidslinjeside(ar, utvalg, Sidetall(nummer, antall, f"{hoved}{ar}/")))
    return Tidslinje(tuple(sider), {h.id: s.url for s in sider for h in s.hendelser})
