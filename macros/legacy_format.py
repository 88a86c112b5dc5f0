"""Data from older revisions in today's format, so the git history runs on across a format change.

The change history (git_history.py, endringsrapport.py) loads every revision with today's model;
a revision it cannot load cuts the shown history there. Each step here rewrites a data folder
written from an old revision the way one format change moved the data, and leaves a folder that
is already in today's format as it is.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .yamlfile import les_verdier

KOLONNER_2021 = [
    {"id": "midler-2021", "navn": "Midler i 2021", "ar": [2021]},
    {"id": "midler-2022-2024", "navn": "Midler 2022-2024", "ar": [2022, 2023, 2024]},
]
"""The 2021 plan's money columns, as data/tiltaksplaner.yml states them."""


def oppgrader(mappe: Path) -> None:
    """Rewrite a data folder from an older revision into today's format, step by step."""
    _tiltaksplan_fra_okonomi(mappe)


def _tiltaksplan_fra_okonomi(mappe: Path) -> None:
    # Until data/tiltaksplaner.yml, the 2021 frame and stated sum stood under
    # `tiltaksplan_2021` in data/okonomi.yml; no later plan existed then.
    okonomi_fil, planer_fil, poster_fil = (
        mappe / f for f in ("okonomi.yml", "tiltaksplaner.yml", "tiltaksplanposter.yml")
    )
    try:
        okonomi = les_verdier(okonomi_fil.read_text(encoding="utf-8"))
        planer = les_verdier(planer_fil.read_text(encoding="utf-8")) if planer_fil.exists() else None
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return
    if not isinstance(okonomi, dict) or not isinstance(okonomi.get("tiltaksplan_2021"), dict) or planer:
        return
    plan = {
        "id": "tiltaksplan-2021",
        "navn": "Tiltaksplan 2021",
        "ar": 2021,
        "kilde": "tiltaksplan-2021",
        "kolonner": KOLONNER_2021,
        **okonomi.pop("tiltaksplan_2021"),
    }
    planer_fil.write_text(yaml.safe_dump([plan], allow_unicode=True, sort_keys=False), encoding="utf-8")
    okonomi_fil.write_text(yaml.safe_dump(okonomi, allow_unicode=True, sort_keys=False), encoding="utf-8")
    if not poster_fil.exists():
        poster_fil.write_text("[]\n", encoding="utf-8")
