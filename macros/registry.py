"""The record kinds: one declaration per kind, and nothing about a kind anywhere else.

Each kind says where its data is (file, model, one record or a list), what it is called in
sentences, which fields point to other kinds, which documents its records come from, and, for
kinds with pages, where the pages go and which template renders them. Everything else reads it
from here: the loader (load.py), the reference checks (checks.py), URLs (urls.py), the generated
pages (pages.py), registers (views.py), the sources of a record (kildegrunnlag.py), JSON Schema
(schema.py) and the change summary (endringer.py). BIDRA.md («For utviklere») says how to add one.
"""

from __future__ import annotations

import typing
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from pydantic import BaseModel

from . import model
from .model import TILTAKSPLAN, Aktorlenke, Plan


@dataclass(frozen=True)
class Ord:
    """How sentences speak of one record of a kind: «tiltak», «tiltaket», «Nytt tiltak», «tiltak» (plural)."""

    ubestemt: str
    bestemt: str
    ny: str
    flertall: str


@dataclass(frozen=True)
class Referanse:
    """A field whose values are ids of another kind's records ("partnere" -> "aktor").

    The field is a dotted path through nested records and lists ("tabeller.rader.aktor").
    """

    felt: str
    til: str
    navngir: bool = True
    """False when the pointing record's sources do not name the target (a measure's status cites a
    decision the action plan never mentions), so the target's Kilde block leaves them out."""

    def verdier(self, post: Any, sti: tuple = ()) -> Iterator[tuple[tuple, Any]]:
        """Every (path, id) the field holds in one record; the path is for the YAML line."""
        yield from _verdier(post, self.felt.split("."), sti)


def _verdier(objekt: Any, deler: list[str], sti: tuple) -> Iterator[tuple[tuple, Any]]:
    if objekt is None:
        return
    if isinstance(objekt, list):
        for i, element in enumerate(objekt):
            yield from _verdier(element, deler, sti + (i,))
    elif isinstance(objekt, Aktorlenke) and not deler:
        # A hedged link ({aktor, sikkerhet}) points to its actor like a plain id does.
        yield sti + ("aktor",), objekt.aktor
    elif not deler:
        yield sti, objekt
    else:
        yield from _verdier(getattr(objekt, deler[0]), deler[1:], sti + (deler[0],))


Kildeliste = Callable[[Plan, Any], Iterable[tuple[str, str | None]]]
"""(plan, record) -> the (document id, section) pairs the record itself comes from."""


def _ingen_kontekst(plan: Plan, post: Any) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class Posttype:
    """One kind of record: its data, its words, its references and sources, and its pages if it has any."""

    nokkel: str
    """The kind's key: in links and URLs (side.lenke('tiltak', id)), macros and messages."""
    fil: str
    """The file under data/."""
    modell: type[BaseModel]
    """The pydantic model of one record (macros/model.py)."""
    ord: Ord | None = None
    """Words for sentences about its records; a kind without them is named by its file."""
    liste: bool = True
    """True when the file is a list of records with ids; False when it is one record."""
    referanser: tuple[Referanse, ...] = ()
    """The fields that point to other kinds' records; an unknown id stops the build."""
    kilder: Kildeliste | None = None
    """The documents a record comes from. A record of another kind that a record of this one
    points to is also named by these documents (an event's sources name the actors in it)."""
    mappe: str | None = None
    """The URL folder of its pages (/aktorer/<id>/), or None for a kind without pages."""
    mal: str | None = None
    """The template of a record's page, in macros/templates/."""
    kontekst: Callable[[Plan, Any], dict[str, Any]] = _ingen_kontekst
    """(plan, record) -> what the page template gets besides the record (under the kind's key),
    `side` and `omtaler`."""
    tittel: Callable[[Any], str] = attrgetter("navn")
    """A record's page title."""
    registermal: str = "register.html"
    """The template of the register: `{{ register('<key>') }}`, and the generated page <mappe>/index.md
    when docs/ has none."""
    registerkontekst: Callable[[Plan], dict[str, Any]] | None = None
    """plan -> what the register template gets besides `side`; None gives `poster` as (id, title) pairs."""
    forelder: Callable[[Any], tuple[str, str]] | None = None
    """record -> (kind, id) of the record its page sits under in the breadcrumb trail (a measure under
    its virkemiddel, inside the section of the measures' register); None: under the register page."""
    sideposter: Callable[[Plan], dict[str, Any]] | None = None
    """plan -> the records that get a page each, by id, when they are more than the kind's own records
    (a measure new in a later tiltaksplan has its page among the measures). None: the kind's records."""
    fil_for: Callable[[Any], str] | None = None
    """record -> the file under data/ its page's «Rediger» link opens, when that is not `fil` for every record."""
    lister: Callable[[Plan, Any], list[Planutvalg]] | None = None
    """(plan, record) -> the record's lists of measures per tiltaksplan, which its page shows (as `planer`).
    A long page shows the first rows of each list and gives the list pages of its own (macros/pagination.py)."""
    navn: str | None = None
    """What the whole file is called where its records have no words (a file that is one record): the title of
    its dataset on the Datasett page (macros/datasett.py)."""

    @property
    def datasettnavn(self) -> str:
        """The title of the kind's dataset: its own name, else its records' plural («Tiltak»), else its file."""
        if self.navn:
            return self.navn
        if self.ord:
            return self.ord.flertall[:1].upper() + self.ord.flertall[1:]
        return f"data/{self.fil}"

    def poster(self, plan: Plan) -> dict[str, Any]:
        """The kind's records by id; for a file that is one record, that record under the id ""."""
        verdi = plan.poster[self.nokkel]
        return verdi if self.liste else {"": verdi}

    def med_side(self, plan: Plan) -> dict[str, Any]:
        """The records shown under this kind: one page each for a kind with pages (see `sideposter`)."""
        return self.sideposter(plan) if self.sideposter is not None else self.poster(plan)

    def redigeres_i(self, post: Any) -> str:
        """The file under data/ where staff change a record shown under this kind."""
        return self.fil_for(post) if self.fil_for is not None else self.fil

    def til_register(self, plan: Plan) -> dict[str, Any]:
        """The context of the register template."""
        if self.registerkontekst is not None:
            return self.registerkontekst(plan)
        return {"poster": [(post_id, self.tittel(post)) for post_id, post in self.med_side(plan).items()]}


TYPER: dict[str, Posttype] = {}
"""Every record kind by key, in the order the loader reads and the change summary lists them."""


def registrer(posttype: Posttype) -> Posttype:
    """Add a kind to the registry; a duplicate key or file, or pages without a template, is refused."""
    if posttype.nokkel in TYPER:
        raise ValueError(f"registry: posttypen «{posttype.nokkel}» er registrert to ganger")
    if any(t.fil == posttype.fil for t in TYPER.values()):
        raise ValueError(f"registry: data/{posttype.fil} er allerede registrert")
    if posttype.mappe and not (posttype.mal and posttype.liste and posttype.ord):
        raise ValueError(f"registry: «{posttype.nokkel}» har sider (mappe), men mangler mal, ord eller liste")
    TYPER[posttype.nokkel] = posttype
    return posttype


def sjekk_registeret() -> None:
    """Every reference points to a registered list kind that has words for its messages."""
    for posttype in TYPER.values():
        for ref in posttype.referanser:
            mal = TYPER.get(ref.til)
            if mal is None or not mal.liste or mal.ord is None:
                raise ValueError(
                    f"registry: «{posttype.nokkel}.{ref.felt}» peker til «{ref.til}», som ikke er en registrert "
                    "posttype med liste og ord"
                )


def med_sider() -> list[Posttype]:
    """The kinds whose records get a page each, in registry order."""
    return [t for t in TYPER.values() if t.mappe]


# What the page templates get: the data each page shows, not the whole plan.


def _tiltakside(plan: Plan, tiltak: model.Tiltak | model.NyttTiltak) -> dict[str, Any]:
    i_planene = _tiltaket_i_planene(plan, tiltak)
    return {
        # The document of the first plan that lists the measure: the 2021 plan, or the plan it is new in.
        "tiltaksplan": i_planene[0][2] if i_planene else plan.kilder[TILTAKSPLAN],
        "virkemiddel": plan.virkemidler[tiltak.virkemiddel],
        "hendelser": plan.hendelser_med("tiltak", tiltak.id),
        "aktorer": plan.aktorer,
        "roller": plan.roller,
        "tiltaksplaner": i_planene,
        **_tiltakstatus(plan, tiltak),
    }


def _tiltaket_i_planene(
    plan: Plan, tiltak: model.Tiltak | model.NyttTiltak
) -> list[tuple[model.Tiltaksplan, model.Planoppforing, model.Kilde]]:
    """(plan, the measure as it lists it, its document) for each plan listing the measure, oldest first."""
    return [(o.tiltaksplan, o, plan.kilder[o.tiltaksplan.kilde]) for o in plan.oppforinger_for_tiltak(tiltak.id)]


Planutvalg = tuple[model.Tiltaksplan, model.Kilde, dict[str, list[model.Planoppforing]]]
"""One plan year on a page: the plan, its document, and its measures in each of the page's groups."""


def _per_plan(
    plan: Plan,
    kandidater: list[model.Planoppforing] | None = None,
    **grupper: Callable[[model.Planoppforing], bool],
) -> list[Planutvalg]:
    """Every tiltaksplan, oldest first, with the measures it lists in each group (2021 first, as today).

    kandidater, when given, are the only entries any group can select, in the plans' order: the groups
    are chosen from them instead of from every entry of every plan.
    """
    if kandidater is None:
        i_planen = {tp.id: plan.oppforinger(tp.id) for tp in plan.tiltaksplaner_etter_ar}
    else:
        i_planen = {tp.id: [] for tp in plan.tiltaksplaner_etter_ar}
        for o in kandidater:
            i_planen[o.tiltaksplan.id].append(o)
    return [
        (tp, plan.kilder[tp.kilde], {navn: [o for o in i_planen[tp.id] if velg(o)] for navn, velg in grupper.items()})
        for tp in plan.tiltaksplaner_etter_ar
    ]


def _virkemiddellister(plan: Plan, virkemiddel: model.Virkemiddel) -> list[Planutvalg]:
    return _per_plan(plan, tiltak=lambda o: o.virkemiddel == virkemiddel.id)


def _virkemiddelside(plan: Plan, virkemiddel: model.Virkemiddel) -> dict[str, Any]:
    return {
        "virkemidler": plan.virkemidler,
        "aktorer": plan.aktorer,
        "roller": plan.roller,
    }


def _aktorlister(plan: Plan, aktor: model.Aktor) -> list[Planutvalg]:
    return _per_plan(
        plan,
        plan.oppforinger_som_nevner(aktor.id),
        eier=lambda o: aktor.id in o.tiltakseiere,
        partner=lambda o: aktor.id in o.partner_ids and not o.er_trolig_partner(aktor.id),
        trolig=lambda o: o.er_trolig_partner(aktor.id),
    )


def _aktorside(plan: Plan, aktor: model.Aktor) -> dict[str, Any]:
    omtaler = plan.omtaler_av(aktor.id)
    return {
        "hendelser": plan.hendelser_med("aktorer", aktor.id),
        "aktorer": plan.aktorer,
        "roller": plan.roller,
        "virkemidler": plan.virkemidler,
        "sitater": {emne: [o for o in omtaler if o.emne == emne] for emne in typing.get_args(model.Aktoremne)},
        "kilder": plan.kilder,
        "okonomi": plan.okonomi,
        "statistikk": _statistikk_for(plan, aktor.id) if aktor.kommuneside else None,
    }


def _statistikk_for(plan: Plan, aktor_id: str) -> dict[str, Any]:
    """The 2014 figures a municipality's page shows: its population row beside the region's and the
    country's, and NHO's rankings (which the source gives for the region only)."""
    befolkning = plan.befolkning.tabeller
    rader = [(tabell, rad) for tabell in befolkning for rad in tabell.rader if rad.aktor == aktor_id]
    return {
        "befolkning": [(tabell, rad, tabell.rad("regionen"), tabell.rad("landet")) for tabell, rad in rader],
        "nho": plan.nho_rangeringer.tabeller,
        "nho_for_aktoren": [
            (tabell, rad) for tabell in plan.nho_rangeringer.tabeller for rad in tabell.rader if rad.aktor == aktor_id
        ],
    }


def _rollelister(plan: Plan, rolle: model.Rolle) -> list[Planutvalg]:
    return _per_plan(plan, tiltak=lambda o: rolle.id in o.roller, fra=lambda o: rolle.id in o.roller_fra)


def _rolleside(plan: Plan, rolle: model.Rolle) -> dict[str, Any]:
    return {
        "roller": plan.roller,
        "aktorer": plan.aktorer,
        "virkemidler": plan.virkemidler,
    }


def _tiltakstatus(plan: Plan, tiltak: model.Tiltak | model.NyttTiltak) -> dict[str, Any]:
    return {"statuser": plan.tiltaksstatuser, "alle_vedtak": plan.vedtak}


def _vedtakside(plan: Plan, vedtak: model.Vedtak) -> dict[str, Any]:
    return {
        "kilde": plan.kilder[vedtak.kilde.kilde],
        "dokumenter": plan.kilder_med_vedtak(vedtak.id),
        "tiltak": plan.tiltak_med_vedtak(vedtak.id),
        "statuser": plan.tiltaksstatuser,
    }


def _vedtaksregister(plan: Plan) -> dict[str, Any]:
    return {"vedtak": sorted(plan.vedtak.values(), key=attrgetter("motedato"), reverse=True)}


def _antall(
    plan: Plan, velg: Callable[[model.Planoppforing], bool], kandidater: list[model.Planoppforing] | None = None
) -> int:
    """How many measures some plan lists in a way that matches: each measure counted once, whatever the years.

    kandidater, when given, are the only entries that can match (as in _per_plan).
    """
    if kandidater is None:
        kandidater = [o for tp in plan.tiltaksplaner_etter_ar for o in plan.oppforinger(tp.id)]
    return len({o.id for o in kandidater if velg(o)})


def _aktorregister(plan: Plan) -> dict[str, Any]:
    return {
        "aktorer": plan.aktorer,
        "antall": {
            a: _antall(
                plan,
                lambda o, a=a: a in o.tiltakseiere or (a in o.partner_ids and not o.er_trolig_partner(a)),
                plan.oppforinger_som_nevner(a),
            )
            for a in plan.aktorer
        },
        "trolig": {
            a: _antall(plan, lambda o, a=a: o.er_trolig_partner(a), plan.oppforinger_som_nevner(a))
            for a in plan.aktorer
        },
    }


def _rolleregister(plan: Plan) -> dict[str, Any]:
    return {
        "roller": plan.roller,
        "antall": {r: _antall(plan, lambda o, r=r: r in o.roller) for r in plan.roller},
        "fra": {r: _antall(plan, lambda o, r=r: r in o.roller_fra) for r in plan.roller},
    }


def _virkemiddelregister(plan: Plan) -> dict[str, Any]:
    return {
        "virkemidler": plan.virkemidler,
        "antall": {v: sum(t.virkemiddel == v for t in plan.alle_tiltak.values()) for v in plan.virkemidler},
        "flere_planer": len(plan.tiltaksplaner) > 1,
    }


def _senere_planer(plan: Plan, tiltak: model.Tiltak | model.NyttTiltak) -> list[tuple[str, None]]:
    """The documents of the later plans that list a measure."""
    return [(plan.tiltaksplaner[p.plan].kilde, None) for p in plan.poster_for_tiltak(tiltak.id)]


def _tiltakets_kilder(plan: Plan, tiltak: model.Tiltak | model.NyttTiltak) -> list[tuple[str, str | None]]:
    """The 2021 plan's table that lists a measure (if it does), then the later plans that list it."""
    egen = [(TILTAKSPLAN, tiltaksseksjon(plan, tiltak))] if tiltak.id in plan.tiltak else []
    return [*egen, *_senere_planer(plan, tiltak)]


def tiltaksseksjon(plan: Plan, tiltak: model.Tiltak | model.NyttTiltak) -> str:
    """The section of the action plan whose table lists a measure."""
    return f"Vurdering: {plan.virkemidler[tiltak.virkemiddel].overskrift}"


def egen_kilde(plan: Plan, post: Any) -> list[tuple[str, str]]:
    """The sources of a record with one `kilde: {kilde, seksjon}` (a Kildehenvisning)."""
    return [(post.kilde.kilde, post.kilde.seksjon)]


def kilde_og_seksjon(plan: Plan, post: Any) -> list[tuple[str, str]]:
    """The sources of a record with `kilde: <id>` and `seksjon` side by side."""
    return [(post.kilde, post.seksjon)]


def _okonomikilder() -> tuple[Referanse, ...]:
    deler = (
        *(f"partnerskapsmidler.{navn}" for navn in model.Partnerskapsmidler.model_fields),
        "fordeling",
    )
    return tuple(Referanse(f"{del_}.kilde", "kilde") for del_ in deler)


# The order matters: the loader reads and the change summary lists the kinds in it, the generated
# pages come in it, and a record's Kilde block lists its own source, then the sources of the
# records that point to it, kind by kind in this order.
registrer(
    Posttype(
        "kilde",
        "kilder.yml",
        model.Kilde,
        Ord("kilde", "kilden", "Ny", "kilder"),
        referanser=(Referanse("behandling.vedtak", "vedtak"),),
    )
)
# What a measure points to, in data/tiltak.yml and in a later plan's entry alike.
_TILTAKETS_REFERANSER = (
    Referanse("virkemiddel", "virkemiddel"),
    Referanse("roller", "rolle"),
    Referanse("roller_fra", "rolle"),
    Referanse("tiltakseiere", "aktor"),
    Referanse("partnere", "aktor"),
    Referanse("status.status", "tiltaksstatus", navngir=False),
    Referanse("status.vedtak", "vedtak", navngir=False),
)
registrer(
    Posttype(
        "tiltak",
        "tiltak.yml",
        model.Tiltak,
        Ord("tiltak", "tiltaket", "Nytt", "tiltak"),
        referanser=_TILTAKETS_REFERANSER,
        kilder=_tiltakets_kilder,
        mappe="tiltak",
        mal="tiltak.html",
        kontekst=_tiltakside,
        forelder=lambda t: ("virkemiddel", t.virkemiddel),
        sideposter=lambda plan: plan.alle_tiltak,
        # A measure new in a later plan is written in that plan's entry.
        fil_for=lambda t: "tiltaksplanposter.yml" if isinstance(t, model.NyttTiltak) else "tiltak.yml",
    )
)
registrer(
    Posttype(
        "virkemiddel",
        "virkemidler.yml",
        model.Virkemiddel,
        Ord("virkemiddel", "virkemiddelet", "Nytt", "virkemidler"),
        referanser=(Referanse("kilde.kilde", "kilde"),),
        kilder=egen_kilde,
        mappe="virkemidler",
        mal="virkemiddel.html",
        kontekst=_virkemiddelside,
        lister=_virkemiddellister,
        tittel=attrgetter("overskrift"),
        registermal="register_virkemiddel.html",
        registerkontekst=_virkemiddelregister,
    )
)
registrer(
    Posttype(
        "aktor",
        "aktorer.yml",
        model.Aktor,
        Ord("aktør", "aktøren", "Ny", "aktører"),
        mappe="aktorer",
        mal="aktor.html",
        kontekst=_aktorside,
        lister=_aktorlister,
        registermal="register_aktor.html",
        registerkontekst=_aktorregister,
    )
)
registrer(
    Posttype(
        "rolle",
        "roller.yml",
        model.Rolle,
        Ord("rolle", "rollen", "Ny", "roller"),
        referanser=(Referanse("kilde.kilde", "kilde"),),
        kilder=egen_kilde,
        mappe="roller",
        mal="rolle.html",
        kontekst=_rolleside,
        lister=_rollelister,
        registermal="register_rolle.html",
        registerkontekst=_rolleregister,
    )
)
registrer(
    Posttype(
        "okonomi",
        "okonomi.yml",
        model.Okonomi,
        liste=False,
        referanser=_okonomikilder(),
        navn="Beløp kildene oppgir",
    )
)
registrer(
    Posttype(
        "tiltaksplan",
        "tiltaksplaner.yml",
        model.Tiltaksplan,
        Ord("tiltaksplan", "tiltaksplanen", "Ny", "tiltaksplaner"),
        referanser=(
            Referanse("kilde", "kilde"),
            Referanse("ramme.kilde", "kilde"),
            Referanse("oppgitt_sum.kilde", "kilde"),
        ),
    )
)
registrer(
    Posttype(
        "tiltaksplanpost",
        "tiltaksplanposter.yml",
        model.Tiltaksplanpost,
        Ord("tiltak i en tiltaksplan", "tiltaket i tiltaksplanen", "Nytt", "tiltak i tiltaksplanene"),
        # `tiltak` is checked in checks.py: a measure new in a later plan is not in data/tiltak.yml.
        referanser=(
            Referanse("plan", "tiltaksplan"),
            *_TILTAKETS_REFERANSER,
        ),
        kilder=lambda plan, p: [(plan.tiltaksplaner[p.plan].kilde, None)],
    )
)
registrer(
    Posttype(
        "ordforklaring",
        "ordliste.yml",
        model.Ordforklaring,
        Ord("ordforklaring", "ordforklaringen", "Ny", "ordforklaringer"),
        referanser=(Referanse("kilde", "kilde"),),
        kilder=kilde_og_seksjon,
    )
)
for _statistikk, _navn in (
    ("befolkning", "Befolkningsutvikling 2000–2013"),
    ("nho_rangeringer", "NHOs rangeringer NæringsNM og KommuneNM"),
):
    registrer(
        Posttype(
            _statistikk,
            f"{_statistikk}.yml",
            model.Statistikk,
            liste=False,
            referanser=(Referanse("kilde", "kilde"), Referanse("tabeller.rader.aktor", "aktor")),
            kilder=kilde_og_seksjon,
            navn=_navn,
        )
    )
registrer(Posttype("tema", "temaer.yml", model.Tema, Ord("tema", "temaet", "Nytt", "temaer")))
registrer(
    Posttype(
        "historikkside",
        "historikksider.yml",
        model.Historikkside,
        Ord("historikkside", "historikksiden", "Ny", "historikksider"),
    )
)
registrer(
    Posttype(
        "hendelse",
        "hendelser.yml",
        model.Hendelse,
        Ord("hendelse", "hendelsen", "Ny", "hendelser"),
        referanser=(
            Referanse("kilder.kilde", "kilde"),
            Referanse("tiltak", "tiltak"),
            Referanse("virkemidler", "virkemiddel"),
            Referanse("aktorer", "aktor"),
            Referanse("tema", "tema"),
            Referanse("historikk", "historikkside"),
        ),
        kilder=lambda plan, h: [(k.kilde, k.seksjon) for k in h.kilder],
    )
)
registrer(
    Posttype(
        "aktoromtale",
        "aktoromtaler.yml",
        model.Aktoromtale,
        Ord("sitat om en aktør", "sitatet", "Nytt", "sitater om aktører"),
        referanser=(Referanse("aktorer", "aktor"), Referanse("kilde.kilde", "kilde")),
        kilder=egen_kilde,
    )
)
registrer(
    Posttype(
        "vedtak",
        "vedtak.yml",
        model.Vedtak,
        Ord("vedtak", "vedtaket", "Nytt", "vedtak"),
        referanser=(Referanse("kilde.kilde", "kilde"),),
        kilder=egen_kilde,
        mappe="vedtak",
        mal="vedtak.html",
        kontekst=_vedtakside,
        registermal="register_vedtak.html",
        registerkontekst=_vedtaksregister,
    )
)
registrer(
    Posttype(
        "tiltaksstatus",
        "tiltaksstatuser.yml",
        model.Tiltaksstatus,
        Ord("tiltaksstatus", "tiltaksstatusen", "Ny", "tiltaksstatuser"),
    )
)
registrer(Posttype("innstillinger", "innstillinger.yml", model.Innstillinger, liste=False, navn="Innstillinger"))
