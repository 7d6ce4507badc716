# Two commands for a newcomer: `make run` and `make test`. Both set everything up.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: run test lint format bench clean

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
	$(PY) bench/suggest_eval.py
	$(PY) bench/worst_case.py
	$(PY) bench/reliability.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache
