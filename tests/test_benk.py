"""`make bench` keeps working: the reduced run end to end, the synthetic data and the bare Material twin.

The benchmark's targets are reported, never asserted here; these tests only keep its parts from rotting.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import PROSJEKT, bygg

# The benchmark is a package beside macros/, run from the project folder as `python -m benchmarks`.
if str(PROSJEKT) not in sys.path:
    sys.path.insert(0, str(PROSJEKT))

from benchmarks import report, synthetic, twin  # noqa: E402
from benchmarks.__main__ import parse, what_to_run  # noqa: E402
from macros.load import load_plan  # noqa: E402


@pytest.mark.parametrize(
    ("argumenter", "forventet"),
    [
        ([], (5, [(10, 3), (100, 1)])),
        (["--rask"], (1, [(2, 1)])),
        (["--skala", "100"], (None, [(100, 1)])),
        (["--skala", "10:3"], (None, [(10, 3)])),
        (["--skala", "1"], (5, [])),
        (["--skala", "1:2"], (2, [])),
        (["--skala", "1", "--rask"], (1, [])),
    ],
)
def test_one_scale_can_be_measured_alone(argumenter, forventet):
    assert what_to_run(parse(argumenter)) == forventet


def test_synthetic_data_scales_every_kind_and_passes_every_check(tmp_path):
    ekte = load_plan(PROSJEKT / "data")
    prosjekt = synthetic.scaled_project(tmp_path / "prosjekt", 3)
    # load_plan raises for any check that fails: references, and every plan's total and frame.
    plan = load_plan(prosjekt / "data")
    assert len(plan.tiltak) == 3 * len(ekte.tiltak)
    assert len(plan.hendelser) == 3 * len(ekte.hendelser)
    assert len(plan.aktorer) > len(ekte.aktorer)
    assert [p.ar for p in plan.tiltaksplaner.values()] == [2021, *synthetic.LATER_YEARS]
    for tiltaksplan in list(plan.tiltaksplaner.values())[1:]:
        poster = [p for p in plan.tiltaksplanposter.values() if p.plan == tiltaksplan.id]
        assert poster and sum(p.kr_for(tiltaksplan.ar) or 0 for p in poster) == tiltaksplan.oppgitt_sum.kr
        assert any(p.navn for p in poster), "hver senere plan har også nye tiltak"
    # Every copied measure's partners are among the copied actors, so each copied actor is named by a record.
    kopi = plan.tiltak[synthetic.copy_id("digital-lab-innlandet", 1)]
    assert kopi.partner_ids == [synthetic.copy_id(a, 1) for a in ekte.tiltak["digital-lab-innlandet"].partner_ids]
    assert kopi.er_trolig_partner(synthetic.copy_id("skappa", 1))


def test_twin_has_every_page_with_its_article_and_no_project_code(bygget, tmp_path):
    prosjekt = twin.make_twin(bygget, tmp_path / "tvilling")
    config = (prosjekt / "mkdocs.yml").read_text(encoding="utf-8")
    for prosjektkode in ("hooks", "macros", "custom_dir", "extra_css", "extra_javascript"):
        assert prosjektkode not in config
    assert "navigation.tabs" in config and "pymdownx.superfences" in config
    resultat = bygg(prosjekt)
    assert resultat.returncode == 0, resultat.stderr
    ekte, tvilling = twin.pages(bygget), twin.pages(prosjekt / "site")
    assert set(tvilling) == set(ekte)
    for url, sti in ekte.items():
        # Whitespace between blocks is Markdown's to normalise (a line of spaces becomes an empty line).
        artikkel = " ".join(twin.article(sti.read_text(encoding="utf-8")).split())
        assert artikkel in " ".join(tvilling[url].read_text(encoding="utf-8").split()), url
    assert '<div class="tvilling">' in tvilling["tiltak/snowball/"].read_text(encoding="utf-8")


@pytest.mark.browser
def test_reduced_benchmark_runs_end_to_end_and_reports_every_part(tmp_path):
    rapport = tmp_path / "rapport.json"
    resultat = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--rask", "--json", str(rapport)],
        cwd=PROSJEKT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr
    data = json.loads(rapport.read_text(encoding="utf-8"))
    assert [s["scale"] for s in data["scales"]] == [1, 2]
    en, to = data["scales"]
    assert to["tiltak"] == 2 * en["tiltak"] and to["pages"] > en["pages"]
    for skala in data["scales"]:
        for serie in (skala["build"], skala["twin_build"], skala["check"]):
            assert serie["median_s"] > 0 and serie["cpu_median_s"] > 0 and len(serie["runs_s"]) == 1
        assert skala["build"]["peak_mib"] > 20
        vekt = skala["page_weight"]["tiltak"]
        filer = {f["path"] for f in vekt["site"]["files"]}
        assert f"{vekt['url']}index.html" in filer and len(filer) > 3
        # What the search worker fetches after load is counted: plain Material's index, on the twin.
        assert "search/search_index.json" in {f["path"] for f in vekt["twin"]["files"]}
        assert 0 < vekt["twin"]["search_gzip_bytes"] < vekt["twin"]["gzip_bytes"]
        # The site's own index is Pagefind's many files, which no first visit loads; the twin's is lunr's one file.
        indeks = skala["search_index"]
        assert indeks["engine"] == "pagefind" and indeks["files"] > 10 and indeks["raw_bytes"] > 100_000
        assert not [f for f in filer if f.startswith("pagefind/")]
        assert skala["twin_search_index"]["engine"] == "lunr" and skala["twin_search_index"]["files"] == 1
    assert data["rebuild"]["site"]["seconds"] > 0 and data["rebuild"]["twin"]["seconds"] > 0
    assert [m["name"] for m in data["targets"]] == [m.name for m in report.TARGETS]
    assert "Mål (rapporteres, testes ikke)" in resultat.stdout
    assert "Søkeindeksen: nettstedets er Pagefinds" in resultat.stdout
