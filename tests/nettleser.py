"""Which Chromium the browser tests drive: the first of $CHROMIUM, one on PATH, or Playwright's own.

Run as a script it prints the browser it found, or exits 1 saying what is missing;
`make test` uses that to decide whether to install Debian's chromium package.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

PAA_PATH = ("chromium", "chromium-browser", "google-chrome")
PLAYWRIGHT = "playwright"
"""Stands for Playwright's own browser, which Playwright finds by itself."""


def _playwright_sin() -> str | None:
    """The browser `playwright install chromium` put in place, if any."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    with sync_playwright() as p:
        sti = p.chromium.executable_path
    return sti if sti and Path(sti).exists() else None


def finn_nettleser() -> str | None:
    """The executable to launch, PLAYWRIGHT for Playwright's own browser, or None when there is none."""
    fra_miljo = os.environ.get("CHROMIUM")
    if fra_miljo:
        return fra_miljo if shutil.which(fra_miljo) else None
    for navn in PAA_PATH:
        sti = shutil.which(navn)
        if sti:
            return sti
    return PLAYWRIGHT if _playwright_sin() else None


MANGLER = (
    "Fant ingen nettleser til nettlesertestene. Sett CHROMIUM til en Chromium eller Chrome, "
    "installer «chromium» (Debian: apt-get install chromium), eller kjør «playwright install chromium»."
)


if __name__ == "__main__":
    funnet = finn_nettleser()
    if funnet is None:
        print(MANGLER, file=sys.stderr)
        sys.exit(1)
    print(funnet)
