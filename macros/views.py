"""Plain functions that turn the plan into the HTML of each page (no MkDocs here)."""

from __future__ import annotations

from dataclasses import dataclass, fields

from markupsafe import Markup

from . import datatabeller, diagram, okonomi, urls, utforsker
from . import rollematrise as matrise
from .feil import Makrofeil
from .githistorikk import UTEN_POSTHISTORIKK, Posthistorikk, SistOppdatert
from .model import Plan
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
    post = plan.poster[type_][post_id]
    return render(
        posttype.mal,
        side=side,
        omtaler=omtaler,
        endringshistorikk=historikk,
        tidligere_versjoner=versjoner,
        **{type_: post},
        **posttype.kontekst(plan, post),
    )


def tiltaksoversikt(plan: Plan, side: PageAddress) -> Markup:
    """All measures grouped by instrument, with sums per year computed from the data."""
    totalt = okonomi.totalt(plan)
    return _render(
        "tiltaksoversikt.html",
        plan,
        side,
        totalt=totalt,
        grunnlag_sum=datatabeller.SUM_AV_TILTAKENE + okonomi.oppgitte_summer(totalt),
        grunnlag_antall=datatabeller.ANTALL_TILTAK,
        antall_per_status=antall_per_status(plan),
    )


def antall_per_status(plan: Plan) -> dict[str, tuple[str, int]]:
    """Status id -> (name, number of measures), the list's statuses in order, then «ikke rapportert»."""
    teller = [utforsker.statusverdi(t) for t in plan.tiltak.values()]
    navn = {s.id: s.navn for s in plan.tiltaksstatuser.values()} | dict([utforsker.IKKE_RAPPORTERT])
    return {verdi: (tekst, teller.count(verdi)) for verdi, tekst in navn.items()}


def tiltaksutforsker(plan: Plan, side: PageAddress) -> Markup:
    """Every measure in one table, with filters and sorting that the page's own script adds."""
    rader = utforsker.rader(plan)
    return _render(
        "tiltaksutforsker.html",
        plan,
        side,
        rader=rader,
        filtre=utforsker.filtre(plan, rader),
        sorteringer=utforsker.sorteringer(),
        skript=side.til(utforsker.SKRIPT),
    )


def rollematrise(plan: Plan, side: PageAddress) -> Markup:
    """Every measure's roles and owners, grouped by owner, with the number of measures per role and group."""
    grupper = matrise.grupper(plan)
    return _render(
        "rollematrise.html",
        plan,
        side,
        grupper=grupper,
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

    sidetitler maps a page's site-relative URL to its title, for the links to history pages.
    """
    hendelser = plan.tidslinje()
    antall_per_tema = {tema: sum(tema in h.tema for h in hendelser) for tema in plan.temaer}
    historikklenker = {}
    for h in plan.historikksider.values():
        url = urls.fil_url(h.side)
        historikklenker[h.id] = (side.til(url), sidetitler[url])
    return _render(
        "tidslinje.html",
        plan,
        side,
        hendelser=hendelser,
        temaer={t.id: t.navn for t in plan.temaer.values()},
        antall_per_tema=antall_per_tema,
        historikklenker=historikklenker,
    )


def historikkdiagram(plan: Plan, side: PageAddress, historikk_id: str, tittel: str) -> Markup:
    """A history page's events as an inline SVG flow, followed by the same content as a list."""
    _kjent("historikkdiagram", "historikkside", historikk_id, list(plan.historikksider))
    hendelser = plan.tidslinje(historikk_id)
    plassert, hoyde = diagram.bokser(hendelser)
    beskrivelse = "; ".join(f"{h.tid_visning}: {h.tittel}" for h in hendelser)
    return _render(
        "historikkdiagram.html",
        plan,
        side,
        id=f"diagram-{historikk_id}",
        tittel=tittel,
        beskrivelse=beskrivelse,
        bokser=plassert,
        hoyde=hoyde,
        bredde=diagram.BREDDE,
        avstand=diagram.AVSTAND,
        hendelser=hendelser,
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
    viste = [tabeller[d.tabell] for d in deler]
    return render(
        "okonomi.html",
        side=side,
        deler=[
            (d, t, _stolpediagram(t) if d.diagram and t.stolper else None) for d, t in zip(deler, viste, strict=True)
        ],
        med_beregnet=any(t.har_beregnet for t in viste),
        med_anslag=any(t.har_anslag for t in viste),
    )


def _stolpediagram(tabell: datatabeller.Datatabell) -> diagram.Stolpediagram:
    """A table's bars laid out, each labelled in the words of okonomitekster.html."""
    stolpetekst = miljo().get_template("okonomitekster.html").module.stolpetekst
    return diagram.stolper(tabell.stolper, [ren_tekst(stolpetekst(s)) for s in tabell.stolper])


def ordliste(plan: Plan, side: PageAddress) -> Markup:
    """The glossary page: every term with its explanation and source."""
    return _render("ordliste.html", plan, side)
