"""Which pages the data generates: one per tiltak, virkemiddel, aktør and rolle."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from . import urls
from .kildegrunnlag import POSTER, Kildeandel, kilder_for
from .model import Plan
from .plantekst import Omtale

DATAFIL = {
    "tiltak": "data/tiltak.yml",
    "virkemiddel": "data/virkemidler.yml",
    "aktor": "data/aktorer.yml",
    "rolle": "data/roller.yml",
}
"""Record kind -> the file staff edit to change that kind of page."""

TILTAKSPLAN = "tiltaksplan-2021"
"""The source every tiltak comes from (data/kilder.yml)."""


@dataclass(frozen=True)
class GenerertSide:
    """A page made from one record: where it goes, its front matter, and the macro that fills it."""

    type_: str
    post_id: str
    tittel: str
    kilder: tuple[Kildeandel, ...]

    @property
    def sti(self) -> str:
        """Path of the page relative to docs/."""
        return urls.kildefil(self.type_, self.post_id)

    def markdown(self) -> str:
        """The page's source: front matter plus a single macro call (ids are validated slugs)."""
        forste, *resten = self.kilder
        meta = {
            "title": self.tittel,
            "render_macros": True,
            "kilde": forste.kilde,
            "kilder": [a.kilde for a in resten],
            "kildeseksjoner": {a.kilde: a.seksjonstekst for a in self.kilder if a.seksjonstekst},
            "rediger": DATAFIL[self.type_],
        }
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        return f"---\n{front}---\n\n{{{{ side('{self.type_}', '{self.post_id}') }}}}\n"


def _tittel(plan: Plan, type_: str, post_id: str) -> str:
    post = getattr(plan, POSTER[type_])[post_id]
    return post.overskrift if type_ == "virkemiddel" else post.navn


def genererte_sider(plan: Plan, omtaler: dict[tuple[str, str], list[Omtale]] | None = None) -> list[GenerertSide]:
    """Every generated page of the site, in a stable order, each citing the documents that name its record.

    A record no document names gets no page here; the hook stops the build for it first.
    """
    omtaler = omtaler or {}
    sider = []
    for type_ in DATAFIL:
        for post_id in getattr(plan, POSTER[type_]):
            kilder = kilder_for(plan, type_, post_id, omtaler.get((type_, post_id), []))
            if kilder:
                sider.append(GenerertSide(type_, post_id, _tittel(plan, type_, post_id), tuple(kilder)))
    return sider
