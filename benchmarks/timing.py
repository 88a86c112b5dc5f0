"""A build or `make check` in a fresh process: wall time, CPU time and peak memory.

Each run is its own process (a cold start, as `make build` and CI have). The process's resource
usage comes from wait4, so the peak memory is that process's own, not the largest of every child so far.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

MILJO = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class Run:
    """One process: seconds on the clock, seconds of CPU (user + system) and its peak resident memory."""

    seconds: float
    cpu_seconds: float
    peak_mib: float


@dataclass(frozen=True)
class Series:
    """Several runs of the same command."""

    runs: tuple[Run, ...]

    @property
    def median(self) -> float:
        """Median wall time in seconds."""
        return statistics.median(r.seconds for r in self.runs)

    @property
    def cpu_median(self) -> float:
        """Median CPU time in seconds: steadier than wall time on a shared machine."""
        return statistics.median(r.cpu_seconds for r in self.runs)

    @property
    def peak_mib(self) -> float:
        """The largest peak memory of any run."""
        return max(r.peak_mib for r in self.runs)

    def as_json(self) -> dict:
        """The series for the JSON report."""
        return {
            "median_s": round(self.median, 3),
            "cpu_median_s": round(self.cpu_median, 3),
            "peak_mib": round(self.peak_mib, 1),
            "runs_s": [round(r.seconds, 3) for r in self.runs],
        }


class RunFailed(RuntimeError):
    """A measured command failed; the message has its output."""


def run(args: list[str], cwd: Path) -> Run:
    """Run a command to completion in cwd and measure it; a failure raises RunFailed with its output."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(args, cwd=cwd, env=MILJO, stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            out.seek(0)
            tekst = out.read().decode("utf-8", "replace")
            raise RunFailed(f"{' '.join(args)} i {cwd} feilet ({proc.returncode}):\n{tekst[-4000:]}")
    # ru_maxrss is in KiB on Linux.
    return Run(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def build(project: Path, site_dir: Path) -> Run:
    """One strict `mkdocs build` of project into site_dir, in a fresh process."""
    return run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site_dir)], project)


def builds(project: Path, site_dir: Path, runs: int) -> Series:
    """`runs` cold builds into site_dir; the last one's output stays there."""
    return Series(tuple(build(project, site_dir) for _ in range(runs)))


def checks(project: Path, runs: int) -> Series:
    """`runs` of `make check` (python -m macros.validate) in project."""
    return Series(tuple(run([sys.executable, "-m", "macros.validate"], project) for _ in range(runs)))
