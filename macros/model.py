"""The plan's data shapes, defined once.

Every file in data/ is validated against one of these models before any page
renders. Field names are the YAML keys staff write, so they are in bokmål.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StringConstraints,
    Tag,
    WithJsonSchema,
    field_validator,
    model_validator,
)

ID_MONSTER = r"^[a-z0-9]+(-[a-z0-9]+)*$"
Id = Annotated[str, StringConstraints(pattern=ID_MONSTER)]
"""A stable id: lower-case ascii words joined by hyphens; it becomes the URL."""

Tekst = Annotated[str, StringConstraints(min_length=1)]
Kroner = Annotated[int, Field(ge=0)]


def _dato_finnes(tekst: str) -> str:
    """A date (or year-month) that is in the calendar: no month 13, no 30 February."""
    ar, maned, dag = ([int(del_) for del_ in tekst.split("-")] + [1, 1])[:3]
    try:
        date(ar, maned, dag)
    except ValueError:
        raise ValueError(f"datoen «{tekst}» finnes ikke i kalenderen; sjekk måned og dag") from None
    return tekst


# [0-9], not \d: pydantic's regex counts Arabic-Indic and other digits as \d, and Python's dates do not.
ISO_TID_MONSTER = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
IsoTid = Annotated[str, StringConstraints(pattern=ISO_TID_MONSTER), AfterValidator(_dato_finnes)]
"""A date as ISO text, or part of one: "2019", "2019-12", "2019-12-04"."""
ISO_DATO_MONSTER = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
IsoDato = Annotated[str, StringConstraints(pattern=ISO_DATO_MONSTER), AfterValidator(_dato_finnes)]
"""A whole date as ISO text: "2026-11-27"."""
NETTADRESSE_MONSTER = r"^https?://\S+$"
Nettadresse = Annotated[str, StringConstraints(pattern=NETTADRESSE_MONSTER)]

TILTAKSPLAN = "tiltaksplan-2021"
"""The tiltaksplan whose measures are data/tiltak.yml; the later plans' measures are data/tiltaksplanposter.yml."""


class Modell(BaseModel):
    """Strict base: unknown keys are errors and nothing is coerced silently."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Kildehenvisning(Modell):
    """Where in a source document a fact stands."""

    kilde: Id
    seksjon: Tekst


Behandlingsstatus = Literal["vedtatt", "forslag", "til-drofting"]
"""How far a document got, as the sources tell it; data/kilder.yml's header lists the same words."""

BEHANDLINGSSTATUSER: dict[str, str] = {
    "vedtatt": "vedtatt",
    "forslag": "forslag",
    "til-drofting": "til drøfting",
}
"""Display name of each handling status, in bokmål."""


class Behandling(Modell):
    """What the sources say about how a document was handled: status, body, date and their own words."""

    status: Behandlingsstatus
    organ: Tekst
    lagt_fram_av: Tekst | None = None
    dato: IsoTid | None = None
    dato_tekst: Tekst | None = None
    referanse: Tekst | None = None
    vedtak: Id | None = None
    """The decision (data/vedtak.yml) the handling refers to, where one is registered."""
    sitater: list[Tekst] = Field(min_length=1)

    @model_validator(mode="after")
    def _date_has_its_wording(self) -> Behandling:
        # The site shows dato_tekst and machines read dato: one without the other
        # would show a date nobody can check, or hide one the data holds.
        if (self.dato is None) != (self.dato_tekst is None):
            raise ValueError("dato og dato_tekst hører sammen: fyll ut begge, eller ingen av dem")
        return self

    @property
    def statusnavn(self) -> str:
        """The status as readers see it («til drøfting»)."""
        return BEHANDLINGSSTATUSER[self.status]


class Kilde(Modell):
    """One plan document the site publishes."""

    id: Id
    tittel: Tekst
    kortnavn: Tekst | None = None
    type: Tekst
    dato: IsoTid
    dato_tekst: Tekst
    saksnummer: Tekst | None = None
    behandling: Behandling
    filer: list[Tekst] = Field(min_length=1)
    merknad: Tekst | None = None

    @property
    def navn(self) -> str:
        """What sentences on the site call the document: its short name, or its title."""
        return self.kortnavn or self.tittel


AktorType = Literal[
    "kommune",
    "fylkeskommune",
    "regionalt-samarbeid",
    "offentlig-virksomhet",
    "naeringsliv",
    "utdanning-og-forskning",
    "organisasjon",
    "gruppe",
    "uforklart",
]


class Aktor(Modell):
    """An actor that owns, partners in or is named in the plans."""

    id: Id
    navn: Tekst
    forkortelse: Tekst | None = None
    ogsa_kalt: list[Tekst] = Field(default_factory=list)
    type: AktorType
    kommuneside: bool = False
    """True for the municipalities and the county of the partnership: their pages add governance,
    the partnership funds, and the 2014 population figures and NHO rankings."""
    ikke_i: list[Tekst] = Field(default_factory=list)
    """Longer expressions in the sources that hold one of the actor's names but do not mean the
    actor («Vintersportsregionen Lillehammer»): the passages that use them do not name it."""

    @model_validator(mode="after")
    def _expressions_hold_a_name(self) -> Aktor:
        for uttrykk in self.ikke_i:
            if not any(form in uttrykk for form in self.navneformer):
                raise ValueError(
                    f"ikke_i: «{uttrykk}» inneholder ikke navnet på aktøren ({', '.join(self.navneformer)}); "
                    "skriv bare uttrykk som inneholder et av navnene, men betyr noe annet"
                )
        return self

    @property
    def navneformer(self) -> list[str]:
        """Every form the sources use for the actor: name, abbreviation and other names."""
        return [self.navn, *([self.forkortelse] if self.forkortelse else []), *self.ogsa_kalt]


Aktoremne = Literal["omtale", "styring", "finansiering", "befolkning"]
"""Where on an actor's page a quote stands; data/aktoromtaler.yml's header lists the same words."""


class Aktoromtale(Modell):
    """What a source says about one or more actors, in its own words, and where it says it."""

    id: Id
    aktorer: list[Id] = Field(min_length=1)
    emne: Aktoremne
    sitat: Tekst
    merknad: Tekst | None = None
    """The site's own note, where the quote needs its context or leaves something open."""
    kilde: Kildehenvisning


class Aktorlenke(Modell):
    """A link to an actor that the source hedges («trolig»): shown as uncertain wherever it appears."""

    aktor: Id
    sikkerhet: Literal["trolig"]


UNION_MERKER = ("aktor-id", "aktorlenke", "heltall", "desimaltall")
"""Tags of the unions (id or link, whole or decimal number); pydantic puts them in an error's path,
and messages leave them out."""

Aktorhenvisning = Annotated[
    Annotated[Id, Tag(UNION_MERKER[0])] | Annotated[Aktorlenke, Tag(UNION_MERKER[1])],
    Discriminator(lambda v: UNION_MERKER[1] if isinstance(v, (dict, Aktorlenke)) else UNION_MERKER[0]),
]
"""An actor as a plain id (the source states the link) or as {aktor, sikkerhet} (the source hedges it)."""


class Rolle(Modell):
    """One of the region's roles in a measure (a controlled vocabulary)."""

    id: Id
    navn: Tekst
    omtale: list[Tekst] = Field(min_length=1)
    kilde: Kildehenvisning


class Virkemiddel(Modell):
    """A prioritised strategic instrument and the source's assessment of it."""

    id: Id
    nummer: Annotated[int, Field(ge=1)]
    navn: Tekst
    overskrift: Tekst
    vurdering: list[Tekst] = Field(min_length=1)
    uten_tiltak: Tekst | None = None
    kilde: Kildehenvisning


class Midler(Modell):
    """One funding cell: the source's wording and, where it states one, an amount per year."""

    tekst: str
    kr: dict[int, Kroner] = Field(default_factory=dict)
    anslag: bool = False
    uten_belop: dict[int, Tekst] = Field(default_factory=dict)
    """The source's own words about a year the cell gives no amount for, where they are only part
    of the cell: {2024: "deretter selvfinansierende"}."""

    @model_validator(mode="after")
    def _words_are_the_sources(self) -> Midler:
        for ar, ord_ in self.uten_belop.items():
            if ar in self.kr:
                raise ValueError(
                    f"uten_belop: året {ar} har også et beløp i kr; et år har enten beløp eller kildens ord"
                )
            if ord_ not in self.tekst:
                raise ValueError(
                    f"uten_belop: «{ord_}» for {ar} står ikke i tekst «{self.tekst}»; skriv kildens ord nøyaktig"
                )
        return self

    def kildeord(self, ar: int) -> str | None:
        """What the source says about a year this cell gives no amount for, or None.

        None when the year has an amount, or when the cell has amounts for other years and says
        nothing about this one («200 000,- i hvert av årene 2022 og 2023» says nothing about 2024).
        """
        if ar in self.kr:
            return None
        if ar in self.uten_belop:
            return self.uten_belop[ar]
        if self.kr:
            return None
        return self.tekst or None


class Vedtak(Modell):
    """A decision a body made at a meeting, as a source or the minutes state it."""

    id: Id
    organ: Tekst
    motedato: IsoTid
    motedato_tekst: Tekst
    saksnummer: Tekst | None = None
    tekst: Tekst
    tekstart: Literal["omtale", "vedtakstekst"]
    """«omtale»: the source's own words about the decision; «vedtakstekst»: the decision's text from the minutes."""
    protokoll: Nettadresse | None = None
    kilde: Kildehenvisning

    @property
    def navn(self) -> str:
        """The decision's title: body and meeting date as the source writes it."""
        return f"Vedtak i {self.organ} {self.motedato_tekst}"


class Tiltaksstatus(Modell):
    """One word of the controlled list of measure statuses (data/tiltaksstatuser.yml)."""

    id: Id
    navn: Tekst


class Statusrapport(Modell):
    """A measure's reported status: what, assessed when, reported by whom, and the decision behind it."""

    status: Id
    vurdert: IsoDato
    rapportert_av: Tekst
    vedtak: Id | None = None


EPOST = re.compile(r"^[^@\s:/]+@[^@\s:/]+\.[^@\s:/]+$")
"""An e-mail address as staff write it: post@example.no."""


class Innstillinger(Modell):
    """Settings staff can change without touching code."""

    status_foreldet_etter_maneder: Annotated[int, Field(ge=1, le=1200)] = 12
    """`make check` warns when a measure's status was assessed more than this many months ago."""
    meld_fra: Tekst | None = None
    """Where «Meld fra om feil» on every page goes: an e-mail address, or the https address of a form
    for new issues. Without it, the link opens a new issue in the project on GitHub (repo_url)."""

    @field_validator("meld_fra")
    @classmethod
    def _address_or_email(cls, verdi: str | None) -> str | None:
        if verdi is not None and not (EPOST.fullmatch(verdi) or re.fullmatch(r"https://\S+", verdi)):
            raise ValueError(
                f"«{verdi}» er verken en e-postadresse (post@example.no) eller en nettadresse som begynner med "
                "https://. Skriv en av dem, eller fjern feltet for å bruke GitHub-sakene i prosjektet"
            )
        return verdi


class Tiltak(Modell):
    """A measure (tiltak) in the 2021 action plan."""

    KOLONNER: ClassVar[dict[str, tuple[int, ...]]] = {"midler_2021": (2021,), "midler_2022_2024": (2022, 2023, 2024)}
    """The 2021 plan's money columns as fields of a measure, and the years each covers."""

    id: Id
    navn: Tekst
    virkemiddel: Id
    midler_2021: Midler
    midler_2022_2024: Midler
    roller: list[Id] = Field(min_length=1)
    roller_fra: list[Id] = Field(default_factory=list)
    rolle_tekst: Tekst
    tiltakseiere: list[Id] = Field(min_length=1)
    tiltakseier_tekst: Tekst
    partnere: list[Aktorhenvisning]
    partnere_tekst: str
    status: Statusrapport | None = None
    """Set only when a status is reported; without it the site says «ikke rapportert»."""

    @model_validator(mode="after")
    def _role_change_differs(self) -> Tiltak:
        felles = sorted(set(self.roller) & set(self.roller_fra))
        if felles:
            raise ValueError(
                f"roller_fra: rollen «{felles[0]}» står både i «roller» og «roller_fra»; "
                "«roller_fra» er rollene regionen går bort fra, «roller» rollene den går over til"
            )
        return self

    @model_validator(mode="after")
    def _years_match_columns(self) -> Tiltak:
        for felt, tillatt in self.KOLONNER.items():
            midler = getattr(self, felt)
            feil = sorted((set(midler.kr) | set(midler.uten_belop)) - set(tillatt))
            if feil:
                raise ValueError(
                    f"{felt}: året {feil[0]} hører ikke til denne kolonnen; "
                    f"tillatte år er {', '.join(map(str, sorted(tillatt)))}"
                )
        return self

    def kr_for(self, ar: int) -> int | None:
        """The amount stated for a year, or None when the source states none."""
        for midler in (self.midler_2021, self.midler_2022_2024):
            if ar in midler.kr:
                return midler.kr[ar]
        return None

    def er_anslag(self, ar: int) -> bool:
        """True when the amount for this year is an estimate ("trolig")."""
        midler = self.midler_2021 if ar == 2021 else self.midler_2022_2024
        return midler.anslag and ar in midler.kr

    def kildeord_for(self, ar: int) -> str | None:
        """What the source says about a year it gives no amount for (None when it gives one or says nothing)."""
        return (self.midler_2021 if ar == 2021 else self.midler_2022_2024).kildeord(ar)

    @property
    def partner_ids(self) -> list[str]:
        """Every main partner's id in source order, settled or hedged."""
        return [p if isinstance(p, str) else p.aktor for p in self.partnere]

    def er_trolig_partner(self, aktor_id: str) -> bool:
        """True when the source only says the actor will probably be a partner («trolig»)."""
        return any(isinstance(p, Aktorlenke) and p.aktor == aktor_id for p in self.partnere)


class OppgittBelop(Modell):
    """An amount a source states, which the data is reconciled against."""

    kr: Kroner
    tekst: Tekst
    kilde: Id
    seksjon: Tekst
    anslag: bool = False
    """True when the source gives the amount as an estimate («anslagsvis», «om lag»)."""


class Plankolonne(Modell):
    """A money column of a tiltaksplan's table («Midler i 2021») and the years it covers."""

    id: Id
    navn: Tekst
    ar: list[Annotated[int, Field(ge=2000, le=2100)]] = Field(min_length=1)


class Tiltaksplan(Modell):
    """One year's tiltaksplan: its source document, the frame and stated total for its year, its money columns."""

    id: Id
    navn: Tekst
    ar: Annotated[int, Field(ge=2000, le=2100)]
    kilde: Id
    kolonner: list[Plankolonne] = Field(min_length=1)
    ramme: OppgittBelop | None = None
    """The frame set aside for the plan's year; the year's sum may not exceed it."""
    oppgitt_sum: OppgittBelop | None = None
    """The total the source states for the plan's year; the year's sum must equal it."""

    def kolonne(self, kolonne_id: str) -> Plankolonne | None:
        """The column with this id, or None."""
        return next((k for k in self.kolonner if k.id == kolonne_id), None)

    @property
    def arene(self) -> tuple[int, ...]:
        """Every year the plan's money columns cover, in order: (2021, 2022, 2023, 2024) for the 2021 plan."""
        return tuple(sorted({ar for k in self.kolonner for ar in k.ar}))


class Tiltaksplanpost(Modell):
    """A measure as a later tiltaksplan lists it: that year's money, roles, owners and partners."""

    id: Id
    plan: Id
    tiltak: Id
    """The measure's id; the same id as in data/tiltak.yml when the measure carries over."""
    navn: Tekst | None = None
    """Only for a measure that is new in this plan (its id is not in data/tiltak.yml)."""
    virkemiddel: Id | None = None
    """Only for a measure that is new in this plan."""
    midler: dict[Id, Midler] = Field(min_length=1)
    """The plan's money columns by column id (data/tiltaksplaner.yml), each a cell like in data/tiltak.yml."""
    roller: list[Id] = Field(min_length=1)
    roller_fra: list[Id] = Field(default_factory=list)
    rolle_tekst: Tekst
    tiltakseiere: list[Id] = Field(min_length=1)
    tiltakseier_tekst: Tekst
    partnere: list[Aktorhenvisning] = Field(default_factory=list)
    partnere_tekst: str = ""
    status: Statusrapport | None = None
    """Only for a measure that is new in this plan: its reported status. A measure from data/tiltak.yml
    has its status there; without one the site says «ikke rapportert»."""

    @model_validator(mode="after")
    def _new_measure_is_named(self) -> Tiltaksplanpost:
        if (self.navn is None) != (self.virkemiddel is None):
            raise ValueError(
                "navn og virkemiddel hører sammen: fyll ut begge for et tiltak som er nytt i denne planen, "
                "eller ingen av dem for et tiltak som allerede står i data/tiltak.yml"
            )
        if self.status is not None and self.navn is None:
            raise ValueError(
                "status: statusen til et tiltak som står i data/tiltak.yml, skrives der. Her står status bare "
                "for et tiltak som er nytt i denne planen (med navn og virkemiddel)"
            )
        return self

    def kr_for(self, ar: int) -> int | None:
        """The amount stated for a year, or None when the plan states none."""
        return next((m.kr[ar] for m in self.midler.values() if ar in m.kr), None)

    @property
    def partner_ids(self) -> list[str]:
        """Every main partner's id in source order, settled or hedged."""
        return [p if isinstance(p, str) else p.aktor for p in self.partnere]


@dataclass(frozen=True)
class NyttTiltak:
    """A measure first listed in a tiltaksplan after 2021: its name, instrument and status stand in that plan's entry."""

    innfort: Tiltaksplanpost
    """The entry (data/tiltaksplanposter.yml) of the first plan that lists the measure."""

    @property
    def id(self) -> str:
        """The measure's id: its page is /tiltak/<id>/."""
        return self.innfort.tiltak

    @property
    def navn(self) -> str:
        """The measure's name as the plan that introduced it writes it."""
        return self.innfort.navn or self.innfort.tiltak

    @property
    def virkemiddel(self) -> str:
        """The instrument the measure stands under."""
        return self.innfort.virkemiddel or ""

    @property
    def status(self) -> Statusrapport | None:
        """The measure's reported status, or None («ikke rapportert»)."""
        return self.innfort.status


@dataclass(frozen=True)
class Planoppforing:
    """A measure as one tiltaksplan lists it: the measure (its id, name, instrument and status) and that
    plan's money, roles, owners and partners. The pages show every plan year through this one shape."""

    tiltaksplan: Tiltaksplan
    tiltak: Tiltak | NyttTiltak
    post: Tiltak | Tiltaksplanpost
    """What the plan says: the measure itself in the 2021 plan (data/tiltak.yml), else its entry."""

    @property
    def id(self) -> str:
        """The measure's id."""
        return self.tiltak.id

    @property
    def navn(self) -> str:
        """The measure's name."""
        return self.tiltak.navn

    @property
    def virkemiddel(self) -> str:
        """The measure's instrument."""
        return self.tiltak.virkemiddel

    @property
    def status(self) -> Statusrapport | None:
        """The measure's reported status (one per measure, not per plan)."""
        return self.tiltak.status

    @property
    def roller(self) -> list[str]:
        """The region's roles in this plan."""
        return self.post.roller

    @property
    def roller_fra(self) -> list[str]:
        """The roles the region moves away from in this plan."""
        return self.post.roller_fra

    @property
    def rolle_tekst(self) -> str:
        """The plan's column «Rolle regionen», verbatim."""
        return self.post.rolle_tekst

    @property
    def tiltakseiere(self) -> list[str]:
        """The owners in this plan."""
        return self.post.tiltakseiere

    @property
    def tiltakseier_tekst(self) -> str:
        """The plan's column «Tiltakseier», verbatim."""
        return self.post.tiltakseier_tekst

    @property
    def partnere(self) -> list[Any]:
        """The main partners in this plan, settled or hedged."""
        return self.post.partnere

    @property
    def partnere_tekst(self) -> str:
        """The plan's column «Hovedsamarbeidspartner(e)», verbatim."""
        return self.post.partnere_tekst

    @property
    def partner_ids(self) -> list[str]:
        """Every main partner's id in source order, settled or hedged."""
        return self.post.partner_ids

    def er_trolig_partner(self, aktor_id: str) -> bool:
        """True when the plan only says the actor will probably be a partner («trolig»)."""
        return any(isinstance(p, Aktorlenke) and p.aktor == aktor_id for p in self.partnere)

    @functools.cached_property
    def celler(self) -> list[tuple[Plankolonne, Midler | None]]:
        """The plan's money columns with this measure's cell in each (None where the plan has none)."""
        if isinstance(self.post, Tiltak):
            felt = {ar: navn for navn, ar in Tiltak.KOLONNER.items()}
            return [
                (k, getattr(self.post, felt[tuple(k.ar)]) if tuple(k.ar) in felt else None)
                for k in self.tiltaksplan.kolonner
            ]
        return [(k, self.post.midler.get(k.id)) for k in self.tiltaksplan.kolonner]

    def _celle(self, ar: int) -> Midler | None:
        return next((m for k, m in self.celler if ar in k.ar and m is not None), None)

    def kr_for(self, ar: int) -> int | None:
        """The amount the plan states for a year, or None."""
        if isinstance(self.post, Tiltak):
            return self.post.kr_for(ar)
        celle = self._celle(ar)
        return celle.kr.get(ar) if celle is not None else None

    def er_anslag(self, ar: int) -> bool:
        """True when the plan gives the year's amount as an estimate ("trolig")."""
        if isinstance(self.post, Tiltak):
            return self.post.er_anslag(ar)
        celle = self._celle(ar)
        return celle is not None and celle.anslag and ar in celle.kr

    def kildeord_for(self, ar: int) -> str | None:
        """What the plan says about a year it gives no amount for (None when it gives one or says nothing)."""
        if isinstance(self.post, Tiltak):
            return self.post.kildeord_for(ar)
        celle = self._celle(ar)
        return celle.kildeord(ar) if celle is not None else None


class Partnerskapsmidler(Modell):
    """The council's yearly partnership funds and where they come from, as the action plan states them."""

    arlig: OppgittBelop
    fra_fylkeskommunen: OppgittBelop
    fra_kommunene: OppgittBelop
    reduksjon_administrasjon: OppgittBelop
    nye_tiltaksmidler: OppgittBelop


class Fordelingsandel(Modell):
    """One share of the approximate split of the partnership funds."""

    id: Id
    navn: Tekst
    prosent: Annotated[int, Field(ge=0, le=100)]
    tekst: Tekst


class Fordeling(Modell):
    """The approximate split of the partnership funds between areas."""

    andeler: list[Fordelingsandel] = Field(min_length=1)
    kilde: Id
    seksjon: Tekst
    anslag: bool = False
    """True when the source gives the shares as estimates («omtrent»)."""


class Okonomi(Modell):
    """Amounts the sources state."""

    partnerskapsmidler: Partnerskapsmidler
    fordeling: Fordeling


Tall = Annotated[
    Annotated[int, Tag(UNION_MERKER[2])] | Annotated[float, Field(allow_inf_nan=False), Tag(UNION_MERKER[3])],
    Discriminator(lambda v: UNION_MERKER[3] if isinstance(v, float) else UNION_MERKER[2]),
    # In JSON Schema one number: a discriminated union would say oneOf, which a whole number,
    # being both an integer and a number, fails.
    WithJsonSchema({"type": "number"}),
]
"""A figure from a table: a whole or a decimal number, never .nan or .inf; one message when it is neither."""


class Statistikkrad(Modell):
    """A row of a statistics table: its label as in the source, and its cells in column order."""

    id: Id | None = None
    """Set where the site's code must find the row whatever the order («landet», «regionen»)."""
    navn: Tekst
    aktor: Id | None = None
    verdier: list[Tall] = Field(min_length=1)
    merknad: Tekst | None = None
    summen_av: list[Tekst] = Field(default_factory=list)


class Statistikktabell(Modell):
    """A table of figures from a source (population, rankings)."""

    id: Id
    """The table's id: the name of its CSV file and what a page names in its okonomi(...) call."""
    navn: Tekst
    tittel: Tekst | None = None
    merknad: Tekst | None = None
    kolonner: list[Tekst] = Field(min_length=1)
    diagramkolonne: Tekst
    """The column the chart draws, by its heading."""
    summerbare_kolonner: list[Tekst] = Field(default_factory=list)
    prosentkolonner: list[Tekst] = Field(default_factory=list)
    """Columns whose figures the source writes as percentages («8,5 %»)."""
    rader: list[Statistikkrad] = Field(min_length=1)

    @model_validator(mode="after")
    def _cells_match_columns(self) -> Statistikktabell:
        for rad in self.rader:
            if len(rad.verdier) != len(self.kolonner):
                raise ValueError(
                    f"raden «{rad.navn}» har {len(rad.verdier)} verdier, men tabellen har {len(self.kolonner)} kolonner"
                )
        for felt in ("summerbare_kolonner", "prosentkolonner"):
            ukjente = set(getattr(self, felt)) - set(self.kolonner)
            if ukjente:
                raise ValueError(f"{felt} nevner ukjent kolonne «{sorted(ukjente)[0]}»")
        if self.diagramkolonne not in self.kolonner:
            raise ValueError(f"diagramkolonne nevner ukjent kolonne «{self.diagramkolonne}»")
        ids = [r.id for r in self.rader if r.id]
        if dobbel := next((i for i in ids if ids.count(i) > 1), None):
            raise ValueError(
                f"rad-id-en «{dobbel}» står på mer enn én rad; hver id kan bare brukes én gang i en tabell"
            )
        return self

    def kolonne(self, navn: str) -> int:
        """The index of a column by its heading."""
        return self.kolonner.index(navn)

    def rad(self, rad_id: str) -> Statistikkrad | None:
        """The row with this id, or None."""
        return next((r for r in self.rader if r.id == rad_id), None)

    def verdi(self, rad: Statistikkrad, kolonne: str) -> int | float:
        """A row's figure in the column with this heading."""
        return rad.verdier[self.kolonne(kolonne)]


class Statistikk(Modell):
    """One or more tables of figures from one section of a source."""

    kilde: Id
    seksjon: Tekst
    tabeller: list[Statistikktabell] = Field(min_length=1)

    @model_validator(mode="after")
    def _table_ids_unique(self) -> Statistikk:
        ids = [t.id for t in self.tabeller]
        if dobbel := next((i for i in ids if ids.count(i) > 1), None):
            raise ValueError(f"tabell-id-en «{dobbel}» står på mer enn én tabell; hver tabell trenger sin egen id")
        return self

    def tabell(self, tabell_id: str) -> Statistikktabell | None:
        """The table with this id, or None."""
        return next((t for t in self.tabeller if t.id == tabell_id), None)


class Ordforklaring(Modell):
    """A glossary entry: the exact spelling(s) in the texts and a sourced explanation."""

    id: Id
    term: Tekst
    forklaring: Tekst
    kilde: Id
    seksjon: Tekst
    varianter: list[Tekst] = Field(default_factory=list)

    @property
    def skrivemater(self) -> list[str]:
        """Every exact spelling that gets the tooltip."""
        return [self.term, *self.varianter]


class Tema(Modell):
    """A theme of the timeline: its filter shows the themes in data/temaer.yml's order."""

    id: Id
    navn: Tekst


SIDE_MONSTER = r"^([a-z0-9-]+/)*[a-z0-9-]+\.md$"


class Historikkside(Modell):
    """A hand-written history page whose events are drawn from data/hendelser.yml."""

    id: Id
    side: Annotated[str, StringConstraints(pattern=SIDE_MONSTER)]
    """The page's file under docs/, as links write it: "historikk/snowball.md"."""


class Hendelse(Modell):
    """A dated event in the region's history, as a source places it."""

    id: Id
    tid: IsoTid
    tid_tekst: Tekst
    tid_grunnlag: Tekst | None = None
    tittel: Tekst
    tekst: Tekst
    tema: list[Id] = Field(min_length=1)
    kilder: list[Kildehenvisning] = Field(min_length=1)
    tiltak: list[Id] = Field(default_factory=list)
    virkemidler: list[Id] = Field(default_factory=list)
    aktorer: list[Id] = Field(default_factory=list)
    historikk: list[Id] = Field(default_factory=list)

    @model_validator(mode="after")
    def _inferred_time_is_explained(self) -> Hendelse:
        if not self.ar_i_teksten and self.tid_grunnlag is None:
            raise ValueError(
                f"tid_grunnlag: «{self.tid_tekst}» oppgir ikke året {self.ar}. Skriv i «tid_grunnlag» hvordan "
                "året er utledet av sammenhengen i kilden, så nettstedet kan si at det er utledet"
            )
        return self

    @property
    def ar(self) -> int:
        """The year the event belongs to."""
        return int(self.tid[:4])

    @property
    def ar_i_teksten(self) -> bool:
        """True when the source's wording itself gives the year ("2013", or "04.12.20")."""
        return str(self.ar) in self.tid_tekst or re.search(rf"\.{self.ar % 100:02d}\b", self.tid_tekst) is not None

    @property
    def tid_utledet(self) -> bool:
        """True when the time, or its year, comes from the context and not from the source's sentence."""
        return self.tid_grunnlag is not None

    @property
    def _utledet(self) -> str:
        return "tidfestingen er utledet" if self.ar_i_teksten else f"året {self.ar} er utledet"

    @property
    def utledet_merknad(self) -> str | None:
        """The label for an inferred time («året 2013 er utledet av sammenhengen i kilden»), else None."""
        return f"{self._utledet} av sammenhengen i kilden" if self.tid_utledet else None


@dataclass(frozen=True)
class Plan:
    """Everything in data/, validated and cross-checked.

    The records are kept by record kind (the keys of macros/registry.py), so a kind added to the
    registry needs nothing here; the properties below only name the kinds the site's code uses.
    """

    poster: Mapping[str, Any]
    """Record kind -> its records by id in source order, or the one record of a file that is one record."""

    def med(self, **poster: Any) -> Plan:
        """A copy with the records of some kinds replaced (for comparisons and tests)."""
        return Plan({**self.poster, **poster})

    @property
    def kilder(self) -> dict[str, Kilde]:
        """The source documents."""
        return self.poster["kilde"]

    @property
    def aktorer(self) -> dict[str, Aktor]:
        """The actors."""
        return self.poster["aktor"]

    @property
    def aktoromtaler(self) -> dict[str, Aktoromtale]:
        """What the sources say about the actors, quote by quote."""
        return self.poster["aktoromtale"]

    def omtaler_av(self, aktor_id: str) -> list[Aktoromtale]:
        """The quotes about one actor, in data/aktoromtaler.yml's order."""
        return [o for o in self.aktoromtaler.values() if aktor_id in o.aktorer]

    @property
    def roller(self) -> dict[str, Rolle]:
        """The region's roles."""
        return self.poster["rolle"]

    @property
    def virkemidler(self) -> dict[str, Virkemiddel]:
        """The strategic instruments."""
        return self.poster["virkemiddel"]

    @property
    def tiltak(self) -> dict[str, Tiltak]:
        """The measures."""
        return self.poster["tiltak"]

    @property
    def tiltaksplaner(self) -> dict[str, Tiltaksplan]:
        """The tiltaksplaner, one per year."""
        return self.poster["tiltaksplan"]

    @property
    def tiltaksplanposter(self) -> dict[str, Tiltaksplanpost]:
        """The measures of the later tiltaksplaner (the 2021 plan's are data/tiltak.yml)."""
        return self.poster["tiltaksplanpost"]

    def poster_for_tiltak(self, tiltak_id: str) -> list[Tiltaksplanpost]:
        """A measure's entries in the later tiltaksplaner, in plan-year order."""
        return list(self._poster_per_tiltak.get(tiltak_id, ()))

    @functools.cached_property
    def _poster_per_tiltak(self) -> dict[str, list[Tiltaksplanpost]]:
        # Made once per plan: every measure's page asks, and a scan per measure grows with the square.
        per_tiltak: dict[str, list[Tiltaksplanpost]] = {}
        for post in self.tiltaksplanposter.values():
            per_tiltak.setdefault(post.tiltak, []).append(post)
        return {t: sorted(poster, key=lambda p: self.tiltaksplaner[p.plan].ar) for t, poster in per_tiltak.items()}

    @property
    def tiltaksplaner_etter_ar(self) -> list[Tiltaksplan]:
        """Every tiltaksplan, oldest year first."""
        return sorted(self.tiltaksplaner.values(), key=lambda p: p.ar)

    @cached_property
    def nye_tiltak(self) -> dict[str, NyttTiltak]:
        """The measures first listed in a plan after 2021, by id, in the order of the plans that introduce them."""
        poster = sorted(
            (p for p in self.tiltaksplanposter.values() if p.navn is not None),
            key=lambda p: self.tiltaksplaner[p.plan].ar,
        )
        return {p.tiltak: NyttTiltak(p) for p in poster}

    @property
    def alle_tiltak(self) -> dict[str, Tiltak | NyttTiltak]:
        """Every measure with a page: those of the 2021 plan (data/tiltak.yml), then those new in a later plan."""
        return {**self.tiltak, **self.nye_tiltak}

    def oppforinger(self, tiltaksplan_id: str) -> list[Planoppforing]:
        """The measures one tiltaksplan lists, in the data's order."""
        return list(self._oppforinger[tiltaksplan_id])

    @functools.cached_property
    def _oppforinger(self) -> dict[str, list[Planoppforing]]:
        # Every plan's entries, made once: every instrument's, actor's and role's page asks for them.
        per_plan: dict[str, list[Planoppforing]] = {tp_id: [] for tp_id in self.tiltaksplaner}
        alle = self.alle_tiltak
        for post in self.tiltaksplanposter.values():
            if post.plan in per_plan:
                per_plan[post.plan].append(Planoppforing(self.tiltaksplaner[post.plan], alle[post.tiltak], post))
        if TILTAKSPLAN in per_plan:
            forste = self.tiltaksplaner[TILTAKSPLAN]
            per_plan[TILTAKSPLAN] = [Planoppforing(forste, t, t) for t in self.tiltak.values()]
        return per_plan

    def oppforinger_som_nevner(self, aktor_id: str) -> list[Planoppforing]:
        """The entries of every plan (oldest plan first, each in the data's order) that name an actor as owner or
        partner, settled or «trolig»: every entry an actor's page or count can select, and no others."""
        return list(self._oppforinger_per_aktor.get(aktor_id, ()))

    @functools.cached_property
    def _oppforinger_per_aktor(self) -> dict[str, list[Planoppforing]]:
        # One pass over every entry instead of one per actor: the actors grow with the data, like the entries.
        per_aktor: dict[str, list[Planoppforing]] = {}
        for tiltaksplan in self.tiltaksplaner_etter_ar:
            for o in self.oppforinger(tiltaksplan.id):
                for aktor_id in dict.fromkeys([*o.tiltakseiere, *o.partner_ids]):
                    per_aktor.setdefault(aktor_id, []).append(o)
        return per_aktor

    def oppforinger_for_tiltak(self, tiltak_id: str) -> list[Planoppforing]:
        """One measure in each plan that lists it, oldest plan first."""
        tiltak = self.alle_tiltak[tiltak_id]
        forste = (
            [Planoppforing(self.tiltaksplaner[TILTAKSPLAN], tiltak, tiltak)]
            if isinstance(tiltak, Tiltak) and TILTAKSPLAN in self.tiltaksplaner
            else []
        )
        return forste + [
            Planoppforing(self.tiltaksplaner[p.plan], tiltak, p) for p in self.poster_for_tiltak(tiltak_id)
        ]

    @property
    def okonomi(self) -> Okonomi:
        """The amounts the sources state."""
        return self.poster["okonomi"]

    @property
    def ordliste(self) -> dict[str, Ordforklaring]:
        """The glossary."""
        return self.poster["ordforklaring"]

    @property
    def temaer(self) -> dict[str, Tema]:
        """The timeline's themes, in the order its filter shows them."""
        return self.poster["tema"]

    @property
    def historikksider(self) -> dict[str, Historikkside]:
        """The history pages that draw their events from the timeline."""
        return self.poster["historikkside"]

    @property
    def hendelser(self) -> dict[str, Hendelse]:
        """The dated events."""
        return self.poster["hendelse"]

    @property
    def befolkning(self) -> Statistikk:
        """The population table of the 2014 plan."""
        return self.poster["befolkning"]

    @property
    def nho_rangeringer(self) -> Statistikk:
        """NHO's rankings from the 2014 plan."""
        return self.poster["nho_rangeringer"]

    @property
    def vedtak(self) -> dict[str, Vedtak]:
        """The registered decisions."""
        return self.poster["vedtak"]

    @property
    def tiltaksstatuser(self) -> dict[str, Tiltaksstatus]:
        """The controlled list of measure statuses, in the order the overview's filter shows them."""
        return self.poster["tiltaksstatus"]

    @property
    def innstillinger(self) -> Innstillinger:
        """The settings in data/innstillinger.yml."""
        return self.poster["innstillinger"]

    def kilder_med_vedtak(self, vedtak_id: str) -> list[Kilde]:
        """The documents whose handling cites this decision."""
        return [k for k in self.kilder.values() if k.behandling.vedtak == vedtak_id]

    def tiltak_med_vedtak(self, vedtak_id: str) -> list[Tiltak | NyttTiltak]:
        """The measures whose reported status cites this decision."""
        return [t for t in self.alle_tiltak.values() if t.status is not None and t.status.vedtak == vedtak_id]

    def tiltak_for_virkemiddel(self, virkemiddel_id: str) -> list[Tiltak]:
        """The measures under one instrument, in source order."""
        return [t for t in self.tiltak.values() if t.virkemiddel == virkemiddel_id]

    def tiltak_eid_av(self, aktor_id: str) -> list[Tiltak]:
        """The measures an actor owns."""
        return [t for t in self.tiltak.values() if aktor_id in t.tiltakseiere]

    def tiltak_med_partner(self, aktor_id: str) -> list[Tiltak]:
        """The measures the source states an actor is a main partner in (hedged links not included)."""
        return [t for t in self.tiltak.values() if aktor_id in t.partner_ids and not t.er_trolig_partner(aktor_id)]

    def tiltak_med_trolig_partner(self, aktor_id: str) -> list[Tiltak]:
        """The measures where the source says an actor will «trolig» be a main partner."""
        return [t for t in self.tiltak.values() if t.er_trolig_partner(aktor_id)]

    def tiltak_med_rolle(self, rolle_id: str) -> list[Tiltak]:
        """The measures where the region has this role (for a change of role: the role it moves to)."""
        return [t for t in self.tiltak.values() if rolle_id in t.roller]

    def tidslinje(self, historikk: str | None = None) -> list[Hendelse]:
        """Events in time order (stable for equal dates), optionally those of one history page."""
        return [h for h in self._tidslinje if historikk is None or historikk in h.historikk]

    @functools.cached_property
    def _tidslinje(self) -> list[Hendelse]:
        # Sorted once; a stable sort keeps the data's order for equal dates in any selection taken from it.
        return sorted(self.hendelser.values(), key=lambda h: h.tid)

    def hendelser_med(self, felt: str, post_id: str) -> list[Hendelse]:
        """The events whose list `felt` («tiltak», «aktorer») holds a record's id, in time order."""
        if felt not in self._hendelser_per_felt:
            per_id: dict[str, list[Hendelse]] = {}
            for h in self._tidslinje:
                for i in dict.fromkeys(getattr(h, felt)):
                    per_id.setdefault(i, []).append(h)
            self._hendelser_per_felt[felt] = per_id
        return list(self._hendelser_per_felt[felt].get(post_id, ()))

    @functools.cached_property
    def _hendelser_per_felt(self) -> dict[str, dict[str, list[Hendelse]]]:
        return {}


class Ordunntak(Modell):
    """A glossary term switched off in one passage of a page, where the word means something else."""

    ord: Id
    i: Tekst


class FrontMatter(Modell):
    """A hand-written page's front matter: which sources it carries and how it is shown."""

    kilde: Id | None = None
    kilder: list[Id] = Field(default_factory=list)
    kilder_fra: Id | None = None
    """A record kind with pages (macros/registry.py): the Kilde block lists the documents that name its records."""
    kildeseksjon: Tekst | None = None
    kildeseksjoner: dict[Id, Tekst] = Field(default_factory=dict)
    description: Tekst | None = None
    title: Tekst | None = None
    rediger: Tekst | None = None
    render_macros: bool = False
    uten_ordforklaring: list[Id | Ordunntak] = Field(default_factory=list)
    hide: list[Literal["navigation", "toc"]] = Field(default_factory=list)
    """Material's sidebars the page leaves out, to give a wide table the whole width."""

    @model_validator(mode="after")
    def _one_way_to_name_sources(self) -> FrontMatter:
        if (self.kilde is None) == (self.kilder_fra is None):
            raise ValueError(
                "skriv enten «kilde: <id>» (en id fra data/kilder.yml, eller «nettstedet» for sider nettstedet "
                "selv har skrevet) eller «kilder_fra: <posttype>», ikke begge og ikke ingen av dem"
            )
        return self
