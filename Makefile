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

.PHONY: backup restore run bench bench-notifications bench-ikm bench-search bench-dashboard test test-sqlite test-postgres lint format messages install demo screenshots guide-screenshots faults

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
	@# The notification worker runs beside the web server; Ctrl-C stops both.
	DEBUG=1 $(MANAGE) send_notifications & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker' EXIT INT TERM; \
	DEBUG=1 $(MANAGE) runserver --skip-checks 127.0.0.1:$(PORT)

# Outbox throughput and delay against a stand-in provider on 127.0.0.1, in a throw-away database
# (PostgreSQL when DATABASE_URL is set); BENCH_ARGS="--messages 2000" to change the load.
bench-notifications: install
	DEBUG=1 $(MANAGE) bench_notifications $(BENCH_ARGS)

# The IKM report over 300,000 questionnaire answers, in its own PostgreSQL database (created and
# seeded on the first run, reused after); BENCH_IKM_ARGS="--responses 1000000" to change the load.
BENCH_IKM_DB ?= loket_bench_ikm
BENCH_IKM_URL ?= postgres://$${PGUSER:-postgres}@$${PGHOST:-127.0.0.1}:5432/$(BENCH_IKM_DB)
bench-ikm: install
	@createdb -h $${PGHOST:-127.0.0.1} -U $${PGUSER:-postgres} $(BENCH_IKM_DB) 2>/dev/null || true
	DEBUG=1 DATABASE_URL=$(BENCH_IKM_URL) $(MANAGE) migrate --no-input -v0
	DEBUG=1 DATABASE_URL=$(BENCH_IKM_URL) $(MANAGE) bench_ikm $(BENCH_IKM_ARGS)

# Pencarian over 1,000,000 requests in its own PostgreSQL database (seeded with COPY on the first
# run, resumed if interrupted, reused after); BENCH_SEARCH_ARGS="--requests 200000 --runs 100".
BENCH_SEARCH_DB ?= loket_bench_search
BENCH_SEARCH_URL ?= postgres://$${PGUSER:-postgres}@$${PGHOST:-127.0.0.1}:5432/$(BENCH_SEARCH_DB)
bench-search: install
	@createdb -h $${PGHOST:-127.0.0.1} -U $${PGUSER:-postgres} $(BENCH_SEARCH_DB) 2>/dev/null || true
	DEBUG=1 DATABASE_URL=$(BENCH_SEARCH_URL) $(MANAGE) migrate --no-input -v0
	DEBUG=1 DATABASE_URL=$(BENCH_SEARCH_URL) $(MANAGE) bench_search $(BENCH_SEARCH_ARGS)

# Dasbor, its request list and a CSV export over 300,000 requests in their own PostgreSQL database
# (seeded with COPY on the first run, reused after); BENCH_DASHBOARD_ARGS="--requests 1000000".
BENCH_DASHBOARD_DB ?= loket_bench_dashboard
BENCH_DASHBOARD_URL ?= postgres://$${PGUSER:-postgres}@$${PGHOST:-127.0.0.1}:5432/$(BENCH_DASHBOARD_DB)
bench-dashboard: install
	@createdb -h $${PGHOST:-127.0.0.1} -U $${PGUSER:-postgres} $(BENCH_DASHBOARD_DB) 2>/dev/null || true
	DEBUG=1 DATABASE_URL=$(BENCH_DASHBOARD_URL) $(MANAGE) migrate --no-input -v0
	DEBUG=1 DATABASE_URL=$(BENCH_DASHBOARD_URL) $(MANAGE) bench_dashboard $(BENCH_DASHBOARD_ARGS)

# Backup: the PostgreSQL database of DATABASE_URL (pg_dump, custom format) and the uploaded files
# (MEDIA_DIR, default $MEDIA_ROOT or var/media, letters under private/) into BACKUP_DIR, with
# checksums. Restore: into a new, empty database (createdb first) named by DATABASE_URL, and an
# empty MEDIA_DIR: `make restore FROM=var/backups/<when>`. README, "Backup and restore".
BACKUP_DIR ?= var/backups/$(shell date +%Y%m%d-%H%M%S)
MEDIA_DIR ?= $${MEDIA_ROOT:-var/media}
backup:
	@test -n "$$DATABASE_URL" || { echo "Set DATABASE_URL to the PostgreSQL database to back up."; exit 1; }
	@mkdir -p "$(BACKUP_DIR)"
	pg_dump --format=custom --no-owner --no-privileges --file="$(BACKUP_DIR)/loket.dump" "$$DATABASE_URL"
	tar -C "$(MEDIA_DIR)" -czf "$(BACKUP_DIR)/media.tar.gz" .
	cd "$(BACKUP_DIR)" && sha256sum loket.dump media.tar.gz > SHA256SUMS
	@echo "Backup written to $(BACKUP_DIR)"

restore:
	@test -n "$(FROM)" || { echo "Say which backup: make restore FROM=var/backups/<when>"; exit 1; }
	@test -n "$$DATABASE_URL" || { echo "Set DATABASE_URL to a new, empty PostgreSQL database."; exit 1; }
	cd "$(FROM)" && sha256sum --check --quiet SHA256SUMS
	pg_restore --no-owner --no-privileges --exit-on-error --dbname="$$DATABASE_URL" "$(FROM)/loket.dump"
	mkdir -p "$(MEDIA_DIR)" && tar -C "$(MEDIA_DIR)" -xzf "$(FROM)/media.tar.gz"
	@echo "Restored $(FROM) into the database and $(MEDIA_DIR)"
# Three faults under load on a PostgreSQL cluster of its own (127.0.0.1:55432; the machine's
# server is never touched): PostgreSQL restarted, the worker SIGKILLed, the WhatsApp stand-in down.
# A few minutes; var/faults/latest.json. FAULTS_ARGS="--outage 120 --rate 5" to change it.
faults: install
	$(PY) -m loket.faults.run $(FAULTS_ARGS)
# The portal under load (README, "Benchmark"): for each size, its own PostgreSQL database
# loket_bench_<size> seeded once (resumable) and vacuumed after its migrations (as autovacuum leaves
# a production database: a migration that rewrote rows would otherwise slow index-only reads),
# gunicorn as in production on 127.0.0.1:8300, wrk.
# BENCH_SIZES="10000" for the small one only; PORTAL_BENCH_ARGS="--seconds 30 --only home,inbox".
BENCH_SIZES ?= 10000 1000000
PORTAL_BENCH_ARGS ?=
bench: install
	@command -v wrk >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null \
	  && echo "Installing Debian's wrk" && apt-get install -y -qq wrk >/dev/null; } \
	  || { echo "make bench needs wrk (Debian: apt-get install wrk)"; exit 1; }
	@mkdir -p var/bench
	@for size in $(BENCH_SIZES); do \
	  url=postgres://$${PGUSER:-postgres}@$${PGHOST:-127.0.0.1}:5432/loket_bench_$$size; \
	  createdb -h $${PGHOST:-127.0.0.1} -U $${PGUSER:-postgres} loket_bench_$$size 2>/dev/null || true; \
	  DEBUG=1 DATABASE_URL=$$url $(MANAGE) migrate --no-input -v0 || exit 1; \
	  vacuumdb --quiet --analyze --dbname=$$url || exit 1; \
	  DEBUG=1 DATABASE_URL=$$url MEDIA_ROOT=var/bench/media $(MANAGE) bench --requests $$size \
	    --output var/bench/$$size.json $(PORTAL_BENCH_ARGS) || exit 1; \
	done
	DEBUG=1 $(MANAGE) bench_report $(foreach size,$(BENCH_SIZES),var/bench/$(size).json)

lint: $(VENV)/.installed
	@mkdir -p var  # the SQLite database's folder, which the migrations check opens
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	DEBUG=1 $(MANAGE) makemigrations --check --dry-run --no-input

test: install lint
	$(MAKE) --no-print-directory test-sqlite
	@if [ -n "$$DATABASE_URL" ]; then $(MAKE) --no-print-directory test-postgres; \
	else echo "DATABASE_URL is not set: the PostgreSQL run was skipped (.ci/run sets it)."; fi

# pytest exits 5 when it collected no test: a run that tested nothing is a failure here.
PYTEST = $(VENV)/bin/pytest $(PYTEST_ARGS); rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing the run."; exit 1; fi; exit $$rc

test-sqlite: install
	@echo "== The whole suite on SQLite"
	env -u DATABASE_URL $(PYTEST)

test-postgres: install
	@echo "== The whole suite on PostgreSQL ($$(echo $$DATABASE_URL | sed 's|//[^@]*@|//|'))"
	$(PYTEST)

# The main pages in both languages, on a desktop and a phone, as PNGs under test-artifacts/screenshots/
# (LOKET_SCREENSHOTS=<folder> chooses another); the whole suite takes them too.
screenshots: install
	env -u DATABASE_URL $(VENV)/bin/pytest -q -m browser loket/e2e/test_main_pages.py

format: $(VENV)/.installed
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# The guides' screenshots (loket/guides/static/guides/screenshots/), taken again from a fresh demo
# database in both languages; commit the PNGs it writes.
guide-screenshots: install
	LOKET_GUIDE_SCREENSHOTS=write env -u DATABASE_URL $(VENV)/bin/pytest -q -p no:randomly -m browser loket/e2e/test_guide_screenshots.py
