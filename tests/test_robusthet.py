"""Fuzzing the loader, `make check` and the front matter: bad input gives bokmål errors with file and line, or pages.

Property-based tests (Hypothesis) feed the loader arbitrary YAML documents and random mutations of the
real data: deleted keys, swapped types, duplicated ids, unicode in ids, huge numbers, deep nesting,
deleted and copied records. Every outcome must be one of two:

- Datafeil, whose every error names a data file and a line inside it, in bokmål (no pydantic English);
- a valid plan with every record of the YAML in it, in order, and one generated page per record of
  every kind with pages: records in = pages out.

Anything else (a traceback, a record missing from the plan) fails the test with the input that caused it.
The example tests at the end pin each crash fuzzing found, so it cannot come back unseen.

The data is the real data/ with the two longest lists (events, glossary) cut to six records, so an
example loads in a few milliseconds; in-process, without MkDocs. Hypothesis keeps no example database
(profile «regionplan»: derandomized, so CI sees the same examples every run). To search further,
run with HYPOTHESIS_PROFILE=utforsk: random examples, ten times as many.
"""

from __future__ import annotations

import contextlib
import copy
import functools
import io
import math
import os
import re
import tempfile
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import PROSJEKT, ekte_plan, handskrevne_sider, nho_omtale
from hypothesis import HealthCheck, currently_in_test_context, event, given, note, settings
from hypothesis import strategies as st

from macros import load, urls, validate
from macros.errors import Datafeil, Feil
from macros.front_matter import les_en, sjekk_kilder
from macros.kildegrunnlag import feil_for_poster_uten_kilde
from macros.load import load_plan
from macros.pages import genererte_sider, sidestier
from macros.registry import TYPER, med_sider
from macros.yamlfile import MAKS_DYBDE, MAKS_NODER, les_yaml_tekst

settings.register_profile(
    "regionplan",
    database=None,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.filter_too_much],
)
settings.register_profile("utforsk", parent=settings.get_profile("regionplan"), derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "regionplan"))
GANGER = 10 if os.environ.get("HYPOTHESIS_PROFILE") == "utforsk" else 1

# What pydantic says in English when a message falls through untranslated (macros/messages.py).
ENGELSK = re.compile(r"Input should|Field required|Value error|validation error|Extra inputs|String should|Traceback")

FILER = [posttype.fil for posttype in TYPER.values()]


# --- The data the examples start from -------------------------------------------------------------


# libyaml's emitter and parser where present: the same YAML, several times faster per example.
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
LESER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@functools.cache
def grunnlag(hel: bool = False) -> dict[str, object]:
    """The real data as plain values per file; unless hel, the events and glossary cut to six records.

    The cut data is valid, but some actors are then named by no document: the tests that make pages use it whole.
    """
    verdier = {fil: yaml.load((PROSJEKT / "data" / fil).read_text(encoding="utf-8"), Loader=LESER) for fil in FILER}
    if not hel:
        for fil in ("hendelser.yml", "ordliste.yml"):
            verdier[fil] = verdier[fil][:6]
    return verdier


def dump(verdi: object) -> str:
    """A value as the YAML a staff member could have written."""
    return yaml.dump(verdi, Dumper=DUMPER, allow_unicode=True, sort_keys=False, width=100)


@functools.cache
def grunntekster(hel: bool = False) -> dict[str, str]:
    return {fil: dump(verdi) for fil, verdi in grunnlag(hel).items()}


@pytest.fixture(scope="module", autouse=True)
def uendrede_filer_leses_en_gang():
    """Each unchanged base file is parsed once per process, not once per example; a changed file always anew.

    Most of an example's time would otherwise go to re-reading sixteen files it did not touch. The loader's
    validation and cross-checks still run on every file, and the parsed documents are never changed by it.
    """
    ekte = load.les_yaml_innhold
    lest: dict[tuple[str, bytes], tuple] = {}
    grunn = {(fil, tekst.encode("utf-8")) for hel in (False, True) for fil, tekst in grunntekster(hel).items()}

    def les_yaml_innhold(innhold: bytes | None, visningsnavn: str):
        nokkel = (visningsnavn.rsplit("/", 1)[-1], innhold)
        if nokkel not in grunn:
            return ekte(innhold, visningsnavn)
        if nokkel not in lest:
            lest[nokkel] = ekte(innhold, visningsnavn)
        return lest[nokkel]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(load, "les_yaml_innhold", les_yaml_innhold)
        yield


@contextlib.contextmanager
def datamappe_med(tekster: dict[str, str | bytes], hel: bool = False):
    """A fresh data/ with the base files and the given ones replaced; each example gets its own folder."""
    with tempfile.TemporaryDirectory(prefix="robusthet-") as tmp:
        mappe = Path(tmp) / "data"
        mappe.mkdir()
        for fil, tekst in {**grunntekster(hel), **tekster}.items():
            if isinstance(tekst, bytes):
                (mappe / fil).write_bytes(tekst)
            else:
                (mappe / fil).write_text(tekst, encoding="utf-8")
        yield mappe


# --- What every outcome must be -------------------------------------------------------------------


def sjekk_feil(feil: list[Feil], tekster: dict[str, str | bytes], prefiks: str = "data/") -> None:
    """Each error names one of the files and a line in it, in bokmål."""
    assert feil, "Datafeil uten feil"
    for f in feil:
        assert f.fil.startswith(prefiks) and f.fil.removeprefix(prefiks) in tekster, f
        assert isinstance(f.linje, int), f"ingen linje: {f}"
        innhold = tekster[f.fil.removeprefix(prefiks)]
        tekst = innhold.decode("utf-8", "replace") if isinstance(innhold, bytes) else innhold
        # YAML counts \r, NEL and the Unicode line separators as line breaks too.
        linjer = len(re.findall("\r\n|[\r\n\x85\u2028\u2029]", tekst)) + 2
        assert 1 <= f.linje <= linjer, f"linje {f.linje} utenfor filen ({linjer - 2} linjer): {f}"
        assert f.melding and not ENGELSK.search(f.melding), f
        assert str(f).startswith(f"{f.fil}, linje {f.linje}")


def ids(verdier: list) -> list[str]:
    return [post["id"] for post in verdier]


def _utfall(hva: str) -> None:
    """Count the outcome in Hypothesis' statistics (pytest --hypothesis-show-statistics)."""
    if currently_in_test_context():
        event(hva)


def last_og_sjekk(endret: dict[str, str | bytes], endrede_verdier: dict[str, object] | None = None, hel: bool = False):
    """Load the base data with some files replaced: the plan, or None after checking every error.

    For a valid plan: every record of every file in the plan in the YAML's order, and one generated page
    per record of each kind with pages (records in = pages out). endrede_verdier are the replaced files'
    values where the caller knows them; otherwise they are read back from the text.
    """
    tekster = {**grunntekster(hel), **endret}
    with datamappe_med(endret, hel) as mappe:
        try:
            plan = load_plan(mappe)
        except Datafeil as feil:
            sjekk_feil(feil.feil, tekster)
            _utfall("Datafeil")
            return None
    _utfall("gyldig plan")
    if endrede_verdier is None:
        endrede_verdier = {fil: yaml.load(tekst, Loader=LESER) for fil, tekst in endret.items()}
    verdier = {**grunnlag(hel), **endrede_verdier}
    for posttype in TYPER.values():
        if posttype.liste:
            assert list(plan.poster[posttype.nokkel]) == ids(verdier[posttype.fil]), posttype.fil
    sider = sidestier(plan)
    for posttype in med_sider():
        poster_i_yaml = ids(verdier[posttype.fil])
        sider_ut = [s for s, sted in sider.items() if sted.type_ == posttype.nokkel and sted.post_id is not None]
        assert len(sider_ut) == len(poster_i_yaml), posttype.fil
        assert sider_ut == [urls.kildefil(posttype.nokkel, post_id) for post_id in poster_i_yaml]
    return plan


def test_the_base_data_is_valid_and_has_a_page_per_record():
    plan = last_og_sjekk({})
    assert plan is not None
    assert len(plan.tiltak) == len(ekte_plan().tiltak) and len(plan.hendelser) == 6
    assert len(sidestier(plan)) > len(plan.tiltak) + len(plan.aktorer)


# --- Strategies ------------------------------------------------------------------------------------

SKALARER = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=10**15, max_value=10**60),
    st.integers(max_value=-1),
    st.floats(),
    st.text(max_size=20),
    st.dates(),
    st.sampled_from(
        [
            "",
            " ",
            "no",
            "ja",
            "~",
            "2019-13-01",
            "2019-02-30",
            "٢٠١٩-٠١-٠١",
            "snowball",
            "tiltaksplan-2021",
            "Snøball",
            "id med mellomrom",
            "a\nb",
            "https://",
            "-1",
        ]
    ),
)
VERDIER = st.recursive(
    SKALARER,
    lambda barn: st.lists(barn, max_size=4) | st.dictionaries(st.text(max_size=10) | st.integers(), barn, max_size=4),
    max_leaves=12,
)
STORE_TALL = st.one_of(
    st.sampled_from([10**30, -(10**30), 2**63, 2**64 + 1, 10**4000, 1e308, math.inf, -math.inf, math.nan, -1, 0]),
    st.integers(),
    st.floats(),
)
UNICODE_ID = st.one_of(
    st.text(min_size=1, max_size=12),
    st.sampled_from(["snøball", "Snowball", "snowball ", "snow_ball", "snowball\n", "ﬁre", "١٢٣", "ⅰ", "-x", "x-"]),
)

YAML_TEGN = "-:[]{}#&*!|>'\"%@`,?~ \n\n\t\\"
RAA_TEKST = st.text(
    alphabet=st.one_of(st.sampled_from(YAML_TEGN), st.characters(codec="utf-8"), st.sampled_from("idnavkr0129")),
    max_size=200,
)


def _stier(verdi: object, sti: tuple = ()):
    """Every path into a value (the root too)."""
    yield sti
    if isinstance(verdi, dict):
        for nokkel, barn in verdi.items():
            yield from _stier(barn, (*sti, nokkel))
    elif isinstance(verdi, list):
        for i, barn in enumerate(verdi):
            yield from _stier(barn, (*sti, i))


def _hent(verdi: object, sti: tuple) -> object:
    for del_ in sti:
        verdi = verdi[del_]
    return verdi


def _sett(rot: object, sti: tuple, ny: object) -> object:
    if not sti:
        return ny
    _hent(rot, sti[:-1])[sti[-1]] = ny
    return rot


def _velg_sti(data, verdi: object, hvilke=lambda v: True, min_lengde: int = 0) -> tuple | None:
    kandidater = [s for s in _stier(verdi) if len(s) >= min_lengde and hvilke(_hent(verdi, s))]
    return data.draw(st.sampled_from(kandidater)) if kandidater else None


def _poster(data, verdier: dict, fil: str | None = None) -> list[dict] | None:
    """The records of a list file (drawn when fil is None), or None when an earlier mutation left it no list of them."""
    fil = fil or data.draw(st.sampled_from([t.fil for t in TYPER.values() if t.liste]))
    poster = verdier[fil]
    if not isinstance(poster, list) or not poster or not all(isinstance(p, dict) for p in poster):
        return None
    return poster


def slett_nokkel(data, verdier: dict) -> str:
    fil = data.draw(st.sampled_from(FILER))
    sti = _velg_sti(data, verdier[fil], min_lengde=1)
    if sti is None or not isinstance(_hent(verdier[fil], sti[:-1]), dict):
        return "ingenting"
    del _hent(verdier[fil], sti[:-1])[sti[-1]]
    return f"{fil}: slettet {sti}"


def bytt_type(data, verdier: dict) -> str:
    fil = data.draw(st.sampled_from(FILER))
    sti = _velg_sti(data, verdier[fil])
    verdier[fil] = _sett(verdier[fil], sti, data.draw(VERDIER))
    return f"{fil}: ny verdi i {sti}"


def stort_tall(data, verdier: dict) -> str:
    fil = data.draw(st.sampled_from(FILER))
    sti = _velg_sti(data, verdier[fil], lambda v: isinstance(v, (int, float)) and not isinstance(v, bool))
    if sti is None:
        return "ingenting"
    verdier[fil] = _sett(verdier[fil], sti, data.draw(STORE_TALL))
    return f"{fil}: stort tall i {sti}"


def dyp_nosting(data, verdier: dict) -> str:
    fil = data.draw(st.sampled_from(FILER))
    sti = _velg_sti(data, verdier[fil])
    ny = _hent(verdier[fil], sti)
    for _ in range(data.draw(st.integers(1, MAKS_DYBDE + 30))):
        ny = data.draw(st.sampled_from([[ny], {"x": ny}, {"id": ny}]))
    verdier[fil] = _sett(verdier[fil], sti, ny)
    return f"{fil}: nøstet {sti}"


def dupliser_id(data, verdier: dict) -> str:
    poster = _poster(data, verdier)
    if poster is None:
        return "ingenting"
    post = copy.deepcopy(data.draw(st.sampled_from(poster)))
    poster.insert(data.draw(st.integers(0, len(poster))), post)
    return f"id {post.get('id')!r} to ganger"


def unicode_i_id(data, verdier: dict) -> str:
    poster = _poster(data, verdier)
    if poster is None:
        return "ingenting"
    post = data.draw(st.sampled_from(poster))
    gammel = str(post.get("id"))
    post["id"] = data.draw(st.one_of(UNICODE_ID, st.builds(lambda t: gammel + t, UNICODE_ID)))
    return f"id {gammel!r} -> {post['id']!r}"


def slett_post(data, verdier: dict) -> str:
    poster = _poster(data, verdier)
    if poster is None:
        return "ingenting"
    post = poster.pop(data.draw(st.integers(0, len(poster) - 1)))
    return f"slettet {post.get('id')!r}"


def kopier_post(data, verdier: dict) -> str:
    poster = _poster(data, verdier)
    if poster is None:
        return "ingenting"
    post = copy.deepcopy(data.draw(st.sampled_from(poster)))
    post["id"] = f"{post.get('id')}-kopi-{len(poster)}"
    poster.append(post)
    return f"kopi {post['id']!r}"


def ny_nokkel(data, verdier: dict) -> str:
    fil = data.draw(st.sampled_from(FILER))
    sti = _velg_sti(data, verdier[fil], lambda v: isinstance(v, dict))
    if sti is None:
        return "ingenting"
    _hent(verdier[fil], sti)[data.draw(st.text(max_size=10) | st.integers())] = data.draw(VERDIER)
    return f"{fil}: nytt felt i {sti}"


def ny_status(data, verdier: dict) -> str:
    """A reported status on a measure: `make check` reads its date (this once crashed on «٢٠١٩-٠١-٠١»)."""
    poster = _poster(data, verdier, "tiltak.yml")
    if poster is None:
        return "ingenting"
    post = data.draw(st.sampled_from(poster))
    vurdert = data.draw(
        st.one_of(
            st.dates().map(date.isoformat),
            st.sampled_from(["2019-13-45", "٢٠١٩-٠١-٠١", "2019-02-29", "0000-01-01", "2024-02-29"]),
            SKALARER,
        )
    )
    status = {"status": data.draw(st.sampled_from(["pagar", "avsluttet", "ukjent"])), "vurdert": vurdert}
    status["rapportert_av"] = "Regionrådet"
    post["status"] = status
    return f"tiltak.yml: status {status!r} på {post.get('id')!r}"


def ny_frist(data, verdier: dict) -> str:
    """How old a status may grow before `make check` warns (this once overflowed Python's dates)."""
    if not isinstance(verdier["innstillinger.yml"], dict):
        return "ingenting"
    verdier["innstillinger.yml"]["status_foreldet_etter_maneder"] = data.draw(STORE_TALL)
    return "innstillinger.yml: ny frist"


MUTASJONER = [
    slett_nokkel,
    bytt_type,
    stort_tall,
    dyp_nosting,
    dupliser_id,
    unicode_i_id,
    slett_post,
    kopier_post,
    ny_nokkel,
    ny_status,
    ny_frist,
]


def kopi_med_kilde(data, verdier: dict) -> str:
    """A copy, under a new id, of a record whose source comes with it (a measure without amounts, so the sums hold)."""
    fil = data.draw(st.sampled_from(["tiltak.yml", "virkemidler.yml", "roller.yml", "vedtak.yml"]))
    post = copy.deepcopy(data.draw(st.sampled_from(verdier[fil])))
    post["id"] = data.draw(
        st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,2}", fullmatch=True).map(lambda s: f"ny-{s}")
    )
    if fil == "tiltak.yml":
        for felt in ("midler_2021", "midler_2022_2024"):
            post[felt] = {"tekst": post[felt]["tekst"]}
    if post["id"] in ids(verdier[fil]):
        return "ingenting"
    verdier[fil].insert(data.draw(st.integers(0, len(verdier[fil]))), post)
    return f"{fil}: kopi {post['id']!r}"


def ny_tekst(data, verdier: dict) -> str:
    """Any text in a name or title: it is shown, escaped, on the record's page and others."""
    fil = data.draw(st.sampled_from(["tiltak.yml", "aktorer.yml", "virkemidler.yml", "roller.yml", "vedtak.yml"]))
    post = data.draw(st.sampled_from(verdier[fil]))
    felt = data.draw(st.sampled_from([f for f in ("navn", "overskrift", "organ", "rolle_tekst") if f in post]))
    post[felt] = data.draw(st.text(min_size=1, max_size=40))
    return f"{fil}: {felt} = {post[felt]!r}"


def store_belop(data, verdier: dict) -> str:
    """Any amount for 2022–2024, which no stated total bounds: huge, zero, or dropped."""
    post = data.draw(st.sampled_from(verdier["tiltak.yml"]))
    ar = data.draw(st.sampled_from([2022, 2023, 2024]))
    kr = dict(post["midler_2022_2024"].get("kr", {}))
    kr[ar] = data.draw(st.sampled_from([0, 1, 10**15, 10**40]) | st.integers(0, 10**12))
    post["midler_2022_2024"] = {**post["midler_2022_2024"], "kr": kr}
    post["midler_2022_2024"].pop("uten_belop", None)
    return f"tiltak.yml: {post['id']} {ar} = {kr[ar]}"


GYLDIGE_MUTASJONER = [kopi_med_kilde, ny_tekst, store_belop, slett_post]
"""Mutations that mostly leave the data valid, so the pages of the new data are made."""


class _Kopi(dict):
    """The base data's values by file, each deep-copied only when a mutation first touches it."""

    def __init__(self, hel: bool) -> None:
        super().__init__()
        self.hel = hel

    def __missing__(self, fil: str) -> object:
        self[fil] = copy.deepcopy(grunnlag(self.hel)[fil])
        return self[fil]


def muter(
    data, mutasjoner=MUTASJONER, maks: int = 3, hel: bool = False
) -> tuple[dict[str, str], dict[str, object], list[str]]:
    """1–maks mutations of the base data: the changed files as YAML text and as values, and what was done."""
    verdier = _Kopi(hel)
    gjort = [data.draw(st.sampled_from(mutasjoner))(data, verdier) for _ in range(data.draw(st.integers(1, maks)))]
    endret = {fil: verdi for fil, verdi in verdier.items() if verdi != grunnlag(hel)[fil]}
    return {fil: dump(verdi) for fil, verdi in endret.items()}, endret, gjort


# --- Properties ------------------------------------------------------------------------------------


@settings(max_examples=450 * GANGER)
@given(st.data())
def test_mutations_of_the_real_data_give_a_plan_or_bokmal_errors_with_file_and_line(data):
    tekster, verdier, gjort = muter(data)
    note(gjort)
    last_og_sjekk(tekster, verdier)


def _postlike(fil: str) -> st.SearchStrategy:
    """Records with the file's own keys (and others), so validation goes past the first key."""
    felt = list(TYPER[next(n for n, t in TYPER.items() if t.fil == fil)].modell.model_fields)
    post = st.dictionaries(st.sampled_from(felt) | st.text(max_size=8), VERDIER, max_size=len(felt) + 1)
    return st.lists(post, max_size=4) if TYPER[next(n for n, t in TYPER.items() if t.fil == fil)].liste else post


@st.composite
def vilkarlig_fil(draw) -> tuple[str, str | bytes]:
    fil = draw(st.sampled_from(FILER))
    innhold = draw(
        st.one_of(
            RAA_TEKST,
            VERDIER.map(dump),
            _postlike(fil).map(dump),
            st.binary(max_size=60),
            st.builds(lambda a, b: a + b, st.just(grunntekster()[fil]), RAA_TEKST),
        )
    )
    return fil, innhold


@settings(max_examples=300 * GANGER)
@given(vilkarlig_fil())
def test_any_yaml_document_in_any_data_file_gives_a_plan_or_bokmal_errors_with_file_and_line(fil_og_innhold):
    fil, innhold = fil_og_innhold
    last_og_sjekk({fil: innhold})


@settings(max_examples=100 * GANGER)
@given(st.data())
def test_make_check_never_crashes_and_reports_every_error_with_file_and_line(data):
    endret, _, gjort = muter(data)
    note(gjort)
    with tempfile.TemporaryDirectory(prefix="robusthet-check-") as tmp:
        prosjekt = Path(tmp)
        (prosjekt / "docs").symlink_to(PROSJEKT / "docs")
        with datamappe_med(endret) as mappe:
            mappe.rename(prosjekt / "data")
            ut, feil = io.StringIO(), io.StringIO()
            with contextlib.redirect_stdout(ut), contextlib.redirect_stderr(feil):
                kode = validate.main(idag=date(2026, 6, 1), prosjekt=prosjekt)
            (prosjekt / "data").rename(mappe)
    linjer = feil.getvalue().splitlines()
    if kode == 0:
        assert ut.getvalue().startswith("Alt i orden: dataene")
        assert all(re.match(r"Advarsel: data/tiltak\.yml, linje \d+, post «", linje) for linje in linjer), linjer
        return
    assert kode == 1 and not ut.getvalue()
    antall = int(re.match(r"Fant (\d+) feil i dataene\.", linjer[0]).group(1))
    assert len(linjer) == antall + 1, linjer
    for linje in linjer[1:]:
        assert re.match(r"  - (data|docs)/[a-z0-9_/-]+\.(yml|md), linje \d+", linje), linje
        assert not ENGELSK.search(linje), linje


FORSIDEFELT = [
    "kilde",
    "kilder",
    "kilder_fra",
    "kildeseksjon",
    "kildeseksjoner",
    "description",
    "title",
    "rediger",
    "render_macros",
    "uten_ordforklaring",
]
KJENTE = st.sampled_from(["tiltaksplan-2021", "nettstedet", "tiltak", "aktor", "finnes-ikke", "snowball"])


@st.composite
def forside(draw) -> str:
    felt = st.dictionaries(st.sampled_from(FORSIDEFELT) | st.text(max_size=6), KJENTE | VERDIER, max_size=5)
    hode = draw(st.one_of(felt.map(dump), RAA_TEKST, st.just("")))
    slutt = draw(st.sampled_from(["---\n", "---\n\n# Tittel\n\nTekst.\n", "", "--\n"]))
    return draw(st.sampled_from(["---\n", "", "---\r\n"])) + hode + slutt


@settings(max_examples=250 * GANGER)
@given(forside())
def test_any_front_matter_gives_checked_fields_or_bokmal_errors_with_the_page_and_line(tekst):
    lest, feil = les_en(tekst, "docs/side.md")
    if lest is None:
        sjekk_feil(feil, {"side.md": tekst}, prefiks="docs/")
        return
    assert feil == []
    kildefeil = sjekk_kilder({"side.md": lest}, ekte_plan())
    if kildefeil:
        sjekk_feil(kildefeil, {"side.md": tekst}, prefiks="docs/")


@settings(max_examples=20 * GANGER)
@given(st.data())
def test_valid_mutations_give_one_finished_page_per_record_or_a_missing_source_error(data):
    endret, verdier, gjort = muter(data, GYLDIGE_MUTASJONER, maks=2, hel=True)
    note(gjort)
    plan = last_og_sjekk(endret, verdier, hel=True)
    if plan is None:
        return
    omtaler = nho_omtale()
    with datamappe_med(endret, hel=True) as mappe:
        uten_kilde = feil_for_poster_uten_kilde(plan, omtaler, mappe)
    if uten_kilde:
        # The hook stops the build here, before any page is made.
        sjekk_feil(uten_kilde, {**grunntekster(hel=True), **endret})
        event("post uten kilde")
        return
    event("sider laget")
    sider = genererte_sider(plan, omtaler, handskrevne_sider())
    assert list(sider) == list(sidestier(plan, handskrevne_sider()))
    for posttype in med_sider():
        for post_id in plan.poster[posttype.nokkel]:
            side = sider[urls.kildefil(posttype.nokkel, post_id)]
            assert side.startswith("---\n") and "</" in side


# --- Each crash fuzzing found, as an example -------------------------------------------------------


def _en_feil(tekster: dict[str, str | bytes]) -> Feil:
    with datamappe_med(tekster) as mappe, pytest.raises(Datafeil) as unntak:
        load_plan(mappe)
    sjekk_feil(unntak.value.feil, {**grunntekster(), **tekster})
    return unntak.value.feil[0]


def test_a_list_as_a_key_is_an_error_not_a_crash():
    feil = _en_feil({"temaer.yml": "- id: a\n  navn: A\n- ? [id]\n  : b\n"})
    assert (feil.fil, feil.linje) == ("data/temaer.yml", 3)
    assert "et feltnavn må være et ord" in feil.melding


@pytest.mark.parametrize(
    ("verdi", "forventet"),
    [
        ("2020-13-45", "ser ut som en dato, men den datoen finnes ikke"),
        ("!!binary x", "kan ikke leses som !!binary"),
        ("!ukjent x", "YAML-merket «!ukjent» brukes ikke"),
        ("!!int tolv", "kan ikke leses som !!int"),
        ("9" * 5000, "tallet på 5000 tegn er for langt"),
    ],
)
def test_a_scalar_yaml_cannot_construct_is_an_error_with_its_line(verdi, forventet):
    feil = _en_feil({"temaer.yml": f"- id: a\n  navn: A\n- id: b\n  navn: {verdi}\n"})
    assert (feil.fil, feil.linje) == ("data/temaer.yml", 4)
    assert forventet in feil.melding


def test_a_merge_key_and_a_tag_on_a_group_are_errors():
    tekst = "- &a {id: a, navn: A}\n- <<: *a\n  id: b\n- !!python/object:os.system {id: c, navn: C}\n"
    with datamappe_med({"temaer.yml": tekst}) as mappe, pytest.raises(Datafeil) as unntak:
        load_plan(mappe)
    meldinger = [(f.linje, f.melding) for f in unntak.value.feil if f.fil == "data/temaer.yml"]
    assert meldinger == [
        (2, "«<<» (YAML-fletting) brukes ikke i dataene. Skriv feltene ut i posten."),
        (4, "YAML-merket «!!python/object:os.system» brukes ikke i dataene. Fjern merket (ordet som starter med !)."),
    ]


def test_a_control_character_is_an_error_on_its_line():
    tekst = grunntekster()["temaer.yml"]
    linjer = tekst.splitlines(keepends=True)
    linjer[3] = linjer[3].rstrip("\n") + "\x00\n"
    feil = _en_feil({"temaer.yml": "".join(linjer)})
    assert (feil.fil, feil.linje) == ("data/temaer.yml", 4)
    assert "tegnet #x0000" in feil.melding


def test_invalid_utf8_names_the_line():
    tekst = grunntekster()["temaer.yml"].encode("utf-8")
    i = tekst.index(b"\n", tekst.index(b"\n") + 1) + 1
    feil = _en_feil({"temaer.yml": tekst[:i] + b"\xff" + tekst[i:]})
    assert (feil.fil, feil.linje) == ("data/temaer.yml", 3)
    assert "UTF-8" in feil.melding


@pytest.mark.parametrize(
    "tekst", ["- " + "[" * 600 + "]" * 600 + "\n", "".join("  " * i + f"k{i}:\n" for i in range(60))]
)
def test_deep_nesting_is_an_error_not_a_recursion_error(tekst):
    feil = _en_feil({"temaer.yml": tekst})
    assert feil.fil == "data/temaer.yml"
    assert f"nøstet i mer enn {MAKS_DYBDE} nivåer" in feil.melding


def test_an_alias_bomb_is_refused_quickly():
    linjer = ["a: &a [x, x, x, x, x, x, x, x, x, x]"]
    for forrige, navn in zip("abcdefg", "bcdefgh", strict=True):
        linjer.append(f"{navn}: &{navn} [{', '.join([f'*{forrige}'] * 10)}]")
    _, feil = les_yaml_tekst("\n".join(linjer) + "\n", "data/temaer.yml")
    assert len(feil) == 1 and "YAML-aliasene" in feil[0].melding


def test_a_long_file_without_aliases_is_read():
    # The limit is on values aliases add: a region with thousands of tiltak writes every value out.
    tekst = "".join(f"- {{id: t{i}, navn: Tiltak {i}}}\n" for i in range(MAKS_NODER))
    dokument, feil = les_yaml_tekst(tekst, "data/temaer.yml")
    assert feil == [] and len(dokument.verdi) == MAKS_NODER


@pytest.mark.parametrize(
    ("vurdert", "forventet"),
    [
        ("٢٠١٩-٠١-٠١", 'forventet en dato i anførselstegn som "2019-03-28"'),
        ("2019-13-45", "datoen «2019-13-45» finnes ikke i kalenderen"),
        ("2023-02-29", "datoen «2023-02-29» finnes ikke i kalenderen"),
    ],
)
def test_a_status_date_that_is_no_calendar_date_is_a_data_error_not_a_crash_in_make_check(vurdert, forventet):
    verdier = copy.deepcopy(grunnlag()["tiltak.yml"])
    verdier[0]["status"] = {"status": "pagar", "vurdert": vurdert, "rapportert_av": "Regionrådet"}
    feil = _en_feil({"tiltak.yml": dump(verdier)})
    assert feil.felt == "status.vurdert" and forventet in feil.melding


@pytest.mark.parametrize("maneder", [10**30, 1201])
def test_a_huge_status_age_limit_is_an_error_not_an_overflow_in_make_check(maneder):
    feil = _en_feil({"innstillinger.yml": f"status_foreldet_etter_maneder: {maneder}\n"})
    assert feil.melding == f"tallet kan ikke være større enn 1200, men fant «{maneder}», som YAML leser som et tall."


@pytest.mark.parametrize("tall", [".nan", "-.inf", "1.0e+400"])
def test_a_figure_that_is_not_finite_is_an_error(tall):
    verdier = copy.deepcopy(grunnlag()["befolkning.yml"])
    verdier["tabeller"][0]["rader"][0]["verdier"][0] = "TALL"
    feil = _en_feil({"befolkning.yml": dump(verdier).replace("- TALL\n", f"- {tall}\n")})
    assert feil.felt == "tabeller.0.rader.0.verdier.0"
    assert "som ikke er et endelig tall" in feil.melding


def test_a_bounded_number_below_its_minimum_is_not_called_a_negative_amount():
    verdier = copy.deepcopy(grunnlag()["virkemidler.yml"])
    verdier[0]["nummer"] = 0
    feil = _en_feil({"virkemidler.yml": dump(verdier)})
    assert feil.melding == "tallet må være minst 1, men fant «0», som YAML leser som et tall."
