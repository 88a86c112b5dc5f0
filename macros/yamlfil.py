"""Read one YAML file into plain Python values, remembering where each value stands.

PyYAML's nodes carry line numbers and the text as written; we keep both so an
error can name the line and show what the staff member typed (`no`, not False).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .feil import Feil

# libyaml's parser gives the same nodes and marks ten times faster; the build reads
# every data revision in git history, so this is most of its YAML time.
RaskLeser = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def les_verdier(tekst: str) -> Any:
    """Plain values of a YAML text, without line numbers (for old revisions already checked once)."""
    return yaml.load(tekst, Loader=RaskLeser)


Sti = tuple[Any, ...]
"""A path into the document: keys and list indexes, like pydantic's `loc`."""


@dataclass(frozen=True)
class Skalar:
    """A scalar as it stands in the file."""

    tekst: str
    tag: str
    sitert: bool


@dataclass
class YamlDokument:
    """A parsed file: its values, the line of every path, and each scalar's source text."""

    fil: str
    verdi: Any
    linjer: dict[Sti, int] = field(default_factory=dict)
    skalarer: dict[Sti, Skalar] = field(default_factory=dict)

    def linje(self, sti: Sti) -> int | None:
        """The line of a path, or of its nearest parent that has one."""
        sti = tuple(sti)
        while sti:
            if sti in self.linjer:
                return self.linjer[sti]
            sti = sti[:-1]
        return self.linjer.get(())

    def linje_for_post(self, post_id: str, *felt: str) -> int | None:
        """In a file that is a list of records: the line of a field of the record with this id (or of its id)."""
        poster = self.verdi if isinstance(self.verdi, list) else []
        indeks = next(
            (i for i, post in enumerate(poster) if isinstance(post, dict) and post.get("id") == post_id), None
        )
        return None if indeks is None else self.linje((indeks, *(felt or ("id",))))


def les_yaml(sti: Path, visningsnavn: str) -> tuple[YamlDokument | None, list[Feil]]:
    """Parse a YAML file; syntax errors, duplicate keys or an empty file come back as Feil."""
    try:
        tekst = sti.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None, [Feil(visningsnavn, "filen mangler. Den må finnes i data/.")]
    except UnicodeDecodeError as feil:
        return None, [Feil(visningsnavn, f"filen er ikke lagret som UTF-8 ({feil.reason}). Lagre den som UTF-8.")]
    dokument, feilliste = les_yaml_tekst(tekst, visningsnavn)
    if dokument is None and not feilliste:
        return None, [Feil(visningsnavn, "filen er tom. Den skal inneholde data, ikke bare kommentarer.", linje=1)]
    return dokument, feilliste


def les_yaml_tekst(tekst: str, visningsnavn: str, forste_linje: int = 1) -> tuple[YamlDokument | None, list[Feil]]:
    """Parse YAML text that starts on line forste_linje of its file (a page's front matter starts on 2).

    Empty text gives (None, []); the caller decides whether that is a mistake.
    """
    forskyvning = forste_linje - 1
    try:
        rot = yaml.compose(tekst, Loader=RaskLeser)
    except yaml.MarkedYAMLError as feil:
        return None, [_syntaksfeil(visningsnavn, feil, forskyvning)]
    if rot is None:
        return None, []
    dokument = YamlDokument(visningsnavn, None)
    feilliste: list[Feil] = []
    dokument.verdi = _bygg(rot, (), dokument, feilliste, forskyvning)
    return dokument, feilliste


def _syntaksfeil(fil: str, feil: yaml.MarkedYAMLError, forskyvning: int) -> Feil:
    merke = feil.problem_mark or feil.context_mark
    linje = merke.line + 1 + forskyvning if merke else None
    problem = feil.problem or feil.context or "ukjent feil"
    return Feil(
        fil,
        f"YAML-syntaksfeil ({problem}). Sjekk innrykk, kolon etter feltnavn og at anførselstegn "
        "og klammer er lukket, på denne linjen eller linjen over.",
        linje=linje,
    )


_konstruktor = yaml.SafeLoader("")


def _bygg(node: yaml.Node, sti: Sti, dokument: YamlDokument, feilliste: list[Feil], forskyvning: int = 0) -> Any:
    dokument.linjer.setdefault(sti, node.start_mark.line + 1 + forskyvning)
    if isinstance(node, yaml.MappingNode):
        verdi: dict[Any, Any] = {}
        for nokkelnode, verdinode in node.value:
            nokkel = _konstruktor.construct_object(nokkelnode, deep=True)
            if nokkel in verdi:
                feilliste.append(
                    Feil(
                        dokument.fil,
                        f"feltet «{nokkel}» står to ganger i samme post (første gang på linje "
                        f"{dokument.linjer[sti + (nokkel,)]}). Fjern det ene.",
                        linje=nokkelnode.start_mark.line + 1 + forskyvning,
                    )
                )
                continue
            dokument.linjer[sti + (nokkel,)] = nokkelnode.start_mark.line + 1 + forskyvning
            verdi[nokkel] = _bygg(verdinode, sti + (nokkel,), dokument, feilliste, forskyvning)
        return verdi
    if isinstance(node, yaml.SequenceNode):
        return [_bygg(element, sti + (i,), dokument, feilliste, forskyvning) for i, element in enumerate(node.value)]
    dokument.skalarer[sti] = Skalar(node.value, node.tag, node.style in ("'", '"'))
    return _konstruktor.construct_object(node, deep=True)
