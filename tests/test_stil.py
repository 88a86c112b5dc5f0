"""The Python code passes ruff's lint and is formatted as ruff formats it (settings in pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

PROSJEKT = Path(__file__).resolve().parent.parent
MAPPER = ["macros", "tests", "benchmarks"]


def ruff(*argumenter: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ruff", *argumenter, *MAPPER], cwd=PROSJEKT, capture_output=True, text=True, timeout=120
    )


def test_ruff_finds_nothing():
    resultat = ruff("check", "--no-cache")
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr


def test_code_is_formatted():
    resultat = ruff("format", "--check", "--no-cache")
    assert resultat.returncode == 0, f"Kjør «ruff format {' '.join(MAPPER)}»:\n{resultat.stdout}{resultat.stderr}"
