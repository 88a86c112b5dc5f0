"""Keyboard only: the glossary tooltips and the timeline filter work without a mouse.

Search by keyboard is tested in tests/test_sok.py (test_search_works_by_keyboard_…).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser


def tab_til(fane, css: str, grense: int = 80):
    """Press Tab until the focused element matches css; returns how many presses it took."""
    for trykk in range(1, grense + 1):
        fane.keyboard.press("Tab")
        if fane.evaluate("s => document.activeElement.matches(s)", css):
            return trykk
    pytest.fail(f"Tab nådde aldri {css} etter {grense} trykk")


def test_a_glossary_word_is_reached_by_tab_and_shows_its_explanation(fane, nettadresse):
    fane.goto(f"{nettadresse}tiltak/snowball/")
    forventet = fane.evaluate("document.querySelector('article abbr').title")
    assert forventet
    tab_til(fane, "article abbr")
    assert fane.evaluate("document.activeElement === document.querySelector('article abbr')")
    # Material moves the title into its tooltip, which shows while the word has focus.
    tooltip = fane.locator(".md-tooltip2--active, .md-tooltip--active").first
    tooltip.wait_for()
    assert " ".join(tooltip.inner_text().split())[:60] == " ".join(forventet.split())[:60]


def test_the_timeline_filter_works_by_keyboard(fane, nettadresse):
    fane.goto(f"{nettadresse}historikk/tidslinje/")
    alle = fane.locator("li.rp-hendelse")
    totalt = alle.count()
    tab_til(fane, ".rp-filter input[type=radio]")
    assert fane.evaluate("document.activeElement.id") == "tema-alle"
    fane.keyboard.press("ArrowRight")
    valgt = fane.evaluate("document.activeElement.id")
    assert valgt != "tema-alle" and fane.locator(f"#{valgt}").is_checked()
    tema = valgt.removeprefix("tema-")
    synlige = [li for li in alle.all() if li.is_visible()]
    assert 0 < len(synlige) < totalt
    assert all(tema in li.get_attribute("data-tema").split() for li in synlige)
    fane.keyboard.press("ArrowLeft")
    assert fane.locator("#tema-alle").is_checked()
    assert sum(li.is_visible() for li in alle.all()) == totalt
