"""The plan over time from git: dated changes per record, and when each page was last updated.

Reads the first-parent history of data/ and docs/ with one `git log`, the data files of every
revision that touched data/ with two `git cat-file` (which blob each file is, then each distinct blob
once), loads the revisions with load.py from the newest back to the first that no longer validates, and
compares consecutive ones with endringer.py, worded by endringstekst.py. Dates are committer dates
in UTC, so the same commit always gives the same dates. No MkDocs here.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from .endringer import Endring, sammenlign
from .endringstekst import setning
from .errors import Datafeil
from .git import Gitfeil, batch_objekter, git
from .legacy_format import oppgrader_filer
from .load import load_files_allowing_mismatches
from .model import TILTAKSPLAN, Plan
from .registry import TYPER

MANEDER = "januar februar mars april mai juni juli august september oktober november desember".split()

UTEN_GIT = "ingen git-historikk"
"""Why a date is unknown when the folder has no (full) git history: a copy, or a shallow clone."""

PLANBUFFER = 32
"""At most this many loaded revisions are kept (mkdocs serve builds many times in one process)."""


@dataclass(frozen=True, order=True)
class Tidspunkt:
    """A commit's committer date, in UTC."""

    iso: str
    """RFC 3339 in UTC: «2026-03-02T10:00:00Z» (Atom's `updated`, the HTML `datetime`)."""

    @classmethod
    def fra_epoke(cls, sekunder: int) -> Tidspunkt:
        """The instant of a Unix timestamp (git's %ct)."""
        return cls(datetime.fromtimestamp(sekunder, UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))

    @property
    def dag(self) -> str:
        """The day, «2026-03-02» (the sitemap's lastmod)."""
        return self.iso[:10]

    @property
    def dato(self) -> str:
        """The day as the site writes it: «2. mars 2026»."""
        ar, maned, dag = (int(d) for d in self.dag.split("-"))
        return f"{dag}. {MANEDER[maned - 1]} {ar}"


@dataclass(frozen=True)
class Postendring:
    """One change to one record in one commit, as a sentence."""

    commit: str
    tidspunkt: Tidspunkt
    type: str
    id: str | None
    tekst: str
    virkemiddel: str | None = None
    """For a measure: the instrument it stood under in the commit (for the instrument's feed)."""
    vedtak: str | None = None
    """The decision the change cites, if any: the one the changed part of the record names (a measure's
    status, a document's handling), else the one the plan version the record belongs to was adopted by."""
    tiltak: str | None = None
    """The measure the change concerns: the record itself, or the measure a later plan's entry lists."""

    def gjelder(self, type_: str, post_id: str | None) -> bool:
        """True when the change belongs on this record's page (a measure's page also has its plan entries')."""
        return (self.type == type_ and self.id == post_id) or (type_ == "tiltak" and self.tiltak == post_id)


@dataclass(frozen=True)
class SistOppdatert:
    """When a page's content last changed, or why that is unknown."""

    tidspunkt: Tidspunkt | None = None
    ukjent: str = UTEN_GIT
    """Said in place of the date when there is none."""
    eller_tidligere: bool = False
    """True when the date is where the shown history starts: the change may be older."""


@dataclass(frozen=True)
class Posthistorikk:
    """What a record page shows under «Endringer»: its changes newest first, and since when they are known."""

    tilgjengelig: bool
    endringer: tuple[Postendring, ...] = ()
    siden: Tidspunkt | None = None
    """Where the shown history starts: the first revision that validates with today's model."""
    avkortet: bool = False
    """True when older revisions were left out because their data no longer validates."""


UTEN_POSTHISTORIKK = Posthistorikk(False)


@dataclass(frozen=True)
class Historikk:
    """The whole history one build uses; `tilgjengelig` is False without git history."""

    tilgjengelig: bool
    endringer: tuple[Postendring, ...] = ()
    """Every record's changes, newest first."""
    siden: Tidspunkt | None = None
    avkortet: bool = False
    forste_poster: frozenset[tuple[str, str | None]] = frozenset()
    """The records in the first shown revision: their date is where the history starts."""
    fildatoer: dict[str, Tidspunkt] = field(default_factory=dict)
    """Path from the project folder (docs/…) -> the last commit that touched it."""

    def for_post(self, type_: str, post_id: str | None) -> Posthistorikk:
        """One record's changes, newest first."""
        if not self.tilgjengelig:
            return UTEN_POSTHISTORIKK
        egne = tuple(e for e in self.endringer if e.gjelder(type_, post_id))
        return Posthistorikk(True, egne, self.siden, self.avkortet)

    def sist_oppdatert_post(self, type_: str, post_id: str | None) -> SistOppdatert:
        """The last change to one record (not to its file)."""
        return self._sist([e for e in self.endringer if e.gjelder(type_, post_id)], {(type_, post_id)})

    def sist_oppdatert_type(self, type_: str) -> SistOppdatert:
        """The last change to any record of a kind (its register page)."""
        return self._sist(
            [e for e in self.endringer if e.type == type_], {p for p in self.forste_poster if p[0] == type_}
        )

    def sist_oppdatert_fil(self, sti: str) -> SistOppdatert:
        """The last commit that touched a file (a Markdown page)."""
        if not self.tilgjengelig:
            return SistOppdatert()
        tidspunkt = self.fildatoer.get(sti)
        return SistOppdatert(tidspunkt) if tidspunkt else SistOppdatert(ukjent="ikke lagret i git ennå")

    def _sist(self, egne: list[Postendring], poster: set) -> SistOppdatert:
        if not self.tilgjengelig:
            return SistOppdatert()
        if egne:
            return SistOppdatert(egne[0].tidspunkt)
        if poster & self.forste_poster:
            return SistOppdatert(self.siden, eller_tidligere=self.avkortet)
        return SistOppdatert(ukjent="ikke lagret i git ennå")


UTEN_HISTORIKK = Historikk(False)


_HISTORIKKER: OrderedDict[tuple[str, str], Historikk] = OrderedDict()
_PLANER: OrderedDict[str, Plan | None] = OrderedDict()


def les_historikk(prosjekt: Path) -> Historikk:
    """The history of data/ and docs/ in the project folder, or UTEN_HISTORIKK without a full git history."""
    try:
        svar = git(prosjekt, "rev-parse", "--is-shallow-repository", "--show-prefix", "HEAD").decode().splitlines()
    except (Gitfeil, OSError):
        return UTEN_HISTORIKK
    grunn, prefiks, head = svar[0].strip(), (svar[1].strip() if len(svar) > 2 else ""), svar[-1].strip()
    if grunn == "true":
        # A shallow clone's oldest commit looks like the start of everything: its dates would be wrong.
        return UTEN_HISTORIKK
    nokkel = (str(prosjekt.resolve()), head)
    if nokkel not in _HISTORIKKER:
        _HISTORIKKER[nokkel] = _les(prosjekt, prefiks)
        while len(_HISTORIKKER) > 2:
            _HISTORIKKER.popitem(last=False)
    return _HISTORIKKER[nokkel]


def _les(prosjekt: Path, prefiks: str) -> Historikk:
    commits = _logg(prosjekt)
    datafiler = {f"data/{t.fil}" for t in TYPER.values()}
    fildatoer: dict[str, Tidspunkt] = {}
    for _, tidspunkt, filer in commits:  # newest first
        for fil in filer:
            fildatoer.setdefault(fil, tidspunkt)
    revisjoner = [(h, t) for h, t, filer in reversed(commits) if datafiler & set(filer)]
    if not revisjoner:
        # The folder is in some repository, but its data was never committed there.
        return UTEN_HISTORIKK
    planer = _planer(prosjekt, prefiks, [h for h, _ in revisjoner])
    # Only the unbroken run of valid revisions up to the newest is compared: a jump over an old
    # format would report every field the format change touched as a change in the plan.
    start = max((i + 1 for i, (h, _) in enumerate(revisjoner) if planer.get(h) is None), default=0)
    brukt = revisjoner[start:]
    if not brukt:
        return Historikk(True, fildatoer=fildatoer, avkortet=True)
    endringer: list[Postendring] = []
    for (forrige, _), (commit, tidspunkt) in zip(brukt, brukt[1:], strict=False):
        gammel, ny = planer[forrige], planer[commit]
        for endring in sammenlign(gammel, ny):
            endringer.append(
                Postendring(
                    commit,
                    tidspunkt,
                    endring.type,
                    endring.id,
                    setning(endring, gammel, ny),
                    _virkemiddel(endring.type, endring.id, ny, gammel),
                    _vedtak(endring, ny, gammel),
                    _tiltak(endring.type, endring.id, ny, gammel),
                )
            )
    forste = planer[brukt[0][0]]
    # Newest first; within a commit, in the registry's order the comparison gives.
    endringer.sort(key=lambda e: e.tidspunkt, reverse=True)
    return Historikk(
        True,
        tuple(endringer),
        brukt[0][1],
        start > 0,
        frozenset(
            (type_, post_id)
            for type_, posttype in TYPER.items()
            for post_id in (posttype.med_side(forste) if posttype.liste else [None])
        ),
        fildatoer,
    )


def _logg(prosjekt: Path) -> list[tuple[str, Tidspunkt, list[str]]]:
    """(commit, committer date, files under data/ and docs/) for each first-parent commit, newest first.

    First parent: the history of the published branch, where a merged branch counts as one change
    on the day it was merged; walking every commit would compare revisions of parallel branches.
    """
    utdata = git(
        prosjekt, "log", "--first-parent", "--relative", "--name-only", "--format=%x1e%H %ct", "--", "data", "docs"
    ).decode("utf-8")
    commits = []
    for blokk in utdata.split("\x1e")[1:]:
        forste, *filer = blokk.strip("\n").split("\n")
        commit, sekunder = forste.split()
        commits.append((commit, Tidspunkt.fra_epoke(int(sekunder)), [f for f in filer if f]))
    return commits


def _planer(prosjekt: Path, prefiks: str, commits: list[str]) -> dict[str, Plan | None]:
    """The newest revisions' data loaded into Plans, newest first, up to and with the first that does not
    validate with today's model (None): the history shown starts after it, so older ones are never read.

    Each file is read only when its content differs from the newer revision's; every check across files
    still runs for every revision.
    """
    filer = [t.fil for t in TYPER.values()]
    mangler = [c for c in commits if c not in _PLANER]
    innhold: dict[tuple[str, str], bytes | None] = {}
    if mangler:
        # Which blob each file is in each revision (one git process), then each distinct blob once (one more).
        sporsmal = "".join(f"{c}:{prefiks}data/{fil}\n" for c in mangler for fil in filer).encode()
        blobber = [
            None if linje.endswith(b" missing") else linje.split()[0]
            for linje in git(prosjekt, "cat-file", "--batch-check", inn=sporsmal).splitlines()
        ]
        unike = list(dict.fromkeys(b for b in blobber if b is not None))
        svar = git(prosjekt, "cat-file", "--batch", inn=b"".join(b + b"\n" for b in unike)) if unike else b""
        per_blob = dict(zip(unike, batch_objekter(svar), strict=True))
        sted = iter(blobber)
        innhold = {(c, fil): per_blob.get(next(sted)) for c in mangler for fil in filer}
    planer: dict[str, Plan | None] = {}
    kjente: dict = {}
    for commit in reversed(commits):
        if commit not in _PLANER:
            _PLANER[commit] = _last({fil: innhold[commit, fil] for fil in filer}, kjente)
            while len(_PLANER) > PLANBUFFER:
                _PLANER.popitem(last=False)
        planer[commit] = _PLANER[commit]
        if planer[commit] is None:
            break
    return planer


def _last(filer: dict[str, bytes | None], kjente: dict) -> Plan | None:
    try:
        return load_files_allowing_mismatches(oppgrader_filer(filer), "data", kjente)[0]
    except Datafeil:
        return None


def _vedtak(endring: Endring, ny: Plan, gammel: Plan) -> str | None:
    """The decision a change cites (in the new revision; in the old for a record that was removed).

    A field that names a decision in the part of the record that changed comes first: a measure's new
    status cites its decision, a document's handling its own. Any other change to a measure in a plan
    (its money, role, owner, the measure added or removed) cites the decision that adopted that plan,
    where the plan's document names one in its handling.
    """
    posttype = TYPER[endring.type]
    plan = gammel if endring.art == "fjernet" else ny
    post = posttype.poster(plan).get(endring.id if posttype.liste else "")
    if post is None:
        return None
    for ref in posttype.referanser:
        if ref.til != "vedtak":
            continue
        del_ = tuple(ref.felt.split(".")[:-1])
        vedtak = next((verdi for _, verdi in ref.verdier(post)), None)
        if endring.felt and endring.felt[: len(del_)] == del_:
            return vedtak
        if not endring.felt and vedtak is not None:
            return vedtak
    return _planvedtak(endring.type, post, plan)


def _planvedtak(type_: str, post: object, plan: Plan) -> str | None:
    """The decision the document of the tiltaksplan a record belongs to cites, if any."""
    if type_ == "tiltak":
        plan_id = TILTAKSPLAN
    elif type_ == "tiltaksplanpost":
        plan_id = post.plan
    elif type_ == "tiltaksplan":
        plan_id = post.id
    else:
        return None
    tiltaksplan = plan.tiltaksplaner.get(plan_id)
    kilde = plan.kilder.get(tiltaksplan.kilde) if tiltaksplan is not None else None
    return kilde.behandling.vedtak if kilde is not None else None


def _tiltak(type_: str, post_id: str | None, ny: Plan, gammel: Plan) -> str | None:
    """The measure a change concerns: a measure itself, or the measure a later plan's entry lists."""
    if type_ == "tiltak":
        return post_id
    if type_ != "tiltaksplanpost":
        return None
    post = ny.tiltaksplanposter.get(post_id) or gammel.tiltaksplanposter.get(post_id)
    return post.tiltak if post else None


def _virkemiddel(type_: str, post_id: str | None, ny: Plan, gammel: Plan) -> str | None:
    """The instrument a measure stood under (in the new revision, or the old if it was removed), or the instrument itself."""
    if type_ == "virkemiddel":
        return post_id
    tiltak_id = _tiltak(type_, post_id, ny, gammel)
    if tiltak_id is None:
        return None
    post = ny.alle_tiltak.get(tiltak_id) or gammel.alle_tiltak.get(tiltak_id)
    return post.virkemiddel if post else None
