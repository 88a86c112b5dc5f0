"""Reads the Pagefind index a build wrote (macros/search.py), so tests can see what search can find."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

SIGNATUR = b"pagefind_dcd"
"""Every Pagefind file starts with this after it is unzipped."""


def les_sokeindeks(site: Path) -> dict[str, dict]:
    """Every page in the search index: its address from the site root -> Pagefind's fragment (content, title, anchors)."""
    sider = {}
    for fil in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        data = gzip.decompress(fil.read_bytes())
        assert data.startswith(SIGNATUR), fil
        fragment = json.loads(data[len(SIGNATUR) :])
        sider[fragment["url"]] = fragment
    return sider
