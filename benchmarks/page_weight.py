"""What a first visit to a page loads, measured in headless Chromium, and the sizes of the built files.

Each visit is a fresh browser context (nothing cached) against a local server that records every
file it sends, including what a page's scripts and web workers fetch afterwards (Material's search
worker fetches the whole search index): a visit ends when the page is loaded, its main thread is
idle and the server has been quiet for a second. Sizes are raw and gzip (level 6, as web servers compress).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import importlib.util
import threading
import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from macros.model import Plan

from .project import PROSJEKT

KIB = 1024

VISIT_TIMEOUT_MS = 180_000
"""How long one visit may take before it is reported as unfinished (a loaded machine is slow)."""

QUIET_S = 1.0
"""A visit is over when the server has had no request for this long after the page went idle."""

POLL = 0.05

SEARCH_FILES = ("search/", "assets/javascripts/workers/search", "assets/javascripts/lunr/", "pagefind/")
"""Path prefixes of the files that serve search: the index and the scripts that read it."""


@dataclass(frozen=True)
class PageType:
    """A kind of page to weigh, and the URLs that stand for it on a site (the first that exists is used)."""

    name: str
    candidates: Callable[[Plan], list[str]]


def _most_measures(plan: Plan) -> list[str]:
    """The actor linked to the most measures: the longest actor page (LRV in the real data)."""
    antall = {a: len(plan.tiltak_eid_av(a)) + len(plan.tiltak_med_partner(a)) for a in plan.aktorer}
    return [f"aktorer/{max(antall, key=antall.get)}/"]


PAGE_TYPES: tuple[PageType, ...] = (
    PageType("hjem", lambda plan: [""]),
    PageType("tiltak", lambda plan: [f"tiltak/{next(iter(plan.tiltak))}/"]),
    PageType("alle-tiltak", lambda plan: ["tiltak/"]),
    PageType("virkemiddel", lambda plan: [f"virkemidler/{next(iter(plan.virkemidler))}/"]),
    PageType("aktor", _most_measures),
    PageType("kommune", lambda plan: [f"aktorer/{a.id}/" for a in plan.aktorer.values() if a.type == "kommune"][:1]),
    # The explorer's URL is not settled; the first of these that exists is weighed.
    PageType("utforsker", lambda plan: ["tiltak/utforsk/", "utforsk/", "tiltak/utforsker/", "utforsker/"]),
    PageType("tidslinje", lambda plan: ["historikk/tidslinje/"]),
    PageType("okonomi", lambda plan: ["okonomi/tiltak/"]),
)
"""The page types weighed, in report order. Add one here to weigh another kind of page."""


def resolve(site: Path, plan: Plan, names: list[str] | None = None) -> dict[str, str | None]:
    """Page type -> the URL that stands for it on this site, or None when no such page exists yet."""
    valgte = [t for t in PAGE_TYPES if names is None or t.name in names]
    return {
        t.name: next((url for url in t.candidates(plan) if (site / url / "index.html").is_file()), None) for t in valgte
    }


@functools.cache
def _gzip_size(path: Path, mtime_ns: int) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def gzip_size(path: Path) -> int:
    """The size of a file compressed as a web server would send it."""
    return _gzip_size(path, path.stat().st_mtime_ns)


@dataclass(frozen=True)
class Weight:
    """What a first visit loaded: the number of files and their total size, raw and gzip, and each file.

    error says why the visit did not finish (the sizes are then what was sent before it stopped).
    """

    requests: int
    raw: int
    gzip: int
    files: tuple[tuple[str, int, int], ...]
    error: str | None = None

    def as_json(self) -> dict:
        """The weight for the JSON report (file paths relative to the site)."""
        return {
            "requests": self.requests,
            "raw_bytes": self.raw,
            "gzip_bytes": self.gzip,
            "search_gzip_bytes": sum(g for p, _, g in self.files if p.startswith(SEARCH_FILES)),
            "error": self.error,
            "files": [{"path": p, "raw_bytes": r, "gzip_bytes": g} for p, r, g in self.files],
        }


class _Server(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, root: Path) -> None:
        self.root = root
        self.sent: list[Path] = []
        self.lock = threading.Lock()
        self.active = 0
        self.last = time.monotonic()
        super().__init__(("127.0.0.1", 0), functools.partial(_Handler, directory=str(root)))

    def wait_quiet(self, quiet: float, timeout: float) -> bool:
        """Poll until no request is in flight and none began or ended for `quiet` seconds; False on timeout."""
        slutt = time.monotonic() + timeout
        while time.monotonic() < slutt:
            with self.lock:
                stille = self.active == 0 and time.monotonic() - self.last >= quiet
            if stille:
                return True
            time.sleep(POLL)
        return False

    def handle_error(self, request, client_address) -> None:
        # A closed browser context drops its connections mid-transfer; that is no failure.
        pass


class _Handler(http.server.SimpleHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        with self.server.lock:
            self.server.active += 1
            self.server.last = time.monotonic()
        try:
            super().do_GET()
        finally:
            with self.server.lock:
                self.server.active -= 1
                self.server.last = time.monotonic()

    def send_head(self):
        fil = super().send_head()
        if fil is not None and hasattr(fil, "name"):
            with self.server.lock:
                self.server.sent.append(Path(fil.name))
        return fil

    def log_message(self, *args) -> None:
        pass


def _chromium_path() -> str | None:
    """The browser the tests use (tests/nettleser.py): None means Playwright's own."""
    spec = importlib.util.spec_from_file_location("nettleser", PROSJEKT / "tests" / "nettleser.py")
    nettleser = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(nettleser)
    funnet = nettleser.finn_nettleser()
    if funnet is None:
        raise RuntimeError(nettleser.MANGLER)
    return None if funnet == nettleser.PLAYWRIGHT else funnet


class Browser:
    """Headless Chromium that weighs first visits to pages of built sites; use as a context manager."""

    def __enter__(self) -> Browser:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        self._browser = self._playwright.chromium.launch(
            executable_path=_chromium_path(),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        return self

    def __exit__(self, *exc) -> None:
        self._browser.close()
        self._playwright.stop()

    def weigh(self, site: Path, urls: list[str]) -> dict[str, Weight]:
        """URL -> what a first visit to it loads, each visit in a fresh context."""
        server = _Server(site)
        traad = threading.Thread(target=server.serve_forever, daemon=True)
        traad.start()
        try:
            return {url: self._visit(server, url) for url in urls}
        finally:
            server.shutdown()
            server.server_close()

    def _visit(self, server: _Server, url: str) -> Weight:
        from playwright.sync_api import Error

        kontekst = self._browser.new_context(viewport={"width": 1280, "height": 900})
        feil = None
        try:
            with server.lock:
                server.sent.clear()
            side = kontekst.new_page()
            side.goto(f"http://127.0.0.1:{server.server_address[1]}/{url}", wait_until="load", timeout=VISIT_TIMEOUT_MS)
            # What scripts fetch after load counts too (Material's search worker fetches the whole index). On a
            # long page the browser's own «network idle» can come before the scripts have run, so: first the
            # page's main thread idle, then the server quiet.
            side.evaluate("() => new Promise(r => requestIdleCallback(() => r(), {timeout: 60000}))")
            if not server.wait_quiet(QUIET_S, VISIT_TIMEOUT_MS / 1000):
                feil = f"nettverket ble ikke stille på {VISIT_TIMEOUT_MS / 1000:.0f} s"
        except Error as e:
            feil = str(e).splitlines()[0]
        finally:
            kontekst.close()
        with server.lock:
            sendt = list(server.sent)
        files = tuple(
            (p.relative_to(server.root).as_posix(), p.stat().st_size, gzip_size(p)) for p in sendt if p.is_file()
        )
        return Weight(len(files), sum(f[1] for f in files), sum(f[2] for f in files), files, feil)


def search_index(site: Path) -> dict | None:
    """The size of a site's search index, or None when it has none: Material's (search/search_index.json,
    which every page loads whole) or Pagefind's (every file in pagefind/, fetched a few at a time as
    someone searches). Sizes are summed over its files; gzip as a web server would send each."""
    fil = site / "search" / "search_index.json"
    if fil.is_file():
        filer, sti, motor = [fil], "search/search_index.json", "lunr"
    elif (site / "pagefind").is_dir():
        filer, sti, motor = sorted(p for p in (site / "pagefind").rglob("*") if p.is_file()), "pagefind/", "pagefind"
    else:
        return None
    return {
        "path": sti,
        "engine": motor,
        "files": len(filer),
        "raw_bytes": sum(p.stat().st_size for p in filer),
        "gzip_bytes": sum(gzip_size(p) for p in filer),
    }


def largest_pages(site: Path, count: int = 5, utenom: Collection[str] = ()) -> list[dict]:
    """The largest HTML pages of a site, largest first; utenom are paths (relative to site) left out."""
    sider = [p for p in site.rglob("*.html") if p.relative_to(site).as_posix() not in utenom]
    sider.sort(key=lambda p: p.stat().st_size, reverse=True)
    return [{"path": p.relative_to(site).as_posix(), "raw_bytes": p.stat().st_size} for p in sider[:count]]


def pages_over(site: Path, limit: int, utenom: Collection[str] = ()) -> list[dict]:
    """Every HTML page of a site larger than limit bytes, largest first; utenom are paths left out."""
    sider = [
        p for p in site.rglob("*.html") if p.stat().st_size > limit and p.relative_to(site).as_posix() not in utenom
    ]
    sider.sort(key=lambda p: p.stat().st_size, reverse=True)
    return [{"path": p.relative_to(site).as_posix(), "raw_bytes": p.stat().st_size} for p in sider]


def exempt_pages(site: Path, limit: int, unntak: Mapping[str, str]) -> list[dict]:
    """The exempt pages (path -> why) that are larger than limit bytes, with their size and the reason."""
    return [
        {"path": sti, "raw_bytes": (site / sti).stat().st_size, "reason": grunn}
        for sti, grunn in unntak.items()
        if (site / sti).is_file() and (site / sti).stat().st_size > limit
    ]
