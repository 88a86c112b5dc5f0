"""What changed in the data between two Plans, as structured change records.

The comparison is generic: it walks every record kind in macros/registry.py and every
field of the pydantic models, so a new file or field is compared without code
here. Wording lives in macros/endringstekst.py; reading a git revision and the
command line in macros/endringsrapport.py (`python -m macros.endringer`).
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Union

from pydantic import BaseModel

from . import model
from .okonomi import Arssum, totalt
from .registry import TILTAKSPLAN, TYPER

Art = Literal["ny", "fjernet", "endret", "lagt til", "tatt bort"]
"""Kind of change: a record added or removed, a value changed, or an element added to or removed from a list."""

Ledd = str | int
"""One step of a field path: a field name, a key of a mapping (a year), a list element's id or name, or its position."""

NOKKELFELT = ("id", "navn")
"""The fields that identify an element of a list, in order of preference."""


@dataclass(frozen=True)
class Endring:
    """One change in data/: which register and record, which field, and the values before and after."""

    art: Art
    type: str
    """The record kind, as a key of registry.TYPER: "tiltak", "aktor", "okonomi" …"""
    id: str | None
    """The record's id; None in a file that is one record (okonomi, befolkning …)."""
    felt: tuple[Ledd, ...] = ()
    """Path to the field from the record; () for a whole record."""
    gammel: Any = None
    ny: Any = None
    register: str | None = None
    """When the values are ids of another kind's records (an owner, an instrument): that kind."""


@dataclass(frozen=True)
class Sumendring:
    """A computed sum of one year's amounts that moved, and the total the source states for it, if any."""

    ar: int
    gammel: Arssum
    ny: Arssum
    oppgitt_gammel: int | None = None
    oppgitt_ny: int | None = None

    @property
    def stemte(self) -> bool | None:
        """Whether the old sum matched the stated total; None when the source states none."""
        return None if self.oppgitt_gammel is None else self.gammel.kr == self.oppgitt_gammel

    @property
    def stemmer(self) -> bool | None:
        """Whether the new sum matches the stated total; None when the source states none."""
        return None if self.oppgitt_ny is None else self.ny.kr == self.oppgitt_ny


OPPGITTE_SUMMER = {2021: lambda plan: _oppgitt_sum(plan, TILTAKSPLAN)}
"""The years whose sum of amounts the source states, and where (the total checks.py reconciles)."""


def _oppgitt_sum(plan: model.Plan, plan_id: str) -> int | None:
    """The total a plan's source states, or None when the plan or its stated total is missing."""
    tiltaksplan = plan.tiltaksplaner.get(plan_id)
    return tiltaksplan.oppgitt_sum.kr if tiltaksplan is not None and tiltaksplan.oppgitt_sum is not None else None


def sammenlign(gammel: model.Plan, ny: model.Plan) -> list[Endring]:
    """Every change from one Plan to another, kind by kind in the registry's order."""
    endringer: list[Endring] = []
    for type_, posttype in TYPER.items():
        fra, til = gammel.poster[type_], ny.poster[type_]
        if not posttype.liste:
            endringer += _endringer(type_, None, fra, til, posttype.modell, (), ())
            continue
        for post_id, post in til.items():
            if post_id not in fra:
                endringer.append(Endring("ny", type_, post_id, ny=post))
            else:
                endringer += _endringer(type_, post_id, fra[post_id], post, posttype.modell, (), ())
        endringer += [Endring("fjernet", type_, i, gammel=p) for i, p in fra.items() if i not in til]
    return endringer


def sumendringer(gammel: model.Plan, ny: model.Plan) -> list[Sumendring]:
    """The yearly sums (okonomi.totalt) that moved, whose estimated part moved, or whose stated total moved."""
    resultat = []
    gamle = totalt(gammel)
    for ar, til in totalt(ny).items():
        fra = gamle[ar]
        oppgitt = OPPGITTE_SUMMER.get(til.ar)
        endring = Sumendring(til.ar, fra, til, oppgitt(gammel) if oppgitt else None, oppgitt(ny) if oppgitt else None)
        if fra.kr != til.kr or fra.anslag_kr != til.anslag_kr or endring.oppgitt_gammel != endring.oppgitt_ny:
            resultat.append(endring)
    return resultat


def register_for(type_: str, skjema: tuple[str, ...]) -> str | None:
    """The kind a field's ids point to (the registry's references), given its field names without keys."""
    felt = ".".join(skjema)
    return next((ref.til for ref in TYPER[type_].referanser if ref.felt == felt), None)


def _endringer(
    type_: str, post_id: str | None, fra: Any, til: Any, annotasjon: Any, sti: tuple, skjema: tuple
) -> Iterator[Endring]:
    """Walk two values of the same annotation side by side and yield what differs."""
    if fra == til:
        return
    annotasjon = _kjerne(annotasjon)
    opprinnelse = typing.get_origin(annotasjon)
    if isinstance(fra, BaseModel) and isinstance(til, BaseModel) and type(fra) is type(til):
        for navn, info in type(til).model_fields.items():
            yield from _endringer(
                type_,
                post_id,
                getattr(fra, navn),
                getattr(til, navn),
                info.annotation,
                sti + (navn,),
                skjema + (navn,),
            )
    elif opprinnelse is dict and isinstance(fra, dict) and isinstance(til, dict):
        verdi_type = typing.get_args(annotasjon)[1]
        for nokkel in [*fra, *(n for n in til if n not in fra)]:
            yield from _endringer(type_, post_id, fra.get(nokkel), til.get(nokkel), verdi_type, sti + (nokkel,), skjema)
    elif opprinnelse is list and isinstance(fra, list) and isinstance(til, list):
        yield from _listeendringer(type_, post_id, fra, til, typing.get_args(annotasjon)[0], sti, skjema)
    else:
        yield Endring("endret", type_, post_id, sti, fra, til, register_for(type_, skjema))


def _listeendringer(
    type_: str, post_id: str | None, fra: list, til: list, element: Any, sti: tuple, skjema: tuple
) -> Iterator[Endring]:
    register = register_for(type_, skjema)
    nokkel = _nokkel(_kjerne(element), fra, til)
    if _er_mengde(element):
        # Ids and fixed values: what counts is which are there, not where.
        yield from (Endring("tatt bort", type_, post_id, sti, gammel=v, register=register) for v in fra if v not in til)
        yield from (Endring("lagt til", type_, post_id, sti, ny=v, register=register) for v in til if v not in fra)
        if set(fra) == set(til):
            yield Endring("endret", type_, post_id, sti, fra, til, register)
    elif nokkel is not None:
        gamle = {getattr(e, nokkel): e for e in fra}
        nye = {getattr(e, nokkel): e for e in til}
        yield from (Endring("tatt bort", type_, post_id, sti, gammel=e) for k, e in gamle.items() if k not in nye)
        for k, e in nye.items():
            if k not in gamle:
                yield Endring("lagt til", type_, post_id, sti, ny=e)
            else:
                yield from _endringer(type_, post_id, gamle[k], e, element, sti + (k,), skjema)
        felles = [k for k in nye if k in gamle]
        if felles != [k for k in gamle if k in nye]:
            yield Endring("endret", type_, post_id, sti, list(gamle), list(nye))
    else:
        # Paragraphs and other ordered values: pair them up by position where the edit allows.
        matcher = difflib.SequenceMatcher(None, _sammenlignbar(fra), _sammenlignbar(til), autojunk=False)
        for op, i1, i2, j1, j2 in matcher.get_opcodes():
            if op == "equal":
                continue
            if op == "replace" and i2 - i1 == j2 - j1:
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                    yield from _endringer(type_, post_id, fra[i], til[j], element, sti + (j,), skjema)
                continue
            yield from (Endring("tatt bort", type_, post_id, sti, gammel=v, register=register) for v in fra[i1:i2])
            yield from (Endring("lagt til", type_, post_id, sti, ny=v, register=register) for v in til[j1:j2])


def _sammenlignbar(verdier: list) -> list[str]:
    """Hashable stand-ins for list elements, so records nested in lists can be matched too."""
    return [v.model_dump_json() if isinstance(v, BaseModel) else repr(v) for v in verdier]


def _nokkel(element: Any, fra: list, til: list) -> str | None:
    """The field that identifies a list's elements, if they are records and it is unique on both sides."""
    if not (isinstance(element, type) and issubclass(element, BaseModel)):
        return None
    for navn in NOKKELFELT:
        if navn in element.model_fields and all(
            len({getattr(e, navn) for e in side}) == len(side) for side in (fra, til)
        ):
            return navn
    return None


def _er_mengde(element: Any) -> bool:
    """True for ids, links to an id (plain or hedged) and fixed vocabularies (Literal): a list of them is a set."""
    kjerne = _kjerne(element)
    if typing.get_origin(kjerne) in (Union, types.UnionType):
        return any(_er_id(del_) for del_ in typing.get_args(kjerne))
    return _er_id(element) or typing.get_origin(kjerne) is Literal


def _er_id(annotasjon: Any) -> bool:
    """True when the annotation carries model.Id's pattern (also under extra Annotated metadata)."""
    return typing.get_origin(annotasjon) is Annotated and all(
        krav in typing.get_args(annotasjon)[1:] for krav in typing.get_args(model.Id)[1:]
    )


def _kjerne(annotasjon: Any) -> Any:
    """The type under Annotated and `| None`."""
    while True:
        opprinnelse = typing.get_origin(annotasjon)
        if opprinnelse is Annotated:
            annotasjon = typing.get_args(annotasjon)[0]
        elif opprinnelse in (Union, types.UnionType):
            ikke_none = [a for a in typing.get_args(annotasjon) if a is not type(None)]
            if len(ikke_none) != 1:
                return annotasjon
            annotasjon = ikke_none[0]
        else:
            return annotasjon


def felttyper(modell: type[BaseModel], sti: tuple[Ledd, ...]) -> list[tuple[str, Ledd]]:
    """Say what each step of a path is: ("felt", name), ("nokkel", key of a mapping) or ("element", id/name/position)."""
    resultat: list[tuple[str, Ledd]] = []
    gjeldende: Any = modell
    for ledd in sti:
        gjeldende = _kjerne(gjeldende)
        opprinnelse = typing.get_origin(gjeldende)
        if opprinnelse is dict:
            resultat.append(("nokkel", ledd))
            gjeldende = typing.get_args(gjeldende)[1]
        elif opprinnelse is list:
            resultat.append(("element", ledd))
            gjeldende = typing.get_args(gjeldende)[0]
        elif isinstance(gjeldende, type) and issubclass(gjeldende, BaseModel) and ledd in gjeldende.model_fields:
            resultat.append(("felt", ledd))
            gjeldende = gjeldende.model_fields[ledd].annotation
        else:
            resultat.append(("element", ledd))
            gjeldende = Any
    return resultat


if __name__ == "__main__":
    from macros.endringsrapport import main

    raise SystemExit(main())
