"""Read and validate all of data/: every error is collected, then reported once.

This is the only place YAML becomes objects. Nothing here depends on MkDocs.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from . import model
from .checks import Lest, sjekk_referanser, sjekk_summer, sjekk_tiltaksplanposter
from .errors import Datafeil, Feil
from .gcpause import paused_gc
from .messages import valider_post
from .registry import TYPER, Posttype, sjekk_registeret
from .yamlfile import YamlDokument, les_yaml_innhold


def load_plan(data_dir: Path) -> model.Plan:
    """Load every file in data_dir into one Plan, or raise Datafeil listing every mistake."""
    plan, avvik = load_plan_allowing_mismatches(data_dir)
    if avvik:
        raise Datafeil(avvik)
    return plan


def load_plan_allowing_mismatches(data_dir: Path, kjente: dict | None = None) -> tuple[model.Plan, list[Feil]]:
    """Load data_dir, raising Datafeil for invalid data, but return totals that do not reconcile instead of raising.

    kjente: as in load_files_allowing_mismatches.
    """
    innhold = {}
    for posttype in TYPER.values():
        try:
            innhold[posttype.fil] = (data_dir / posttype.fil).read_bytes()
        except FileNotFoundError:
            innhold[posttype.fil] = None
    return load_files_allowing_mismatches(innhold, data_dir.name, kjente)


Filresultat = tuple[Lest | None, list[Feil]]
"""What one file gave: its validated records (None when it could not be used) and its own mistakes."""


def load_files_allowing_mismatches(
    innhold: Mapping[str, bytes | None],
    mappe: str = "data",
    kjente: dict[str, tuple[bytes | None, Filresultat]] | None = None,
) -> tuple[model.Plan, list[Feil]]:
    """load_plan_allowing_mismatches for the files' contents: file name under data/ -> bytes (None: missing).

    mappe names the folder in messages. kjente, when given, holds each file's content and what it gave from an
    earlier call (an older revision of the same files): a file with the same content again is not read again,
    and kjente is updated. Every check across files runs each time.
    """
    with paused_gc():
        sjekk_registeret()
        resultater: dict[str, Filresultat] = {}
        for nokkel, posttype in TYPER.items():
            fil = innhold.get(posttype.fil)
            forrige = kjente.get(posttype.fil) if kjente is not None else None
            if forrige is not None and forrige[0] == fil:
                resultater[nokkel] = forrige[1]
                continue
            resultater[nokkel] = _les_fil(fil, f"{mappe}/{posttype.fil}", posttype)
            if kjente is not None:
                kjente[posttype.fil] = (fil, resultater[nokkel])
        return _samle(resultater)


def _samle(resultater: dict[str, Filresultat]) -> tuple[model.Plan, list[Feil]]:
    feil: list[Feil] = [f for _, filfeil in resultater.values() for f in filfeil]
    avvik: list[Feil] = []
    lest = {nokkel: resultat for nokkel, (resultat, _) in resultater.items() if resultat is not None}
    if len(lest) == len(TYPER):
        # Cross-checks run on the records that did validate, so one bad record
        # does not hide a broken reference in another.
        feil += sjekk_referanser(lest)
        feil += sjekk_tiltaksplanposter(lest)
        avvik = sjekk_summer(lest)
    if feil:
        raise Datafeil(feil + avvik)
    return model.Plan({nokkel: _verdi(lest[nokkel], posttype) for nokkel, posttype in TYPER.items()}), avvik


def _verdi(lest: Lest, posttype: Posttype) -> Any:
    return lest.poster if posttype.liste else lest.poster[""]


def _les_fil(innhold: bytes | None, visningsnavn: str, posttype: Posttype) -> Filresultat:
    feil: list[Feil] = []
    dokument, lesefeil = les_yaml_innhold(innhold, visningsnavn)
    feil += lesefeil
    if dokument is None or lesefeil:
        return None, feil
    if not posttype.liste:
        objekt, postfeil = valider_post(posttype.modell, dokument.verdi, dokument, (), None)
        feil += postfeil
        return (Lest(dokument, {"": objekt}, {"": ()}) if objekt is not None else None), feil
    if not isinstance(dokument.verdi, list):
        feil.append(
            Feil(
                visningsnavn,
                "filen skal være en liste med poster, der hver post starter med «- » (bindestrek og mellomrom).",
                linje=1,
            )
        )
        return None, feil
    return _les_poster(dokument, posttype, feil), feil


def _les_poster(dokument: YamlDokument, posttype: Posttype, feil: list[Feil]) -> Lest | None:
    poster: dict[str, Any] = {}
    sti_for_id: dict[str, tuple] = {}
    ugyldige: set[str] = set()
    for indeks, verdi in enumerate(dokument.verdi):
        post_id = verdi.get("id") if isinstance(verdi, dict) else None
        post_id = post_id if isinstance(post_id, str) else None
        objekt, postfeil = valider_post(posttype.modell, verdi, dokument, (indeks,), post_id)
        feil += postfeil
        if objekt is None:
            ugyldige.add(post_id or "")
            continue
        linje = dokument.linje((indeks, "id")) or 0
        if objekt.id in poster:
            feil.append(
                Feil(
                    dokument.fil,
                    f"id «{objekt.id}» er allerede brukt på linje "
                    f"{dokument.linje(sti_for_id[objekt.id] + ('id',))}. "
                    "Hver post må ha sin egen id.",
                    linje=linje,
                    post=objekt.id,
                    felt="id",
                )
            )
            ugyldige.add(objekt.id)
            continue
        poster[objekt.id] = objekt
        sti_for_id[objekt.id] = (indeks,)
    return Lest(dokument, poster, sti_for_id, komplett=not ugyldige, ugyldige_ids=frozenset(ugyldige))


_cache: dict[Path, tuple[tuple, model.Plan]] = {}
_kjente: dict[Path, dict[str, tuple[bytes | None, Filresultat]]] = {}
"""Under `mkdocs serve`: each file's last content and what it gave, for the one data folder served."""


def load_plan_cached(data_dir: Path, gjenbruk: bool = False) -> model.Plan:
    """load_plan, reused while no file in data_dir has changed (one load per build).

    gjenbruk (under `mkdocs serve`): after an edit, only the files whose content changed are read again;
    the checks across files all run again. Only the last folder's files are kept.
    """
    data_dir = data_dir.resolve()
    stempel = tuple((p.name, (st := p.stat()).st_mtime_ns, st.st_size) for p in sorted(data_dir.glob("*.yml")))
    treff = _cache.get(data_dir)
    if treff and treff[0] == stempel:
        return treff[1]
    kjente = None
    if gjenbruk:
        if data_dir not in _kjente:
            _kjente.clear()
        kjente = _kjente.setdefault(data_dir, {})
    plan, avvik = load_plan_allowing_mismatches(data_dir, kjente)
    if avvik:
        raise Datafeil(avvik)
    _cache[data_dir] = (stempel, plan)
    return plan
