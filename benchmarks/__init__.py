"""The benchmark behind `make bench`: how the site builds and scales, against a bare Material twin.

    python -m benchmarks            the full run (real site, 10× and 100× synthetic data)
    python -m benchmarks --rask     one run at 2×, one page type: the test's reduced mode

Modules, each with one job:
  project.py     copies of the project's sources into a temporary folder
  timing.py      a build or `make check` in a fresh process: wall time, CPU time, peak memory
  synthetic.py   synthetic data at k× the real data, made from the model, passing every check
  twin.py        the bare Material twin of a built site: its article HTML, no project code
  page_weight.py what a first visit to each page type loads (headless Chromium), raw and gzip
  rebuild.py     the time `mkdocs serve` takes to show one edit
  report.py      the targets, the printed table and the JSON report
  __main__.py    runs the parts in order
Speed is measured here, not in the test suite, so a slow machine never fails a test.
"""
