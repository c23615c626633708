# The two commands of the README: `make run` and `make test`. Both set everything up.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
CONSTRAINTS := packaging/constraints.txt
HEADLESS := QT_QPA_PLATFORM=offscreen

.PHONY: run test bench soak package forms translations lint typecheck system-deps-run system-deps-test system-deps-package clean

run: system-deps-run $(VENV)/.app-installed
	$(VENV)/bin/advisor-app --demo

test: system-deps-test $(VENV)/.dev-installed lint typecheck
	$(HEADLESS) $(PY) -m pytest

bench: system-deps-test $(VENV)/.dev-installed
	$(HEADLESS) $(PY) benchmarks/run_all.py

# The PyInstaller bundle for this OS in dist/ (Linux: also the tarball; see packaging/).
package: system-deps-package $(VENV)/.dev-installed
	PY=$(PY) packaging/build.sh
# The reliability probes with 50 trials each, then ten minutes of syncs against a fault-injecting
# Zendesk fake; figures into RELIABILITY.md (not in `make test`).
soak: system-deps-test $(VENV)/.dev-installed
	ADVISOR_RELIABILITY_TRIALS=50 $(HEADLESS) $(PY) -m pytest tests/reliability
	$(HEADLESS) $(PY) -m tests.reliability.soak_sync --minutes 10 --interval 3 --write RELIABILITY.md

forms: $(VENV)/.dev-installed
	$(PY) -m advisor_app.gui.formgen

# lupdate -no-obsolete over the GUI sources and ui/*.ui into resources/i18n/*.ts, then lrelease.
translations: $(VENV)/.dev-installed
	$(PY) -m advisor_app.gui.linguist

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check advisor_app tests benchmarks
	$(VENV)/bin/ruff format --check advisor_app tests benchmarks

typecheck: $(VENV)/.dev-installed
	$(VENV)/bin/mypy

system-deps-run:
	@PYTHON=$(PYTHON) packaging/system-deps.sh run

system-deps-test:
	@PYTHON=$(PYTHON) packaging/system-deps.sh test

system-deps-package:
	@PYTHON=$(PYTHON) packaging/system-deps.sh package

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.app-installed: $(PY) pyproject.toml $(CONSTRAINTS)
	$(PIP) install --quiet -c $(CONSTRAINTS) -e .
	@touch $@

$(VENV)/.dev-installed: $(PY) pyproject.toml $(CONSTRAINTS)
	$(PIP) install --quiet -c $(CONSTRAINTS) -e ".[dev]"
	@touch $@ $(VENV)/.app-installed

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build dist
