"""Turn pydantic's validation errors into bokmål messages that say what to fix."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from .errors import Feil
from .model import ISO_DATO_MONSTER, ISO_TID_MONSTER, NETTADRESSE_MONSTER, SIDE_MONSTER, UNION_MERKER
from .yamlfile import Skalar, Sti, YamlDokument

_YAML_TYPER = {
    "tag:yaml.org,2002:bool": "som YAML leser som en sannhetsverdi (true/false)",
    "tag:yaml.org,2002:timestamp": "som YAML leser som en dato",
    "tag:yaml.org,2002:int": "som YAML leser som et tall",
    "tag:yaml.org,2002:float": "som YAML leser som et desimaltall",
    "tag:yaml.org,2002:null": "som YAML leser som tom verdi",
}


def valider_post(
    modell: type[BaseModel], verdi: Any, dokument: YamlDokument, sti: Sti, post: str | None
) -> tuple[BaseModel | None, list[Feil]]:
    """Validate one record; return the object or the bokmål errors, each with its line."""
    try:
        return modell.model_validate(verdi), []
    except ValidationError as feil:
        return None, [_oversett(e, modell, dokument, sti, post) for e in feil.errors()]


def _oversett(e: dict, modell: type[BaseModel], dokument: YamlDokument, sti: Sti, post: str | None) -> Feil:
    # pydantic names the branch of a tagged union in the path; staff never wrote it.
    loc = tuple(del_ for del_ in e["loc"] if del_ not in UNION_MERKER)
    e = {**e, "loc": loc}
    full_sti = sti + loc
    felt = ".".join(str(del_) for del_ in loc) or None
    skalar = dokument.skalarer.get(full_sti)
    return Feil(
        dokument.fil,
        _melding(e, skalar, modell),
        linje=dokument.linje(full_sti),
        post=post,
        felt=felt,
    )


def beskriv(verdi: Any, skalar: Skalar | None) -> str:
    """Say what was found, in the words the staff member typed."""
    if skalar is not None:
        hvordan = _YAML_TYPER.get(skalar.tag)
        if hvordan and not skalar.sitert:
            return f"«{skalar.tekst}», {hvordan}"
        return f"«{skalar.tekst}»"
    if isinstance(verdi, dict):
        return "en gruppe med felt"
    if isinstance(verdi, list):
        return "en liste"
    return f"«{verdi}»"


def _melding(e: dict, skalar: Skalar | None, modell: type[BaseModel]) -> str:
    type_ = e["type"]
    funnet = beskriv(e.get("input"), skalar)
    felt = str(e["loc"][-1]) if e["loc"] else ""
    if type_ == "missing":
        return f"mangler påkrevd felt «{felt}»."
    if type_ == "extra_forbidden":
        return f"ukjent felt «{felt}».{_forslag(felt, _tillatte_felt(modell, e['loc']))}"
    if type_ == "string_type":
        return f'forventet tekst, fant {funnet}. Sett teksten i anførselstegn: "{_tekst(skalar, e)}".'
    if type_ in ("int_type", "int_parsing"):
        return f"forventet et beløp eller tall i hele kroner uten mellomrom (for eksempel 200000), fant {funnet}."
    if type_ == "greater_than_equal":
        if e["ctx"]["ge"] == 0:
            return f"beløpet kan ikke være negativt, men fant {funnet}. Skriv 0 eller et positivt beløp."
        return f"tallet må være minst {e['ctx']['ge']}, men fant {funnet}."
    if type_ == "less_than_equal":
        return f"tallet kan ikke være større enn {e['ctx']['le']}, men fant {funnet}."
    if type_ in ("float_type", "float_parsing"):
        return f"forventet et tall, fant {funnet}."
    if type_ == "finite_number":
        return f"forventet et vanlig tall, fant {funnet}, som ikke er et endelig tall. Skriv tallet fra kilden."
    if type_ == "bool_type":
        return f"forventet true eller false, fant {funnet}."
    if type_ == "list_type":
        return f'forventet en liste (for eksempel ["a", "b"]), fant {funnet}.'
    if type_ in ("dict_type", "model_type", "model_attributes_type"):
        return f"forventet en gruppe med felt (nøkkel: verdi), fant {funnet}."
    if type_ == "literal_error":
        return f"forventet en av {e['ctx']['expected']}, fant {funnet}."
    if type_ in ("too_short", "string_too_short"):
        return "kan ikke være tom. Fyll inn en verdi."
    if type_ == "string_pattern_mismatch":
        return _monsterfeil(e["ctx"]["pattern"], funnet)
    if type_ == "value_error":
        return str(e["msg"]).removeprefix("Value error, ") + "."
    # Not reached by any field of the models today (tests/test_robusthet.py fuzzes them); a new kind
    # of field gets a plain message with pydantic's code for the developer, and no English text.
    return f"verdien {funnet} passer ikke i dette feltet (pydantic-feil «{type_}»). Se forklaringen øverst i filen."


def _monsterfeil(monster: str, funnet: str) -> str:
    if monster == ISO_DATO_MONSTER:
        return f'forventet en dato i anførselstegn som "2019-03-28", fant {funnet}.'
    if monster == ISO_TID_MONSTER:
        return f'forventet en dato i anførselstegn som "2019-03-28", "2019-03" eller "2019", fant {funnet}.'
    if monster == NETTADRESSE_MONSTER:
        return f"forventet en nettadresse som begynner med https://, uten mellomrom, fant {funnet}."
    if monster == SIDE_MONSTER:
        return f"forventet stien til en side under docs/, for eksempel «historikk/snowball.md», fant {funnet}."
    return (
        "forventet en id med små bokstaver a–z, tall og bindestrek, for eksempel «digital-lab-innlandet», "
        f"fant {funnet}."
    )


def _tekst(skalar: Skalar | None, e: dict) -> str:
    return skalar.tekst if skalar is not None else str(e.get("input"))


def _tillatte_felt(modell: type[BaseModel], loc: tuple) -> list[str]:
    """The keys allowed where an unknown key was found (walking nested models)."""
    gjeldende: Any = modell
    for del_ in loc[:-1]:
        if isinstance(del_, int) or not (isinstance(gjeldende, type) and issubclass(gjeldende, BaseModel)):
            continue
        info = gjeldende.model_fields.get(del_)
        gjeldende = info.annotation if info else None
    if isinstance(gjeldende, type) and issubclass(gjeldende, BaseModel):
        return list(gjeldende.model_fields)
    return []


def _forslag(felt: str, tillatte: list[str]) -> str:
    if not tillatte:
        return " Fjern feltet."
    naer = difflib.get_close_matches(felt, tillatte, n=1)
    mente = f" Mente du «{naer[0]}»?" if naer else ""
    return f"{mente} Tillatte felt er: {', '.join(tillatte)}."


def foreslaa(ukjent: str, kjente: list[str]) -> str:
    """A "did you mean" hint for an unknown id."""
    naer = difflib.get_close_matches(ukjent, kjente, n=1)
    return f" Mente du «{naer[0]}»?" if naer else ""
