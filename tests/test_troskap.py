"""Fidelity: the built site carries every source document, word for word.

For each source: every number and date and every proper name in the source text
appears on the site, at least 98 % of the source's word 5-grams are found in the
site's text, and no stretch of 40 words is missing (which a removed paragraph
would cause, even when the overall share stays high).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import PROSJEKT, SEEDS, ekte_plan

KILDER = {
    # The action plan counts once, in its final wording (002); see kilder/README.md.
    "handlingsplan-2021-2025": "002_21d2f3a798b15d75.txt",
    "tiltaksplan-2021": "001_feb6430070bfa785.txt",
    "samarbeidsstrategi-2019": "003_4c51e28c0f57dbd9.txt",
    "naeringsplan-2014": "004_cdd5c87f05ecfe6d.txt",
}

# Documented extraction noise that is not content (kilder/README.md): image captions
# dropped into running text. Table-of-contents page numbers stand alone on TOC lines.
STØY_LINJER = {"Snowball", "Medarbeiderne i LRV"}

ORD = re.compile(r"[0-9a-zæøåéü]+")
TALL = re.compile(r"\d+(?:[ .,:/–-]\d+)*")
NAVN = re.compile(r"(?<![.!?:•\-–]\s)(?<!^)\b([A-ZÆØÅ][a-zæøåé]+(?:[ -][A-ZÆØÅ][a-zæøåé]+)*)")


def normaliser(tekst: str) -> str:
    return tekst.replace("\u202f", " ").replace("\u00a0", " ").replace("\u00ad", "")


def ord_i(tekst: str) -> list[str]:
    return ORD.findall(normaliser(tekst).lower())


def femgram(ordliste: list[str]) -> list[tuple[str, ...]]:
    return [tuple(ordliste[i : i + 5]) for i in range(len(ordliste) - 4)]


def kildetekst(fil: str) -> str:
    linjer = (SEEDS / fil).read_text(encoding="utf-8").splitlines()
    return "\n".join(linje for linje in linjer if linje.strip() not in STØY_LINJER)


# Parts of a page the site adds around the plan text; left out so they do not split the text.
RAMME = (
    "aside.rp-kilde, .rp-omtaler, .rp-naboer, .rp-ingress, .rp-forklaring, .rp-ramme, .rp-avledet, caption, .headerlink, "
    ".rp-meld-fra"
)


def _nav_filer(nav) -> list[str]:
    if isinstance(nav, str):
        return [nav]
    if isinstance(nav, dict):
        return [f for verdi in nav.values() for f in _nav_filer(verdi)]
    return [f for element in nav for f in _nav_filer(element)]


def lesefolge(site: Path) -> list[Path]:
    """The built pages in reading order: the navigation's order, with the six virkemiddel pages
    where the saksfremlegg has its assessments, then every other page."""
    konfig = yaml.load((PROSJEKT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Tolerant)
    sider: list[Path] = []
    for md in _nav_filer(konfig["nav"]):
        url = md[: -len("index.md")] if md.endswith("index.md") else md[: -len(".md")] + "/"
        sider.append(site / url / "index.html")
        if md == "tiltaksplan-2021/index.md":
            sider += [site / "virkemidler" / v / "index.html" for v in ekte_plan().virkemidler]
    resten = sorted(set(site.rglob("index.html")) - set(sider))
    return [s for s in sider if s.exists()] + resten


def nettstedtekst(site: Path) -> str:
    """The readable content of every page (not navigation or page furniture), as one text."""
    deler = []
    for html in lesefolge(site):
        innhold = BeautifulSoup(html.read_text(encoding="utf-8"), "lxml").select_one("article.md-content__inner")
        if innhold:
            for ramme in innhold.select(RAMME):
                ramme.decompose()
            for liste in innhold.select("ol"):  # list numbers are shown to readers, as in the source
                for nummer, punkt in enumerate(liste.find_all("li", recursive=False), int(liste.get("start", 1))):
                    punkt.insert(0, f"{nummer}. ")
            deler.append(innhold.get_text(" "))
    return normaliser("\n".join(deler))


class _Tolerant(yaml.SafeLoader):
    """Reads mkdocs.yml without constructing its !!python tags."""


_Tolerant.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


@dataclass
class Rapport:
    andel: float
    manglende_tall: list[str] = field(default_factory=list)
    manglende_navn: list[str] = field(default_factory=list)
    hull: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.andel >= 0.98 and not (self.manglende_tall or self.manglende_navn or self.hull)

    def __str__(self) -> str:
        return (
            f"5-gram-andel {self.andel:.3f}; mangler tall {self.manglende_tall[:20]}; "
            f"mangler navn {self.manglende_navn[:20]}; mangler tekst: {self.hull[:5]}"
        )


def sammenlign(kilde: str, nettsted: str, vindu: int = 40) -> Rapport:
    kildeord = ord_i(kilde)
    nettstedgram = set(femgram(ord_i(nettsted)))
    treff = [g in nettstedgram for g in femgram(kildeord)]
    rapport = Rapport(andel=sum(treff) / len(treff))
    kompakt = re.sub(r"\s", "", nettsted)
    for tall in dict.fromkeys(TALL.findall(normaliser(kilde))):
        if re.sub(r"\s", "", tall) not in kompakt:
            rapport.manglende_tall.append(tall)
    for linje in normaliser(kilde).splitlines():
        for navn in NAVN.findall(linje.strip()):
            if navn not in nettsted and navn not in rapport.manglende_navn:
                rapport.manglende_navn.append(navn)
    i = 0
    while i + vindu <= len(treff):
        if sum(treff[i : i + vindu]) < vindu // 2:
            rapport.hull.append(" ".join(kildeord[i : i + vindu]))
            i += vindu
        else:
            i += 1
    return rapport


@pytest.fixture(scope="module")
def tekst_paa_nettstedet(bygget) -> str:
    """The readable text of the whole built site, extracted once."""
    return nettstedtekst(bygget)


@pytest.mark.parametrize("kilde_id", list(KILDER))
def test_every_source_is_on_the_site_word_for_word(tekst_paa_nettstedet, kilde_id):
    rapport = sammenlign(kildetekst(KILDER[kilde_id]), tekst_paa_nettstedet)
    assert rapport.ok, f"{kilde_id}: {rapport}"


def test_the_check_fails_when_a_paragraph_is_removed(bygget, tekst_paa_nettstedet):
    side = BeautifulSoup(
        (bygget / "handlingsplan" / "geografisk-avgrensning" / "index.html").read_text(encoding="utf-8"), "lxml"
    )
    avsnitt = normaliser(
        next(p for p in side.select("article p") if "har signalisert et ønske" in p.get_text()).get_text(" ")
    )
    assert avsnitt in tekst_paa_nettstedet
    uten_avsnittet = tekst_paa_nettstedet.replace(avsnitt, "")
    assert sammenlign(kildetekst(KILDER["handlingsplan-2021-2025"]), tekst_paa_nettstedet).ok
    rapport = sammenlign(kildetekst(KILDER["handlingsplan-2021-2025"]), uten_avsnittet)
    assert not rapport.ok
    assert any("fylkeskommunen har signalisert" in hull for hull in rapport.hull), rapport
