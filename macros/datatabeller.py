"""Every table of figures on the economy pages, built once from the data.

The same object becomes the HTML table beside a chart and the CSV file readers
download, so the two can never disagree.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from typing import Literal

from . import okonomi
from .format import kroner, tall
from .model import Plan, Statistikktabell
from .summer import AR
from .urls import slug

Kolonnetype = Literal["tekst", "kr", "tall", "prosent", "desimal"]


@dataclass(frozen=True)
class Kolonne:
    """A column: its heading and how its cells are written."""

    navn: str
    type_: Kolonnetype = "tekst"


@dataclass(frozen=True)
class Datatabell:
    """A table with an id (its CSV file name), a caption, columns and raw cell values."""

    id: str
    tittel: str
    kolonner: list[Kolonne]
    rader: list[list[object]]
    merknad: str | None = None
    sammendrag: str = ""
    """One sentence saying what the chart shows, computed from the same data."""
    stolper: list[tuple[str, float, str, bool]] = field(default_factory=list)
    """For the chart: (label, value, value as shown, is estimate)."""

    @property
    def csv_sti(self) -> str:
        """Where the CSV file lies in the site."""
        return f"nedlasting/{self.id}.csv"

    def celle(self, rad: list[object], indeks: int) -> str:
        """A cell as shown on the page (Norwegian number format)."""
        verdi, type_ = rad[indeks], self.kolonner[indeks].type_
        if verdi is None:
            return "ikke oppgitt"
        if type_ == "kr":
            return kroner(int(verdi))
        if type_ == "tall":
            return tall(int(verdi))
        if type_ == "prosent":
            return f"{verdi}\u00a0%"
        if type_ == "desimal":
            return f"{verdi}".replace(".", ",").replace("-", "−")
        return str(verdi)


def csv_tekst(tabell: Datatabell) -> str:
    """The table as CSV (semicolon-separated, as Norwegian spreadsheets expect; raw numbers)."""
    ut = io.StringIO()
    skriver = csv.writer(ut, delimiter=";", lineterminator="\n")
    skriver.writerow([k.navn for k in tabell.kolonner])
    for rad in tabell.rader:
        skriver.writerow(["" if v is None else str(v).replace(".", ",") if isinstance(v, float) else v for v in rad])
    return ut.getvalue()


def _arskolonner() -> list[Kolonne]:
    return [Kolonne(str(ar), "kr") for ar in AR]


def _gruppetabell(id_: str, tittel: str, hva: str, grupper: list[okonomi.Gruppesum]) -> Datatabell:
    storst = max(grupper, key=lambda g: g.ar[0].kr)
    return Datatabell(
        id_,
        tittel,
        [Kolonne(hva), Kolonne("Antall tiltak", "tall"), *_arskolonner(), Kolonne("Sum 2022–2024", "kr")],
        [[g.navn, g.antall, *[a.kr for a in g.ar], g.sum_2022_2024] for g in grupper],
        merknad="Summene gjelder beløp kilden oppgir. Anslag er tatt med; tiltak uten oppgitt beløp er ikke med.",
        sammendrag=(
            f"Diagrammet viser midlene i 2021 per {hva.lower()}. Mest får «{storst.navn}» med "
            f"{kroner(storst.ar[0].kr)} fordelt på {storst.antall} tiltak."
        ),
        stolper=[(g.navn, g.ar[0].kr, kroner(g.ar[0].kr), False) for g in grupper],
    )


def _statistikk(id_: str, tabell: Statistikktabell, kolonne: str, sammendrag: str) -> Datatabell:
    k = tabell.kolonne(kolonne)
    typer: list[Kolonnetype] = ["tall" if k in tabell.summerbare_kolonner else "desimal" for k in tabell.kolonner]
    if not tabell.summerbare_kolonner:
        typer = ["tall"] * len(tabell.kolonner)
    return Datatabell(
        id_,
        tabell.tittel or tabell.navn,
        [Kolonne("Navn"), *[Kolonne(k, t) for k, t in zip(tabell.kolonner, typer)]]
        + ([Kolonne("Merknad")] if any(r.merknad for r in tabell.rader) else []),
        [[r.navn, *r.verdier] + ([r.merknad or ""] if any(x.merknad for x in tabell.rader) else []) for r in tabell.rader],
        merknad=tabell.merknad,
        sammendrag=sammendrag,
        stolper=[(r.navn, r.verdier[k], _vis(r.verdier[k]), False) for r in tabell.rader],
    )


def _vis(verdi: int | float) -> str:
    return f"{verdi}".replace(".", ",").replace("-", "−") if isinstance(verdi, float) else tall(verdi)


def _befolkning(plan: Plan) -> Datatabell:
    tabell = plan.befolkning.tabeller[0]
    kolonne = "Vekst siden 1.1.2000"
    k = tabell.kolonne(kolonne)
    region = next(r for r in tabell.rader if r.summen_av)
    landet = tabell.rader[0]
    sammendrag = (
        f"Diagrammet viser veksten i folketallet fra 1.1.2000 til 31.12.2013 i prosent: "
        f"{region.navn} vokste med {_vis(region.verdier[k])} %, mot {_vis(landet.verdier[k])} % i «{landet.navn}»."
    )
    return _statistikk("befolkning", tabell, kolonne, sammendrag)


def _nho(tabell: Statistikktabell) -> Datatabell:
    beste = min(tabell.rader, key=lambda r: r.verdier[0])
    sammendrag = (
        f"Diagrammet viser Lillehammer-regionens plassering i NHOs {tabell.navn} (lavere tall er bedre). "
        f"Beste plassering i tabellen er {beste.verdier[0]} ({beste.navn}), siste er {tabell.rader[-1].verdier[0]} "
        f"({tabell.rader[-1].navn})."
    )
    return _statistikk(f"nho-{slug(tabell.navn)}", tabell, tabell.kolonner[0], sammendrag)


def bygg(plan: Plan) -> dict[str, Datatabell]:
    """Every table of the economy pages, by id."""
    p = plan.okonomi.partnerskapsmidler
    ramme = okonomi.ramme_2021(plan)
    fordeling = okonomi.fordeling_i_kroner(plan)
    totalt = okonomi.totalt(plan)
    tabeller = [
        Datatabell(
            "partnerskapsmidler",
            "Partnerskapsmidler per år",
            [Kolonne("Fra"), Kolonne("Beløp per år", "kr"), Kolonne("Kildens ordlyd")],
            [
                ["Innlandet fylkeskommune", p.fra_fylkeskommunen.kr, p.fra_fylkeskommunen.tekst],
                ["De tre kommunene", p.fra_kommunene.kr, p.fra_kommunene.tekst],
                ["Sum nye partnerskapsmidler", p.arlig.kr, p.arlig.tekst],
                ["Administrasjon dekkes av rammen (fratrekk)", -p.reduksjon_administrasjon.kr, p.reduksjon_administrasjon.tekst],
                ["Nye tiltaksmidler", p.nye_tiltaksmidler.kr, p.nye_tiltaksmidler.tekst],
            ],
            sammendrag=(
                f"Rådet får {kroner(p.arlig.kr)} i nye partnerskapsmidler per år, {kroner(p.fra_fylkeskommunen.kr)} "
                f"fra Innlandet fylkeskommune og {kroner(p.fra_kommunene.kr)} fra kommunene; når administrasjonen er "
                f"dekket, er det om lag {kroner(p.nye_tiltaksmidler.kr)} til nye tiltak."
            ),
            stolper=[
                ("Innlandet fylkeskommune", p.fra_fylkeskommunen.kr, kroner(p.fra_fylkeskommunen.kr), False),
                ("De tre kommunene", p.fra_kommunene.kr, kroner(p.fra_kommunene.kr), False),
                ("Nye tiltaksmidler etter administrasjon", p.nye_tiltaksmidler.kr, "ca. " + kroner(p.nye_tiltaksmidler.kr), True),
            ],
        ),
        Datatabell(
            "fordeling",
            "Omtrentlig fordeling av partnerskapsmidlene",
            [Kolonne("Satsingsområde"), Kolonne("Andel", "prosent"), Kolonne("Omtrent per år", "kr")],
            [[navn, prosent, kr] for _, navn, prosent, kr in fordeling],
            merknad=(
                "Kronebeløpene er andelene regnet av nye tiltaksmidler "
                f"({kroner(p.nye_tiltaksmidler.kr)}); kilden oppgir bare prosentene, og fordelingen er omtrentlig."
            ),
            sammendrag="Omtrentlig fordeling: " + ", ".join(f"{prosent} % til {navn[0].lower() + navn[1:]}" for _, navn, prosent, _ in fordeling) + ".",
            stolper=[(navn, prosent, f"ca. {prosent}\u00a0%", True) for _, navn, prosent, _ in fordeling],
        ),
        Datatabell(
            "ramme-2021",
            "Rammen for 2021 og det tiltakene bruker",
            [Kolonne("Post"), Kolonne("Beløp", "kr")],
            [["Ramme til oppfølging av strategisk næringsplan", ramme.ramme], ["Tiltakene i 2021", ramme.brukt], ["Ikke disponert", ramme.igjen]],
            sammendrag=(
                f"Tiltakene bruker {kroner(ramme.brukt)} av rammen på {kroner(ramme.ramme)} i 2021; "
                f"{kroner(ramme.igjen)} er ikke disponert."
            ),
            stolper=[
                ("Ramme", ramme.ramme, kroner(ramme.ramme), False),
                ("Tiltakene i 2021", ramme.brukt, kroner(ramme.brukt), False),
                ("Ikke disponert", ramme.igjen, kroner(ramme.igjen), False),
            ],
        ),
        Datatabell(
            "tiltak-per-ar",
            "Midler til tiltakene per år",
            [Kolonne("År"), Kolonne("Oppgitte beløp", "kr"), Kolonne("Anslag («trolig»)", "kr"),
             Kolonne("Sum med anslag", "kr"), Kolonne("Tiltak uten oppgitt beløp", "tall")],
            [[str(a.ar), a.sikker_kr, a.anslag_kr, a.kr, a.uten_belop] for a in totalt],
            merknad=(
                "Anslag står for seg og er ikke regnet som sikre beløp. Tiltak uten oppgitt beløp er ikke med; "
                "de står i tabellen «Midler som ikke er summert som sikre beløp»."
            ),
            sammendrag=(
                f"Tiltakene har {kroner(totalt[0].sikker_kr)} i {totalt[0].ar}. For "
                + ", ".join(f"{a.ar}: {kroner(a.sikker_kr)}" for a in totalt[1:])
                + f" er oppgitte beløp uten anslag; {totalt[1].uten_belop} tiltak har ikke oppgitt beløp for {totalt[1].ar}."
            ),
            stolper=[
                (str(a.ar), a.sikker_kr, kroner(a.sikker_kr) + (f" + ca. {kroner(a.anslag_kr)} anslag" if a.anslag_kr else ""), False)
                for a in totalt
            ],
        ),
        _gruppetabell("per-virkemiddel", "Midler per virkemiddel", "Virkemiddel", okonomi.per_virkemiddel(plan)),
        _gruppetabell("per-tiltakseier", "Midler per tiltakseier", "Tiltakseier", okonomi.per_tiltakseier(plan)),
        _gruppetabell("per-rolle", "Midler per rolle regionen har", "Rolle", okonomi.per_rolle(plan)),
        Datatabell(
            "tiltak",
            "Alle tiltak med midler per år",
            [Kolonne("Tiltak"), Kolonne("Virkemiddel"), *_arskolonner(), Kolonne("Midler i 2021 (kilden)"),
             Kolonne("Midler 2022-2024 (kilden)"), Kolonne("Rolle regionen"), Kolonne("Tiltakseier"), Kolonne("Hovedsamarbeidspartner(e)")],
            [[t.navn, plan.virkemidler[t.virkemiddel].overskrift, *[t.kr_for(ar) for ar in AR], t.midler_2021.tekst,
              t.midler_2022_2024.tekst, t.rolle_tekst, t.tiltakseier_tekst, t.partnere_tekst] for t in plan.tiltak.values()],
        ),
        Datatabell(
            "usikre-belop",
            "Midler som ikke er summert som sikre beløp",
            [Kolonne("Tiltak"), Kolonne("Kolonne i kilden"), Kolonne("Kildens ordlyd"), Kolonne("Hvorfor")],
            [[u.tiltak.navn, u.kolonne, u.tekst, u.grunn] for u in okonomi.usikre(plan)],
        ),
    ]
    tabeller.append(_befolkning(plan))
    tabeller += [_nho(t) for t in plan.nho_rangeringer.tabeller]
    return {t.id: t for t in tabeller}
