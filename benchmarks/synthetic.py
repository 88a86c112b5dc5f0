"""Synthetic data at k× the real data, made from the model into a copy of the project.

The real records are the pattern: every measure is copied k−1 times with new ids (its text,
amounts and links as long as the real ones), every event is copied with links to the copies, and
three later tiltaksplaner (2022–2024) carry the measures that have money in their year, plus k new
measures each. Actors grow more slowly than measures: the actors that partners and events name get
one more set of copies per 10× (actor_sets), and each copy of a measure or event names one set.
Every stated total is the sum of the amounts generated, and every frame is above it, so the copy
passes every check the build makes (checks.py) and exercises the real code paths. The copy has no
git history. Nothing here is published: it exists for `make bench` only.
"""

from __future__ import annotations

import math
from datetime import date
from pathlib import Path

import yaml

from macros import model
from macros.load import load_plan
from macros.registry import TILTAKSPLAN, TYPER

from .project import copy_sources

LATER_YEARS = (2022, 2023, 2024)
"""The plan years added after the real 2021 plan."""

SOURCE_TEXT = "Syntetisk dokument laget av make bench for å måle hvordan nettstedet skalerer."


def actor_sets(scale: int) -> int:
    """How many sets of the named actors there are at a scale: the real ones, and one more per 10×."""
    return 1 + math.ceil(scale / 10) if scale > 1 else 1


def copy_id(record_id: str, i: int) -> str:
    """The id of the i-th copy of a record (i ≥ 1): «snowball» -> «snowball-k3»."""
    return f"{record_id}-k{i}"


def scaled_project(target: Path, scale: int) -> Path:
    """A copy of the project in target whose data/ is scale× the real data; returns target."""
    copy_sources(target)
    plan = load_plan(target / "data")
    tiltak = _tiltak(plan, scale)
    aktorer = _aktorer(plan, scale)
    hendelser = _hendelser(plan, scale)
    kilder = dict(plan.kilder)
    planer = {}
    poster: list[model.Tiltaksplanpost] = []
    for ar in LATER_YEARS:
        kilde = _kilde(ar)
        kilder[kilde.id] = kilde
        nye = _poster(plan, tiltak, ar, scale)
        poster += nye
        planer[f"tiltaksplan-{ar}"] = _plan(ar, kilde.id, [p.kr_for(ar) for p in nye])
    forste = plan.tiltaksplaner[TILTAKSPLAN]
    summen = sum(t.kr_for(forste.ar) or 0 for t in tiltak)
    planer = {
        TILTAKSPLAN: forste.model_copy(
            update={
                "oppgitt_sum": forste.oppgitt_sum.model_copy(update={"kr": summen, "tekst": _kroner(summen)}),
                "ramme": forste.ramme.model_copy(update={"kr": max(forste.ramme.kr * scale, summen)}),
            }
        ),
        **planer,
    }
    data = target / "data"
    _write(data, "tiltak", tiltak)
    _write(data, "aktor", list(aktorer.values()))
    _write(data, "hendelse", hendelser)
    _write(data, "kilde", list(kilder.values()))
    _write(data, "tiltaksplan", list(planer.values()))
    _write(data, "tiltaksplanpost", poster)
    return target


def _tiltak(plan: model.Plan, scale: int) -> list[model.Tiltak]:
    """The real measures, then scale−1 copies of each with partners among the copied actors.

    The owners stay the real ones: the region's few owners (LRV above all) own ever more measures,
    which makes their actor pages the longest lists on the site.
    """
    alle = list(plan.tiltak.values())
    status = next(iter(plan.tiltaksstatuser))
    for i in range(1, scale):
        for t in plan.tiltak.values():
            alle.append(
                t.model_copy(
                    update={
                        "id": copy_id(t.id, i),
                        "navn": f"{t.navn} {i + 1}",
                        "partnere": [_partner(p, i % actor_sets(scale)) for p in t.partnere],
                        # Some measures have a reported status, as a plan in use would (today: no warning).
                        "status": (
                            model.Statusrapport(
                                status=status, vurdert=date.today().isoformat(), rapportert_av="sekretariatet i rådet"
                            )
                            if i % 3 == 0
                            else t.status
                        ),
                    }
                )
            )
    return alle


def _partner(partner, i: int):
    if i == 0:
        return partner
    if isinstance(partner, str):
        return copy_id(partner, i)
    return partner.model_copy(update={"aktor": copy_id(partner.aktor, i)})


def _copied_actors(plan: model.Plan) -> list[str]:
    """The actors a measure's partners or an event name: each copy of those records names copies of them."""
    navngitte = {a for t in plan.tiltak.values() for a in t.partner_ids}
    navngitte |= {a for h in plan.hendelser.values() for a in h.aktorer}
    return [a for a in plan.aktorer if a in navngitte]


def _aktorer(plan: model.Plan, scale: int) -> dict[str, model.Aktor]:
    aktorer = dict(plan.aktorer)
    for i in range(1, actor_sets(scale)):
        for aktor_id in _copied_actors(plan):
            a = plan.aktorer[aktor_id]
            kopi = a.model_copy(
                update={"id": copy_id(a.id, i), "navn": f"{a.navn} {i + 1}", "ogsa_kalt": [], "ikke_i": []}
            )
            aktorer[kopi.id] = kopi
    return aktorer


def _hendelser(plan: model.Plan, scale: int) -> list[model.Hendelse]:
    """The real events, then scale−1 copies about the copied measures and actors (not on the history pages)."""
    kopierte = set(_copied_actors(plan))
    alle = list(plan.hendelser.values())
    for i in range(1, scale):
        sett = i % actor_sets(scale)
        for h in plan.hendelser.values():
            alle.append(
                h.model_copy(
                    update={
                        "id": copy_id(h.id, i),
                        "tiltak": [copy_id(t, i) for t in h.tiltak],
                        "aktorer": [copy_id(a, sett) if sett and a in kopierte else a for a in h.aktorer],
                        "historikk": [],
                    }
                )
            )
    return alle


def _kilde(ar: int) -> model.Kilde:
    return model.Kilde(
        id=f"tiltaksplan-{ar}",
        tittel=f"Tiltaksplan {ar} (syntetisk)",
        kortnavn=f"tiltaksplanen for {ar}",
        type="Saksfremlegg",
        dato=str(ar),
        dato_tekst=str(ar),
        behandling=model.Behandling(status="forslag", organ="Interkommunalt politisk råd", sitater=[SOURCE_TEXT]),
        filer=["syntetisk.txt"],
    )


def _kolonner(ar: int) -> list[model.Plankolonne]:
    return [
        model.Plankolonne(id=f"midler-{ar}", navn=f"Midler i {ar}", ar=[ar]),
        model.Plankolonne(
            id=f"midler-{ar + 1}-{ar + 3}", navn=f"Midler {ar + 1}-{ar + 3}", ar=[ar + 1, ar + 2, ar + 3]
        ),
    ]


def _poster(plan: model.Plan, tiltak: list[model.Tiltak], ar: int, scale: int) -> list[model.Tiltaksplanpost]:
    """A later plan's entries: every measure with money in its year carries on, and scale new ones join."""
    forste, senere = _kolonner(ar)
    poster = []
    for t in tiltak:
        kr = t.kr_for(ar)
        if kr is None:
            continue
        poster.append(
            model.Tiltaksplanpost(
                id=f"{ar}-{t.id}",
                plan=f"tiltaksplan-{ar}",
                tiltak=t.id,
                midler={
                    forste.id: model.Midler(tekst=_kroner(kr), kr={ar: kr}),
                    senere.id: model.Midler(tekst="Vurderes ved neste rullering"),
                },
                roller=t.roller,
                roller_fra=t.roller_fra,
                rolle_tekst=t.rolle_tekst,
                tiltakseiere=t.tiltakseiere,
                tiltakseier_tekst=t.tiltakseier_tekst,
                partnere=t.partnere,
                partnere_tekst=t.partnere_tekst,
            )
        )
    virkemidler = list(plan.virkemidler)
    for i in range(scale):
        kr = 50_000 * (1 + i % 4)
        poster.append(
            model.Tiltaksplanpost(
                id=f"{ar}-nytt-{i + 1}",
                plan=f"tiltaksplan-{ar}",
                tiltak=f"nytt-tiltak-{ar}-{i + 1}",
                navn=f"Nytt tiltak {i + 1} i {ar}",
                virkemiddel=virkemidler[i % len(virkemidler)],
                midler={forste.id: model.Midler(tekst=_kroner(kr), kr={ar: kr})},
                roller=[next(iter(plan.roller))],
                rolle_tekst="Tilrettelegger",
                tiltakseiere=["lrv"],
                tiltakseier_tekst="LRV",
            )
        )
    return poster


def _plan(ar: int, kilde: str, belop: list[int | None]) -> model.Tiltaksplan:
    """A later plan whose stated total is the sum of its entries' amounts, with a frame above it."""
    summen = sum(b for b in belop if b is not None)
    ramme = math.ceil(summen * 1.25 / 100_000) * 100_000
    return model.Tiltaksplan(
        id=f"tiltaksplan-{ar}",
        navn=f"Tiltaksplan {ar}",
        ar=ar,
        kilde=kilde,
        kolonner=_kolonner(ar),
        ramme=model.OppgittBelop(kr=ramme, tekst=_kroner(ramme), kilde=kilde, seksjon="Saksutredning"),
        oppgitt_sum=model.OppgittBelop(kr=summen, tekst=_kroner(summen), kilde=kilde, seksjon="Vurdering"),
    )


def _kroner(kr: int) -> str:
    return f"{kr:,} kroner".replace(",", " ")


def _write(data: Path, type_: str, records: list) -> None:
    """Write a kind's records as its YAML file, in the shape staff write (defaults left out)."""
    verdi = [r.model_dump(exclude_defaults=True) for r in records]
    tekst = yaml.dump(verdi, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=10_000)
    (data / TYPER[type_].fil).write_text(f"# Syntetiske data fra make bench.\n{tekst}", encoding="utf-8")


_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
