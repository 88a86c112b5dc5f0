"""Golden test: the HTML of one generated page, compared byte for byte with a committed file.

After an intended change, regenerate with `UPDATE_GOLDEN=1 make test` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

from macros.load import load_plan
from macros.views import PageAddress, postside

PROSJEKT = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden" / "tiltak_snowball.html"


def test_snowball_page_matches_golden_file():
    html = str(postside(load_plan(PROSJEKT / "data"), "tiltak", "snowball", PageAddress("tiltak/snowball/"))) + "\n"
    if os.environ.get("UPDATE_GOLDEN"):
        GOLDEN.write_text(html, encoding="utf-8")
    assert html == GOLDEN.read_text(encoding="utf-8")
