"""Checks across files: every reference resolves, every stated total holds."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from .errors import Feil
from .format import kroner
from .messages import foreslaa
from .registry import TILTAKSPLAN, TYPER, Referanse
from .yamlfile import YamlDokument


@dataclass
class Lest:
    """A validated file: its document (for lines) and its records by id, with each record's path."""

    dokument: YamlDokument
    poster: dict[str, Any]
    sti_for_id: dict[str, tuple]
    komplett: bool = True
    ugyldige_ids: frozenset[str] = frozenset()
    """Ids of records that failed validation: references to them are not reported again."""


def sjekk_referanser(lest: dict[str, Lest]) -> list[Feil]:
    """Every reference to an id that is not among the referenced kind's records (macros/registry.py)."""
    return [
        f for type_ in TYPER.values() for ref in type_.referanser for f in _sjekk_referanse(lest, type_.nokkel, ref)
    ]


def sjekk_summer(lest: dict[str, Lest]) -> list[Feil]:
    """Every total the data states or sums that does not reconcile with the source's stated figure."""
    feil: list[Feil] = []
    feil += _sjekk_planer(lest)
    feil += _sjekk_partnerskapsmidler(lest)
    feil += _sjekk_statistikksummer(lest, "befolkning")
    feil += _sjekk_statistikksummer(lest, "nho_rangeringer")
    return feil


def _kjente(lest: dict[str, Lest], type_: str) -> tuple[list[str], set[str]]:
    """The ids a reference to a kind may name (for suggestions), and those it may name without a message.

    A measure new in a later tiltaksplan is a measure too, though its record is that plan's entry.
    """
    register = lest[type_]
    ider = list(register.poster)
    if type_ == "tiltak":
        ider += [p.tiltak for p in lest["tiltaksplanpost"].poster.values() if p.navn is not None]
    return ider, set(ider) | register.ugyldige_ids


def _sjekk_referanse(lest: dict[str, Lest], type_: str, ref: Referanse) -> Iterator[Feil]:
    ider, kjente = _kjente(lest, ref.til)
    mal = TYPER[ref.til]
    for post_id, post in lest[type_].poster.items():
        for sti, ukjent in ref.verdier(post, lest[type_].sti_for_id[post_id]):
            if ukjent in kjente:
                continue
            yield Feil(
                lest[type_].dokument.fil,
                f"ukjent {mal.ord.ubestemt} «{ukjent}». Id-en må finnes i data/{mal.fil}.{foreslaa(ukjent, ider)}",
                linje=lest[type_].dokument.linje(sti),
                post=post_id,
                felt=ref.felt,
            )


def _sjekk_partnerskapsmidler(lest: dict[str, Lest]) -> Iterator[Feil]:
    """The stated parts must add up: 2,5 mill. + 1 mill. = 3,5 mill.; minus 500 000 = 3 mill.; 80+10+10 = 100."""
    okonomi = lest["okonomi"].poster[""]
    dokument = lest["okonomi"].dokument

    def feil(sti: tuple, melding: str) -> Feil:
        return Feil(dokument.fil, melding, linje=dokument.linje(sti), felt=".".join(sti))

    p = okonomi.partnerskapsmidler
    deler = p.fra_fylkeskommunen.kr + p.fra_kommunene.kr
    if deler != p.arlig.kr:
        yield feil(
            ("partnerskapsmidler", "arlig", "kr"),
            f"bidragene fra fylkeskommunen ({kroner(p.fra_fylkeskommunen.kr)}) og kommunene "
            f"({kroner(p.fra_kommunene.kr)}) blir {kroner(deler)}, men de årlige partnerskapsmidlene er "
            f"oppgitt til {kroner(p.arlig.kr)}. Rett beløpene så de stemmer med kilden.",
        )
    etter_administrasjon = p.arlig.kr - p.reduksjon_administrasjon.kr
    if etter_administrasjon != p.nye_tiltaksmidler.kr:
        yield feil(
            ("partnerskapsmidler", "nye_tiltaksmidler", "kr"),
            f"{kroner(p.arlig.kr)} minus {kroner(p.reduksjon_administrasjon.kr)} til administrasjon blir "
            f"{kroner(etter_administrasjon)}, men nye tiltaksmidler er oppgitt til {kroner(p.nye_tiltaksmidler.kr)}.",
        )
    prosent = sum(a.prosent for a in okonomi.fordeling.andeler)
    if prosent != 100:
        yield feil(("fordeling", "andeler"), f"andelene i fordelingen blir til sammen {prosent} %, men må bli 100 %.")


def _sjekk_statistikksummer(lest: dict[str, Lest], fil: str) -> Iterator[Feil]:
    """A row that says it is the sum of other rows must equal their sum in every additive column."""
    statistikk = lest[fil].poster[""]
    dokument = lest[fil].dokument
    for t, tabell in enumerate(statistikk.tabeller):
        rader = {rad.navn: rad for rad in tabell.rader}
        for r, rad in enumerate(tabell.rader):
            for navn in rad.summen_av:
                if navn not in rader:
                    yield Feil(
                        dokument.fil,
                        f"raden «{rad.navn}» sier den er summen av «{navn}», men den raden finnes ikke i tabellen.",
                        linje=dokument.linje(("tabeller", t, "rader", r, "summen_av")),
                        felt="summen_av",
                    )
            if not rad.summen_av or any(n not in rader for n in rad.summen_av):
                continue
            for kolonne in tabell.summerbare_kolonner:
                k = tabell.kolonne(kolonne)
                summen = sum(rader[n].verdier[k] for n in rad.summen_av)
                if summen != rad.verdier[k]:
                    yield Feil(
                        dokument.fil,
                        f"i kolonnen «{kolonne}» er raden «{rad.navn}» {rad.verdier[k]}, men summen av "
                        f"{', '.join(rad.summen_av)} er {summen}. Rett tallene så de stemmer med kilden.",
                        linje=dokument.linje(("tabeller", t, "rader", r, "verdier", k)),
                        felt=f"verdier[{k}]",
                    )


def sjekk_tiltaksplanposter(lest: dict[str, Lest]) -> list[Feil]:
    """Every later plan's entry names a known measure and uses its plan's money columns and their years;
    no two plans are for the same year (the pages and the CSV files name a plan by its year)."""
    return list(_sjekk_planar(lest)) + list(_sjekk_tiltaksplanposter(lest))


def _sjekk_planar(lest: dict[str, Lest]) -> Iterator[Feil]:
    planer = lest["tiltaksplan"]
    sett: dict[int, str] = {}
    for plan_id, plan in planer.poster.items():
        if plan.ar in sett:
            yield Feil(
                planer.dokument.fil,
                f"året {plan.ar} har allerede en tiltaksplan («{sett[plan.ar]}»). Hvert år har én tiltaksplan; "
                "rett året, eller før tiltakene inn i den planen som finnes.",
                linje=planer.dokument.linje(planer.sti_for_id[plan_id] + ("ar",)),
                post=plan_id,
                felt="ar",
            )
        else:
            sett[plan.ar] = plan_id


def _sjekk_tiltaksplanposter(lest: dict[str, Lest]) -> Iterator[Feil]:
    poster = lest["tiltaksplanpost"]
    planer = lest["tiltaksplan"].poster
    dokument = poster.dokument
    kjente = set(lest["tiltak"].poster) | set(lest["tiltak"].ugyldige_ids)
    nye = {p.tiltak for p in poster.poster.values() if p.navn is not None}
    innfort: dict[str, str] = {}
    i_planen: dict[tuple[str, str], str] = {}
    # Made once: a union per entry grows with the square of the entries.
    alle = kjente | nye
    for post_id, post in poster.poster.items():
        sti = poster.sti_for_id[post_id]

        def feil(felt: tuple, melding: str, post_id: str = post_id, sti: tuple = sti) -> Feil:
            return Feil(dokument.fil, melding, linje=dokument.linje(sti + felt), post=post_id, felt=".".join(felt))

        if (post.plan, post.tiltak) in i_planen:
            yield feil(
                ("tiltak",),
                f"tiltaket «{post.tiltak}» står allerede i samme plan, i innslaget «{i_planen[post.plan, post.tiltak]}». "
                "Et tiltak har ett innslag per plan.",
            )
        i_planen.setdefault((post.plan, post.tiltak), post_id)
        if post.navn is not None and post.tiltak in innfort:
            yield feil(
                ("navn",),
                f"tiltaket «{post.tiltak}» er allerede nytt i innslaget «{innfort[post.tiltak]}», som har navn og "
                "virkemiddel. I senere planer har tiltaket bare id-en i «tiltak».",
            )
        elif post.navn is not None:
            innfort[post.tiltak] = post_id
        if post.navn is not None and post.tiltak in kjente:
            yield feil(
                ("navn",),
                f"tiltaket «{post.tiltak}» står allerede i data/tiltak.yml. Et tiltak som går videre, har bare "
                "id-en i «tiltak»; navn og virkemiddel skrives bare for et tiltak som er nytt i planen.",
            )
        elif post.tiltak not in alle:
            yield feil(
                ("tiltak",),
                f"ukjent tiltak «{post.tiltak}». Id-en må finnes i data/tiltak.yml, eller tiltaket må være nytt i en "
                "plan her med navn og virkemiddel."
                f"{foreslaa(post.tiltak, sorted(alle))}",
            )
        plan = planer.get(post.plan)
        if plan is None:
            continue
        if post.plan == TILTAKSPLAN:
            yield feil(
                ("plan",),
                f"tiltakene i {plan.navn} står i data/tiltak.yml; her står bare tiltakene i senere planer.",
            )
            continue
        for kolonne_id, midler in post.midler.items():
            kolonne = plan.kolonne(kolonne_id)
            if kolonne is None:
                yield feil(
                    ("midler", kolonne_id),
                    f"{plan.navn} har ingen kolonne «{kolonne_id}». Kolonnene er "
                    f"{', '.join(k.id for k in plan.kolonner)} (data/tiltaksplaner.yml).",
                )
            elif ugyldige := sorted((set(midler.kr) | set(midler.uten_belop)) - set(kolonne.ar)):
                yield feil(
                    ("midler", kolonne_id),
                    f"året {ugyldige[0]} hører ikke til kolonnen «{kolonne.navn}» i {plan.navn}; "
                    f"tillatte år er {', '.join(map(str, kolonne.ar))}",
                )


def _sjekk_planer(lest: dict[str, Lest]) -> Iterator[Feil]:
    """Each plan's amounts for its year must add up to the total its source states, within its frame."""
    dokument = lest["tiltaksplan"].dokument
    for plan_id, plan in lest["tiltaksplan"].poster.items():
        if plan_id == TILTAKSPLAN:
            if not lest["tiltak"].komplett:
                continue
            belop = [t.kr_for(plan.ar) for t in lest["tiltak"].poster.values()]
            hvor = f"i data/tiltak.yml ({plan.navn})"
        else:
            if not lest["tiltaksplanpost"].komplett:
                continue
            belop = [p.kr_for(plan.ar) for p in lest["tiltaksplanpost"].poster.values() if p.plan == plan_id]
            hvor = f"for tiltakene i {plan.navn} i data/tiltaksplanposter.yml"
        summen = sum(b for b in belop if b is not None)
        sti = lest["tiltaksplan"].sti_for_id[plan_id]
        if plan.oppgitt_sum is not None and summen != plan.oppgitt_sum.kr:
            yield Feil(
                dokument.fil,
                f"summen av midler i {plan.ar} {hvor} er {kroner(summen)}, men kilden oppgir "
                f"{kroner(plan.oppgitt_sum.kr)} («{plan.oppgitt_sum.tekst}»). Rett beløpene slik at de stemmer med "
                "kilden, eller rett den oppgitte summen her hvis kilden er endret.",
                linje=dokument.linje(sti + ("oppgitt_sum", "kr")),
                post=plan_id,
                felt="oppgitt_sum.kr",
            )
        if plan.ramme is not None and summen > plan.ramme.kr:
            yield Feil(
                dokument.fil,
                f"summen av midler i {plan.ar} {hvor} er {kroner(summen)}, som er mer enn rammen på "
                f"{kroner(plan.ramme.kr)} («{plan.ramme.tekst}»).",
                linje=dokument.linje(sti + ("ramme", "kr")),
                post=plan_id,
                felt="ramme.kr",
            )
