# Two commands on a fresh machine (Python 3.11 and make are all it needs):
#   make run    install into .venv and serve the dashboard on the embedded SQLite store
#   make test   install into .venv (with test tools) and run the whole suite
#   make init-store   an empty store for real data (schema and the 15 county-level units, no demo)
#   make check        the developers' inner loop (goal: 2 minutes; measured 3 min 12 s on 2026-12-03): ruff, then the quick tier (SQLite only,
#                     no browser, no city-scale demo); slowest tests listed. make test-quick: the tests alone
#   make mutation     mutation testing of the listed modules against the quick tier (slow; not in CI), then the
#                     listed mutants of issue 18 (docs/MUTATION.md). MUTATE="queries.overview*" narrows it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8501

QUICK := -m "not slow" -k "not postgresql and not mysql" --ignore=tests/browser
MUTATE ?= "queries.*" "dashboard.*"

.PHONY: run test check test-quick mutation mutants demo bench bench-load bench-imports bench-clear init-store lint

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt requirements-dev.txt pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -r requirements-dev.txt
	$(BIN)/pip install --quiet --no-deps -e .
	touch $@

# A fresh store gets its demo data here, with a progress bar in the terminal, before anyone can open a page.
run: $(VENV)/.installed
	$(BIN)/python -m dashboard.demo --if-empty
	$(BIN)/streamlit run dashboard/app.py --server.port $(PORT)

# Two workers (pytest-xdist), one per core, each taking whole test files so that a file's stores are built once
# (groups set in tests/conftest.py: the demo tests go by file and backend, so two backends generate at once).
test: $(VENV)/.installed
	$(BIN)/python -m pytest -n 2 --dist loadgroup --no-loadscope-reorder --durations=20

init-store: $(VENV)/.installed
	$(BIN)/python -m dashboard.imports init-store

check: lint test-quick

# The quick tier on both cores, with fewer generated partial stores (30 in the full tier).
test-quick: $(VENV)/.installed
	DANGJIAN_PARTIAL_EXAMPLES=8 $(BIN)/python -m pytest $(QUICK) -n 2 --dist loadgroup --no-loadscope-reorder -q \
		--durations=15

mutation: $(VENV)/.installed
	$(BIN)/mutmut run --max-children 2 $(MUTATE); $(BIN)/mutmut results
	$(MAKE) mutants

mutants: $(VENV)/.installed
	$(BIN)/python -m tests.mutants

demo: $(VENV)/.installed
	$(BIN)/python -m dashboard.demo $(DEMO_ARGS)

bench: $(VENV)/.installed
	$(BIN)/python -m bench.pages $(BENCH_ARGS)

bench-load: $(VENV)/.installed
	$(BIN)/python -m bench.load $(BENCH_ARGS)

bench-imports: $(VENV)/.installed
	$(BIN)/python -m bench.imports $(BENCH_ARGS)

bench-clear: $(VENV)/.installed
	$(BIN)/python -m bench.clear $(BENCH_ARGS)

lint: $(VENV)/.installed
	$(BIN)/ruff check .
