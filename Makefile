# Harbour: make targets. `make help` lists them.
.DEFAULT_GOAL := help
SHELL := /bin/bash

PYTHON ?= python3
UV_VERSION := 0.13.8
VENV := .venv
TOOLS := .tools
UV := $(TOOLS)/bin/uv
PY := $(VENV)/bin/python
export UV_PROJECT_ENVIRONMENT := $(VENV)
HOST ?= 127.0.0.1
PORT ?= 8000
PYTEST_ARGS ?=
# Tests run in parallel (pytest-xdist), one process per core by default.
TEST_WORKERS ?= auto

.PHONY: help install assets run worker test test-embedded lint format bench load elasticsearch-start elasticsearch-stop clean

help: ## List the targets
	@grep -hE '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-22s %s\n", $$1, $$2}'

$(UV):
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/pip install --quiet uv==$(UV_VERSION)

# Bytecode compiled at install: nothing is compiled again at each start (with
# PYTHONDONTWRITEBYTECODE, or a read-only image, it would be, every time).
$(VENV)/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen --compile-bytecode --python $(PYTHON)
	@touch $@

install: $(VENV)/.installed ## Create .venv and install the locked dependencies

# The front end's build tools (Node 20.19 or newer): only `make assets` and `make lint` need
# them. The built CSS and JavaScript are committed, so running the site never does.
NODE_MODULES := node_modules/.installed
$(NODE_MODULES): package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

assets: $(NODE_MODULES) ## Build the public CSS and JavaScript from frontend/ into website/static/website/
	node frontend/build.mjs

# Where `make run` serves the demo. Canonical links, feeds, the sitemap, API URLs and the admin
# name this address: the demo loader gives it to the Wagtail site (demo/site.py). HOST=0.0.0.0
# listens on every interface; links then name 127.0.0.1 unless BASE_URL is given.
BASE_URL ?= http://$(if $(filter 0.0.0.0,$(HOST)),127.0.0.1,$(HOST)):$(PORT)

run: install ## Serve the demo site on http://127.0.0.1:8000 (PORT=, HOST= to change; SQLite + database search), with the task worker and the scheduler
	$(PY) manage.py migrate --no-input
	WAGTAILADMIN_BASE_URL='$(BASE_URL)' $(PY) manage.py load_demo --create-admin
	@# The task worker (search index updates) and the scheduler (publish_scheduled every minute)
	@# run beside the web server and stop with it.
	@export WAGTAILADMIN_BASE_URL='$(BASE_URL)'; \
		$(PY) manage.py db_worker --no-reload --interval 1 & worker=$$!; \
		$(PY) manage.py run_scheduler & scheduler=$$!; \
		trap 'kill $$worker $$scheduler 2>/dev/null; wait $$worker $$scheduler 2>/dev/null' EXIT INT TERM; \
		$(PY) manage.py runserver $(HOST):$(PORT)

worker: install ## Run only the task worker (search index updates, rebuilds), as production does
	$(PY) manage.py db_worker --no-reload

test: install ## Run the whole suite (see README: DATABASE_URL, ELASTICSEARCH_URL)
	$(PY) -m pytest -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

test-embedded: install ## CI's second pass, on SQLite + database search: what can differ between the engines (see tests/conftest.py)
	env -u DATABASE_URL -u ELASTICSEARCH_URL $(PY) -m pytest -m "not browser and not elasticsearch and not postgres and not live and not same_on_every_engine" -n $(TEST_WORKERS) --dist loadgroup $(PYTEST_ARGS)

lint: install $(NODE_MODULES) ## ruff, import contracts (import-linter), template indentation, style lint, Django checks, missing migrations
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports --no-cache
	$(VENV)/bin/djhtml --check $$(find templates */templates -name '*.html' 2>/dev/null)
	npx --no-install stylelint "frontend/scss/**/*.scss"
	DJANGO_SETTINGS_MODULE=website.settings.test $(PY) manage.py check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=website.settings.test $(PY) manage.py makemigrations --check --dry-run
	SECRET_KEY=$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(50))') ALLOWED_HOSTS=harbour.example \
		DJANGO_SETTINGS_MODULE=website.settings.production $(PY) manage.py check --deploy --fail-level WARNING

format: install ## Format Python and templates in place
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .
	$(VENV)/bin/djhtml $$(find templates */templates -name '*.html' 2>/dev/null)

bench: install ## Run the benchmarks in tests/benchmarks (prints figures, writes JSON)
	$(PY) -m tests.benchmarks

load: install ## Load test: gunicorn on PostgreSQL + Elasticsearch + Redis, driven by wrk (README)
	$(PY) -m tests.benchmarks.load $(LOAD_ARGS)

elasticsearch-start: ## Fetch (once) and start a local Elasticsearch node
	scripts/elasticsearch.sh start

elasticsearch-stop: ## Stop the local Elasticsearch node
	scripts/elasticsearch.sh stop

clean: ## Remove the virtualenvs, node_modules and the local database
	rm -rf $(VENV) $(TOOLS) node_modules db.sqlite3 db.sqlite3-* static
