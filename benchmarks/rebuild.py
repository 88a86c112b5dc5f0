"""How long `mkdocs serve` takes to show one edit: the time from saving a file to the changed page.

A real `mkdocs serve` runs in a copy of a project on 127.0.0.1 and a free port. Once it serves
the page, one file is edited, and the page is fetched again until its article differs from
before. The time includes MkDocs' own wait for the file system (it polls for changes).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from .timing import MILJO
from .twin import article

POLL = 0.05
"""Seconds between two requests while waiting for the server."""


@dataclass(frozen=True)
class Rebuild:
    """Seconds from the edit until the served page changed, and the CPU seconds `mkdocs serve` used meanwhile."""

    seconds: float
    cpu_seconds: float | None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cpu_seconds(pid: int) -> float | None:
    """The CPU time (user + system) a process has used so far, from /proc (Linux); None elsewhere."""
    try:
        felter = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(felter[11]) + int(felter[12])) / os.sysconf("SC_CLK_TCK")


def _fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as svar:
            return svar.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def _until(test: Callable[[], object], timeout: float, what: str):
    """Poll test until it gives a true value; raise TimeoutError naming what was awaited."""
    slutt = time.monotonic() + timeout
    while time.monotonic() < slutt:
        verdi = test()
        if verdi:
            return verdi
        time.sleep(POLL)
    raise TimeoutError(f"ventet mer enn {timeout:.0f} s på {what}")


def rebuild_time(project: Path, page_url: str, edit: Callable[[Path], None], timeout: float = 300) -> Rebuild:
    """Serve project, apply edit(project) once the page at page_url (site-relative) is served, time the change."""
    port = _free_port()
    with tempfile.TemporaryFile() as logg:
        serve = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project,
            env=MILJO,
            stdout=logg,
            stderr=subprocess.STDOUT,
        )
        try:
            # MkDocs redirects / to the site's mount path (/regionplan/).
            rot = f"http://127.0.0.1:{port}/"

            def mount() -> str | None:
                if serve.poll() is not None:
                    raise RuntimeError(_utdrag(logg, "mkdocs serve stoppet før det svarte"))
                try:
                    with urllib.request.urlopen(rot, timeout=5) as svar:
                        return svar.geturl()
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    return None

            url = _until(mount, timeout, "at mkdocs serve svarer") + page_url
            for_endring = article(_until(lambda: _fetch(url), timeout, url))
            cpu_for = _cpu_seconds(serve.pid)
            start = time.perf_counter()
            edit(project)

            def endret() -> bool:
                if serve.poll() is not None:
                    raise RuntimeError(_utdrag(logg, "mkdocs serve stoppet etter endringen"))
                html = _fetch(url)
                return html is not None and article(html) != for_endring

            _until(endret, timeout, f"at {url} endres")
            seconds = time.perf_counter() - start
            cpu_etter = _cpu_seconds(serve.pid)
        finally:
            serve.terminate()
            try:
                serve.wait(timeout=10)
            except subprocess.TimeoutExpired:
                serve.kill()
                serve.wait()
    cpu = None if cpu_for is None or cpu_etter is None else cpu_etter - cpu_for
    return Rebuild(seconds, cpu)


def _utdrag(logg, melding: str) -> str:
    logg.seek(0)
    return f"{melding}:\n{logg.read().decode('utf-8', 'replace')[-3000:]}"


def edit_amount(tiltak_id: str, ar: int) -> Callable[[Path], None]:
    """An edit to data/tiltak.yml: the measure's amount for one year goes up by 1 000 kroner.

    The year must be one no stated total covers, so the edited data still passes every check.
    """

    def edit(project: Path) -> None:
        fil = project / "data" / "tiltak.yml"
        tekst = fil.read_text(encoding="utf-8")
        start = tekst.index(f'- id: "{tiltak_id}"')
        treff = re.compile(rf"\b{ar}: (\d+)").search(tekst, start)
        if treff is None:
            raise ValueError(f"fant ikke noe beløp for {ar} etter tiltaket «{tiltak_id}» i {fil}")
        ny = str(int(treff.group(1)) + 1000)
        fil.write_text(tekst[: treff.start(1)] + ny + tekst[treff.end(1) :], encoding="utf-8")

    return edit


def edit_text(markdown: str) -> Callable[[Path], None]:
    """An edit to one Markdown page under docs/: a sentence added at its end (the twin's counterpart)."""

    def edit(project: Path) -> None:
        fil = project / "docs" / markdown
        fil.write_text(fil.read_text(encoding="utf-8") + "\n<p>Endret av make bench.</p>\n", encoding="utf-8")

    return edit
