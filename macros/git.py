"""The one way the site asks git: a command's output, or Gitfeil with what git said."""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from pathlib import Path


class Gitfeil(Exception):
    """git could not answer (unknown revision, not a repository …); the message is git's last line."""


def git(mappe: Path, *argumenter: str, inn: bytes | None = None) -> bytes:
    """Run `git -C mappe …` and return its standard output as bytes."""
    resultat = subprocess.run(["git", "-C", str(mappe), *argumenter], input=inn, capture_output=True)
    if resultat.returncode != 0:
        melding = resultat.stderr.decode("utf-8", "replace").strip()
        raise Gitfeil(melding.splitlines()[-1] if melding else "ukjent feil")
    return resultat.stdout


def batch_objekter(svar: bytes) -> Iterable[bytes | None]:
    """The objects of `git cat-file --batch` output in order; None for a missing one."""
    pos = 0
    while pos < len(svar):
        slutt = svar.index(b"\n", pos)
        hode = svar[pos:slutt].split()
        if hode[-1] == b"missing":
            pos = slutt + 1
            yield None
            continue
        storrelse = int(hode[2])
        yield svar[slutt + 1 : slutt + 1 + storrelse]
        pos = slutt + 1 + storrelse + 1
