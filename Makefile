# Two commands for a newcomer: `make run` and `make test`. Both set everything up.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint format bench coverage mutate clean dist dist-test

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Annotator needs Python 3.11 or newer")'
	@test -x $(PY) || $(PYTHON) -m venv $(VENV) || { echo "Cannot create $(VENV): install python3-venv (Debian: apt-get install python3-venv)"; exit 1; }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	@touch $(STAMP)

run: $(STAMP)
	@$(PY) -m annotator.gui.preflight || { \
	  pkgs=$$($(PY) -c 'from annotator.gui.preflight import missing_packages as m; print(" ".join(m()))'); \
	  if [ -n "$$pkgs" ] && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing the X11 libraries the Qt window needs: $$pkgs"; \
	    apt-get update -qq && apt-get install -y -qq $$pkgs; \
	  elif [ -n "$$pkgs" ]; then \
	    echo "The Qt window needs: sudo apt-get install $$pkgs"; exit 1; \
	  else exit 1; fi; }
	$(VENV)/bin/annotator

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: $(STAMP)
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) bench/core.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/gui.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/views.py
	$(PY) bench/ingest.py
	$(PY) bench/suggest_eval.py
	$(PY) bench/worst_case.py
	$(PY) bench/reliability.py

# The wheel, the sdist and the one-folder desktop app for this system (PyInstaller).
dist: $(STAMP)
	$(PY) packaging/build.py

# The built app started as a user would: window, import, export (tests/test_dist.py).
dist-test: $(STAMP)
	@test -x dist/annotator/annotator || test -x dist/annotator/annotator.exe || { echo "Run make dist first"; exit 1; }
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -m slow tests/test_dist.py

# Branch coverage of the whole suite, the command line's subprocesses included.
coverage: $(STAMP)
	rm -f .coverage .coverage.* coverage.json
	COVERAGE_FILE=$(CURDIR)/.coverage QT_QPA_PLATFORM=offscreen $(VENV)/bin/coverage run -m pytest -q -p no:cacheprovider
	COVERAGE_FILE=$(CURDIR)/.coverage $(VENV)/bin/coverage combine -q
	COVERAGE_FILE=$(CURDIR)/.coverage $(VENV)/bin/coverage json -q -o coverage.json
	$(PY) tools/coverage_summary.py coverage.json

# Mutation testing, one module after another (make mutate MODULE=records: one of them).
mutate: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) tools/mutate.py $(MODULE)

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache .mutmut .coverage .coverage.* coverage.json
