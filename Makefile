# Two commands: `make run` serves the app, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
PYTEST_ARGS ?=

.PHONY: run test setup lint bench messages clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed") if sys.version_info < (3, 11) else None'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

setup: $(STAMP)
	$(BIN)/twinning migrate --verbosity 0

run: setup
	bash scripts/system-deps.sh --run
	$(BIN)/twinning demo --if-empty
	$(BIN)/twinning serve

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: $(STAMP)
	bash scripts/system-deps.sh --all
	$(MAKE) lint
	$(BIN)/twinning makemigrations --check --dry-run
	@echo "== test suite on SQLite"
	$(BIN)/pytest $(PYTEST_ARGS)
	@echo "== test suite on PostgreSQL"
	bash scripts/with-postgres.sh $(BIN)/pytest $(PYTEST_ARGS)

bench: setup
	$(BIN)/python -m twinning.bench

messages: $(STAMP)
	cd twinning && ../$(BIN)/twinning makemessages --locale da --no-obsolete --ignore "extraction/*"
	cd twinning && ../$(BIN)/twinning compilemessages --locale da

clean:
	rm -rf $(VENV) var .pytest_cache
