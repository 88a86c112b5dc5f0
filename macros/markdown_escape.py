"""Staff's Markdown shows HTML tags as the text they are: a tag pasted from an e-mail never becomes markup.

Python-Markdown passes raw HTML through. On the hand-written pages every `<` outside code becomes
`&lt;`, so «<script>» reads as «<script>». Two exceptions are kept, because the plan text uses
them: `<br>` (a line break in a table cell) and `<!--` comments. Pages made from data never pass
through here; their HTML comes from the templates, which escape the data.
"""

from __future__ import annotations

import re

# Fenced code blocks and inline code spans keep their text as written: Markdown escapes them itself.
_KODE = re.compile(
    r"(^(?P<gjerde>```|~~~)[^\n]*\n.*?^(?P=gjerde)[ \t]*$|(?P<aks>`+).+?(?P=aks))", re.DOTALL | re.MULTILINE
)
_TAG = re.compile(r"<(?!br\s*/?>|!--)", re.IGNORECASE)


def uten_ra_html(markdown: str) -> str:
    """The Markdown with every `<` outside code written as `&lt;`, except `<br>` and comments."""
    deler, start = [], 0
    for treff in _KODE.finditer(markdown):
        deler.append(_TAG.sub("&lt;", markdown[start : treff.start()]))
        deler.append(treff.group(0))
        start = treff.end()
    deler.append(_TAG.sub("&lt;", markdown[start:]))
    return "".join(deler)
