# Loket: `make run` serves the portal with demo data; `make test` runs the whole suite.
SHELL := /bin/bash
PORT ?= 8000
# The first Python 3.12+ on PATH (pyenv shims honour .python-version).
PYTHON ?= $(shell for p in python3.13 python3.12 python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null \
	&& { command -v $$p; break; }; done)
TOOLS := .tools
UV := $(TOOLS)/bin/uv
VENV := .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) manage.py
export UV_PYTHON_DOWNLOADS := never
export UV_PROJECT_ENVIRONMENT := $(VENV)

.PHONY: run test test-sqlite test-postgres lint format messages install demo screenshots

$(UV):
	@test -n "$(PYTHON)" || { echo "Loket needs Python 3.12 or newer on PATH (python3.13, python3.12 or python3)."; exit 1; }
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet --disable-pip-version-check uv

$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --python $(PYTHON)
	@touch $@

install: $(VENV)/.installed messages

# Translation catalogues are compiled with Babel so that no system gettext is needed.
messages: $(VENV)/.installed
	@$(PY) -m loket.compile_messages

run: install
	@mkdir -p var
	DEBUG=1 $(MANAGE) migrate --no-input
	DEBUG=1 $(MANAGE) load_demo
	DEBUG=1 $(MANAGE) runserver --skip-checks 127.0.0.1:$(PORT)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DEBUG=1 $(MANAGE) makemigrations --check --dry-run --no-input

test: install lint
	$(MAKE) --no-print-directory test-sqlite
	@if [ -n "$$DATABASE_URL" ]; then $(MAKE) --no-print-directory test-postgres; \
	else echo "DATABASE_URL is not set: the PostgreSQL run was skipped (.ci/run sets it)."; fi

test-sqlite: install
	env -u DATABASE_URL $(VENV)/bin/pytest $(PYTEST_ARGS)

test-postgres: install
	$(VENV)/bin/pytest $(PYTEST_ARGS)

# The main pages in both languages, on a desktop and a phone, as PNGs under test-artifacts/screenshots/
# (LOKET_SCREENSHOTS=<folder> chooses another); the whole suite takes them too.
screenshots: install
	env -u DATABASE_URL $(VENV)/bin/pytest -q -m browser loket/e2e/test_main_pages.py

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
