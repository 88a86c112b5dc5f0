"""The open data: every record kind in the registry as JSON (with its JSON Schema) and as CSV, and a
DCAT-AP-NO description of them all.

The kinds come from macros/registry.py, so a new kind is published without a change here. The JSON
is the validated records exactly as data/ holds them (every field, defaults filled in), so it
validates against the same JSON Schema as the YAML (macros/schema.py). The CSV is the same records
flattened by one rule, which the Datasett page explains (docs/datasett.md):

- one line per record (a file that is one record gives one line);
- a field inside a group gets a dotted column name: `kilde.seksjon`, `midler_2021.kr.2021`;
- a list gets numbered columns from 1: `roller.1`, `roller.2`, `kilder.1.kilde`;
- numbers are raw with a decimal comma, true/false are «ja»/«nei»;
- a column exists only for a field some record has a value in; a record without one has an empty cell.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import csvfile, meld_fra
from .format import csv_tall
from .model import Plan
from .registry import TYPER, Posttype

MAPPE = "nedlasting/datasett"
"""Where the files lie in the site, beside the economy tables' CSV files (nedlasting/)."""
SIDE = "datasett/"
"""The Datasett page (docs/datasett.md), the datasets' landing page."""
KATALOG = f"{MAPPE}/katalog.jsonld"

LISENS = "http://data.norge.no/nlod/no/2.0"
LISENSNAVN = "Norsk lisens for offentlige data (NLOD) 2.0"
SPRAK = "http://publications.europa.eu/resource/authority/language/NOB"
TEMA = "http://publications.europa.eu/resource/authority/data-theme/GOVE"
"""EU's data theme «Government and public sector» (DCAT-AP-NO asks for one from this vocabulary)."""
FILTYPE = "http://publications.europa.eu/resource/authority/file-type/"
MEDIETYPE = "https://www.iana.org/assignments/media-types/"
KONTEKST = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
}


@dataclass(frozen=True)
class Datasett:
    """One record kind as a dataset: its title, what its data file says it is, and how many records it has."""

    posttype: Posttype
    beskrivelse: str
    antall: int

    @property
    def id(self) -> str:
        """The dataset's name: its data file's name without .yml (the files are named by it)."""
        return self.posttype.fil.removesuffix(".yml")

    @property
    def tittel(self) -> str:
        """The dataset's title (macros/registry.py)."""
        return self.posttype.datasettnavn

    @property
    def json_sti(self) -> str:
        """The JSON file's place in the site."""
        return f"{MAPPE}/{self.id}.json"

    @property
    def schema_sti(self) -> str:
        """The JSON Schema's place in the site (the same schema as data/schema/)."""
        return f"{MAPPE}/{self.id}.schema.json"

    @property
    def csv_sti(self) -> str:
        """The CSV file's place in the site."""
        return f"{MAPPE}/{self.id}.csv"


def beskrivelse(data_fil: Path) -> str:
    """The first paragraph of a data file's bokmål header: what the file is (each file starts with it)."""
    linjer = []
    for linje in data_fil.read_text(encoding="utf-8").splitlines():
        if not linje.startswith("#") or not linje.strip("# "):
            break
        linjer.append(linje.removeprefix("#").strip())
    return " ".join(linjer)


def alle(plan: Plan, data_dir: Path) -> list[Datasett]:
    """Every record kind as a dataset, in registry order."""
    return [
        Datasett(t, beskrivelse(data_dir / t.fil), len(plan.poster[t.nokkel]) if t.liste else 1) for t in TYPER.values()
    ]


def poster(plan: Plan, posttype: Posttype) -> Any:
    """A kind's records as JSON values: a list in file order, or the one object of a file that is one record."""
    if posttype.liste:
        return [post.model_dump(mode="json") for post in plan.poster[posttype.nokkel].values()]
    return plan.poster[posttype.nokkel].model_dump(mode="json")


def json_tekst(plan: Plan, posttype: Posttype) -> str:
    """The JSON file of a kind."""
    return json.dumps(poster(plan, posttype), ensure_ascii=False, indent=2) + "\n"


def flat(verdi: Any, sti: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], str | None]]:
    """(path, cell) for every value in a record, by the rule in this module's docstring; None for no value
    (also for an empty list or group, which keeps its place in the order of the columns)."""
    if isinstance(verdi, (dict, list)) and not verdi:
        yield sti, None
    elif isinstance(verdi, dict):
        for nokkel, under in verdi.items():
            yield from flat(under, (*sti, str(nokkel)))
    elif isinstance(verdi, list):
        for nummer, under in enumerate(verdi, start=1):
            yield from flat(under, (*sti, str(nummer)))
    else:
        yield sti, celle(verdi)


def celle(verdi: str | int | float | bool | None) -> str | None:
    """One value as a CSV cell; None for no value."""
    if verdi is None:
        return None
    if isinstance(verdi, bool):
        return "ja" if verdi else "nei"
    if isinstance(verdi, (int, float)):
        return csv_tall(verdi)
    return csvfile.tekstcelle(verdi)


def kolonner(stier: Iterable[tuple[str, ...]]) -> list[tuple[str, ...]]:
    """The paths in the records' own field order (the model's), each list's (and year's) in number order."""
    tre: dict = {}
    for sti in stier:
        node = tre
        for del_ in sti:
            node = node.setdefault(del_, {})
        node[None] = {}

    def gjennom(node: dict, sti: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        if None in node:
            yield sti
        under = [k for k in node if k is not None]
        if all(k.isdigit() for k in under):
            under.sort(key=int)
        for k in under:
            yield from gjennom(node[k], (*sti, k))

    return list(gjennom(tre, ()))


def csv_tekst(plan: Plan, posttype: Posttype) -> str:
    """The CSV file of a kind: a column for every value any record has."""
    verdier = poster(plan, posttype)
    rader = [dict(flat(post)) for post in (verdier if posttype.liste else [verdier])]
    # Every path orders the columns (a field empty in the first record still comes in its model's place);
    # only the paths some record has a value in become columns.
    brukte = {sti for rad in rader for sti, verdi in rad.items() if verdi is not None}
    rekkefolge = [sti for sti in kolonner(sti for rad in rader for sti in rad) if sti in brukte]
    if not rader:
        # A kind without records yet still shows what its columns would begin with.
        rekkefolge = [(felt,) for felt in posttype.modell.model_fields]
    return csvfile.csv_tekst(
        [[".".join(sti) for sti in rekkefolge], *([rad.get(sti) or "" for sti in rekkefolge] for rad in rader)]
    )


def filer(plan: Plan, liste: list[Datasett], katalogen: dict, schematekst: Callable[[Posttype], str]) -> dict[str, str]:
    """Every file of the open data: path in the site -> content (JSON, JSON Schema, CSV, and the catalogue).

    schematekst is macros/schema.py's schema_text, passed in by the hook: the views import this module, and
    `python -m macros.schema` must not find macros.schema already imported by the package.
    """
    ut: dict[str, str] = {}
    for d in liste:
        ut[d.json_sti] = json_tekst(plan, d.posttype)
        ut[d.schema_sti] = schematekst(d.posttype)
        ut[d.csv_sti] = csv_tekst(plan, d.posttype)
    ut[KATALOG] = json.dumps(katalogen, ensure_ascii=False, indent=2) + "\n"
    return ut


def katalog_for(plan: Plan, liste: list[Datasett], konfig: Mapping[str, Any]) -> dict:
    """The catalogue with the site's name, publisher (copyright), address and repository from mkdocs.yml."""
    return katalog(
        liste,
        nettsted=konfig["site_name"],
        utgiver=konfig["copyright"] or konfig["site_name"],
        rot=konfig["site_url"] or "",
        kontakt=meld_fra.mottaker(plan.innstillinger, konfig["repo_url"]),
        repo_url=konfig["repo_url"],
    )


def _tekst(verdi: str) -> dict[str, str]:
    return {"@language": "nb", "@value": verdi}


def _ref(url: str) -> dict[str, str]:
    return {"@id": url}


def katalog(
    liste: list[Datasett], *, nettsted: str, utgiver: str, rot: str, kontakt: str, repo_url: str | None
) -> dict:
    """The DCAT-AP-NO catalogue of the datasets as JSON-LD: title, publisher, contact, licence, and per
    dataset its JSON and CSV files (the JSON's schema as what it conforms to).

    nettsted is the site's name, utgiver who publishes it (mkdocs.yml: copyright), rot its public address
    (site_url) and kontakt where reports go (macros/meld_fra.py). Nothing here is dated: two builds of
    the same commit give the same catalogue.
    """
    utgiveren = {"@type": "foaf:Agent", "foaf:name": utgiver}
    kontaktpunkt = {
        "@type": "vcard:Organization",
        "vcard:fn": nettsted,
        ("vcard:hasEmail" if meld_fra.er_epost(kontakt) else "vcard:hasURL"): _ref(kontakt),
    }
    lisens = _ref(LISENS)

    def distribusjon(sti: str, format_: str, medietype: str, tekst: str, **mer: Any) -> dict:
        return {
            "@type": "dcat:Distribution",
            "dct:title": _tekst(f"{format_}-fil"),
            "dct:description": _tekst(tekst),
            "dcat:accessURL": _ref(rot + sti),
            "dcat:downloadURL": _ref(rot + sti),
            "dct:format": _ref(FILTYPE + format_),
            "dcat:mediaType": _ref(MEDIETYPE + medietype),
            "dct:license": lisens,
            **mer,
        }

    datasett = []
    for d in liste:
        kildefil = f"Kildefil: data/{d.posttype.fil} i prosjektet på GitHub ({repo_url})." if repo_url else ""
        datasett.append(
            {
                "@id": f"{rot}{SIDE}#{d.id}",
                "@type": "dcat:Dataset",
                "dct:identifier": d.id,
                "dct:title": _tekst(d.tittel),
                "dct:description": _tekst(f"{d.beskrivelse} {kildefil}".strip()),
                "dct:publisher": utgiveren,
                "dcat:contactPoint": kontaktpunkt,
                "dcat:theme": _ref(TEMA),
                "dct:language": _ref(SPRAK),
                "dcat:landingPage": _ref(rot + SIDE),
                "dcat:distribution": [
                    distribusjon(
                        d.json_sti,
                        "JSON",
                        "application/json",
                        "Postene som JSON, med alle feltene. Gyldig etter JSON Schema-filen.",
                        **{"dct:conformsTo": _ref(rot + d.schema_sti)},
                    ),
                    distribusjon(
                        d.csv_sti,
                        "CSV",
                        "text/csv",
                        "Postene som CSV for regneark: UTF-8 med BOM, semikolon, én linje per post. "
                        "Feltene i grupper og lister har egne kolonner, forklart på siden Datasett.",
                    ),
                ],
            }
        )
    return {
        "@context": KONTEKST,
        "@id": rot + KATALOG,
        "@type": "dcat:Catalog",
        "dct:title": _tekst(f"Datasett fra {nettsted}"),
        "dct:description": _tekst(
            "Dataene bak nettstedet: tiltakene med midler, eiere og partnere, virkemidlene, aktørene, "
            "kildedokumentene, vedtakene, hendelsene og de andre postene nettstedet bygges fra, én fil per posttype."
        ),
        "dct:publisher": utgiveren,
        "dcat:contactPoint": kontaktpunkt,
        "dct:license": lisens,
        "dct:language": _ref(SPRAK),
        "foaf:homepage": _ref(rot + SIDE),
        "dcat:dataset": datasett,
    }
