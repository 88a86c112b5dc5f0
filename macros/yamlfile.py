"""Read one YAML file into plain Python values, remembering where each value stands.

PyYAML's nodes carry line numbers and the text as written; we keep both so an
error can name the line and show what the staff member typed (`no`, not False).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Feil

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
        innhold = sti.read_bytes()
    except FileNotFoundError:
        innhold = None
    return les_yaml_innhold(innhold, visningsnavn)


def som_tekst(innhold: bytes) -> str:
    """A file's bytes as the text Path.read_text gives (UTF-8, any line ending read as \n); UnicodeDecodeError if not UTF-8."""
    tekst = innhold.decode("utf-8")
    return tekst.replace("\r\n", "\n").replace("\r", "\n") if "\r" in tekst else tekst


def les_yaml_innhold(innhold: bytes | None, visningsnavn: str) -> tuple[YamlDokument | None, list[Feil]]:
    """Parse a YAML file's content (None: the file is missing), as les_yaml does."""
    if innhold is None:
        return None, [Feil(visningsnavn, "filen mangler. Den må finnes i data/.")]
    try:
        tekst = som_tekst(innhold)
    except UnicodeDecodeError as feil:
        linje = feil.object[: feil.start].count(b"\n") + 1
        return None, [
            Feil(visningsnavn, f"filen er ikke lagret som UTF-8 ({feil.reason}). Lagre den som UTF-8.", linje=linje)
        ]
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
    except yaml.reader.ReaderError:
        return None, [_tegnfeil(visningsnavn, tekst, forskyvning)]
    if rot is None:
        return None, []
    dokument = YamlDokument(visningsnavn, None)
    bygging = _Bygging(dokument, forskyvning)
    try:
        dokument.verdi = bygging.bygg(rot, ())
    except _ForStor as feil:
        return None, [Feil(visningsnavn, str(feil), linje=feil.linje)]
    return dokument, bygging.feil


_LINJESKIFT = re.compile("\r\n|[\r\n\x85\u2028\u2029]")
"""What YAML counts as a line break, so a line number found here is the one YAML's errors give."""


def _tegnfeil(fil: str, tekst: str, forskyvning: int) -> Feil:
    """A character YAML does not allow (a control character such as NUL), with its line."""
    # libyaml counts the position in bytes, PyYAML in characters: find the character itself.
    treff = yaml.reader.Reader.NON_PRINTABLE.search(tekst)
    linje = len(_LINJESKIFT.findall(tekst, 0, treff.start())) + 1 + forskyvning if treff else None
    tegn = f"#x{ord(treff.group()[0]):04x}" if treff else "et ukjent tegn"
    return Feil(
        fil,
        f"filen inneholder tegnet {tegn}, som YAML ikke tillater (et kontrolltegn). Slett det; "
        "det kommer ofte med når tekst limes inn fra et annet program.",
        linje=linje,
    )


_PROBLEMER = {
    "found unexpected end of stream": "filen slutter før et anførselstegn eller en klamme er lukket",
    "mapping values are not allowed in this context": "et kolon der det ikke kan stå; sett teksten i anførselstegn",
    "mapping values are not allowed here": "et kolon der det ikke kan stå; sett teksten i anførselstegn",
    "found character that cannot start any token": "et tegn som ikke kan starte en verdi; sett teksten i anførselstegn",
    "did not find expected '-' indicator": "forventet en ny listepost som starter med «- »",
    "did not find expected key": "forventet et nytt feltnavn med samme innrykk som feltene over",
    "did not find expected node content": "mangler en verdi",
    "could not find expected ':'": "mangler kolon etter feltnavnet",
    "found undefined alias": "et alias (*navn) uten en verdi merket &navn",
    "did not find expected ',' or ']'": "mangler komma eller ] i en liste i klammer",
    "did not find expected ',' or '}'": "mangler komma eller } i en gruppe i krøllparenteser",
    "found unknown escape character": "ukjent tegn etter \\ i tekst i doble anførselstegn",
    "but found another document": "filen har mer enn ett dokument (en linje med --- midt i filen)",
    "did not find expected <document start>": "innrykket på første linje er feil",
    "exceeded maximum nesting depth": "verdiene er nøstet for dypt",
}
"""What the YAML parser's most common problems mean, in bokmål; anything else is shown as the parser says it."""


def _syntaksfeil(fil: str, feil: yaml.MarkedYAMLError, forskyvning: int) -> Feil:
    merke = feil.problem_mark or feil.context_mark
    if feil.problem == "found unexpected end of stream" and feil.context_mark:
        # The end of the file says nothing; where the unclosed quote or bracket began does.
        merke = feil.context_mark
    linje = merke.line + 1 + forskyvning if merke else None
    problem = feil.problem or feil.context or "ukjent feil"
    problem = _PROBLEMER.get(problem, problem)
    return Feil(
        fil,
        f"YAML-syntaksfeil ({problem}). Sjekk innrykk, kolon etter feltnavn og at anførselstegn "
        "og klammer er lukket, på denne linjen eller linjen over.",
        linje=linje,
    )


_konstruktor = yaml.SafeLoader("")

_TEKST = "tag:yaml.org,2002:str"

MAKS_DYBDE = 40
"""Deepest nesting a data file may have; the deepest real record is 6 levels, and deeper input
(or a list nested a thousand times) would otherwise exhaust Python's stack."""

MAKS_NODER = 50_000
"""Most values YAML aliases (*a) may add to one file when filled in. The real files use none; aliases
can make a short file expand to billions («billion laughs»), which would hang the build. Values written
out count nothing, so a long file (a region with thousands of tiltak) is never refused."""

_STANDARDMERKER = {yaml.MappingNode: "tag:yaml.org,2002:map", yaml.SequenceNode: "tag:yaml.org,2002:seq"}


class _ForStor(Exception):
    """A file nested too deep or expanding to too many values: reported instead of its contents."""

    def __init__(self, melding: str, linje: int):
        super().__init__(melding)
        self.linje = linje


class _Bygging:
    """Turns one composed document into plain values, recording lines and scalars, and every mistake found."""

    def __init__(self, dokument: YamlDokument, forskyvning: int):
        self.dokument = dokument
        self.forskyvning = forskyvning
        self.feil: list[Feil] = []
        self.noder = 0
        self.sette: set[int] = set()

    def _linje(self, node: yaml.Node) -> int:
        return node.start_mark.line + 1 + self.forskyvning

    def _mangel(self, node: yaml.Node, melding: str) -> None:
        self.feil.append(Feil(self.dokument.fil, melding, linje=self._linje(node)))

    def bygg(self, node: yaml.Node, sti: Sti) -> Any:
        """The plain value of a node; paths and lines go into the document."""
        # A node reached a second time is an alias filled in: only those count towards the limit.
        if id(node) in self.sette:
            self.noder += 1
        else:
            self.sette.add(id(node))
        if self.noder > MAKS_NODER:
            raise _ForStor(
                f"filen blir til mer enn {MAKS_NODER} verdier når YAML-aliasene (*navn) er fylt ut. "
                "Skriv verdiene ut i stedet for å bruke alias (&navn og *navn).",
                self._linje(node),
            )
        if len(sti) > MAKS_DYBDE:
            raise _ForStor(
                f"verdiene er nøstet i mer enn {MAKS_DYBDE} nivåer. Sjekk innrykket og klammene her; "
                "ingen post i dataene er så dyp.",
                self._linje(node),
            )
        self.dokument.linjer.setdefault(sti, self._linje(node))
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag != _STANDARDMERKER[type(node)]:
            # A tag on a group (!!set, !!python/object …) would be silently ignored below.
            self._mangel(
                node, f"YAML-merket «{_merke(node.tag)}» brukes ikke i dataene. Fjern merket (ordet som starter med !)."
            )
        if isinstance(node, yaml.MappingNode):
            return self._gruppe(node, sti)
        if isinstance(node, yaml.SequenceNode):
            return [self.bygg(element, sti + (i,)) for i, element in enumerate(node.value)]
        self.dokument.skalarer[sti] = Skalar(node.value, node.tag, node.style in ("'", '"'))
        return self._skalar(node)

    def _gruppe(self, node: yaml.MappingNode, sti: Sti) -> dict[Any, Any]:
        verdi: dict[Any, Any] = {}
        for nokkelnode, verdinode in node.value:
            if not isinstance(nokkelnode, yaml.ScalarNode):
                self._mangel(nokkelnode, "et feltnavn må være et ord, ikke en liste eller gruppe. Skriv «navn: verdi».")
                continue
            nokkel = self._skalar(nokkelnode)
            if nokkel is _UGYLDIG:
                continue
            if nokkel in verdi:
                self._mangel(
                    nokkelnode,
                    f"feltet «{nokkel}» står to ganger i samme post (første gang på linje "
                    f"{self.dokument.linjer[sti + (nokkel,)]}). Fjern det ene.",
                )
                continue
            self.dokument.linjer[sti + (nokkel,)] = self._linje(nokkelnode)
            verdi[nokkel] = self.bygg(verdinode, sti + (nokkel,))
        return verdi

    def _skalar(self, node: yaml.ScalarNode) -> Any:
        """The value of a scalar, or _UGYLDIG with a mistake recorded when YAML cannot construct it."""
        if node.tag == _TEKST:
            # Most scalars are text, which YAML constructs as the node's value: no need to ask it.
            return node.value
        try:
            return _konstruktor.construct_object(node, deep=True)
        except yaml.constructor.ConstructorError as feil:
            if node.tag == "tag:yaml.org,2002:merge":
                melding = "«<<» (YAML-fletting) brukes ikke i dataene. Skriv feltene ut i posten."
            elif "could not determine a constructor" in str(feil.problem):
                melding = (
                    f"YAML-merket «{_merke(node.tag)}» brukes ikke i dataene. Fjern merket (ordet som starter med !)."
                )
            else:
                melding = f"verdien «{node.value}» kan ikke leses som {_merke(node.tag)}. Fjern merket."
        except (ValueError, OverflowError):
            if node.tag == "tag:yaml.org,2002:timestamp":
                melding = (
                    f"«{node.value}» ser ut som en dato, men den datoen finnes ikke. Sjekk måned og dag, og sett "
                    'datoen i anførselstegn, for eksempel "2019-03-28".'
                )
            elif len(node.value) > 1000:
                # An integer of thousands of digits, which Python refuses to read.
                melding = f"tallet på {len(node.value)} tegn er for langt til å leses. Skriv et kortere tall."
            else:
                melding = f"verdien «{node.value}» kan ikke leses som {_merke(node.tag)}. Fjern merket."
        finally:
            # The constructor remembers each node it has built (for aliases within one document); this
            # one is shared by every file read, so without this it would keep every scalar ever read alive.
            _konstruktor.constructed_objects.pop(node, None)
            _konstruktor.recursive_objects.pop(node, None)
        self._mangel(node, melding)
        return _UGYLDIG


def _merke(tag: str) -> str:
    """A tag as it is written in the file: «!!binary», not «tag:yaml.org,2002:binary»."""
    return "!!" + tag.removeprefix(_STANDARDPREFIKS) if tag.startswith(_STANDARDPREFIKS) else tag


_STANDARDPREFIKS = "tag:yaml.org,2002:"

_UGYLDIG = object()
"""A scalar YAML could not construct; its mistake is recorded, and the value is never validated."""
