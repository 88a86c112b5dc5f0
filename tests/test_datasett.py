"""Open data: every CSV file the site publishes opens in Excel with æ, ø and å."""

from __future__ import annotations

import csv
import io

from macros import csvfil

BOM = b"\xef\xbb\xbf"


def excel_leser(data: bytes) -> list[list[str]]:
    """What Excel on a Norwegian machine makes of a CSV file: the BOM says UTF-8, «;» splits the columns."""
    assert data.startswith(BOM), "uten BOM leser Excel filen som Windows-1252, og æ, ø og å blir feil"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))


def test_csv_text_is_utf8_with_bom_and_semicolons():
    tekst = csvfil.csv_tekst([["navn", "kommune"], ["Øyer kommune", "Gausdal; Lillehammer"]])
    assert excel_leser(tekst.encode("utf-8")) == [["navn", "kommune"], ["Øyer kommune", "Gausdal; Lillehammer"]]


def test_text_that_would_start_a_formula_is_kept_as_text():
    assert csvfil.tekstcelle('=HYPERLINK("x")') == '\'=HYPERLINK("x")'
    assert csvfil.tekstcelle("@SUM(A1)") == "'@SUM(A1)"
    assert csvfil.tekstcelle("Kun allerede avsatt grunnfinansiering") == "Kun allerede avsatt grunnfinansiering"


def test_every_csv_file_on_the_site_opens_in_excel_with_norwegian_letters(bygget):
    filer = sorted(bygget.rglob("*.csv"))
    assert filer
    tekst = ""
    for fil in filer:
        rader = excel_leser(fil.read_bytes())
        assert len({len(rad) for rad in rader}) == 1, f"{fil.name}: radene har ulikt antall kolonner"
        tekst += "".join(celle for rad in rader for celle in rad)
    assert {"æ", "ø", "å"} <= set(tekst)
