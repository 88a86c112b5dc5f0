"""Every table of figures on the economy pages, built once from the data.

The same object becomes the HTML table beside a chart and the CSV file readers
download, so the two can never disagree. Each cell knows whether a source states
its figure or the site computed it; the page and the CSV mark computed figures
with «beregnet» and their basis, so no template has to guess.

This module computes; the sentences about a table (the chart's summary, the note
under it, the bars' labels) are worded in templates/okonomitekster.html, from the
data each table carries in a `Tekst`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from . import csvfile, okonomi
from .diagram import Stolpeverdi
from .errors import Datafeil, Feil
from .format import beregnet, csv_tall, kroner, tall
from .model import TILTAKSPLAN, Kilde, OppgittBelop, Plan, Statistikk, Statistikkrad, Statistikktabell, Tiltaksplan

Kolonnetype = Literal["tekst", "kr", "tall", "prosent"]

SUM_AV_TILTAKENE = "sum av beløpene kilden oppgir for tiltakene, anslag medregnet"
ANTALL_TILTAK = "antall tiltak i tiltaksplanen"
TIARSPERIODER = "-tiarsperioder"
"""Added to a ranking table's id for the table of its ten-year ranks."""

PLANTABELLER = ("ramme", "tiltak-per-ar", "per-virkemiddel", "per-tiltakseier", "per-rolle", "tiltak", "usikre-belop")
"""The tables every tiltaksplan gets, one set per plan year (see plantabell_id)."""


def plantabell_id(tabell: str, tiltaksplan: Tiltaksplan) -> str:
    """The id (and CSV file name) of one plan's table: «per-virkemiddel-2022»; the 2021 plan's tables keep
    the ids they have always had («per-virkemiddel», «ramme-2021»), so their addresses do not change."""
    if tabell == "ramme" or tiltaksplan.id != TILTAKSPLAN:
        return f"{tabell}-{tiltaksplan.ar}"
    return tabell


@dataclass(frozen=True)
class Kolonne:
    """A column: its heading, how its cells are written, and, for a computed column, its basis."""

    navn: str
    type_: Kolonnetype = "tekst"
    grunnlag: str | None = None
    """Set when the site computed the column's figures: how. Shown with the «beregnet» marker."""

    @property
    def tittel(self) -> str:
        """The heading without marker; a percentage column says «(%)», since the CSV holds bare numbers."""
        return f"{self.navn} (%)" if self.type_ == "prosent" else self.navn

    @property
    def overskrift(self) -> str:
        """The heading as plain text, marker and basis included (the CSV header; the page shows the same words)."""
        return f"{self.tittel} {beregnet(self.grunnlag)}" if self.grunnlag else self.tittel


@dataclass(frozen=True)
class Celle:
    """One cell: its raw value and what the reader must be told about it."""

    verdi: int | float | str | None
    beregnet: bool = False
    """The site computed this figure; no source states it. Its basis stands in the column heading or row label."""
    grunnlag: str | None = None
    """On a row label: how the site computed the row's figures (shown with the marker)."""
    anslag: bool = False
    """The source gives the figure as an estimate («trolig», «anslagsvis», «om lag», «omtrent»)."""
    med_anslag: bool = False
    """A computed sum that includes estimates."""
    kildeord: str | None = None
    """No amount: what the source says instead («deretter selvfinansierende»)."""

    @property
    def csv(self) -> str:
        """The cell in the CSV file: raw numbers (decimal comma), text with its marker, empty for no value."""
        if self.verdi is None:
            return ""
        if isinstance(self.verdi, (int, float)):
            return csv_tall(self.verdi)
        if self.grunnlag:
            return csvfile.tekstcelle(f"{self.verdi} {beregnet(self.grunnlag)}")
        return csvfile.tekstcelle(self.verdi)


@dataclass(frozen=True)
class BeregnetTall:
    """A computed figure inside a sentence: shown with the «beregnet» marker, and its basis unless the sentence says it."""

    verdi: int
    grunnlag: str | None = None
    type_: Literal["kr", "tall"] = "kr"


@dataclass(frozen=True)
class Tekst:
    """Words about a table: the macro in okonomitekster.html that says them, and the data it is given."""

    makro: str
    data: dict[str, object] = field(default_factory=dict)

    @property
    def har_beregnet(self) -> bool:
        """True when a figure in the words is the site's own calculation."""
        verdier = [v for d in self.data.values() for v in (d if isinstance(d, (list, tuple)) else [d])]
        return any(isinstance(v, BeregnetTall) for v in verdier)


@dataclass(frozen=True)
class Datatabell:
    """A table with an id (its CSV file name), a caption, columns and cells."""

    id: str
    tittel: str
    kolonner: list[Kolonne]
    rader: list[list[Celle]]
    merknad: Tekst | str | None = None
    """The note under the table: words from templates, or a source's own note from data/ as it stands."""
    sammendrag: Tekst | None = None
    """What the chart shows, computed from the same data; computed figures in it are marked."""
    stolper: list[Stolpeverdi] = field(default_factory=list)

    @property
    def csv_sti(self) -> str:
        """Where the CSV file lies in the site."""
        return f"nedlasting/{self.id}.csv"

    @property
    def har_anslag(self) -> bool:
        """True when any figure in the table or its chart is, or includes, an estimate."""
        return any(c.anslag or c.med_anslag for rad in self.rader for c in rad) or any(s.anslag for s in self.stolper)

    @property
    def har_beregnet(self) -> bool:
        """True when any figure in the table, its summary or its chart is the site's own calculation."""
        return (
            any(k.grunnlag for k in self.kolonner)
            or any(c.beregnet or c.grunnlag for rad in self.rader for c in rad)
            or (self.sammendrag is not None and self.sammendrag.har_beregnet)
        )


def csv_tekst(tabell: Datatabell) -> str:
    """The table as a CSV file in the site's one CSV form (csvfile.py: BOM, semicolons, raw numbers).

    A computed column says so in its header («2022 (beregnet: …)»), a computed row in its label.
    """
    return csvfile.csv_tekst(
        [[csvfile.tekstcelle(k.overskrift) for k in tabell.kolonner], *([c.csv for c in rad] for rad in tabell.rader)]
    )


def _celler(*verdier: object) -> list[Celle]:
    """Cells for values a source states (or plain text)."""
    return [v if isinstance(v, Celle) else Celle(v) for v in verdier]


@dataclass(frozen=True)
class Planen:
    """The tiltaksplan a table is for, and how its title names it: only when the site has several plans."""

    tiltaksplan: Tiltaksplan
    flere: bool

    def id(self, tabell: str) -> str:
        """The table's id for this plan."""
        return plantabell_id(tabell, self.tiltaksplan)

    def tittel(self, tittel: str) -> str:
        """«Midler per virkemiddel», or «Midler per virkemiddel i Tiltaksplan 2022» when there are several plans."""
        return f"{tittel} i {self.tiltaksplan.navn}" if self.flere else tittel

    @property
    def ar(self) -> int:
        """The plan's own year."""
        return self.tiltaksplan.ar

    @property
    def senere_ar(self) -> tuple[int, ...]:
        """The later years the plan states money for (2022–2024 for the 2021 plan)."""
        return self.tiltaksplan.arene[1:]


def _gruppetabell(planen: Planen, id_: str, tittel: str, hva: str, grupper: list[okonomi.Gruppesum]) -> Datatabell:
    forste, senere = planen.ar, planen.senere_ar
    storst = max(grupper, key=lambda g: g.ar[forste].kr)
    return Datatabell(
        planen.id(id_),
        planen.tittel(tittel),
        [
            Kolonne(hva),
            Kolonne("Antall tiltak", "tall", f"antall tiltak per {hva.lower()} i tiltaksplanen"),
            *[Kolonne(str(ar), "kr", SUM_AV_TILTAKENE) for ar in planen.tiltaksplan.arene],
            *([Kolonne(f"Sum {min(senere)}–{max(senere)}", "kr", " + ".join(map(str, senere)))] if senere else []),
        ],
        [
            [
                Celle(g.navn),
                Celle(g.antall, beregnet=True),
                *[Celle(a.kr, beregnet=True, med_anslag=a.med_anslag) for a in g.ar.values()],
                *([Celle(g.sum_senere, beregnet=True, med_anslag=g.med_anslag_senere)] if senere else []),
            ]
            for g in grupper
        ],
        merknad=Tekst("merknad_gruppesummer"),
        sammendrag=Tekst(
            "sammendrag_gruppesummer",
            {"hva": hva, "ar": forste, "storst": storst.navn, "sum": BeregnetTall(storst.ar[forste].kr)},
        ),
        stolper=[Stolpeverdi(g.navn, g.ar[forste].kr, "kr", beregnet=True) for g in grupper],
    )


def _statistikk(
    id_: str,
    tittel: str,
    tabell: Statistikktabell,
    rader: list[Statistikkrad],
    sammendrag: Tekst,
    merknad: str | None = None,
) -> Datatabell:
    """A table of figures exactly as a source gives them; nothing in it is computed."""
    typer: list[Kolonnetype] = ["prosent" if n in tabell.prosentkolonner else "tall" for n in tabell.kolonner]
    merknader = any(r.merknad for r in tabell.rader)
    diagramtype = typer[tabell.kolonne(tabell.diagramkolonne)]
    return Datatabell(
        id_,
        tittel,
        [Kolonne("Navn"), *[Kolonne(n, t) for n, t in zip(tabell.kolonner, typer, strict=True)]]
        + ([Kolonne("Merknad")] if merknader else []),
        [_celler(r.navn, *r.verdier, *([r.merknad or ""] if merknader else [])) for r in rader],
        merknad=merknad if merknad is not None else tabell.merknad,
        sammendrag=sammendrag,
        stolper=[Stolpeverdi(r.navn, tabell.verdi(r, tabell.diagramkolonne), diagramtype) for r in rader],
    )


def _tabell(statistikk: Statistikk, fil: str, tabell_id: str) -> Statistikktabell:
    """The statistics table a page needs, by id; a clear message when the data lacks it."""
    tabell = statistikk.tabell(tabell_id)
    if tabell is None:
        raise Datafeil(
            [
                Feil(
                    fil,
                    f"fant ingen tabell med id «{tabell_id}»; økonomisidene trenger den. "
                    f"Tabellene i filen har id {', '.join(t.id for t in statistikk.tabeller)}.",
                )
            ]
        )
    return tabell


def _rad(tabell: Statistikktabell, fil: str, rad_id: str) -> Statistikkrad:
    """A row the chart's summary names, by id; a clear message when the data lacks it."""
    rad = tabell.rad(rad_id)
    if rad is None:
        raise Datafeil(
            [
                Feil(
                    fil,
                    f"tabellen «{tabell.id}» har ingen rad med id «{rad_id}»; sammendraget over "
                    "diagrammet trenger den. Skriv id-en på raden den gjelder.",
                    felt="id",
                )
            ]
        )
    return rad


def _befolkning(plan: Plan) -> Datatabell:
    fil = "data/befolkning.yml"
    tabell = _tabell(plan.befolkning, fil, "befolkning")
    kolonne = tabell.diagramkolonne
    region, landet = _rad(tabell, fil, "regionen"), _rad(tabell, fil, "landet")
    sammendrag = Tekst(
        "sammendrag_befolkning",
        {
            "kolonne": kolonne,
            "type_": "prosent" if kolonne in tabell.prosentkolonner else "tall",
            "region": region.navn,
            "region_verdi": tabell.verdi(region, kolonne),
            "landet": landet.navn,
            "landet_verdi": tabell.verdi(landet, kolonne),
        },
    )
    return _statistikk(tabell.id, tabell.tittel or tabell.navn, tabell, tabell.rader, sammendrag)


PERIODE = re.compile(r"^\d{4}-\d{4}$")
"""A row named like «2001-2011» is a ten-year ranking; a row named «2011» is one year's (data/nho_rangeringer.yml)."""


def _nho(tabell: Statistikktabell) -> list[Datatabell]:
    """One table per kind of ranking: the source puts yearly and ten-year ranks side by side, and
    the two must not read as one series."""
    tittel = tabell.tittel or tabell.navn
    ar = [r for r in tabell.rader if not PERIODE.match(r.navn)]
    perioder = [r for r in tabell.rader if PERIODE.match(r.navn)]

    def sammendrag(rader: list[Statistikkrad], tiarsperioder: bool) -> Tekst:
        plasseringer = [(r.navn, tabell.verdi(r, tabell.diagramkolonne), r.merknad) for r in rader]
        return Tekst(
            "sammendrag_rangering", {"navn": tabell.navn, "tiarsperioder": tiarsperioder, "plasseringer": plasseringer}
        )

    tabeller = [
        _statistikk(tabell.id, f"{tittel} – for hvert år" if perioder else tittel, tabell, ar, sammendrag(ar, False))
    ]
    if perioder:
        tabeller.append(
            _statistikk(
                tabell.id + TIARSPERIODER, f"{tittel} – for tiårsperioder", tabell, perioder, sammendrag(perioder, True)
            )
        )
    return tabeller


def _om_lag(belop: OppgittBelop) -> str:
    """An amount in a column's basis; «om lag» before it when the source gives it as an estimate."""
    return ("om lag " if belop.anslag else "") + kroner(belop.kr)


def _partnerskapsmidler(plan: Plan) -> Datatabell:
    p = plan.okonomi.partnerskapsmidler
    rader = [
        ("Innlandet fylkeskommune", p.fra_fylkeskommunen, 1),
        ("De tre kommunene", p.fra_kommunene, 1),
        ("Sum nye partnerskapsmidler", p.arlig, 1),
        (
            "Nedgang i midler til utviklingsarbeid når fylkeskommunens bidrag til administrasjon dekkes av rammen",
            p.reduksjon_administrasjon,
            -1,
        ),
        ("Nye tiltaksmidler", p.nye_tiltaksmidler, 1),
    ]
    return Datatabell(
        "partnerskapsmidler",
        "Partnerskapsmidler per år",
        [Kolonne("Fra"), Kolonne("Beløp per år", "kr"), Kolonne("Kildens ordlyd")],
        [_celler(navn, Celle(fortegn * b.kr, anslag=b.anslag), b.tekst) for navn, b, fortegn in rader],
        sammendrag=Tekst("sammendrag_partnerskapsmidler", {"p": p}),
        stolper=[
            Stolpeverdi(navn, b.kr, "kr", b.anslag)
            for navn, b in (
                ("Innlandet fylkeskommune", p.fra_fylkeskommunen),
                ("De tre kommunene", p.fra_kommunene),
                ("Nye tiltaksmidler", p.nye_tiltaksmidler),
            )
        ],
    )


def _fordeling(plan: Plan) -> Datatabell:
    f = plan.okonomi.fordeling
    nye = plan.okonomi.partnerskapsmidler.nye_tiltaksmidler
    andeler = okonomi.fordeling_i_kroner(plan)
    return Datatabell(
        "fordeling",
        "Omtrentlig fordeling av partnerskapsmidlene",
        [
            Kolonne("Satsingsområde"),
            Kolonne("Andel", "prosent"),
            Kolonne("Kildens ordlyd"),
            Kolonne("Kroner per år", "kr", f"andelen av {_om_lag(nye)} i nye tiltaksmidler per år"),
        ],
        [
            _celler(
                a.navn,
                Celle(a.prosent, anslag=f.anslag),
                a.tekst,
                Celle(kr, beregnet=True, anslag=f.anslag or nye.anslag),
            )
            for a, (_, _, _, kr) in zip(f.andeler, andeler, strict=True)
        ],
        merknad=Tekst("merknad_fordeling", {"nye": nye}),
        sammendrag=Tekst("sammendrag_fordeling", {"fordeling": f}),
        stolper=[Stolpeverdi(a.navn, a.prosent, "prosent", f.anslag) for a in f.andeler],
    )


def _ramme(plan: Plan, planen: Planen) -> Datatabell | None:
    """The plan's frame, the sum of its year and their difference; None when the plan states no frame.

    The 2021 plan's rows and words quote its own source («Ramme til oppfølging av strategisk næringsplan»);
    a later plan's say only what its data holds.
    """
    r = okonomi.ramme(plan, planen.tiltaksplan.id)
    if r is None:
        return None
    summen = r.summen.kr if r.summen is not None else r.beregnet_sum
    grunnlag = f"{tall(r.ramme.kr)} − {tall(summen)}"
    forste = planen.tiltaksplan.id == TILTAKSPLAN
    summerad = f"Summen av tiltakene i {r.ar}"
    return Datatabell(
        planen.id("ramme"),
        planen.tittel(f"Rammen for {r.ar} og summen av tiltakene"),
        [Kolonne("Post"), Kolonne("Beløp", "kr"), Kolonne("Kildens ordlyd")],
        [
            _celler(
                "Ramme til oppfølging av strategisk næringsplan" if forste else f"Rammen for {r.ar}",
                r.ramme.kr,
                r.ramme.tekst,
            ),
            _celler(summerad, r.summen.kr, r.summen.tekst)
            if r.summen is not None
            else _celler(Celle(summerad, grunnlag=SUM_AV_TILTAKENE), Celle(summen, beregnet=True), ""),
            _celler(
                Celle("Differansen mellom rammen og summen", grunnlag=grunnlag), Celle(r.differanse, beregnet=True), ""
            ),
        ],
        merknad=Tekst("merknad_ramme") if forste else Tekst("merknad_ramme_plan", {"r": r}),
        sammendrag=Tekst(
            "sammendrag_ramme" if forste else "sammendrag_ramme_plan",
            {"r": r, "differanse": BeregnetTall(r.differanse, grunnlag)}
            | ({} if forste else {"summen": BeregnetTall(summen, SUM_AV_TILTAKENE) if r.summen is None else None}),
        ),
        stolper=[
            Stolpeverdi("Ramme", r.ramme.kr, "kr"),
            Stolpeverdi(summerad, summen, "kr", beregnet=r.summen is None),
            Stolpeverdi("Differansen", r.differanse, "kr", beregnet=True, grunnlag=grunnlag),
        ],
    )


def _per_ar(plan: Plan, planen: Planen) -> Datatabell:
    totalt = okonomi.totalt(plan, planen.tiltaksplan.id)
    oppgitt = okonomi.oppgitte_summer(totalt)
    forste = totalt[planen.ar]
    senere = planen.senere_ar
    return Datatabell(
        planen.id("tiltak-per-ar"),
        planen.tittel("Midler til tiltakene per år"),
        [
            Kolonne("År"),
            Kolonne("Oppgitte beløp", "kr", "sum av tiltakenes beløp uten anslag" + oppgitt),
            Kolonne("Anslag («trolig»)", "kr", "sum av tiltakenes anslag"),
            Kolonne("Sum med anslag", "kr", "oppgitte beløp + anslag" + oppgitt),
            Kolonne("Tiltak uten oppgitt beløp", "tall", ANTALL_TILTAK),
        ],
        [
            [
                Celle(str(a.ar)),
                Celle(a.sikker_kr, beregnet=a.sikker_beregnet),
                Celle(a.anslag_kr, beregnet=True, anslag=a.anslag_kr > 0),
                Celle(a.kr, beregnet=a.beregnet, med_anslag=a.med_anslag),
                Celle(a.uten_belop, beregnet=True),
            ]
            for a in totalt.values()
        ],
        merknad=Tekst("merknad_tiltak_per_ar", {"oppgitt_ar": None if forste.beregnet else forste.ar}),
        sammendrag=Tekst(
            "sammendrag_tiltak_per_ar",
            {
                "forste": forste,
                "forste_sum": BeregnetTall(forste.sikker_kr) if forste.sikker_beregnet else None,
                "senere": [(ar, BeregnetTall(totalt[ar].sikker_kr)) for ar in senere],
                "uten_belop_ar": min(senere, default=forste.ar),
                "uten_belop": BeregnetTall(totalt[min(senere, default=forste.ar)].uten_belop, ANTALL_TILTAK, "tall"),
            },
        ),
        stolper=[
            Stolpeverdi(str(a.ar), a.sikker_kr, "kr", beregnet=a.sikker_beregnet, anslag_kr=a.anslag_kr)
            for a in totalt.values()
        ],
    )


def _alle_tiltak(plan: Plan, planen: Planen) -> Datatabell:
    arene = planen.tiltaksplan.arene
    return Datatabell(
        planen.id("tiltak"),
        planen.tittel("Alle tiltak med midler per år"),
        [
            Kolonne("Tiltak"),
            Kolonne("Virkemiddel"),
            *[Kolonne(str(ar), "kr") for ar in arene],
            Kolonne("Anslag («trolig») for årene"),
            *[Kolonne(f"{k.navn} (kilden)") for k in planen.tiltaksplan.kolonner],
            Kolonne("Rolle regionen"),
            Kolonne("Tiltakseier"),
            Kolonne("Hovedsamarbeidspartner(e)"),
        ],
        [
            _celler(
                t.navn,
                plan.virkemidler[t.virkemiddel].overskrift,
                *[Celle(t.kr_for(ar), anslag=t.er_anslag(ar), kildeord=t.kildeord_for(ar)) for ar in arene],
                ", ".join(str(ar) for ar in arene if t.er_anslag(ar)),
                *[midler.tekst if midler is not None else "" for _, midler in t.celler],
                t.rolle_tekst,
                t.tiltakseier_tekst,
                t.partnere_tekst,
            )
            for t in plan.oppforinger(planen.tiltaksplan.id)
        ],
        merknad=Tekst("merknad_alle_tiltak", {"kolonner": [k.navn for k in planen.tiltaksplan.kolonner]}),
    )


def _usikre(plan: Plan, planen: Planen) -> Datatabell:
    return Datatabell(
        planen.id("usikre-belop"),
        planen.tittel("Midler som ikke er summert som sikre beløp"),
        [Kolonne("Tiltak"), Kolonne("Kolonne i kilden"), Kolonne("Kildens ordlyd"), Kolonne("Hvorfor")],
        [_celler(u.tiltak.navn, u.kolonne, u.tekst, u.grunn) for u in okonomi.usikre(plan, planen.tiltaksplan.id)],
    )


def _plantabeller(plan: Plan, tiltaksplan: Tiltaksplan) -> list[Datatabell]:
    """The tables of one tiltaksplan, in the order of PLANTABELLER (the frame only where the plan states one)."""
    planen = Planen(tiltaksplan, len(plan.tiltaksplaner) > 1)
    id_ = tiltaksplan.id
    tabeller = [
        _ramme(plan, planen),
        _per_ar(plan, planen),
        _gruppetabell(
            planen, "per-virkemiddel", "Midler per virkemiddel", "Virkemiddel", okonomi.per_virkemiddel(plan, id_)
        ),
        _gruppetabell(
            planen, "per-tiltakseier", "Midler per tiltakseier", "Tiltakseier", okonomi.per_tiltakseier(plan, id_)
        ),
        _gruppetabell(planen, "per-rolle", "Midler per rolle regionen har", "Rolle", okonomi.per_rolle(plan, id_)),
        _alle_tiltak(plan, planen),
        _usikre(plan, planen),
    ]
    return [t for t in tabeller if t is not None]


@dataclass(frozen=True)
class Senere:
    """A later tiltaksplan's version of a 2021 plan table, for the economy pages: the plan, its document, the table."""

    tiltaksplan: Tiltaksplan
    kilde: Kilde
    tabell: Datatabell


def senere_utgaver(plan: Plan, tabeller: dict[str, Datatabell], tabell_id: str) -> list[Senere]:
    """The later tiltaksplaner's versions of one of the 2021 plan's tables, oldest plan first; [] for other tables."""
    if TILTAKSPLAN not in plan.tiltaksplaner:
        return []
    forste = plan.tiltaksplaner[TILTAKSPLAN]
    navn = next((t for t in PLANTABELLER if plantabell_id(t, forste) == tabell_id), None)
    if navn is None:
        return []
    return [
        Senere(tp, plan.kilder[tp.kilde], tabeller[plantabell_id(navn, tp)])
        for tp in plan.tiltaksplaner_etter_ar
        if tp.id != TILTAKSPLAN and plantabell_id(navn, tp) in tabeller
    ]


def bygg(plan: Plan) -> dict[str, Datatabell]:
    """Every table of the economy pages, by id."""
    forste, *senere = plan.tiltaksplaner_etter_ar
    tabeller = [
        _partnerskapsmidler(plan),
        _fordeling(plan),
        *_plantabeller(plan, forste),
        _befolkning(plan),
    ]
    tabeller += [d for t in plan.nho_rangeringer.tabeller for d in _nho(t)]
    tabeller += [d for tp in senere for d in _plantabeller(plan, tp)]
    resultat: dict[str, Datatabell] = {}
    for t in tabeller:
        if t.id in resultat:
            raise Datafeil(
                [
                    Feil(
                        "data/befolkning.yml eller data/nho_rangeringer.yml",
                        f"tabell-id-en «{t.id}» er allerede i bruk av en annen tabell på økonomisidene; "
                        "hver tabell trenger sin egen id, for den blir navnet på CSV-filen. Velg en annen id.",
                        felt="id",
                    )
                ]
            )
        resultat[t.id] = t
    return resultat
