"""Benchmark: how long loading the data and building the whole site take (median of several runs).

    make bench

Speed is measured here, not in the test suite, so a slow machine never fails a test.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROSJEKT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROSJEKT))

from macros.load import load_plan  # noqa: E402


def tid(funksjon, ganger: int) -> list[float]:
    resultat = []
    for _ in range(ganger):
        start = time.perf_counter()
        funksjon()
        resultat.append(time.perf_counter() - start)
    return resultat


def bygg() -> None:
    with tempfile.TemporaryDirectory() as mappe:
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", mappe],
            cwd=PROSJEKT,
            check=True,
            env={"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin"},
        )


def main() -> None:
    lasting = tid(lambda: load_plan(PROSJEKT / "data"), 20)
    bygging = tid(bygg, 3)
    sider = sum(1 for _ in (PROSJEKT / "site").rglob("index.html")) if (PROSJEKT / "site").exists() else "?"
    print(f"Lese og validere data/: median {statistics.median(lasting) * 1000:.1f} ms (20 kjøringer)")
    print(f"Bygge hele nettstedet: median {statistics.median(bygging):.2f} s (3 kjøringer, {sider} sider i site/)")


if __name__ == "__main__":
    main()
