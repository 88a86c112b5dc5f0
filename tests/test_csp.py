"""Content-Security-Policy: every page type runs in Chromium, JavaScript on, with zero violations."""

from __future__ import annotations

import pytest

from macros import csp

pytestmark = pytest.mark.browser

SIDETYPER = [
    "",
    "tiltak/",
    "tiltak/snowball/",
    "virkemidler/klynger-og-nettverk/",
    "aktorer/lillehammer-kommune/",
    "roller/veiviser/",
    "vedtak/handlingsplan-2021-2025/",
    "historikk/tidslinje/",
    "historikk/snowball/",
    "okonomi/tiltak/",
    "dokumenter/",
    "ordliste/",
]

LYTTER = """
window.__brudd = [];
document.addEventListener('securitypolicyviolation', e =>
  window.__brudd.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));
"""


@pytest.fixture
def fane_med_lytter(nettleser):
    kontekst = nettleser.new_context(viewport={"width": 1280, "height": 900})
    kontekst.add_init_script(LYTTER)
    side = kontekst.new_page()
    side.konsoll = []
    side.on("console", lambda m: side.konsoll.append(m.text) if "Content Security Policy" in m.text else None)
    yield side
    kontekst.close()


def test_the_policy_allows_no_eval_no_inline_and_no_other_site():
    verdier = [v for regel in csp.REGLER.values() for v in regel]
    assert "'unsafe-eval'" not in verdier and "'unsafe-inline'" not in verdier
    assert all(v.startswith("'") or v in ("data:",) for v in verdier)


@pytest.mark.parametrize("sti", SIDETYPER)
def test_no_violations_on_any_page_type(fane_med_lytter, nettadresse, sti):
    side = fane_med_lytter
    side.goto(f"{nettadresse}{sti}")
    side.wait_for_load_state("networkidle")
    if sti == "":
        # Pagefind, its WebAssembly and the index are fetched when the search box is used.
        side.get_by_role("textbox", name="Søk").first.fill("Snowball")
        side.locator(".md-search-result__item").first.wait_for(state="attached")
    if sti == "historikk/tidslinje/":
        side.get_by_label("Reiseliv", exact=False).first.check()
    brudd = side.evaluate("window.__brudd") + side.konsoll
    assert brudd == [], f"{sti}: {brudd}"
    assert side.locator('meta[http-equiv="Content-Security-Policy"]').count() == 1


def test_only_the_themes_own_inline_scripts_are_hashed():
    tema = '__md_scope=new URL("../..",location),__md_hash=e=>e'
    policy = csp.policy(f"<head><script>{tema}</script></head><nav><script>window.__xss=1</script></nav>")
    script_src = next(d for d in policy.split("; ") if d.startswith("script-src"))
    assert script_src.count("'sha256-") == 1
    assert csp._hash(tema) in script_src and csp._hash("window.__xss=1") not in script_src


def test_each_style_attribute_is_hashed_whatever_whitespace_stands_before_it():
    html = '<td style="text-align: left">a</td><td\tstyle="b">x</td><p\nstyle="c">y</p><p data-style="d">z</p>'
    style_src = next(d for d in csp.policy(html).split("; ") if d.startswith("style-src"))
    assert all(csp._hash(v) in style_src for v in ("text-align: left", "b", "c"))
    assert csp._hash("d") not in style_src and style_src.count("'sha256-") == 3


def test_the_404_page_carries_the_policy(bygget):
    # Served under the Pages path only (tests/test_lenker.py), so it is checked in its file here.
    assert 'http-equiv="Content-Security-Policy"' in (bygget / "404.html").read_text(encoding="utf-8")


def test_a_script_added_inline_is_blocked(fane_med_lytter, nettadresse):
    side = fane_med_lytter
    side.goto(f"{nettadresse}tiltak/snowball/")
    side.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.__kjort = 1';
                             document.body.appendChild(s); }""")
    assert side.evaluate("window.__kjort") is None
    assert any("script-src" in b for b in side.evaluate("window.__brudd"))
