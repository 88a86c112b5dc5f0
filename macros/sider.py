"""Which pages the data generates: one per tiltak, virkemiddel, aktør and rolle."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from . import urls
from .model import Plan

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
    kilde: str
    kildeseksjon: str

    @property
    def sti(self) -> str:
        """Path of the page relative to docs/."""
        return urls.kildefil(self.type_, self.post_id)

    def markdown(self) -> str:
        """The page's source: front matter plus a single macro call (ids are validated slugs)."""
        meta = {
            "title": self.tittel,
            "render_macros": True,
            "kilde": self.kilde,
            "kildeseksjon": self.kildeseksjon,
            "rediger": DATAFIL[self.type_],
        }
        front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
        return f"---\n{front}---\n\n{{{{ side('{self.type_}', '{self.post_id}') }}}}\n"


def genererte_sider(plan: Plan) -> list[GenerertSide]:
    """Every generated page of the site, in a stable order."""
    sider = [
        GenerertSide("tiltak", t.id, t.navn, TILTAKSPLAN, f"Vurdering: {plan.virkemidler[t.virkemiddel].overskrift}")
        for t in plan.tiltak.values()
    ]
    sider += [
        GenerertSide("virkemiddel", v.id, v.overskrift, v.kilde.kilde, v.kilde.seksjon)
        for v in plan.virkemidler.values()
    ]
    sider += [
        GenerertSide("aktor", a.id, a.navn, TILTAKSPLAN, "Tabellene over tiltak under hvert virkemiddel")
        for a in plan.aktorer.values()
    ]
    sider += [GenerertSide("rolle", r.id, r.navn, r.kilde.kilde, r.kilde.seksjon) for r in plan.roller.values()]
    return sider
