"""Figures are written one way everywhere: the formatters in macros/format.py, the same as Jinja filters."""

from __future__ import annotations

import inspect

import pytest
from markupsafe import Markup

import macros.format as format_
from macros.format import FILTRE, beregnet, csv_tall, kroner, prosent, tall
from macros.templating import miljo, ren_tekst

SMAL = "\u202f"
"""Narrow no-break space, between thousands."""
HARD = "\u00a0"
"""No-break space, before «kr» and «%»."""


@pytest.mark.parametrize(
    ("verdi", "ventet"),
    [
        (0, "0"),
        (999, "999"),
        (1000, f"1{SMAL}000"),
        (1200000, f"1{SMAL}200{SMAL}000"),
        (-5000, f"−5{SMAL}000"),
        (12.8, "12,8"),
        (0.0, "0,0"),
        (-0.9, "−0,9"),
        (1234.5, f"1{SMAL}234,5"),
    ],
)
def test_numbers_have_thousands_separators_a_decimal_comma_and_a_real_minus(verdi, ventet):
    assert tall(verdi) == ventet


def test_kroner_and_percent_keep_their_unit_on_the_same_line():
    assert kroner(1200000) == f"1{SMAL}200{SMAL}000{HARD}kr"
    assert kroner(-500000) == f"−500{SMAL}000{HARD}kr"
    assert prosent(80) == f"80{HARD}%"
    assert prosent(8.5) == f"8,5{HARD}%"
    assert prosent(-0.9) == f"−0,9{HARD}%"


def test_csv_numbers_are_raw_for_spreadsheets():
    assert csv_tall(1200000) == "1200000"
    assert csv_tall(-500000) == "-500000"
    assert csv_tall(8.5) == "8,5"
    assert csv_tall(-0.9) == "-0,9"


def test_the_computed_marker_says_its_basis():
    assert beregnet() == "(beregnet)"
    assert beregnet("2022 + 2023 + 2024") == "(beregnet: 2022 + 2023 + 2024)"


@pytest.mark.parametrize(
    ("navn", "verdi"),
    [
        *((navn, v) for navn in FILTRE for v in (0, 1200000, -5000)),
        *((navn, v) for navn in FILTRE if navn != "kroner" for v in (8.5, -0.9)),
    ],
)
def test_templates_get_every_formatter_as_a_filter_without_being_passed_it(navn, verdi):
    assert miljo().from_string(f"{{{{ v | {navn} }}}}").render(v=verdi) == FILTRE[navn](verdi)


BARE_I_PYTHON = {"csv_tall", "beregnet"}
"""Formatters for the CSV files and plain-text headings; pages show «beregnet» with the macro in _felles.html."""


def test_every_formatter_in_format_py_is_a_filter():
    # A formatter left out of FILTRE would tempt someone to pass it to a template as an argument again.
    funksjoner = {n for n, f in vars(format_).items() if inspect.isfunction(f) and f.__module__ == format_.__name__}
    assert funksjoner - BARE_I_PYTHON == {n for n, f in FILTRE.items() if f.__name__ == n}


def test_plain_text_of_rendered_html_keeps_the_spacing_the_reader_sees():
    html = Markup('300{0}000{1}kr <span class="rp-beregnet">(<span>beregnet</span>: A &amp; B)</span>').format(
        Markup(SMAL), Markup(HARD)
    )
    assert ren_tekst(html) == f"300{SMAL}000{HARD}kr (beregnet: A & B)"
    # Escaped data stays text: «<b>» in a name is not a tag.
    assert ren_tekst(Markup("{}").format("<b> & co")) == "<b> & co"
