"""Copies of the project's sources (not its build, venv or git) in a temporary folder."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

PROSJEKT = Path(__file__).resolve().parent.parent
"""The project this benchmark belongs to."""

SOURCES = ("mkdocs.yml", "docs", "data", "overrides", "macros")
"""What a build reads: the same list as tests/conftest.py copies for a fixture site."""


def copy_sources(target: Path, source: Path = PROSJEKT) -> Path:
    """Copy what a build reads into target; the copy has no git history (its pages say «ingen git-historikk»)."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SOURCES:
        path = source / name
        if path.is_dir():
            shutil.copytree(path, target / name, ignore=shutil.ignore_patterns("__pycache__"), dirs_exist_ok=True)
        else:
            shutil.copy2(path, target / name)
    return target


def copy_with_history(target: Path, source: Path = PROSJEKT) -> Path:
    """A clone of the project with the working tree's sources on top, so a build reads the same git history.

    Without git (a downloaded archive) it is a plain copy.
    """
    clone = subprocess.run(
        ["git", "clone", "--quiet", "--no-checkout", str(source), str(target)], capture_output=True, text=True
    )
    if clone.returncode != 0:
        return copy_sources(target, source)
    # The clone's HEAD must be the commit the working tree is on, so the history matches the project's.
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=source, capture_output=True, text=True, check=True)
    subprocess.run(
        ["git", "checkout", "--quiet", "--detach", head.stdout.strip()], cwd=target, capture_output=True, check=True
    )
    return copy_sources(target, source)
