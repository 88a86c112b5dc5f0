"""Plain functions that turn the plan into the HTML of each page (no MkDocs here)."""

from __future__ import annotations

import json
import posixpath
from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

from markupsafe import Markup

from . import datasett as datasettene
from . import datatabeller, diagram, okonomi, pagination, urls, utforsker
from . import rollematrise as matrise
from .errors import Makrofeil
from .git_history import UTEN_POSTHISTORIKK, Posthistorikk, SistOppdatert
from .hele_planen import Plandel
from .model import TILTAKSPLAN, Kilde, Plan, Planoppforing, Tiltaksplan, Virkemiddel
from .plantekst import Omtale, Plantekstside
from .registry import TYPER, med_sider
from .templating import miljo, ren_tekst, render


@dataclass(frozen=True)
class PageAddress:
    """The page being rendered: its site-relative URL, so links can be made relative to it."""

    url: str

    def lenke(self, type_: str, post_id: str) -> str:
        """Relative link from this page to a record's page."""
        return urls.relativ(self.url, urls.side_url(type_, post_id))

    def til(self, sti: str) -> str:
        """Relative link from this page to a site-relative path such as 'tiltak/'."""
        return urls.relativ(self.url, sti)


def _render(mal: str, plan: Plan, side: PageAddress, **kontekst) -> Markup:
    return render(mal, plan=plan, side=side, **kontekst)


def postside(
    plan: Plan,
    type_: str,
    post_id: str,
    side: PageAddress,
    omtaler: list[Omtale] = (),
    historikk: Posthistorikk = UTEN_POSTHISTORIKK,
    versjoner: tuple = (),
) -> Markup:
    """The body of one record's page, from its kind's template and the data the registry gives it.

    historikk is the record's changes from git (its Endringer section); without it the page says it has none.
    versjoner are the adopted versions (macros/arkiv.py) that hold the record, newest first.
    """
    posttype = TYPER[type_]
    post = posttype.med_side(plan)[post_id]
    lister = {}
    if posttype.lister is not None:
        planer = pagination.postlister(plan, type_, post_id)
        lister = {"planer": planer, "utdrag": pagination.postutdrag(type_, post_id, planer)}
    return render(
        posttype.mal,
        side=side,
        omtaler=omtaler,
        endringshistorikk=historikk,
        tidligere_versjoner=versjoner,
        tidslinje=pagination.tidslinje(plan),
        **{type_: post},
        **lister,
        **posttype.kontekst(plan, post),
    )


def _listetittel(plan: Plan, liste: pagination.Listeside, med_side: bool = True) -> str:
    posttype = TYPER[liste.type_]
    tekst = (
        miljo()
        .get_template("_utdrag.html")
        .module.listetittel(
            liste.type_,
            liste.del_,
            posttype.med_side(plan)[liste.post_id],
            plan.tiltaksplaner[liste.tiltaksplan_id],
            liste.sidetall if med_side else None,
        )
    )
    return ren_tekst(tekst)


def listetittel(plan: Plan, liste: pagination.Listeside) -> str:
    """The title of a page of a record's list, as plain text: «Tiltak under «Næringsarealer» i Tiltaksplan 2022, side 2 av 9»."""
    return _listetittel(plan, liste)


def listebeskrivelse(plan: Plan, liste: pagination.Listeside) -> str:
    """The meta description of a page of a record's list."""
    return f"{_listetittel(plan, liste)}: tiltakene med midler per år, regionens rolle og tiltakseier."


def listeside(plan: Plan, liste: pagination.Listeside, side: PageAddress) -> Markup:
    """One page of a record's list of measures in one tiltaksplan, with the tables of the record's page."""
    (tp, kilde, _), utdrag = pagination.listeside_utdrag(plan, liste)
    posttype = TYPER[liste.type_]
    post = posttype.med_side(plan)[liste.post_id]
    return _render(
        "tiltaksliste.html",
        plan,
        side,
        liste=liste,
        tp=tp,
        kilde=kilde,
        u=utdrag,
        post=post,
        posttittel=posttype.tittel(post),
        tittel=_listetittel(plan, liste),
        tabelltittel=_listetittel(plan, liste, med_side=False),
    )


@dataclass(frozen=True)
class Oversiktsplan:
    """A later tiltaksplan on the overview: its document, its measures per instrument, and its sums per year."""

    tiltaksplan: Tiltaksplan
    kilde: Kilde
    per_virkemiddel: list[tuple[Virkemiddel, list[Planoppforing]]]
    totalt: dict[int, okonomi.Arssum]
    grunnlag_sum: str
    lenker: dict[str, str] | None = None
    """None: the plan's tables are on the page. Else the plan is one of those between the first and the
    newest (pagination.PLANS_SHOWN): virkemiddel id -> where its measures in the plan stand (site-relative)."""


def tiltaksoversikt(plan: Plan, side: PageAddress) -> Markup:
    """All measures grouped by instrument, with sums per year computed from the data; then each later plan."""
    totalt = okonomi.totalt(plan)
    grupper = [(TILTAKSPLAN, v.id, plan.tiltak_for_virkemiddel(v.id)) for v in plan.virkemidler.values()]
    senere = []
    senere_planer = [tp for tp in plan.tiltaksplaner_etter_ar if tp.id != TILTAKSPLAN]
    _, mellom = pagination.shown_plans(senere_planer)
    for tp in senere_planer:
        tiltak = plan.oppforinger(tp.id)
        summer = okonomi.totalt(plan, tp.id)
        per_virkemiddel = [(v, [t for t in tiltak if t.virkemiddel == v.id]) for v in plan.virkemidler.values()]
        lenker = None
        if tp in mellom:
            lenker = {v.id: pagination.alle_tiltak_url(plan, v.id, tp.id) for v, rader in per_virkemiddel if rader}
        else:
            grupper += [(tp.id, v.id, rader) for v, rader in per_virkemiddel]
        senere.append(
            Oversiktsplan(
                tp,
                plan.kilder[tp.kilde],
                per_virkemiddel,
                summer,
                datatabeller.SUM_AV_TILTAKENE + okonomi.oppgitte_summer(summer),
                lenker,
            )
        )
    utdrag = pagination.oversikt_utdrag(plan, grupper)
    return _render(
        "tiltaksoversikt.html",
        plan,
        side,
        totalt=totalt,
        grunnlag_sum=datatabeller.SUM_AV_TILTAKENE + okonomi.oppgitte_summer(totalt),
        grunnlag_antall=datatabeller.ANTALL_TILTAK,
        antall_per_status=antall_per_status(plan),
        senere=senere,
        utdrag=utdrag,
        forkortet=any(u.forkortet for u in utdrag.values()),
        forste_plan=TILTAKSPLAN,
        antall_planer=pagination.PLANS_SHOWN,
    )


def antall_per_status(plan: Plan) -> dict[str, tuple[str, int]]:
    """Status id -> (name, number of measures), the list's statuses in order, then «ikke rapportert»."""
    teller = [utforsker.statusverdi(t) for t in plan.alle_tiltak.values()]
    navn = {s.id: s.navn for s in plan.tiltaksstatuser.values()} | dict([utforsker.IKKE_RAPPORTERT])
    return {verdi: (tekst, teller.count(verdi)) for verdi, tekst in navn.items()}


def tiltaksutforsker(plan: Plan, side: PageAddress, nummer: int = 1) -> Markup:
    """Every measure in one table, with filters and sorting that the page's own script adds.

    A table too long for one page is split (macros/pagination.py): nummer is the page, and the script
    fetches every row (utforsker_rader) when someone filters or sorts.
    """
    rader = utforsker.rader(plan)
    sidetall = pagination.utforsker_sidetall(len(rader), nummer)
    return _render(
        "tiltaksutforsker.html",
        plan,
        side,
        rader=pagination.utforsker_rader(rader, nummer),
        fra=(nummer - 1) * pagination.EXPLORER_ROWS_PER_PAGE + 1,
        totalt=len(rader),
        sidetall=sidetall,
        radfil=side.til(pagination.UTFORSKER_RADER) if sidetall.antall > 1 else None,
        filtre=utforsker.filtre(plan, rader),
        sorteringer=utforsker.sorteringer(),
        skript=side.til(utforsker.SKRIPT),
    )


def utforsker_rader(plan: Plan, etterbehandling: Callable[[str], str] = str) -> str | None:
    """Every row of the explorer's table as HTML in a JSON list (pagination.UTFORSKER_RADER), for its script
    when the table is split; None while it is one page. Links are relative to the file's own folder.

    etterbehandling is given each row's HTML, for what the build does to every page's HTML (the glossary)."""
    rader = utforsker.rader(plan)
    if pagination.utforskersider(len(rader)) == 1:
        return None
    side = PageAddress(posixpath.dirname(pagination.UTFORSKER_RADER) + "/")
    rad = miljo().get_template("_utforskerrad.html").module.rad
    html = [etterbehandling(str(rad(side, plan, r, i)).strip()) for i, r in enumerate(rader)]
    return json.dumps({"rader": html}, ensure_ascii=False)


def rollematrise(plan: Plan, side: PageAddress) -> Markup:
    """Every measure's roles and owners, grouped by owner, with the number of measures per role and group."""
    grupper = matrise.grupper(plan)
    return _render(
        "rollematrise.html",
        plan,
        side,
        grupper=grupper,
        utdrag=pagination.shorten({g.id: g.tiltak for g in grupper}),
        antall={g.id: matrise.antall(plan, g) for g in grupper},
        fra=[t for t in plan.tiltak.values() if t.roller_fra],
    )


def register(plan: Plan, type_: str, side: PageAddress) -> Markup:
    """A linked list of every record of a kind with pages (aktor, rolle, virkemiddel …)."""
    _kjent("register", "posttype", type_, [t.nokkel for t in med_sider()])
    posttype = TYPER[type_]
    return render(posttype.registermal, side=side, type_=type_, **posttype.til_register(plan))


def _kjent(makro: str, hva: str, verdi: object, kjente) -> None:
    """Stop with a bokmål message when a macro argument is not one of the known values."""
    if verdi not in kjente:
        raise Makrofeil(f"{makro}: ukjent {hva} «{verdi}». Kjente verdier: {', '.join(map(str, kjente))}.")


def dokumentliste(plan: Plan, side: PageAddress, sider_per_kilde: dict[str, list[Plantekstside]]) -> Markup:
    """Every source document with its date, how the sources say it was handled, and the pages it became."""
    return _render("dokumenter.html", plan, side, sider_per_kilde=sider_per_kilde)


def behandling(plan: Plan, side: PageAddress, kilde_id: str, sitat: bool = False) -> Markup:
    """The sentence saying how a document was handled (vedtatt, forslag …), worded from data/kilder.yml."""
    _kjent("behandling", "kilde", kilde_id, list(plan.kilder))
    return _render("behandling.html", plan, side, kilde=plan.kilder[kilde_id], med_sitat=sitat)


def kildeboks(
    plan: Plan,
    side: PageAddress,
    kilde_ids: list[str],
    seksjoner: dict[str, str],
    rediger: Redigering,
    sist: SistOppdatert | None = None,
) -> Markup:
    """The «Kilde» block every page ends with: document(s), the section(s) of each, when it last changed, and where to edit."""
    kilder = [plan.kilder[k] for k in kilde_ids]
    return _render(
        "kilde.html", plan, side, kilder=kilder, seksjoner=seksjoner, rediger=rediger, sist=sist or SistOppdatert()
    )


@dataclass(frozen=True)
class Redigering:
    """The file staff edit to change a page, and the URL of GitHub's editor for it."""

    fil: str
    url: str


def tidslinje(plan: Plan, side: PageAddress, sidetitler: dict[str, str]) -> Markup:
    """Every dated event, grouped by year, with a theme filter that needs no JavaScript.

    sidetitler maps a page's site-relative URL to its title, for the links to history pages. A timeline
    too long for one page (macros/pagination.py) shows the years instead, each linking to its own pages.
    """
    sider = pagination.tidslinje(plan)
    if sider.delt:
        return _render(
            "tidslinje_oversikt.html",
            plan,
            side,
            tidslinje=sider,
            per_side=pagination.HENDELSER_PER_PAGE,
            flere_sider=any(s.sidetall.antall > 1 for s in sider.sider),
        )
    return _tidslinje(plan, side, sider.sider[0], _historikklenker(plan, side, sidetitler))


def tidslinjeside(
    plan: Plan, tidslinjeside: pagination.Tidslinjeside, side: PageAddress, sidetitler: Mapping[str, str]
) -> Markup:
    """One page of a split timeline: one year's events (or some of them), with the same theme filter.

    sidetitler maps a page's site-relative URL to its title, as for tidslinje.
    """
    return _tidslinje(plan, side, tidslinjeside, _historikklenker(plan, side, sidetitler))


def tidslinjetittel(tidslinjeside: pagination.Tidslinjeside) -> str:
    """The title of a page of a split timeline: «Tidslinje: 2019», «Tidslinje: 2019, side 2 av 3»."""
    sidetall = tidslinjeside.sidetall
    del_ = f", side {sidetall.nummer} av {sidetall.antall}" if sidetall.antall > 1 else ""
    return f"Tidslinje: {tidslinjeside.ar}{del_}"


def _temaer(plan: Plan) -> dict[str, str]:
    return {t.id: t.navn for t in plan.temaer.values()}


def _historikklenker(plan: Plan, side: PageAddress, sidetitler: Mapping[str, str]) -> dict[str, tuple[str, str]]:
    historikklenker = {}
    for h in plan.historikksider.values():
        url = urls.fil_url(h.side)
        historikklenker[h.id] = (side.til(url), sidetitler[url])
    return historikklenker


def _tidslinje(
    plan: Plan,
    side: PageAddress,
    tidslinjeside: pagination.Tidslinjeside,
    historikklenker: dict[str, tuple[str, str]],
) -> Markup:
    hendelser = list(tidslinjeside.hendelser)
    antall_per_tema = {tema: sum(tema in h.tema for h in hendelser) for tema in plan.temaer}
    return _render(
        "tidslinje.html",
        plan,
        side,
        hendelser=hendelser,
        temaer=_temaer(plan),
        antall_per_tema=antall_per_tema,
        historikklenker=historikklenker,
        tidslinjeside=tidslinjeside,
        tidslinje=pagination.tidslinje(plan),
    )


def historikkdiagram(plan: Plan, side: PageAddress, historikk_id: str, tittel: str) -> Markup:
    """A history page's events as a flow of boxes: an ordered list that CSS draws with arrows."""
    _kjent("historikkdiagram", "historikkside", historikk_id, list(plan.historikksider))
    return _render(
        "historikkdiagram.html",
        plan,
        side,
        id=f"diagram-{historikk_id}",
        tittel=tittel,
        hendelser=plan.tidslinje(historikk_id),
        tidslinje=pagination.tidslinje(plan),
    )


@dataclass(frozen=True)
class Okonomidel:
    """One section of an economy page: a heading, a lead sentence and the table (with chart) it shows."""

    tabell: str
    overskrift: str | None = None
    tekst: str | None = None
    diagram: bool = True

    @property
    def anker(self) -> str:
        """The section's anchor."""
        return self.tabell


def okonomidel(del_: object) -> Okonomidel:
    """One section as a page writes it (a dict), checked key by key."""
    if not isinstance(del_, dict):
        raise Makrofeil(f"okonomi: hver del skal være en gruppe som {{'tabell': 'per-virkemiddel'}}, fant «{del_}».")
    for nokkel in del_:
        _kjent("okonomi", "nøkkel", nokkel, [f.name for f in fields(Okonomidel)])
    if "tabell" not in del_:
        raise Makrofeil("okonomi: hver del må ha nøkkelen «tabell».")
    return Okonomidel(**del_)


def okonomiside(plan: Plan, side: PageAddress, deler: list[Okonomidel]) -> Markup:
    """An economy page: each section's table, with its chart where it has one, and a CSV link.

    The page's legend explains only the markers its tables use.
    """
    tabeller = datatabeller.bygg(plan)
    for del_ in deler:
        _kjent("okonomi", "tabell", del_.tabell, list(tabeller))
    # A table of the 2021 plan is followed by the same table for each later plan, so a new plan year
    # shows on the economy pages without a change to them.
    # With many plans, the plans between the first and the newest stand as CSV files (pagination.PLANS_SHOWN).
    senere, eldre = {}, {}
    for d in deler:
        senere[d.tabell], eldre[d.tabell] = pagination.shown_plans(
            datatabeller.senere_utgaver(plan, tabeller, d.tabell)
        )
    viste = [tabeller[d.tabell] for d in deler] + [s.tabell for utgaver in senere.values() for s in utgaver]
    return render(
        "okonomi.html",
        side=side,
        deler=[
            (
                d,
                tabeller[d.tabell],
                _diagram(d, tabeller[d.tabell]),
                [(s, _diagram(d, s.tabell)) for s in senere[d.tabell]],
                eldre[d.tabell],
            )
            for d in deler
        ],
        antall_planer=pagination.PLANS_SHOWN,
        forste=_plan_og_kilde(plan, TILTAKSPLAN),
        korte=pagination.okonomi_utdrag(viste),
        med_beregnet=any(t.har_beregnet for t in viste),
        med_anslag=any(t.har_anslag for t in viste),
    )


def _plan_og_kilde(plan: Plan, tiltaksplan_id: str) -> tuple[Tiltaksplan, Kilde] | None:
    tiltaksplan = plan.tiltaksplaner.get(tiltaksplan_id)
    return (tiltaksplan, plan.kilder[tiltaksplan.kilde]) if tiltaksplan is not None else None


def _diagram(del_: Okonomidel, tabell: datatabeller.Datatabell) -> diagram.Stolpediagram | None:
    return _stolpediagram(tabell) if del_.diagram and tabell.stolper else None


def _stolpediagram(tabell: datatabeller.Datatabell) -> diagram.Stolpediagram:
    """A table's bars laid out, each labelled in the words of okonomitekster.html."""
    stolpetekst = miljo().get_template("okonomitekster.html").module.stolpetekst
    return diagram.stolper(tabell.stolper, [ren_tekst(stolpetekst(s)) for s in tabell.stolper])


def ordliste(plan: Plan, side: PageAddress) -> Markup:
    """The glossary page: every term with its explanation and source."""
    return _render("ordliste.html", plan, side)


def beskrivelse(plan: Plan, type_: str, post_id: str | None = None) -> str:
    """A generated page's meta description as plain text: its record's (or its register's) own data."""
    posttype = TYPER[type_]
    post = None if post_id is None else posttype.med_side(plan)[post_id]
    tekst = render(
        "beskrivelse.html",
        type_=type_,
        post=post,
        tittel=None if post is None else posttype.tittel(post),
        ord=posttype.ord,
        virkemidler=plan.virkemidler,
        tiltaksplaner=plan.tiltaksplaner,
    )
    return " ".join(ren_tekst(tekst).split())


def datasett(plan: Plan, side: PageAddress, data_dir: Path, konfig: Mapping[str, Any]) -> Markup:
    """The Datasett page's list of every dataset and its files, and their DCAT-AP-NO catalogue as JSON-LD."""
    liste = datasettene.alle(plan, data_dir)
    return _render("datasett.html", plan, side, datasett=liste, katalog=datasettene.katalog_for(plan, liste, konfig))


def hele_planen(plan: Plan, side: PageAddress, strategi: list[Plandel]) -> Markup:
    """The whole current plan on one page: the strategy's pages (moved by macros/hele_planen.py), then the
    instruments and measures of the action plan from the data."""
    return _render("hele_planen.html", plan, side, strategi=strategi, tiltaksplan=plan.tiltaksplaner[TILTAKSPLAN])
