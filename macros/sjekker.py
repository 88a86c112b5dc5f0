"""Checks across files: every reference resolves, every stated total holds."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Iterator

from .feil import Feil
from .format import kroner
from .meldinger import foreslaa
from .yamlfil import YamlDokument


@dataclass
class Lest:
    """A validated file: its document (for lines) and its records by id, with each record's path."""

    dokument: YamlDokument
    poster: dict[str, Any]
    sti_for_id: dict[str, tuple]
    komplett: bool = True
    ugyldige_ids: frozenset[str] = frozenset()
    """Ids of records that failed validation: references to them are not reported again."""


@dataclass(frozen=True)
class Referanse:
    """A field that points into a register: which register, and what to call it in a message."""

    felt: str
    register: str
    hva: str


REFERANSER: dict[str, list[Referanse]] = {
    "tiltak": [
        Referanse("virkemiddel", "virkemidler", "virkemiddel"),
        Referanse("roller", "roller", "rolle"),
        Referanse("tiltakseiere", "aktorer", "aktør"),
        Referanse("partnere", "aktorer", "aktør"),
    ],
    "roller": [Referanse("kilde.kilde", "kilder", "kilde")],
    "virkemidler": [Referanse("kilde.kilde", "kilder", "kilde")],
    "ordliste": [Referanse("kilde", "kilder", "kilde")],
    "hendelser": [
        Referanse("kilder.kilde", "kilder", "kilde"),
        Referanse("tiltak", "tiltak", "tiltak"),
        Referanse("virkemidler", "virkemidler", "virkemiddel"),
        Referanse("aktorer", "aktorer", "aktør"),
    ],
}


def sjekk_plan(lest: dict[str, Lest]) -> list[Feil]:
    """Every cross-file mistake: unknown references, repeated numbers, totals that do not match."""
    feil = [f for fil, refs in REFERANSER.items() for ref in refs for f in _sjekk_referanse(lest, fil, ref)]
    feil += _sjekk_okonomi_kilder(lest)
    if lest["tiltak"].komplett:
        feil += _sjekk_sum_2021(lest)
    return feil


def _verdier(objekt: Any, deler: list[str], sti: tuple) -> Iterator[tuple[tuple, Any]]:
    """Walk a dotted field path through objects and lists, yielding (path, value) for each leaf."""
    if isinstance(objekt, list):
        for i, element in enumerate(objekt):
            yield from _verdier(element, deler, sti + (i,))
    elif not deler:
        yield sti, objekt
    else:
        yield from _verdier(getattr(objekt, deler[0]), deler[1:], sti + (deler[0],))


def _sjekk_referanse(lest: dict[str, Lest], fil: str, ref: Referanse) -> Iterator[Feil]:
    register = lest[ref.register]
    for post_id, post in lest[fil].poster.items():
        for sti, ukjent in _verdier(post, ref.felt.split("."), lest[fil].sti_for_id[post_id]):
            if ukjent in register.poster or ukjent in register.ugyldige_ids:
                continue
            yield Feil(
                lest[fil].dokument.fil,
                f"ukjent {ref.hva} «{ukjent}». Id-en må finnes i data/{ref.register}.yml."
                f"{foreslaa(ukjent, list(register.poster))}",
                linje=lest[fil].dokument.linje(sti),
                post=post_id,
                felt=ref.felt,
            )


def _sjekk_okonomi_kilder(lest: dict[str, Lest]) -> Iterator[Feil]:
    okonomi = lest["okonomi"].poster[""]
    for navn in ("ramme", "oppgitt_sum"):
        belop = getattr(okonomi.tiltaksplan_2021, navn)
        if belop.kilde not in lest["kilder"].poster:
            yield Feil(
                lest["okonomi"].dokument.fil,
                f"ukjent kilde «{belop.kilde}». Id-en må finnes i data/kilder.yml."
                f"{foreslaa(belop.kilde, list(lest['kilder'].poster))}",
                linje=lest["okonomi"].dokument.linje(("tiltaksplan_2021", navn, "kilde")),
                felt=f"tiltaksplan_2021.{navn}.kilde",
            )


def _sjekk_sum_2021(lest: dict[str, Lest]) -> Iterator[Feil]:
    """The 2021 amounts must add up to the source's stated total, within the frame."""
    okonomi = lest["okonomi"].poster[""].tiltaksplan_2021
    summen = sum(t.midler_2021.kr.get(2021, 0) for t in lest["tiltak"].poster.values())
    fil = lest["okonomi"].dokument.fil
    if summen != okonomi.oppgitt_sum.kr:
        yield Feil(
            fil,
            f"summen av midler i 2021 i data/tiltak.yml er {kroner(summen)}, men kilden oppgir "
            f"{kroner(okonomi.oppgitt_sum.kr)} («{okonomi.oppgitt_sum.tekst}»). Rett beløpene i "
            "data/tiltak.yml slik at de stemmer med kilden, eller rett den oppgitte summen her "
            "hvis kilden er endret.",
            linje=lest["okonomi"].dokument.linje(("tiltaksplan_2021", "oppgitt_sum", "kr")),
            felt="tiltaksplan_2021.oppgitt_sum.kr",
        )
    if summen > okonomi.ramme.kr:
        yield Feil(
            fil,
            f"summen av midler i 2021 i data/tiltak.yml er {kroner(summen)}, som er mer enn rammen på "
            f"{kroner(okonomi.ramme.kr)} («{okonomi.ramme.tekst}»).",
            linje=lest["okonomi"].dokument.linje(("tiltaksplan_2021", "ramme", "kr")),
            felt="tiltaksplan_2021.ramme.kr",
        )
