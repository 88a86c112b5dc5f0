"""Every hand-written page's front matter, validated like data/: file, line, field, what to fix.

Reads docs/ straight from disk, so `make check` needs no MkDocs build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import Feil
from .messages import foreslaa, valider_post
from .model import FrontMatter, Plan
from .registry import med_sider
from .yamlfile import YamlDokument, les_yaml_tekst

EGEN_TEKST = "nettstedet"
"""The `kilde` of a page the site wrote itself (help, about), which renders no plan document."""

_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)?---\n", re.DOTALL)


@dataclass(frozen=True)
class CheckedFrontMatter:
    """A page's validated front matter and the parsed YAML behind it (for line numbers)."""

    meta: FrontMatter
    dokument: YamlDokument


def les_sidemeta(docs_dir: Path, visningsmappe: str = "docs") -> tuple[dict[str, CheckedFrontMatter], list[Feil]]:
    """Front matter of every page under docs_dir by path relative to it, and every mistake in it."""
    sider: dict[str, CheckedFrontMatter] = {}
    feil: list[Feil] = []
    for fil in sorted(docs_dir.rglob("*.md")):
        sti = fil.relative_to(docs_dir).as_posix()
        lest, sidefeil = les_en(fil.read_text(encoding="utf-8"), f"{visningsmappe}/{sti}")
        feil += sidefeil
        if lest is not None:
            sider[sti] = lest
    return sider, feil


def brodtekst(tekst: str) -> str:
    """A page's text after its front matter (all of it when it has none)."""
    treff = _FRONT_MATTER.match(tekst)
    return tekst[treff.end() :] if treff else tekst


def les_en(tekst: str, visningsnavn: str) -> tuple[CheckedFrontMatter | None, list[Feil]]:
    """Validate the front matter at the top of one page's text."""
    treff = _FRONT_MATTER.match(tekst)
    if not treff:
        return None, [
            Feil(
                visningsnavn,
                "siden mangler forside (front matter). Start filen med en linje «---», så «kilde: <id>» "
                "og så en linje «---».",
                linje=1,
            )
        ]
    dokument, feil = les_yaml_tekst(treff.group(1) or "", visningsnavn, forste_linje=2)
    if feil:
        return None, feil
    dokument = dokument or YamlDokument(visningsnavn, {}, {(): 2})
    if not isinstance(dokument.verdi, dict):
        return None, [Feil(visningsnavn, "forsiden (front matter) skal være felt på formen «nøkkel: verdi».", linje=2)]
    meta, feil = valider_post(FrontMatter, dokument.verdi, dokument, (), None)
    return (CheckedFrontMatter(meta, dokument) if meta is not None else None), feil


def sjekk_kilder(sider: dict[str, CheckedFrontMatter], plan: Plan) -> list[Feil]:
    """Every page names sources that exist in data/kilder.yml, or is the site's own text, or a kind to derive them from."""
    kjente = list(plan.kilder)
    typer = [t.nokkel for t in med_sider()]
    feil = []
    for lest in sider.values():
        meta = lest.meta
        if meta.kilder_fra is not None and meta.kilder_fra not in typer:
            feil.append(
                Feil(
                    lest.dokument.fil,
                    f"ukjent posttype «{meta.kilder_fra}».{foreslaa(meta.kilder_fra, typer)} "
                    f"Kjente posttyper med egne sider: {', '.join(typer)}.",
                    linje=lest.dokument.linje(("kilder_fra",)),
                    felt="kilder_fra",
                )
            )
        navngitte = [(("kilde",), meta.kilde)] if meta.kilde else []
        for sti, kilde in [*navngitte, *((("kilder", i), k) for i, k in enumerate(meta.kilder))]:
            if kilde in plan.kilder or (sti == ("kilde",) and kilde == EGEN_TEKST):
                continue
            egen = f", eller «{EGEN_TEKST}» for sider nettstedet selv har skrevet" if sti == ("kilde",) else ""
            feil.append(
                Feil(
                    lest.dokument.fil,
                    f"ukjent kilde «{kilde}».{foreslaa(kilde, kjente)} Kjente kilder: {', '.join(kjente)}{egen}.",
                    linje=lest.dokument.linje(sti),
                    felt=sti[0],
                )
            )
    return feil
