"""The GitHub workflows: schema-valid, free of zizmor findings, and every run: step works in a fresh clone.

GitHub Actions cannot run here, so this is as close as the machine gets: the two
linters read the files offline, and the steps themselves run in order in a clone
of the repository, with each `uses:` step replaced by a local equivalent.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import yaml
from conftest import PROSJEKT

GITHUB = PROSJEKT / ".github"
ARBEIDSFLYTER = sorted((GITHUB / "workflows").glob("*.yml"))
DEPENDABOT = GITHUB / "dependabot.yml"
BIN = Path(sys.executable).parent

# run: steps this test does not run, and why. Each entry must match a step
# (test_skip_list_matches_real_steps), so a changed command cannot slip past.
HOPPES_OVER = {
    "make test": (
        "runs the whole test suite, this test included: .ci/run already proves that "
        "command, and running it from inside the suite would recurse"
    ),
}

# The base branch a pull request is made against, for GITHUB_BASE_REF.
BASE = "main"
STEG_TIDSAVBRUDD = 900


def les(fil: Path) -> dict:
    """A workflow file as data; PyYAML reads the key `on` as True, so it is put back."""
    data = yaml.safe_load(fil.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def verktoy(navn: str) -> str:
    """A console script installed with the test extras, next to the running Python."""
    sti = shutil.which(navn, path=str(BIN)) or shutil.which(navn)
    if sti is None:
        pytest.fail(f"Fant ikke {navn}: kjør `make test`, som installerer test-avhengighetene.")
    return sti


def kjor(kommando: list[str], **kwargs) -> subprocess.CompletedProcess:
    """Run a command and capture its output as text."""
    return subprocess.run(kommando, capture_output=True, text=True, timeout=300, **kwargs)


def test_there_are_workflows_to_check():
    assert {f.name for f in ARBEIDSFLYTER} == {"kontroll.yml", "publiser.yml"}
    assert DEPENDABOT.is_file()


# --- The two linters, offline ------------------------------------------------


def check_jsonschema(skjema: str, filer: list[Path]) -> subprocess.CompletedProcess:
    """Validate files against one of check-jsonschema's bundled schemas."""
    return kjor([sys.executable, "-m", "check_jsonschema", "--builtin-schema", skjema, *map(str, filer)])


def zizmor(mappe: Path) -> subprocess.CompletedProcess:
    """Audit a .github folder with zizmor, offline."""
    # --no-ignores and --no-config: no inline or configured suppression can hide a finding.
    return kjor(
        [
            verktoy("zizmor"),
            "--offline",
            "--no-config",
            "--no-ignores",
            "--strict-collection",
            "--no-progress",
            "--color=never",
            str(mappe),
        ]
    )


def test_workflows_match_githubs_schema():
    resultat = check_jsonschema("vendor.github-workflows", ARBEIDSFLYTER)
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr


def test_every_job_has_a_timeout():
    resultat = check_jsonschema("custom.github-workflows-require-timeout", ARBEIDSFLYTER)
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr


def test_dependabot_config_matches_its_schema():
    resultat = check_jsonschema("vendor.dependabot", [DEPENDABOT])
    assert resultat.returncode == 0, resultat.stdout + resultat.stderr


def test_zizmor_finds_nothing():
    resultat = zizmor(GITHUB)
    utskrift = resultat.stdout + resultat.stderr
    assert resultat.returncode == 0, utskrift
    # zizmor must actually have read every file, not found an empty folder.
    for fil in [*ARBEIDSFLYTER, DEPENDABOT]:
        assert f"completed {fil}" in utskrift, utskrift


def plant(mappe: Path, fil: str, *endringer: tuple[str, str]) -> Path:
    """A copy of .github/ in mappe with the given (old, new) changes to one file; returns the copy."""
    kopi = mappe / ".github"
    shutil.copytree(GITHUB, kopi)
    sti = kopi / fil
    tekst = sti.read_text(encoding="utf-8")
    for gammel, ny in endringer:
        assert gammel in tekst, f"{gammel!r} står ikke i {fil}"
        tekst = tekst.replace(gammel, ny, 1)
    sti.write_text(tekst, encoding="utf-8")
    return kopi


KONTROLL_TILGANG = "    permissions:\n      contents: read # to check out the repository\n"


@pytest.mark.parametrize(
    "fil, endringer, funn",
    [
        (
            "workflows/kontroll.yml",
            [("actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1", "actions/checkout@v7")],
            "unpinned-uses",
        ),
        ("workflows/kontroll.yml", [("          persist-credentials: false\n", "")], "artipacked"),
        (
            "workflows/kontroll.yml",
            [('FRA="origin/${GITHUB_BASE_REF}"', 'FRA="origin/${{ github.head_ref }}"')],
            "template-injection",
        ),
        (
            "workflows/kontroll.yml",
            [("permissions: {}\n", ""), (KONTROLL_TILGANG, "")],
            "excessive-permissions",
        ),
        ("dependabot.yml", [("default-days: 7", "default-days: 1")], "dependabot-cooldown"),
    ],
    ids=["unpinned-uses", "artipacked", "template-injection", "excessive-permissions", "dependabot-cooldown"],
)
def test_zizmor_catches_a_planted_fault(tmp_path, fil, endringer, funn):
    resultat = zizmor(plant(tmp_path, fil, *endringer))
    assert resultat.returncode != 0
    assert f"[{funn}]" in resultat.stdout + resultat.stderr, resultat.stdout + resultat.stderr


def test_check_jsonschema_catches_a_planted_fault(tmp_path):
    kopi = plant(tmp_path / "a", "workflows/publiser.yml", ("runs-on: ubuntu-24.04\n", ""))
    assert check_jsonschema("vendor.github-workflows", [kopi / "workflows" / "publiser.yml"]).returncode != 0
    kopi = plant(tmp_path / "b", "dependabot.yml", ("interval: weekly", "interval: sometimes"))
    assert check_jsonschema("vendor.dependabot", [kopi / "dependabot.yml"]).returncode != 0


# --- What the linters do not know --------------------------------------------


_USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(?P<ref>\S+)(?P<rest>.*)$")


def test_actions_are_pinned_to_a_commit_with_its_version_beside_it():
    for fil in ARBEIDSFLYTER:
        for nr, linje in enumerate(fil.read_text(encoding="utf-8").splitlines(), start=1):
            if m := _USES.match(linje):
                assert re.fullmatch(r"[\w.-]+/[\w./-]+@[0-9a-f]{40}", m["ref"]), f"{fil.name}:{nr}: {linje}"
                assert re.fullmatch(r"\s+# v\d+\.\d+\.\d+", m["rest"]), f"{fil.name}:{nr}: versjonen mangler"


def test_each_job_gets_only_the_permissions_it_names():
    for fil in ARBEIDSFLYTER:
        arbeidsflyt = les(fil)
        assert arbeidsflyt["permissions"] == {}, fil.name
        for navn, jobb in arbeidsflyt["jobs"].items():
            assert "permissions" in jobb, f"{fil.name}: jobben {navn}"
            assert "write-all" not in str(jobb["permissions"])


def steg(arbeidsflyt: dict):
    """Every step of every job."""
    for jobb in arbeidsflyt["jobs"].values():
        yield from jobb["steps"]


def kjorer(arbeidsflyt: dict) -> list[str]:
    """The commands of every run: step."""
    return [s["run"].strip() for s in steg(arbeidsflyt) if "run" in s]


def brukt(arbeidsflyt: dict, handling: str) -> list[dict]:
    """The steps that use one action, whatever its pin."""
    return [s for s in steg(arbeidsflyt) if s.get("uses", "").split("@")[0] == handling]


def test_pull_requests_check_build_test_and_summarise():
    kontroll = les(GITHUB / "workflows" / "kontroll.yml")
    assert "pull_request" in kontroll["on"]
    kommandoer = kjorer(kontroll)
    for kommando in ("make check", "make build", "make test", "make endringer"):
        assert any(k.startswith(kommando) for k in kommandoer), kommando
    endringer = next(k for k in kommandoer if k.startswith("make endringer"))
    assert '>> "$GITHUB_STEP_SUMMARY"' in endringer
    [checkout] = brukt(kontroll, "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0, "make endringer trenger grunngrenen"
    [opplasting] = brukt(kontroll, "actions/upload-artifact")
    assert opplasting["with"]["path"].rstrip("/") == "site"


def test_main_is_built_and_published_one_deployment_at_a_time():
    publiser = les(GITHUB / "workflows" / "publiser.yml")
    assert publiser["on"]["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in publiser["on"]
    assert publiser["concurrency"]["cancel-in-progress"] is False
    assert "make build" in kjorer(publiser)
    assert brukt(publiser, "actions/upload-pages-artifact")
    assert brukt(publiser, "actions/deploy-pages")


def test_every_checkout_leaves_no_credentials_behind():
    for fil in ARBEIDSFLYTER:
        for s in brukt(les(fil), "actions/checkout"):
            assert s["with"]["persist-credentials"] is False, fil.name


def test_python_version_is_one_the_project_accepts():
    for fil in ARBEIDSFLYTER:
        for s in brukt(les(fil), "actions/setup-python"):
            assert s["with"]["python-version"] in ("3.11", "3.12", "3.13"), fil.name


def test_the_sites_address_is_only_in_mkdocs_yml():
    """A new GitHub organisation changes site_url and repo_url in mkdocs.yml, nothing else."""
    mkdocs = (PROSJEKT / "mkdocs.yml").read_text(encoding="utf-8")
    adresser = [re.search(rf"^{n}:\s*(\S+)", mkdocs, re.M)[1] for n in ("site_url", "repo_url")]
    organisasjon = re.match(r"https://github\.com/([^/]+)/", adresser[1])[1]
    filer = [*PROSJEKT.glob("*.md"), *PROSJEKT.glob("*.toml")]
    for mappe in ("docs", "overrides", "macros", "data", ".github"):
        filer += (PROSJEKT / mappe).rglob("*")
    for fil in filer:
        if fil.is_file() and fil.suffix in {".md", ".html", ".py", ".yml", ".json", ".toml"}:
            tekst = fil.read_text(encoding="utf-8")
            for adresse in [*adresser, f"github.com/{organisasjon}"]:
                assert adresse.rstrip("/") not in tekst, f"{fil.relative_to(PROSJEKT)} har {adresse}"


# --- Every run: step, in a fresh clone ---------------------------------------


def hoppes_over(kommando: str) -> str | None:
    """Why a run: step is left out, or None if it runs."""
    for start, grunn in HOPPES_OVER.items():
        if kommando.strip().split()[: len(start.split())] == start.split():
            return grunn
    return None


def test_skip_list_matches_real_steps():
    alle = [k for fil in ARBEIDSFLYTER for k in kjorer(les(fil))]
    for start in HOPPES_OVER:
        assert any(k.split()[: len(start.split())] == start.split() for k in alle), start


def jobber() -> list:
    """One test case per job in every workflow."""
    return [pytest.param(fil, navn, id=f"{fil.stem}-{navn}") for fil in ARBEIDSFLYTER for navn in les(fil)["jobs"]]


def miljo_for(*kilder: dict | None) -> dict[str, str]:
    """The env: blocks of workflow, job and step, merged; expressions cannot be emulated here."""
    miljo: dict[str, str] = {}
    for kilde in kilder:
        for navn, verdi in (kilde or {}).items():
            verdi = str(verdi)
            assert "${{" not in verdi, f"env {navn} bruker et uttrykk som testen ikke kan etterligne: {verdi}"
            miljo[navn] = verdi
    return miljo


def skall(steg_: dict, jobb: dict) -> list[str]:
    """The command GitHub's Linux runner uses for a run: step's shell."""
    valgt = steg_.get("shell") or jobb.get("defaults", {}).get("run", {}).get("shell")
    if valgt is None:
        return ["bash", "-e"]
    assert valgt == "bash", f"skallet {valgt} etterlignes ikke"
    return ["bash", "--noprofile", "--norc", "-eo", "pipefail"]


def klon(mappe: Path) -> None:
    """The checkout: a clone of this repository's HEAD, with a fake origin/<base> beside it."""
    kjor(["git", "clone", "--quiet", "--no-checkout", str(PROSJEKT), str(mappe)], check=True)
    hode = kjor(["git", "-C", str(PROSJEKT), "rev-parse", "HEAD"], check=True).stdout.strip()
    kjor(["git", "-C", str(mappe), "checkout", "--quiet", "--detach", hode], check=True)
    # A pull request's base: the commit before HEAD, so there is a change to summarise.
    forrige = kjor(["git", "-C", str(mappe), "rev-parse", "--verify", "--quiet", "HEAD~1"])
    base = forrige.stdout.strip() if forrige.returncode == 0 else hode
    kjor(["git", "-C", str(mappe), "update-ref", f"refs/remotes/origin/{BASE}", base], check=True)
    forbered_venv(mappe)


def forbered_venv(mappe: Path) -> None:
    """Give the clone a .venv that `make` accepts as installed, holding the clone's own code.

    Creating it with pip takes half a minute and is what .ci/run already proves on a clean
    checkout (`make test` starts there). This venv reaches the packages installed here
    through a .pth path line, and the clone's folder comes first so `macros` is the
    clone's. Path lines in a .pth do not run the other venv's editable-install hook.
    """
    venv = mappe / ".venv"
    kjor([getattr(sys, "_base_executable", sys.executable), "-m", "venv", "--without-pip", str(venv)], check=True)
    versjon = f"python{sys.version_info.major}.{sys.version_info.minor}"
    stier = dict.fromkeys([str(mappe), sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
    (venv / "lib" / versjon / "site-packages" / "regionplan-test.pth").write_text("\n".join(stier) + "\n")
    for stempel in (".installed", ".installed-test"):
        (venv / stempel).touch()


def lokal_motpart(handling: str, steg_: dict, jobb: dict, arbeidsflyt: dict, arbeidsmappe: Path, miljo: dict) -> None:
    """Do here what a `uses:` step does on GitHub, or check what it would need."""
    med = steg_.get("with", {})
    if handling == "actions/checkout":
        if (arbeidsmappe / ".git").exists():
            # The clone another job of this session made: back to a clean checkout of HEAD,
            # keeping only its .venv (see forbered_venv).
            kjor(["git", "-C", str(arbeidsmappe), "clean", "-xdfq", "-e", ".venv"], check=True)
            kjor(["git", "-C", str(arbeidsmappe), "checkout", "--quiet", "--", "."], check=True)
        else:
            klon(arbeidsmappe)
    elif handling == "actions/setup-python":
        # The interpreter running this test stands in for the one setup-python installs.
        python = Path(getattr(sys, "_base_executable", sys.executable)).parent
        miljo["PATH"] = f"{python}{os.pathsep}{miljo.get('PATH', '')}"
    elif handling == "actions/upload-artifact":
        sti = arbeidsmappe / med["path"]
        assert sti.is_file() or (sti.is_dir() and any(sti.iterdir())), f"{med['path']} mangler eller er tom"
    elif handling == "actions/upload-pages-artifact":
        assert (arbeidsmappe / med["path"] / "index.html").is_file(), f"{med['path']} har ingen index.html"
    elif handling == "actions/deploy-pages":
        # Nothing to deploy to here; what it deploys must come from a job this one waits for.
        behov = jobb.get("needs", [])
        behov = [behov] if isinstance(behov, str) else behov
        assert any(
            s.get("uses", "").startswith("actions/upload-pages-artifact@")
            for b in behov
            for s in arbeidsflyt["jobs"][b]["steps"]
        ), "ingen jobb den venter på laster opp nettstedet"
    else:
        pytest.fail(f"{handling} har ingen lokal motpart i denne testen: legg til en i lokal_motpart()")


@pytest.fixture(scope="module")
def delt_klone(tmp_path_factory) -> Path:
    """Where the jobs check out: one clone per session, cleaned back to HEAD by each job's checkout."""
    return tmp_path_factory.mktemp("arbeidsmappe")


@pytest.mark.arbeidsflyt
@pytest.mark.parametrize("fil, jobbnavn", jobber())
def test_every_run_step_passes_in_a_fresh_clone(tmp_path, delt_klone, fil, jobbnavn):
    arbeidsflyt = les(fil)
    jobb = arbeidsflyt["jobs"][jobbnavn]
    assert "if" not in jobb, "betingelser på jobber etterlignes ikke her"
    arbeidsmappe = delt_klone
    sammendrag = tmp_path / "step-summary.md"
    sammendrag.touch()
    runner_temp = tmp_path / "runner-temp"
    runner_temp.mkdir()

    # The runner's own environment: no outer make, venv or PYTHONPATH leaks into the steps.
    grunn = {
        k: v
        for k, v in os.environ.items()
        if k not in {"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME"}
    }
    pull_request = "pull_request" in arbeidsflyt["on"]
    grunn.update(
        CI="true",
        GITHUB_WORKSPACE=str(arbeidsmappe),
        GITHUB_STEP_SUMMARY=str(sammendrag),
        GITHUB_EVENT_NAME="pull_request" if pull_request else "push",
        GITHUB_BASE_REF=BASE if pull_request else "",
        GITHUB_HEAD_REF="endringsforslag" if pull_request else "",
        RUNNER_TEMP=str(runner_temp),
    )

    utfort, hoppet = [], []
    for nr, s in enumerate(jobb["steps"], start=1):
        navn = f"steg {nr} «{s.get('name') or s.get('run') or s.get('uses')}»"
        assert "if" not in s, f"{navn}: betingelser på steg etterlignes ikke her"
        if "uses" in s:
            lokal_motpart(s["uses"].split("@")[0], s, jobb, arbeidsflyt, arbeidsmappe, grunn)
            utfort.append(navn)
            continue
        if grunn_til := hoppes_over(s["run"]):
            hoppet.append(f"{navn}: {grunn_til}")
            continue
        standard = jobb.get("defaults", {}).get("run", {}).get("working-directory", ".")
        skript = runner_temp / f"steg-{nr}.sh"
        skript.write_text(s["run"], encoding="utf-8")
        for_steget = sammendrag.stat().st_size
        resultat = subprocess.run(
            [*skall(s, jobb), str(skript)],
            cwd=arbeidsmappe / s.get("working-directory", standard),
            env={**grunn, **miljo_for(arbeidsflyt.get("env"), jobb.get("env"), s.get("env"))},
            capture_output=True,
            text=True,
            timeout=STEG_TIDSAVBRUDD,
        )
        if resultat.returncode != 0:
            pytest.fail(
                f"{fil.name}, jobben {jobbnavn}, {navn} feilet (kode {resultat.returncode}):\n"
                f"$ {s['run']}\n{(resultat.stdout + resultat.stderr)[-6000:]}"
            )
        if "GITHUB_STEP_SUMMARY" in s["run"]:
            assert sammendrag.stat().st_size > for_steget, f"{navn} skrev ingenting i sammendraget"
        utfort.append(navn)

    assert utfort, f"{jobbnavn}: ingen steg ble kjørt"
    print(f"{fil.name}/{jobbnavn}: kjørte {utfort}; hoppet over {hoppet}")
    print(sammendrag.read_text(encoding="utf-8"))
