"""Every table of figures on the economy pages, built once from the data.

The same object becomes the HTML table beside a chart and the CSV file readers
download, so the two can never disagree. Each cell knows whether a source states
its figure or the site computed it; the page and the CSV mark computed figures
with «beregnet» and their basis, so no template has to guess.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from typing import Literal

from . import okonomi
from .diagram import Stolpeverdi
from .format import beregnet, kroner, prosent, tall
from .model import Plan, Statistikktabell
from .summer import AR
from .urls import slug

Kolonnetype = Literal["tekst", "kr", "tall", "prosent"]

SUM_AV_TILTAKENE = "sum av beløpene kilden oppgir for tiltakene, anslag medregnet"
ANTALL_TILTAK = "antall tiltak i tiltaksplanen"


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
        if isinstance(self.verdi, float):
            return str(self.verdi).replace(".", ",")
        if self.grunnlag:
            return f"{self.verdi} {beregnet(self.grunnlag)}"
        return str(self.verdi)


@dataclass(frozen=True)
class BeregnetTall:
    """A computed figure inside a sentence: shown with the «beregnet» marker, and its basis unless the sentence says it."""

    visning: str
    grunnlag: str | None = None


Setningsdel = str | BeregnetTall


def _tekst(deler: tuple[Setningsdel, ...]) -> str:
    return "".join(d if isinstance(d, str) else f"{d.visning} {beregnet(d.grunnlag)}" for d in deler)


@dataclass(frozen=True)
class Datatabell:
    """A table with an id (its CSV file name), a caption, columns and cells."""

    id: str
    tittel: str
    kolonner: list[Kolonne]
    rader: list[list[Celle]]
    merknad: str | None = None
    sammendrag: tuple[Setningsdel, ...] = ()
    """What the chart shows, computed from the same data; computed figures in it are marked."""
    stolper: list[Stolpeverdi] = field(default_factory=list)

    @property
    def csv_sti(self) -> str:
        """Where the CSV file lies in the site."""
        return f"nedlasting/{self.id}.csv"

    @property
    def sammendrag_tekst(self) -> str:
        """The summary as plain text, markers included (for the chart's accessible name)."""
        return _tekst(self.sammendrag)

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
            or any(isinstance(d, BeregnetTall) for d in self.sammendrag)
        )

    def visning(self, celle: Celle, indeks: int) -> str:
        """A cell's value as shown on the page (Norwegian number format), without markers."""
        verdi, type_ = celle.verdi, self.kolonner[indeks].type_
        if type_ == "kr":
            return kroner(int(verdi))
        if type_ == "tall":
            return tall(verdi) if isinstance(verdi, int) else f"{verdi}".replace(".", ",").replace("-", "−")
        if type_ == "prosent":
            return prosent(verdi)
        return str(verdi)


def csv_tekst(tabell: Datatabell) -> str:
    """The table as CSV (semicolon-separated, as Norwegian spreadsheets expect; raw numbers).

    A computed column says so in its header («2022 (beregnet: …)»), a computed row in its label.
    """
    ut = io.StringIO()
    skriver = csv.writer(ut, delimiter=";", lineterminator="\n")
    skriver.writerow([k.overskrift for k in tabell.kolonner])
    for rad in tabell.rader:
        skriver.writerow([c.csv for c in rad])
    return ut.getvalue()


def _celler(*verdier: object) -> list[Celle]:
    """Cells for values a source states (or plain text)."""
    return [v if isinstance(v, Celle) else Celle(v) for v in verdier]


def _gruppetabell(id_: str, tittel: str, hva: str, grupper: list[okonomi.Gruppesum]) -> Datatabell:
    storst = max(grupper, key=lambda g: g.ar[0].kr)
    return Datatabell(
        id_,
        tittel,
        [
            Kolonne(hva),
            Kolonne("Antall tiltak", "tall", f"antall tiltak per {hva.lower()} i tiltaksplanen"),
            *[Kolonne(str(ar), "kr", SUM_AV_TILTAKENE) for ar in AR],
            Kolonne("Sum 2022–2024", "kr", "2022 + 2023 + 2024"),
        ],
        [
            [
                Celle(g.navn),
                Celle(g.antall, beregnet=True),
                *[Celle(a.kr, beregnet=True, med_anslag=a.med_anslag) for a in g.ar],
                Celle(g.sum_2022_2024, beregnet=True, med_anslag=any(a.med_anslag for a in g.ar if a.ar >= 2022)),
            ]
            for g in grupper
        ],
        merknad=(
            "Summene og antallene er beregnet av nettstedet fra tiltakene; ingen kilde oppgir dem. "
            "Anslag («trolig») er tatt med og merket med *; tiltak uten oppgitt beløp er ikke med."
        ),
        sammendrag=(
            f"Diagrammet viser summen av tiltakenes midler i 2021 per {hva.lower()}. Størst er summen for «{storst.navn}»: ",
            BeregnetTall(kroner(storst.ar[0].kr)),
            ".",
        ),
        stolper=[Stolpeverdi(g.navn, g.ar[0].kr, kroner(g.ar[0].kr), beregnet=True) for g in grupper],
    )


def _statistikk(id_: str, tittel: str, tabell: Statistikktabell, rader, kolonne: str,
                sammendrag: tuple[Setningsdel, ...], merknad: str | None = None) -> Datatabell:
    """A table of figures exactly as a source gives them; nothing in it is computed."""
    k = tabell.kolonne(kolonne)
    typer: list[Kolonnetype] = ["prosent" if n in tabell.prosentkolonner else "tall" for n in tabell.kolonner]
    merknader = any(r.merknad for r in tabell.rader)
    return Datatabell(
        id_,
        tittel,
        [Kolonne("Navn"), *[Kolonne(n, t) for n, t in zip(tabell.kolonner, typer)]] + ([Kolonne("Merknad")] if merknader else []),
        [_celler(r.navn, *r.verdier, *([r.merknad or ""] if merknader else [])) for r in rader],
        merknad=merknad if merknad is not None else tabell.merknad,
        sammendrag=sammendrag,
        stolper=[Stolpeverdi(r.navn, r.verdier[k], _vis(r.verdier[k], typer[k])) for r in rader],
    )


def _vis(verdi: int | float, type_: Kolonnetype = "tall") -> str:
    if type_ == "prosent":
        return prosent(verdi)
    return f"{verdi}".replace(".", ",").replace("-", "−") if isinstance(verdi, float) else tall(verdi)


def _befolkning(plan: Plan) -> Datatabell:
    tabell = plan.befolkning.tabeller[0]
    kolonne = "Vekst siden 1.1.2000"
    k = tabell.kolonne(kolonne)
    region = next(r for r in tabell.rader if r.summen_av)
    landet = tabell.rader[0]
    sammendrag = (
        f"Diagrammet viser kolonnen «{kolonne}» i kilden, veksten i folketallet fra 1.1.2000 til 31.12.2013: "
        f"{region.navn} {_vis(region.verdier[k], 'prosent')}, «{landet.navn}» {_vis(landet.verdier[k], 'prosent')}.",
    )
    return _statistikk("befolkning", tabell.tittel or tabell.navn, tabell, tabell.rader, kolonne, sammendrag)


PERIODE = re.compile(r"^\d{4}-\d{4}$")
"""A row named like «2001-2011» is a ten-year ranking; a row named «2011» is one year's (data/nho_rangeringer.yml)."""


def _plasseringer(rader) -> str:
    return ", ".join(f"{r.navn}: {r.verdier[0]}" + (f" {r.merknad}" if r.merknad else "") for r in rader)


def _nho(tabell: Statistikktabell) -> list[Datatabell]:
    """One table per kind of ranking: the source puts yearly and ten-year ranks side by side, and
    the two must not read as one series."""
    tittel = tabell.tittel or tabell.navn
    ar = [r for r in tabell.rader if not PERIODE.match(r.navn)]
    perioder = [r for r in tabell.rader if PERIODE.match(r.navn)]
    grunn = f"Diagrammet viser Lillehammer-regionens plassering i NHOs {tabell.navn}"
    tabeller = [
        _statistikk(
            f"nho-{slug(tabell.navn)}",
            f"{tittel} – for hvert år" if perioder else tittel,
            tabell,
            ar,
            tabell.kolonner[0],
            (f"{grunn} for årene kilden oppgir (plass 1 er best): {_plasseringer(ar)}.",),
        )
    ]
    if perioder:
        tabeller.append(
            _statistikk(
                f"nho-{slug(tabell.navn)}-tiarsperioder",
                f"{tittel} – for tiårsperioder",
                tabell,
                perioder,
                tabell.kolonner[0],
                (f"{grunn} for tiårsperiodene kilden oppgir (plass 1 er best): {_plasseringer(perioder)}.",),
            )
        )
    return tabeller


def _om_lag(belop, tekst: str) -> str:
    return f"om lag {tekst}" if belop.anslag else tekst


def _ca(belop, tekst: str) -> str:
    return f"ca. {tekst}" if belop.anslag else tekst


def _partnerskapsmidler(plan: Plan) -> Datatabell:
    p = plan.okonomi.partnerskapsmidler
    rader = [
        ("Innlandet fylkeskommune", p.fra_fylkeskommunen, 1),
        ("De tre kommunene", p.fra_kommunene, 1),
        ("Sum nye partnerskapsmidler", p.arlig, 1),
        ("Nedgang i midler til utviklingsarbeid når fylkeskommunens bidrag til administrasjon dekkes av rammen",
         p.reduksjon_administrasjon, -1),
        ("Nye tiltaksmidler", p.nye_tiltaksmidler, 1),
    ]
    return Datatabell(
        "partnerskapsmidler",
        "Partnerskapsmidler per år",
        [Kolonne("Fra"), Kolonne("Beløp per år", "kr"), Kolonne("Kildens ordlyd")],
        [_celler(navn, Celle(fortegn * b.kr, anslag=b.anslag), b.tekst) for navn, b, fortegn in rader],
        sammendrag=(
            f"Rådet får {kroner(p.arlig.kr)} i nye partnerskapsmidler per år, {kroner(p.fra_fylkeskommunen.kr)} "
            f"fra Innlandet fylkeskommune og {kroner(p.fra_kommunene.kr)} fra kommunene. Når fylkeskommunens bidrag "
            f"til administrasjon dekkes av rammen, går midlene til utviklingsarbeid ned med "
            f"{_om_lag(p.reduksjon_administrasjon, kroner(p.reduksjon_administrasjon.kr))}, og rådet får "
            f"{_om_lag(p.nye_tiltaksmidler, kroner(p.nye_tiltaksmidler.kr))} i nye tiltaksmidler per år.",
        ),
        stolper=[
            Stolpeverdi("Innlandet fylkeskommune", p.fra_fylkeskommunen.kr, _ca(p.fra_fylkeskommunen, kroner(p.fra_fylkeskommunen.kr)), p.fra_fylkeskommunen.anslag),
            Stolpeverdi("De tre kommunene", p.fra_kommunene.kr, _ca(p.fra_kommunene, kroner(p.fra_kommunene.kr)), p.fra_kommunene.anslag),
            Stolpeverdi("Nye tiltaksmidler", p.nye_tiltaksmidler.kr, _ca(p.nye_tiltaksmidler, kroner(p.nye_tiltaksmidler.kr)), p.nye_tiltaksmidler.anslag),
        ],
    )


def _fordeling(plan: Plan) -> Datatabell:
    f = plan.okonomi.fordeling
    nye = plan.okonomi.partnerskapsmidler.nye_tiltaksmidler
    grunnlag = f"andelen av {_om_lag(nye, kroner(nye.kr))} i nye tiltaksmidler per år"
    andeler = okonomi.fordeling_i_kroner(plan)
    return Datatabell(
        "fordeling",
        "Omtrentlig fordeling av partnerskapsmidlene",
        [Kolonne("Satsingsområde"), Kolonne("Andel", "prosent"), Kolonne("Kildens ordlyd"), Kolonne("Kroner per år", "kr", grunnlag)],
        [
            _celler(a.navn, Celle(a.prosent, anslag=f.anslag), a.tekst, Celle(kr, beregnet=True, anslag=f.anslag or nye.anslag))
            for a, (_, _, _, kr) in zip(f.andeler, andeler)
        ],
        merknad=(
            "Kilden oppgir bare prosentene: fordelingen av partnerskapsmidlene har vært «omtrent» slik, og det er "
            "naturlig at «anslagsvis samme fordeling» legges til grunn i fireårsperioden. Kronebeløpene er nettstedets "
            f"egen utregning av andelene av de nye tiltaksmidlene ({_om_lag(nye, kroner(nye.kr))} per år); kilden sier "
            "ikke hvilket beløp andelene skal regnes av."
        ),
        sammendrag=(
            ("Omtrentlig fordeling: " if f.anslag else "Fordeling: ")
            + ", ".join(f"{a.prosent} % til {a.navn[0].lower() + a.navn[1:]}" for a in f.andeler) + ".",
        ),
        stolper=[Stolpeverdi(a.navn, a.prosent, ("ca. " if f.anslag else "") + prosent(a.prosent), f.anslag) for a in f.andeler],
    )


def _ramme(plan: Plan) -> Datatabell:
    r = okonomi.ramme_2021(plan)
    grunnlag = f"{tall(r.ramme.kr)} − {tall(r.summen.kr)}"
    return Datatabell(
        "ramme-2021",
        "Rammen for 2021 og summen av tiltakene",
        [Kolonne("Post"), Kolonne("Beløp", "kr"), Kolonne("Kildens ordlyd")],
        [
            _celler("Ramme til oppfølging av strategisk næringsplan", r.ramme.kr, r.ramme.tekst),
            _celler("Summen av tiltakene i 2021", r.summen.kr, r.summen.tekst),
            _celler(Celle("Differansen mellom rammen og summen", grunnlag=grunnlag), Celle(r.differanse, beregnet=True), ""),
        ],
        merknad=(
            "Kilden oppgir rammen og summen av tiltakene, men ikke differansen, og sier ikke hva den brukes til. "
            "Om rammen sier kilden: «Denne rammen er i utgangspunktet det økonomiske handlingsrommet for "
            "tiltaksplanen knyttet til Strategisk næringsplan i 2021, men flere av tiltakene legger også opp til "
            "samfinansiering med andre kilder.»"
        ),
        sammendrag=(
            f"Rammen til oppfølging av strategisk næringsplan i 2021 er {kroner(r.ramme.kr)}, og tiltakene innebærer "
            f"til sammen en disponering av {kroner(r.summen.kr)}. Differansen mellom rammen og summen er ",
            BeregnetTall(kroner(r.differanse), grunnlag),
            ". Kilden sier ikke hva differansen brukes til.",
        ),
        stolper=[
            Stolpeverdi("Ramme", r.ramme.kr, kroner(r.ramme.kr)),
            Stolpeverdi("Summen av tiltakene i 2021", r.summen.kr, kroner(r.summen.kr)),
            Stolpeverdi("Differansen", r.differanse, kroner(r.differanse), beregnet=True, grunnlag=grunnlag),
        ],
    )


def _per_ar(plan: Plan) -> Datatabell:
    totalt = okonomi.totalt(plan)
    oppgitt = okonomi.oppgitte_summer(totalt)
    senere = [a for a in totalt if a.ar > totalt[0].ar]
    forste = totalt[0]
    return Datatabell(
        "tiltak-per-ar",
        "Midler til tiltakene per år",
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
            for a in totalt
        ],
        merknad=(
            "Summene er beregnet av nettstedet fra tiltakene; bare summen for 2021 oppgir kilden selv. Anslag står for "
            "seg og er ikke regnet som sikre beløp. Tiltak uten oppgitt beløp er ikke med; de står i tabellen «Midler "
            "som ikke er summert som sikre beløp»."
        ),
        sammendrag=(
            f"I {forste.ar} er summen av tiltakene ",
            *((kroner(forste.sikker_kr), f", som kilden også oppgir («{forste.oppgitt}»)") if not forste.sikker_beregnet
              else (BeregnetTall(kroner(forste.sikker_kr)),)),
            ". Summen av oppgitte beløp uten anslag er ",
            *[d for i, a in enumerate(senere)
              for d in (("" if i == 0 else " og " if i == len(senere) - 1 else ", ") + f"for {a.ar} ", BeregnetTall(kroner(a.sikker_kr)))],
            f". Tiltak uten oppgitt beløp for {senere[0].ar}: ",
            BeregnetTall(str(senere[0].uten_belop), ANTALL_TILTAK),
            ".",
        ),
        stolper=[
            Stolpeverdi(
                str(a.ar),
                a.sikker_kr,
                kroner(a.sikker_kr) + (f" + ca. {kroner(a.anslag_kr)} anslag" if a.anslag_kr else ""),
                beregnet=a.sikker_beregnet,
            )
            for a in totalt
        ],
    )


def _alle_tiltak(plan: Plan) -> Datatabell:
    return Datatabell(
        "tiltak",
        "Alle tiltak med midler per år",
        [Kolonne("Tiltak"), Kolonne("Virkemiddel"), *[Kolonne(str(ar), "kr") for ar in AR], Kolonne("Anslag («trolig») for årene"),
         Kolonne("Midler i 2021 (kilden)"), Kolonne("Midler 2022-2024 (kilden)"), Kolonne("Rolle regionen"),
         Kolonne("Tiltakseier"), Kolonne("Hovedsamarbeidspartner(e)")],
        [
            _celler(
                t.navn,
                plan.virkemidler[t.virkemiddel].overskrift,
                *[Celle(t.kr_for(ar), anslag=t.er_anslag(ar), kildeord=t.kildeord_for(ar)) for ar in AR],
                ", ".join(str(ar) for ar in AR if t.er_anslag(ar)),
                t.midler_2021.tekst,
                t.midler_2022_2024.tekst,
                t.rolle_tekst,
                t.tiltakseier_tekst,
                t.partnere_tekst,
            )
            for t in plan.tiltak.values()
        ],
        merknad=(
            "Beløpene per år er lest ut av kildens tekst i kolonnene «Midler i 2021» og «Midler 2022-2024». Der kilden "
            "ikke oppgir beløp for et år, står kildens egne ord om året, eller «ikke oppgitt» når kilden ikke sier noe "
            "om året; i CSV-filen er cellen tom."
        ),
    )


def bygg(plan: Plan) -> dict[str, Datatabell]:
    """Every table of the economy pages, by id."""
    tabeller = [
        _partnerskapsmidler(plan),
        _fordeling(plan),
        _ramme(plan),
        _per_ar(plan),
        _gruppetabell("per-virkemiddel", "Midler per virkemiddel", "Virkemiddel", okonomi.per_virkemiddel(plan)),
        _gruppetabell("per-tiltakseier", "Midler per tiltakseier", "Tiltakseier", okonomi.per_tiltakseier(plan)),
        _gruppetabell("per-rolle", "Midler per rolle regionen har", "Rolle", okonomi.per_rolle(plan)),
        _alle_tiltak(plan),
        Datatabell(
            "usikre-belop",
            "Midler som ikke er summert som sikre beløp",
            [Kolonne("Tiltak"), Kolonne("Kolonne i kilden"), Kolonne("Kildens ordlyd"), Kolonne("Hvorfor")],
            [_celler(u.tiltak.navn, u.kolonne, u.tekst, u.grunn) for u in okonomi.usikre(plan)],
        ),
        _befolkning(plan),
    ]
    tabeller += [d for t in plan.nho_rangeringer.tabeller for d in _nho(t)]
    return {t.id: t for t in tabeller}
