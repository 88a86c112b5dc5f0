# The two commands of the README: `make serve` and `make test`.
# Each one sets up what it needs on a fresh machine.
# Any Python 3.11–3.13 will do; 3.11 is preferred where present.
PYTHON ?= $(shell for p in python3.11 python3.12 python3.13 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' 2>/dev/null \
	&& { echo $$p; break; }; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The test tools (browser driver, linters) are installed only for the commands that need them.
TESTSTAMP := $(VENV)/.installed-test
# The Nu HTML Checker for tests/test_html.py: the vnu-jar package from npm, pinned, run with Java.
VNU_VERSJON := 26.9.27
VNU := $(VENV)/vnu/node_modules/vnu-jar/build/dist/vnu.jar
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
FRA ?= HEAD
FORMAT ?= tekst

.PHONY: serve test build check schema schema-check chromium bench bench-sok hjul endringer

$(STAMP): pyproject.toml constraints.txt
	@test -n "$(PYTHON)" || { echo "Fant ingen Python 3.11, 3.12 eller 3.13. Installer en av dem (for eksempel «apt-get install python3»)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e .
	touch $(STAMP)

$(TESTSTAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $(TESTSTAMP)

## Bygg og vis nettstedet lokalt på http://127.0.0.1:8000/regionplan/ med automatisk oppdatering.
serve: $(STAMP)
	$(BIN)/python -m mkdocs serve --strict --dev-addr 127.0.0.1:8000

## Kjør hele testsuiten (enhetstester, testnettsteder, golden-filer og nettlesertester).
test: $(TESTSTAMP) chromium $(VNU)
	$(BIN)/python -m pytest

## Bygg nettstedet til site/ (streng modus: alle advarsler stopper bygget).
build: $(STAMP)
	$(BIN)/python -m mkdocs build --strict

## Kontroller data/ og forsiden (front matter) på hver side uten å bygge nettstedet.
check: $(STAMP)
	@$(BIN)/python -m macros.validate

## Skriv JSON Schema-filene i data/schema/ på nytt fra datamodellen.
schema: $(STAMP)
	$(BIN)/python -m macros.schema --write

## Sjekk at JSON Schema-filene stemmer med datamodellen (feiler og sier hvilke som er utdatert).
schema-check: $(STAMP)
	@$(BIN)/python -m macros.schema --check

## Mål bygget, minnet, sidevekten og søkeindeksen for de ekte dataene og for syntetiske data ved 10× og 100×,
## hver mot en ren Material-tvilling; skriver en tabell og benchmarks/rapport.json. BENK=--rask gir en kort kjøring.
## Sidevekten måles i Chromium, så målingen trenger testverktøyene og en nettleser.
bench: $(TESTSTAMP) chromium
	$(BIN)/python -m benchmarks $(BENK)

$(VNU): $(STAMP)
	@command -v java >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1; then $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq default-jre-headless; \
	  else echo "Nu HTML Checker trenger Java. Installer en Java 11 eller nyere."; exit 1; fi; }
	@command -v npm >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1; then $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq npm; \
	  else echo "Nu HTML Checker hentes med npm. Installer Node.js med npm."; exit 1; fi; }
	npm install --silent --no-save --no-package-lock --no-audit --no-fund --prefix $(VENV)/vnu vnu-jar@$(VNU_VERSJON)
	@test -f $(VNU)

## Mål søket: Pagefind mot Materials innebygde lunr-søk (treff på spørsmålene i tests/test_sok.py, bytes lastet).
bench-sok: $(TESTSTAMP) chromium
	$(BIN)/python benchmarks/search.py

# A browser for the browser tests: $$CHROMIUM, one on PATH or Playwright's own
# (tests/nettleser.py). Only on a Debian-like system is one installed here.
chromium: $(TESTSTAMP)
	@$(BIN)/python tests/nettleser.py >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1; then \
	    $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; \
	  else $(BIN)/python tests/nettleser.py; exit 1; fi; }

## Vis at constraints.txt finnes som ferdige hjul (wheels) for Python 3.11, 3.12 og 3.13 på Linux.
hjul: $(STAMP)
	@for v in 3.11.5 3.12 3.13; do \
	  $(BIN)/python -m pip download --quiet --disable-pip-version-check --only-binary=:all: \
	    --python-version $$v --implementation cp --platform manylinux_2_28_x86_64 --platform manylinux2014_x86_64 \
	    -d "$$(mktemp -d)" -r constraints.txt && echo "Python $$v: alle pakkene finnes som hjul" || exit 1; \
	done

## Vis hva som er endret i data/ siden git-revisjonen FRA (standard HEAD), post for post.
## FORMAT=markdown gir Markdown, for eksempel til GitHubs jobbsammendrag.
endringer: $(STAMP)
	$(if $(filter-out tekst markdown,$(FORMAT)),$(error FORMAT må være tekst eller markdown, ikke «$(FORMAT)»))
	@$(BIN)/python -m macros.endringer --fra '$(FRA)' $(if $(filter markdown,$(FORMAT)),--markdown)
