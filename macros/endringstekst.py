"""Change records (macros/endringer.py) as plain bokmål sentences, with names instead of ids."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from .endringer import Endring, Sumendring, felttyper, register_for
from .format import kroner, prosent, tall
from .model import Aktorlenke, Plan
from .registry import TYPER, Ord

NAVNEFELT = ("forkortelse", "overskrift", "navn", "tittel", "term")
"""Where a record's short display name stands, in order of preference (LRV, «Klynger og nettverk»)."""

NYTT_NAVN = {"navn": "nytt navn", "tittel": "ny tittel", "overskrift": "ny overskrift", "term": "ny skrivemåte"}
"""Fields that name a record: a change to one reads «… fikk nytt navn: «gammelt» → «nytt»»."""

FELTNAVN = {
    "midler_2021": "midler 2021",
    "midler_2022_2024": "midler 2022–2024",
    "rolle_tekst": "rolletekst",
    "tiltakseier_tekst": "tiltakseiertekst",
    "partnere_tekst": "partnertekst",
    "dato_tekst": "datotekst",
    "tid_tekst": "tidstekst",
    "arlig": "årlig",
    "aktor": "aktør",
    "aktorer": "aktører",
}
"""YAML keys spelt without æøå or joined by «_», as they read in a sentence; other keys read as they are."""

LANG_TEKST = 100
"""Texts longer than this are shortened to the part that changed."""


def setning(endring: Endring, gammel: Plan, ny: Plan) -> str:
    """One change as a sentence: «Snowball: midler 2023 endret fra 300 000 kr til 250 000 kr»."""
    ord_ = _ord(endring.type)
    if endring.art == "ny":
        return _ny_post(endring, ny, gammel, ord_)
    if endring.art == "fjernet":
        return f"Fjernet {ord_.ubestemt}: {postnavn(endring, gammel, ny)}"
    post = postnavn(endring, gammel, ny)
    felt = feltnavn(endring)
    fra, til = _verdi(endring, endring.gammel, gammel, ny), _verdi(endring, endring.ny, ny, gammel)
    if endring.art == "lagt til":
        return f"{post}: {til} lagt til i {felt}"
    if endring.art == "tatt bort":
        return f"{post}: {fra} fjernet fra {felt}"
    if endring.felt == ("virkemiddel",) and endring.type == "tiltak":
        return f"{post}: flyttet fra virkemiddelet {fra} til {til}"
    if endring.id is not None and len(endring.felt) == 1 and endring.felt[0] in NYTT_NAVN:
        return (
            f"{ord_.bestemt.capitalize()} {endring.id} fikk {NYTT_NAVN[endring.felt[0]]}: "
            f"«{endring.gammel}» → «{endring.ny}»"
        )
    if endring.gammel is None:
        return f"{post}: {felt} satt til {til}"
    if endring.ny is None:
        return f"{post}: {felt} fjernet (var {fra})"
    if isinstance(endring.gammel, str) and isinstance(endring.ny, str) and endring.register is None:
        utdrag_fra, utdrag_til = _utdrag(endring.gammel, endring.ny)
        return f"{post}: {felt} endret fra «{utdrag_fra}» til «{utdrag_til}»"
    hva = f"rekkefølgen i {felt}" if isinstance(endring.ny, list) else felt
    return f"{post}: {hva} endret fra {fra} til {til}"


def sumsetning(endring: Sumendring) -> str:
    """A moved yearly sum, and whether it still matches the total the source states."""
    ar, fra, til = endring.ar, endring.gammel.kr, endring.ny.kr
    anslag_fra, anslag_til = endring.gammel.anslag_kr, endring.ny.anslag_kr
    if fra == til and endring.oppgitt_gammel == endring.oppgitt_ny:
        return (
            f"Summen av midler i {ar} er uendret ({kroner(til)}), men delen av den som er anslag («trolig») "
            f"endret fra {kroner(anslag_fra)} til {kroner(anslag_til)}."
        )
    if endring.stemmer is None:
        tekst = f"Summen av midler i {ar} endret fra {kroner(fra)} til {kroner(til)}."
    elif fra != til:
        oppgitt = kroner(endring.oppgitt_ny)
        if endring.oppgitt_gammel != endring.oppgitt_ny:
            oppgitt += f", før {kroner(endring.oppgitt_gammel)}"
        tekst = (
            f"Summen av midler i {ar} endret fra {kroner(fra)} til {kroner(til)} og "
            f"{_forhold(endring)} summen kilden oppgir ({oppgitt})."
        )
    else:
        tekst = (
            f"Summen kilden oppgir for midler i {ar} endret fra {kroner(endring.oppgitt_gammel)} til "
            f"{kroner(endring.oppgitt_ny)} og {_forhold(endring)} summen av tiltakenes midler ({kroner(til)})."
        )
    if anslag_til:
        tekst += f" Av dette er {kroner(anslag_til)} anslag («trolig»)."
    if endring.ny.uten_belop != endring.gammel.uten_belop:
        tekst += (
            f" Tiltak uten oppgitt beløp for {ar}, som ikke er med i summen: {endring.ny.uten_belop} "
            f"(før {endring.gammel.uten_belop})."
        )
    return tekst


def _forhold(endring: Sumendring) -> str:
    return {
        (True, True): "stemmer fortsatt med",
        (True, False): "stemmer ikke lenger med",
        (False, True): "stemmer nå med",
        (False, False): "stemmer fortsatt ikke med",
    }[(bool(endring.stemte), bool(endring.stemmer))]


def visningsnavn(post: BaseModel) -> str:
    """A record's short name as the site shows it: its abbreviation, heading, name, title or term."""
    for felt in NAVNEFELT:
        verdi = getattr(post, felt, None)
        if verdi:
            return verdi
    return getattr(post, "id", "") or type(post).__name__


def postnavn(endring: Endring, gammel: Plan, ny: Plan) -> str:
    """What a sentence about a change starts with: the record's name, or the file for a one-record file."""
    if endring.id is None:
        return f"data/{TYPER[endring.type].fil}"
    plan = ny if endring.id in ny.poster[endring.type] else gammel
    post = plan.poster[endring.type][endring.id]
    if endring.type == "tiltaksplanpost":
        # «Snowball i Tiltaksplan 2022»: the entry's id alone says nothing to a reader.
        return f"{_tiltaksnavn(post.tiltak, plan, gammel)} i {_navn_for_id('tiltaksplan', post.plan, plan, gammel)}"
    return visningsnavn(post)


def feltnavn(endring: Endring) -> str:
    """The changed field as words: «midler 2023», «partnerskapsmidler › årlig», «vurdering › nr. 2»."""
    deler: list[str] = []
    forrige = None
    for art, ledd in felttyper(TYPER[endring.type].modell, endring.felt):
        if art == "felt":
            # The amount says «kr» itself, so the key adds nothing.
            if ledd != "kr":
                deler.append(FELTNAVN.get(ledd, str(ledd).replace("_", " ")))
        elif art == "nokkel" and forrige == "kr" and deler and deler[-1].startswith("midler"):
            # A measure's amount for a year: «midler 2023», not «midler 2022–2024 › 2023», and in a later
            # plan's entry not «midler › midler-2023-2025 › 2023» (the column's id says nothing more).
            deler[-1] = f"midler {ledd}"
            if deler[-2:-1] == ["midler"]:
                del deler[-2]
        elif art == "nokkel":
            deler.append(str(ledd))
        elif isinstance(ledd, str):
            deler.append(f"«{ledd}»")  # a list element by its id or name
        else:
            deler.append(f"nr. {ledd + 1}")  # a list element by its position
        forrige = ledd if art == "felt" else None
    return " › ".join(deler)


def _ord(type_: str) -> Ord:
    """The kind's words from the registry; a kind without them is named by its file."""
    fil = f"data/{TYPER[type_].fil}"
    return TYPER[type_].ord or Ord(f"post i {fil}", f"posten i {fil}", "Ny", f"poster i {fil}")


def _ny_post(endring: Endring, ny: Plan, gammel: Plan, ord_: Ord) -> str:
    post = endring.ny
    tekst = f"{ord_.ny} {ord_.ubestemt}: {visningsnavn(post)}"
    if endring.type == "tiltaksplanpost":
        return _ny_planpost(post, ny, gammel)
    if endring.type == "tiltak":
        virkemiddel = _navn_for_id("virkemiddel", post.virkemiddel, ny, gammel)
        tekst += f" under {virkemiddel}, {_eiere(post, ny, gammel)}"
    return tekst


def _eiere(post: Any, ny: Plan, gammel: Plan) -> str:
    eiere = _liste([_navn_for_id("aktor", a, ny, gammel) for a in post.tiltakseiere])
    return f"{'eier' if len(post.tiltakseiere) == 1 else 'eiere'} {eiere}"


def _ny_planpost(post: Any, ny: Plan, gammel: Plan) -> str:
    """«Snowball er med i Tiltaksplan 2022, eier …» or, for a measure new in the plan, «Nytt tiltak i …»."""
    plan = _navn_for_id("tiltaksplan", post.plan, ny, gammel)
    if post.navn is not None:
        virkemiddel = _navn_for_id("virkemiddel", post.virkemiddel, ny, gammel)
        return f"Nytt tiltak i {plan}: {post.navn} under {virkemiddel}, {_eiere(post, ny, gammel)}"
    return f"{_tiltaksnavn(post.tiltak, ny, gammel)} er med i {plan}, {_eiere(post, ny, gammel)}"


def _tiltaksnavn(tiltak_id: str, plan: Plan, annen: Plan) -> str:
    """A measure's name, also for one that is new in a later plan (its name stands in that plan's entry)."""
    for kilde in (plan, annen):
        if tiltak_id in kilde.tiltak:
            return visningsnavn(kilde.tiltak[tiltak_id])
        for post in kilde.poster.get("tiltaksplanpost", {}).values():
            if post.tiltak == tiltak_id and post.navn is not None:
                return post.navn
    return tiltak_id


def _navn_for_id(type_: str, id_: str, plan: Plan, annen: Plan) -> str:
    """The name of what an id points to, looked up in the plan the id comes from (else the other)."""
    for kilde in (plan, annen):
        post = kilde.poster[type_].get(id_)
        if post is not None:
            return visningsnavn(post)
    return id_


def _siste_felt(endring: Endring) -> str | None:
    felt = [ledd for art, ledd in felttyper(TYPER[endring.type].modell, endring.felt) if art == "felt"]
    return str(felt[-1]) if felt else None


def _verdi(endring: Endring, verdi: Any, plan: Plan, annen: Plan) -> str:
    """A value as it reads in a sentence; ids become names (plan is the side the value comes from)."""
    skjema = tuple(str(ledd) for art, ledd in felttyper(TYPER[endring.type].modell, endring.felt) if art == "felt")
    return _formater(verdi, endring.type, skjema, plan, annen)


def _formater(verdi: Any, type_: str, skjema: tuple[str, ...], plan: Plan, annen: Plan) -> str:
    siste = skjema[-1] if skjema else None
    register = register_for(type_, skjema)
    if verdi is None:
        return "(tom)"
    if isinstance(verdi, bool):
        return "ja" if verdi else "nei"
    if register and isinstance(verdi, str):
        return _navn_for_id(register, verdi, plan, annen)
    if register and isinstance(verdi, Aktorlenke):
        return f"{_navn_for_id(register, verdi.aktor, plan, annen)} ({verdi.sikkerhet})"
    if isinstance(verdi, int) and siste == "kr":
        return kroner(verdi)
    if isinstance(verdi, (int, float)) and siste == "prosent":
        return prosent(verdi)
    if isinstance(verdi, (int, float)):
        return tall(verdi)
    if isinstance(verdi, str):
        return f"«{_forkort(verdi)}»"
    if isinstance(verdi, list):
        return _liste([_formater(v, type_, skjema, plan, annen) for v in verdi]) or "(ingen)"
    if isinstance(verdi, dict):
        return ", ".join(f"{k}: {_formater(v, type_, skjema, plan, annen)}" for k, v in verdi.items())
    if isinstance(verdi, BaseModel):
        if any(getattr(verdi, felt, None) for felt in NAVNEFELT):
            return visningsnavn(verdi)
        return ", ".join(
            f"{FELTNAVN.get(navn, navn.replace('_', ' '))} {_formater(v, type_, skjema + (navn,), plan, annen)}"
            for navn in type(verdi).model_fields
            if (v := getattr(verdi, navn)) not in (None, [], {})
        )
    return str(verdi)


def _liste(deler: list[str]) -> str:
    """«A», «A og B», «A, B og C»."""
    return deler[0] if len(deler) == 1 else f"{', '.join(deler[:-1])} og {deler[-1]}" if deler else ""


def _forkort(tekst: str) -> str:
    if len(tekst) <= LANG_TEKST:
        return tekst
    kutt = tekst.rfind(" ", 0, LANG_TEKST)
    return tekst[: kutt if kutt > 0 else LANG_TEKST] + " …"


def _utdrag(fra: str, til: str, kontekst: int = 30) -> tuple[str, str]:
    """The part of two long texts that differs, with a few words around it; short texts stay whole."""
    if len(fra) <= LANG_TEKST and len(til) <= LANG_TEKST:
        return fra, til
    prefiks = 0
    while prefiks < min(len(fra), len(til)) and fra[prefiks] == til[prefiks]:
        prefiks += 1
    suffiks = 0
    while suffiks < min(len(fra), len(til)) - prefiks and fra[-1 - suffiks] == til[-1 - suffiks]:
        suffiks += 1
    start = 0
    if prefiks > kontekst:
        # Start at a word boundary a little before the first difference.
        mellomrom = fra.find(" ", prefiks - kontekst, prefiks)
        start = mellomrom + 1 if mellomrom != -1 else prefiks - kontekst
    bort = 0
    if suffiks > kontekst:
        # Likewise end at a word boundary a little after the last difference.
        slutt = len(fra) - suffiks
        mellomrom = fra.rfind(" ", slutt, slutt + kontekst)
        bort = len(fra) - (mellomrom if mellomrom != -1 else slutt + kontekst)

    def klipp(tekst: str) -> str:
        return ("… " if start else "") + tekst[start : len(tekst) - bort] + (" …" if bort else "")

    return klipp(fra), klipp(til)
