# Two commands do all the set-up: `make run` and `make test`. See README.md.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
# Links in emails point at the address `make run` serves on (any PORT=…), unless given.
SITE_URL ?= http://$(HOST):$(PORT)
# Test workers (pytest-xdist): one per core by default; PYTEST_WORKERS=0 runs in one process.
PYTEST_WORKERS ?= auto

.PHONY: run test install install-test lint format check-migrations bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamp files re-run pip only when a requirements file changes.
$(VENV)/.installed: requirements.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-test: requirements.txt requirements-test.txt | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-test.txt
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

run: install
	$(BIN)/python manage.py migrate --noinput
	SITE_URL="$(SITE_URL)" $(BIN)/python manage.py seed_demo
	@echo "Serving on http://$(HOST):$(PORT)/ with a task worker — sign in with a demo account above. Ctrl-C stops both."
	@# The worker (emails, roster imports) runs beside the web server; Ctrl-C or the end of
	@# either one stops the other.
	@export SITE_URL="$(SITE_URL)"; \
	$(BIN)/python manage.py db_worker --no-startup-delay & worker=$$!; \
	trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: install-test
	@if [ ! -x /usr/bin/chromium ] && [ "$$CI" != "true" ]; then \
		echo "NOTE: Chromium is not installed, so the browser tests will be skipped."; \
		echo "      Install it with: sudo apt-get install -y chromium"; fi
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: install-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install-test
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

check-migrations: install-test
	$(BIN)/python manage.py makemigrations --check --dry-run

bench: install-test
	bench/run

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
