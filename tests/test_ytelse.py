"""What keeps the build and `make check` fast, checked for what it must not change.

Speed itself is measured by `make bench` (benchmarks/), never asserted here: a slow machine must
not fail a test. These tests guard that each shortcut gives the same result as the long way, and
that nothing kept between builds grows without bound.
"""

from __future__ import annotations

import gc

import pytest
from conftest import PROSJEKT

from macros import yamlfil
from macros.gcpause import paused_gc
from macros.load import load_plan


def test_paused_gc_turns_the_collector_back_on_even_after_an_error():
    assert gc.isenabled()
    with pytest.raises(ValueError), paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled(), "an inner pause must not switch the collector on inside an outer one"
        raise ValueError
    assert gc.isenabled()


def test_paused_gc_leaves_a_collector_that_was_off_off():
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_reading_data_keeps_no_yaml_nodes_alive():
    load_plan(PROSJEKT / "data")
    # A scalar that YAML cannot construct goes through the error path, which must let go of its node too.
    _, feil = yamlfil.les_yaml_tekst("a: !!binary ikke-base64\nb: 2019-13-45\nc: 12\n", "data/temaer.yml")
    assert len(feil) == 2
    assert not yamlfil._konstruktor.constructed_objects
    assert not yamlfil._konstruktor.recursive_objects


def test_text_scalars_read_as_yaml_reads_them():
    tekst = "a: tekst\nb: 'sitert: tekst'\nc: \"to\\nlinjer\"\nd: |\n  blokk\n  tekst\ne: 12\nf: no\ng: 2019-03-28\n"
    dokument, feil = yamlfil.les_yaml_tekst(tekst, "data/temaer.yml")
    assert not feil
    assert dokument.verdi == yamlfil.les_verdier(tekst)
