"""What Markdown makes of a page that is nothing but finished HTML, without running Markdown.

The pages made from data are one HTML block from the templates and the Kilde block, each a single
element, with a blank line between. Markdown sets such a block aside and writes it back as it stands,
the blocks joined by one blank line, and MkDocs notes every id (and <a name>) in it for its anchor check.
Reading the blocks through Markdown costs as much as the rest of the page; markdown_output gives the same
result without it, or says it cannot be sure, and the page then goes through Markdown as before
(tests/test_ytelse.py renders every such page both ways and compares).
"""

from __future__ import annotations

import re

from .html_pass import BITER, TOMME, attributter, enkel_html

_BLOKKROT = frozenset({"article", "aside", "div", "nav", "section"})
"""Block-level elements a finished HTML block may open with (Python-Markdown leaves such a block as it is)."""
_GJERDE = re.compile(r"^[ ]*(?:`{3,}|~{3,})", re.MULTILINE)
"""A line that could open a fenced code block (pymdownx.superfences reads it before the HTML blocks are set aside)."""
_BLANK = re.compile(r"^[ ]+$", re.MULTILINE)
"""A line of spaces only, which Markdown makes blank (it would split the block there)."""


def markdown_output(kilde: str) -> tuple[str, set[str | None]] | None:
    """What Markdown makes of a page source that is nothing but finished HTML blocks, and the ids in them.

    None when the source is anything else, or anything Markdown could read differently: text outside the
    elements, a tag left open, a line that could open a fenced code block, a tab, a line of spaces, a
    markdown= attribute, or HTML the simple split in html_pass.py does not take.
    """
    if any(tegn in kilde for tegn in "\t\r\x02\x03") or _GJERDE.search(kilde) or _BLANK.search(kilde):
        return None
    blokker = re.split(r"\n\n+", kilde.strip("\n"))
    ider: set[str | None] = set()
    for blokk in blokker:
        if not blokk.startswith("<") or "markdown=" in blokk or not enkel_html(blokk):
            return None
        stakk: list[str] = []
        for bit in BITER.finditer(blokk):
            tag, slutt = bit.group("tag"), bit.group("slutt")
            if tag is not None:
                tag = tag.lower()
                if not stakk and (bit.start() != 0 or tag not in _BLOKKROT or bit.group("lukket") is not None):
                    return None
                ider.update(v for k, v in attributter(bit.group("attrs")) if k == "id" or (k == "name" and tag == "a"))
                if tag not in TOMME and bit.group("lukket") is None:
                    stakk.append(tag)
            elif slutt is not None:
                if not stakk or stakk.pop() != slutt:
                    return None
                if not stakk and bit.end() != len(blokk):
                    return None
            elif not stakk:
                return None
        if stakk:
            return None
    return "\n\n".join(blokker), ider
