"""Adopted versions of the plan: one full build per git tag `vedtatt/<vedtak-id>`, under /arkiv/<vedtak-id>/.

Staff tag the commit that holds an adopted plan (BIDRA.md, «Fryse en vedtatt versjon»). The tag names a
decision in the tagged tree's own data/vedtak.yml, which gives the date and the body the banner states:
nothing about the adoption is typed twice. Each tagged tree is extracted with `git archive` and built
with its own MkDocs hook and templates in a subprocess, so its pages are exactly what that commit
published. Every archived HTML page then gets a noindex tag and the «Historisk versjon» banner, and the
archive's own sitemap is removed. No MkDocs here: macros/mkdocs_hook.py calls these functions.
"""

from __future__ import annotations

import io
import os
import posixpath
import subprocess
import sys
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import yaml

from . import urls
from .git import Gitfeil, batch_objekter, git
from .templating import render
from .yamlfile import les_verdier

PREFIKS = "vedtatt/"
"""Tags under refs/tags/ that start with this freeze an adopted version: vedtatt/<vedtak-id>."""

MAPPE = "arkiv"
"""The site folder the adopted versions are built into: /arkiv/<vedtak-id>/."""

I_ARKIVBYGG = "REGIONPLAN_ARKIVBYGG"
"""Set in an archived version's build, so that build never looks for tags itself."""


class Arkivfeil(Exception):
    """An adopted version that cannot be read or built; the message names the tag, in bokmål."""


@dataclass(frozen=True)
class Versjon:
    """One adopted version: its tag, and the decision the tagged tree records for it."""

    tag: str
    navn: str
    """The vedtak id: the version's folder under /arkiv/."""
    commit: str
    organ: str
    motedato: str
    motedato_tekst: str
    tiltak: frozenset[str]
    """The measures in the tagged tree: the ids in its data/tiltak.yml and in its later plans' entries."""

    @property
    def url(self) -> str:
        """The site-relative URL of the version's home page: arkiv/<navn>/."""
        return f"{MAPPE}/{self.navn}/"

    def tiltak_url(self, tiltak_id: str) -> str:
        """The site-relative URL of a measure's page in this version."""
        return self.url + urls.side_url("tiltak", tiltak_id)


def les_versjoner(prosjekt: Path) -> tuple[Versjon, ...]:
    """The adopted versions tagged in the project's repository, newest decision first; () without tags or git."""
    if os.environ.get(I_ARKIVBYGG):
        return ()
    try:
        prefiks = git(prosjekt, "rev-parse", "--show-prefix").decode().strip()
        tags = git(
            prosjekt, "for-each-ref", "--format=%(refname) %(objectname) %(*objectname)", f"refs/tags/{PREFIKS}"
        ).decode()
    except (Gitfeil, OSError):
        return ()
    # %(*objectname) is the commit an annotated tag points to; a lightweight tag has only %(objectname).
    par = [(felt[0].removeprefix("refs/tags/"), felt[-1]) for felt in (linje.split() for linje in tags.splitlines())]
    if not par:
        return ()
    filer = ("vedtak.yml", "tiltak.yml", "tiltaksplanposter.yml")
    foresporsel = "".join(f"{commit}:{prefiks}data/{fil}\n" for _, commit in par for fil in filer).encode()
    innhold = iter(batch_objekter(git(prosjekt, "cat-file", "--batch", inn=foresporsel)))
    versjoner = [_versjon(tag, commit, next(innhold), next(innhold), next(innhold)) for tag, commit in par]
    return tuple(sorted(versjoner, key=lambda v: (v.motedato, v.navn), reverse=True))


def _versjon(tag: str, commit: str, vedtak: bytes | None, tiltak: bytes | None, planposter: bytes | None) -> Versjon:
    navn = tag.removeprefix(PREFIKS)
    try:
        vedtaksliste = les_verdier(vedtak) if vedtak is not None else None
        tiltaksliste = les_verdier(tiltak) if tiltak is not None else None
        # A tree from before the later plans has no data/tiltaksplanposter.yml.
        postliste = les_verdier(planposter) if planposter is not None else None
    except yaml.YAMLError as feil:
        raise Arkivfeil(f"Taggen «{tag}»: dataene i den taggede versjonen kan ikke leses ({feil}).") from None
    funnet = [v for v in vedtaksliste or [] if isinstance(v, dict) and v.get("id") == navn]
    if not funnet:
        raise Arkivfeil(
            f"Taggen «{tag}»: data/vedtak.yml i den taggede versjonen har ikke noe vedtak med id «{navn}». "
            f"Taggen skal hete «{PREFIKS}<id>» med id-en til vedtaket som vedtok versjonen, og vedtaket må stå i "
            "data/vedtak.yml i commiten taggen peker på. Slett taggen og lag den på nytt."
        )
    (post,) = funnet
    return Versjon(
        tag,
        navn,
        commit,
        str(post.get("organ", "")),
        str(post.get("motedato", "")),
        str(post.get("motedato_tekst", "")),
        frozenset(str(t["id"]) for t in tiltaksliste or [] if isinstance(t, dict) and "id" in t)
        | frozenset(str(p["tiltak"]) for p in postliste or [] if isinstance(p, dict) and "tiltak" in p),
    )


def bygg_alle(prosjekt: Path, versjoner: tuple[Versjon, ...], site: Path, site_url: str) -> None:
    """Build every adopted version into <site>/arkiv/<navn>/ and mark its pages as historical."""
    for versjon in versjoner:
        bygg_versjon(prosjekt, versjon, site, site_url)


def bygg_versjon(prosjekt: Path, versjon: Versjon, site: Path, site_url: str) -> Path:
    """Extract the tagged tree, build it with MkDocs into <site>/arkiv/<navn>/ and mark it; Arkivfeil if it fails."""
    mal = site / MAPPE / versjon.navn
    try:
        prefiks = git(prosjekt, "rev-parse", "--show-prefix").decode().strip()
        arkiv = git(prosjekt, "archive", "--format=tar", f"{versjon.commit}:{prefiks}")
    except (Gitfeil, OSError) as feil:
        raise Arkivfeil(f"Taggen «{versjon.tag}»: git kunne ikke hente den taggede versjonen ({feil}).") from None
    with tempfile.TemporaryDirectory(prefix="regionplan-arkiv-") as tmp:
        tre = Path(tmp)
        with tarfile.open(fileobj=io.BytesIO(arkiv)) as tar:
            tar.extractall(tre, filter="data")
        # The tagged mkdocs.yml with only the address changed: the archive lives under the current site.
        oppsett = {"INHERIT": "mkdocs.yml"}
        if site_url:
            oppsett["site_url"] = site_url.rstrip("/") + "/" + versjon.url
        (tre / "arkiv-mkdocs.yml").write_text(yaml.safe_dump(oppsett), encoding="utf-8")
        miljo = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
        miljo.update({I_ARKIVBYGG: "1", "NO_MKDOCS_2_WARNING": "1"})
        resultat = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(tre / "arkiv-mkdocs.yml"), "-d", str(mal)],
            cwd=tre,
            capture_output=True,
            text=True,
            env=miljo,
        )
    if resultat.returncode != 0:
        siste = "\n".join(resultat.stderr.strip().splitlines()[-15:])
        raise Arkivfeil(
            f"Den vedtatte versjonen i taggen «{versjon.tag}» kunne ikke bygges, og da stopper hele bygget. "
            f"Rett feilen i en ny commit og flytt taggen dit (BIDRA.md, «Fryse en vedtatt versjon»). "
            f"MkDocs sa:\n{siste}"
        )
    merk_arkiv(mal, versjon, site)
    return mal


def merk_arkiv(mal: Path, versjon: Versjon, site: Path) -> None:
    """Mark every HTML page of a built version as historical, and drop the version's sitemap."""
    for sitemap in ("sitemap.xml", "sitemap.xml.gz"):
        (mal / sitemap).unlink(missing_ok=True)
    # Plain strings: adding a Markup to the page's text would escape the page.
    noindex = str(render("arkiv_noindex.html"))
    for fil in sorted(mal.rglob("*.html")):
        rel = PurePosixPath(fil.relative_to(mal).as_posix())
        href, finnes = lenke_til_gjeldende(versjon, rel, site)
        banner = str(render("arkiv_banner.html", versjon=versjon, href=href, finnes=finnes))
        try:
            merket = sett_inn(fil.read_text(encoding="utf-8"), noindex, banner)
        except Arkivfeil as feil:
            raise Arkivfeil(f"Taggen «{versjon.tag}»: {fil.relative_to(mal).as_posix()}: {feil}") from None
        fil.write_text(merket, encoding="utf-8")


def lenke_til_gjeldende(versjon: Versjon, rel: PurePosixPath, site: Path) -> tuple[str, bool]:
    """Link from an archived page (path inside its version) to the same page on the current site, or to its home page.

    Returns (relative href, whether the same page exists today).
    """
    fra = PurePosixPath(MAPPE, versjon.navn, rel).parent
    finnes = rel.name == "index.html" and (site / rel).is_file()
    mal = rel.parent if finnes else PurePosixPath(".")
    href = posixpath.relpath(str(mal), str(fra))
    return (href if href.endswith("/") else href + "/"), finnes


def sett_inn(html: str, i_head: str, banner: str) -> str:
    """The page with i_head right after <head…> and the banner at the start of its <article…> (or <body…>)."""
    html, i_head, banner = str(html), str(i_head), str(banner)
    html = _etter(html, "<head", i_head)
    return _etter(html, "<article", banner) if "<article" in html else _etter(html, "<body", banner)


def _etter(html: str, start: str, tillegg: str) -> str:
    """Insert text right after the first opening tag that begins with `start` (such as «<body»)."""
    i = html.find(start)
    if i < 0 or html[i + len(start) : i + len(start) + 1] not in (" ", ">", "\n", "\t"):
        raise Arkivfeil(f"siden har ingen {start}>, så den kan ikke merkes som historisk")
    slutt = html.index(">", i) + 1
    return html[:slutt] + tillegg + html[slutt:]
