"""Data from older revisions in today's format, so the git history runs on across a format change.

The change history (git_history.py, endringsrapport.py) loads every revision with today's model;
a revision it cannot load cuts the shown history there. Each step here rewrites a data folder
written from an old revision the way one format change moved the data, and leaves a folder that
is already in today's format as it is.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import yaml

from .yamlfile import les_verdier, som_tekst

KOLONNER_2021 = [
    {"id": "midler-2021", "navn": "Midler i 2021", "ar": [2021]},
    {"id": "midler-2022-2024", "navn": "Midler 2022-2024", "ar": [2022, 2023, 2024]},
]
"""The 2021 plan's money columns, as data/tiltaksplaner.yml states them."""


def oppgrader(mappe: Path) -> None:
    """Rewrite a data folder from an older revision into today's format, step by step."""
    navn = ("okonomi.yml", "tiltaksplaner.yml", "tiltaksplanposter.yml")
    filer = {fil: (mappe / fil).read_bytes() if (mappe / fil).is_file() else None for fil in navn}
    for fil, innhold in oppgrader_filer(filer).items():
        if innhold is not None and innhold != filer.get(fil):
            (mappe / fil).write_bytes(innhold)


def oppgrader_filer(filer: Mapping[str, bytes | None]) -> dict[str, bytes | None]:
    """The same rewrite for files in memory: file name under data/ -> content (None: missing); returns a new dict."""
    return _tiltaksplan_fra_okonomi(dict(filer))


def _tiltaksplan_fra_okonomi(filer: dict[str, bytes | None]) -> dict[str, bytes | None]:
    # Until data/tiltaksplaner.yml, the 2021 frame and stated sum stood under
    # `tiltaksplan_2021` in data/okonomi.yml; no later plan existed then.
    try:
        okonomi = _verdier(filer.get("okonomi.yml"))
        planer = _verdier(filer.get("tiltaksplaner.yml"))
    except (UnicodeDecodeError, yaml.YAMLError):
        return filer
    if not isinstance(okonomi, dict) or not isinstance(okonomi.get("tiltaksplan_2021"), dict) or planer:
        return filer
    plan = {
        "id": "tiltaksplan-2021",
        "navn": "Tiltaksplan 2021",
        "ar": 2021,
        "kilde": "tiltaksplan-2021",
        "kolonner": KOLONNER_2021,
        **okonomi.pop("tiltaksplan_2021"),
    }
    filer["tiltaksplaner.yml"] = yaml.safe_dump([plan], allow_unicode=True, sort_keys=False).encode("utf-8")
    filer["okonomi.yml"] = yaml.safe_dump(okonomi, allow_unicode=True, sort_keys=False).encode("utf-8")
    if filer.get("tiltaksplanposter.yml") is None:
        filer["tiltaksplanposter.yml"] = b"[]\n"
    return filer


def _verdier(innhold: bytes | None):
    """The plain values of a file's content, None for a missing file."""
    return None if innhold is None else les_verdier(som_tekst(innhold))
