"""«Meld fra om feil»: where reports go, and the link on each page, prefilled with the page's address and title.

One setting decides where reports go (`meld_fra` in data/innstillinger.yml): an e-mail address or
the address of a form. Without it, reports open a new issue in the project on GitHub (repo_url in
mkdocs.yml). The same address is the contact point of the datasets (macros/datasett.py).
"""

from __future__ import annotations

from urllib.parse import quote, urlencode

from .model import EPOST, Innstillinger


def mottaker(innstillinger: Innstillinger, repo_url: str | None) -> str:
    """Where reports go: mailto: for an e-mail address, the form's address, or the repository's new-issue form."""
    if innstillinger.meld_fra is not None:
        verdi = innstillinger.meld_fra
        return f"mailto:{verdi}" if EPOST.fullmatch(verdi) else verdi
    if not repo_url:
        raise ValueError(
            "«Meld fra om feil» trenger enten `meld_fra` i data/innstillinger.yml eller `repo_url` i mkdocs.yml"
        )
    return f"{repo_url.rstrip('/')}/issues/new"


def er_epost(adresse: str) -> bool:
    """True when reports go by e-mail."""
    return adresse.startswith("mailto:")


def lenke(adresse: str, side_url: str, tittel: str) -> str:
    """The report link of one page: a new e-mail or issue whose subject and text name the page."""
    emne = f"Feil på siden «{tittel}»"
    tekst = f"Siden: {side_url}\n\nHva er feil, og hva skulle det stått? Skriv gjerne hvor i kilden det står.\n"
    felt = {"subject": emne, "body": tekst} if er_epost(adresse) else {"title": emne, "body": tekst}
    skille = "&" if "?" in adresse else "?"
    # quote, not quote_plus: mail programs read «+» as a plus sign, not a space.
    return f"{adresse}{skille}{urlencode(felt, quote_via=quote)}"
