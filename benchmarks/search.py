"""Benchmark: Pagefind (the site's search) against Material's built-in lunr search, in Chromium.

    make bench-sok

Builds the site twice from this working tree: as it is (Pagefind), and with Material's search plugin
switched back on (lunr; the header then shows Material's own box, overrides/partials/header.html).
For each it reports:

- how many of the citizen queries in tests/test_sok.py have the right page among the top five hits,
  typed into the search box in the header;
- how many bytes the first visit to a tiltak page loads (all files, gzip-compressed as a web server
  would send them, level 6), and how many more the first search loads.

Needs the test extras (Playwright) and a Chromium, as the browser tests do.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import unquote, urlsplit

PROSJEKT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROSJEKT))
sys.path.insert(0, str(PROSJEKT / "tests"))

from conftest import bygg, lag_nettsted  # noqa: E402
from nettleser import PLAYWRIGHT, finn_nettleser  # noqa: E402
from test_sok import SPORSMAL  # noqa: E402

SIDE = "tiltak/snowball/"
"""The page whose first visit is weighed."""

FORSTE_SOK = "Snowball"

# Material's worker protocol (src/templates/assets/javascripts/integrations/search/worker/message):
# a QUERY message (type 2) is answered by a RESULT (type 3). Counting both tells when the last
# query typed has been answered, without waiting a fixed time.
TELLER = """
(() => {
  const Opprinnelig = window.Worker;
  window.__sendt = 0; window.__svar = 0;
  window.Worker = function (...args) {
    const w = new Opprinnelig(...args);
    const send = w.postMessage.bind(w);
    w.postMessage = (m, ...r) => { if (m && m.type === 2) window.__sendt++; return send(m, ...r); };
    w.addEventListener("message", e => { if (e.data && e.data.type === 3) window.__svar++; });
    return w;
  };
})();
"""


def lunr(mappe: Path) -> None:
    """Switch Material's search plugin back on in a copy of the sources, with the features it had."""
    oppsett = mappe / "mkdocs.yml"
    tekst = oppsett.read_text(encoding="utf-8")
    tekst = tekst.replace("plugins:\n", 'plugins:\n  - search:\n      lang: ["no"]\n', 1)
    tekst = tekst.replace("  features:\n", "  features:\n    - search.suggest\n    - search.highlight\n", 1)
    tekst = tekst.replace("  - assets/sok.js\n", "", 1)
    oppsett.write_text(tekst, encoding="utf-8")


def bygg_variant(navn: str, rot: Path, forbered=None) -> tuple[Path, float]:
    mappe = lag_nettsted(rot / navn)
    if forbered:
        forbered(mappe)
    start = time.perf_counter()
    resultat = bygg(mappe)
    tid = time.perf_counter() - start
    if resultat.returncode != 0:
        sys.exit(f"{navn}: bygget feilet\n{resultat.stderr[-3000:]}")
    return mappe / "site", tid


def serve(site: Path) -> tuple[str, callable]:
    class Stille(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Stille, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{httpd.server_address[1]}/", httpd.shutdown


def fil_for(site: Path, base: str, url: str) -> Path:
    sti = unquote(urlsplit(url).path).removeprefix(urlsplit(base).path)
    fil = site / sti
    return fil / "index.html" if fil.is_dir() or sti.endswith("/") or sti == "" else fil


def vekt(site: Path, base: str, urls: list[str]) -> tuple[int, int, int]:
    """(files, raw bytes, gzip bytes) of the distinct site files behind these URLs."""
    filer = {fil_for(site, base, u) for u in urls if u.startswith(base)}
    data = [f.read_bytes() for f in filer if f.is_file()]
    return len(data), sum(len(d) for d in data), sum(len(gzip.compress(d, 6)) for d in data)


def vent_paa_svar(side, pagefind: bool, sporring: str) -> None:
    if pagefind:
        side.wait_for_function(
            "q => document.getElementById('rp-sok-treff').dataset.sporring === q", arg=sporring, timeout=15000
        )
    else:
        side.wait_for_function(
            "q => document.querySelector('.md-search__input').value === q && window.__sendt > 0 "
            "&& window.__sendt === window.__svar",
            arg=sporring,
            timeout=15000,
        )
        # Material draws the answer on the next animation frames.
        side.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


def sok(side, pagefind: bool, sporring: str, tempo: int = 15) -> list[str]:
    felt = side.locator("input.md-search__input")
    felt.click()
    felt.fill("")
    felt.press_sequentially(sporring, delay=tempo)
    vent_paa_svar(side, pagefind, sporring)
    if pagefind:
        return side.eval_on_selector_all("#rp-sok-treff a.rp-sok-side", "ls => ls.map(a => a.href)")
    # Material lists a page once, with its sections under it; a page whose text did not match
    # starts with a section link.
    hrefs = side.eval_on_selector_all(
        ".md-search-result__item > a.md-search-result__link:first-child", "ls => ls.map(a => a.href)"
    )
    return list(dict.fromkeys(h.split("#")[0].split("?")[0] for h in hrefs))


def mal(nettleser, navn: str, site: Path) -> dict:
    pagefind = navn == "Pagefind"
    base, stopp = serve(site)
    try:
        # First visit: a fresh browser context, nothing cached.
        kontekst = nettleser.new_context()
        kontekst.add_init_script(TELLER)
        side = kontekst.new_page()
        urls: list[str] = []
        side.on("request", lambda r: urls.append(r.url))
        side.goto(base + SIDE)
        side.wait_for_load_state("networkidle")
        forste = vekt(site, base, urls)
        for_sok = len(urls)
        # At a person's pace (about 200 ms a letter), so a search per letter would show in the bytes.
        sok(side, pagefind, FORSTE_SOK, tempo=200)
        side.wait_for_load_state("networkidle")
        ved_sok = vekt(site, base, urls[for_sok:])
        kontekst.close()

        treff = 0
        bom = []
        for sporring, forventet in SPORSMAL:
            kontekst = nettleser.new_context()
            kontekst.add_init_script(TELLER)
            side = kontekst.new_page()
            side.goto(base)
            side.wait_for_load_state("networkidle")
            stier = [urlsplit(h).path.removeprefix(urlsplit(base).path) for h in sok(side, pagefind, sporring)]
            kontekst.close()
            if forventet in stier[:5]:
                treff += 1
            else:
                bom.append(f"«{sporring}» → {forventet} (topp 5: {', '.join(stier[:5]) or 'ingen treff'})")
        return {"forste": forste, "ved_sok": ved_sok, "treff": treff, "bom": bom}
    finally:
        stopp()


def kib(n: int) -> str:
    return f"{n / 1024:.1f} KiB"


def main() -> None:
    from playwright.sync_api import sync_playwright

    funnet = finn_nettleser()
    if funnet is None:
        sys.exit("Fant ingen Chromium (se tests/nettleser.py).")
    with tempfile.TemporaryDirectory(prefix="regionplan-sok-") as tmp:
        varianter = [
            ("Pagefind", *bygg_variant("pagefind", Path(tmp))),
            ("lunr", *bygg_variant("lunr", Path(tmp), lunr)),
        ]
        with sync_playwright() as p:
            nettleser = p.chromium.launch(
                executable_path=None if funnet == PLAYWRIGHT else funnet, args=["--no-sandbox", "--disable-gpu"]
            )
            for navn, site, byggetid in varianter:
                m = mal(nettleser, navn, site)
                filer, raa, gz = m["forste"]
                sfiler, sraa, sgz = m["ved_sok"]
                print(f"{navn}:")
                print(f"  spørsmål med riktig side blant de fem første: {m['treff']} av {len(SPORSMAL)}")
                print(f"  første besøk på /{SIDE}: {kib(gz)} gzip ({kib(raa)} ukomprimert, {filer} filer)")
                print(f"  første søk («{FORSTE_SOK}») laster i tillegg: {kib(sgz)} gzip ({kib(sraa)}, {sfiler} filer)")
                print(f"  bygget tok {byggetid:.1f} s")
                for linje in m["bom"]:
                    print(f"    bom: {linje}")
            nettleser.close()


if __name__ == "__main__":
    main()
