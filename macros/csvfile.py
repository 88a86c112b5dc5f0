"""The one CSV form the site publishes: the economy tables (datatabeller.py) and the datasets (datasett.py).

Excel on a Norwegian machine opens a file by double-click as the system's own code page unless it
starts with a byte order mark, and splits columns on the list separator, which is «;» where the
decimal mark is a comma. So: UTF-8 with BOM (æ, ø and å survive), semicolons, decimal commas
(format.csv_tall), one record per line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

BOM = "\ufeff"
SKILLETEGN = ";"
FORMELTEGN = ("=", "+", "-", "@", "\t", "\r")
"""A text cell starting with one of these is read as a formula by spreadsheets (OWASP: CSV injection)."""


def tekstcelle(verdi: str) -> str:
    """A text cell a spreadsheet shows as text: one that would start a formula gets an apostrophe in front."""
    return f"'{verdi}" if verdi.startswith(FORMELTEGN) else verdi


def csv_tekst(rader: Iterable[Iterable[str]]) -> str:
    """Rows (header first) as the text of a CSV file: BOM, semicolons, quoted only where needed."""
    ut = io.StringIO()
    ut.write(BOM)
    skriver = csv.writer(ut, delimiter=SKILLETEGN, lineterminator="\n")
    skriver.writerows(rader)
    return ut.getvalue()
