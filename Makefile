# Two commands: `make run` serves the app, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
NODE_STAMP := node_modules/.installed-stamp
PYTEST_ARGS ?=
# Open-data twin-town files (or folders of them) for `make run` to import beneath the demo.
WORLD ?=
# pytest-xdist workers for each of the two runs (SQLite, PostgreSQL), which go side by side.
PYTEST_WORKERS ?= auto

.PHONY: run test setup lint bench messages clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit("Python 3.11 or newer is needed") if sys.version_info < (3, 11) else None'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $@

# The map's front-end libraries, served as static files straight from node_modules.
$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

setup: $(STAMP) $(NODE_STAMP)
	$(BIN)/twinning migrate --verbosity 0
	$(BIN)/python -m twinning.gazetteer ensure

run:
	bash scripts/system-deps.sh --run
	$(MAKE) setup
	$(BIN)/twinning demo --if-empty $(if $(WORLD),--world $(WORLD))
	$(BIN)/twinning serve --with-worker

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

test: $(STAMP)
	bash scripts/system-deps.sh --all
	$(MAKE) $(NODE_STAMP)
	$(MAKE) lint
	$(BIN)/twinning makemigrations --check --dry-run
	# Built once here, not by every test worker that first asks for it.
	$(BIN)/python -m twinning.gazetteer ensure
	bash scripts/test-suites.sh $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadgroup \
		--durations=10 $(PYTEST_ARGS)

bench: setup
	$(BIN)/pip install --quiet -e ".[dev,bench]"
	$(BIN)/python -m twinning.bench

messages: $(STAMP)
	cd twinning && ../$(BIN)/twinning makemessages --locale da --no-obsolete --ignore "extraction/*"
	cd twinning && ../$(BIN)/twinning compilemessages --locale da --locale zh_Hans

clean:
	rm -rf $(VENV) var .pytest_cache node_modules
