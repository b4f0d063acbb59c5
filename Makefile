# Two commands for a fresh machine: `make serve` (set up, build, serve) and `make test`
# (set up, then every check). Everything else here is what those two are made of.

# Empty: the interpreter .venv was made with, else the first new enough python3 (`make PYTHON=…`).
PYTHON ?=
# The oldest Python the hash-pinned lock installs on (pyproject.toml's requires-python).
PYTHON_NEEDED := 3.11.5
VENV := .venv
BIN := $(VENV)/bin
PY_READY := $(VENV)/.ready
# Which interpreter .venv was made with ("version path"): another one rebuilds .venv.
PY_STAMP := $(VENV)/.interpreter
# The prose that the spelling check reads (data texts, hand-written pages, repository files).
PROSE := data docs README.md CONTRIBUTING.md CONTRIBUTING.zh.md SECURITY.md MAINTAINING.md CODE_OF_CONDUCT.md
NPM_READY := node_modules/.ready
BENCH_READY := bench/node_modules/.ready
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: setup serve build preview check translations accept schema lint test test-unit test-build test-browser test-shuffled golden lock browser-deps check-external-links bench lighthouse clean python-check

## setup: Python env from the hash-pinned lock, and the pinned npm packages
setup: $(PY_READY) $(NPM_READY)

## python-check: choose the Python for .venv and check that it is new enough (tools/venv-python.sh);
## .venv is rebuilt when the interpreter differs from the one it was made with
python-check $(PY_STAMP): FORCE
	@sh tools/venv-python.sh $(PYTHON_NEEDED) $(VENV) "$(PYTHON)"

.PHONY: FORCE
FORCE:

$(PY_READY): requirements/dev.txt pyproject.toml $(PY_STAMP)
	"$$(sed 's/^[^ ]* //' $(PY_STAMP))" -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(NPM_READY): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

## serve: build and serve the site with live reload on http://127.0.0.1:8000/
serve: setup
	$(BIN)/mkdocs serve

## build: a strict build of both languages into site/, every diagram drawn to SVG (the
## publishing build: without a browser it fails rather than fall back to client-side Mermaid)
build: setup
	PLANDOCS_DIAGRAMS=svg $(BIN)/mkdocs build --strict

## preview: a quick build of both languages into site/ for a pull request's preview: diagrams
## drawn in the browser, no PDFs (no Chromium needed; .github/workflows/preview.yml)
preview: setup
	PLANDOCS_DIAGRAMS=client PLANDOCS_PDF=off $(BIN)/mkdocs build --strict

## check: validate data/ (every problem, with file:line:column)
check: $(PY_READY)
	$(BIN)/plandocs check

## translations: list every stale or unpinned translation, with what changed in the source
translations: $(PY_READY)
	$(BIN)/plandocs translations

## accept: after reviewing a translation, pin it to the current source text:
##   make accept FIELD='data/risks.yml:risks[0].title'   (a file, a file:field, or a page)
accept: $(PY_READY)
	@if [ -z "$$FIELD" ]; then \
	  echo "make accept needs FIELD, for example: make accept FIELD='data/risks.yml:risks[0].title'"; \
	  exit 2; fi
	$(BIN)/plandocs translations --accept "$$FIELD"

## schema: rewrite data/schema/ from the models
schema: $(PY_READY)
	$(BIN)/python -m plandocs schema

## lint: ruff (lint and format), mypy strict, the workflow lint, and no tracked file under an
## ignored path
lint: $(PY_READY) lint-workflows lint-spelling lint-ignored
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

## lint-ignored: no file is tracked under a git-ignored path (.cache/, docs/report/, site/...):
## the build reads those folders as its own output, so a committed file there would be trusted
.PHONY: lint-ignored
lint-ignored:
	@if git rev-parse --git-dir >/dev/null 2>&1; then \
	  tracked=$$(git ls-files -ci --exclude-standard); \
	  if [ -n "$$tracked" ]; then \
	    echo "Tracked files under git-ignored paths (the build would trust them as its own output);"; \
	    echo "remove them with \`git rm --cached\`:"; echo "$$tracked"; exit 1; \
	  fi; \
	fi

## lint-spelling: codespell with British spelling (settings in pyproject.toml, [tool.codespell])
.PHONY: lint-spelling
lint-spelling: $(PY_READY)
	$(BIN)/codespell $(PROSE)

## lint-workflows: zizmor (offline) on the GitHub workflows and Dependabot config, and the
## workflows, Dependabot config and issue forms against their published schemas (vendored)
.PHONY: lint-workflows
ISSUE_FORMS := $(filter-out %/config.yml,$(wildcard .github/ISSUE_TEMPLATE/*.yml))
lint-workflows: $(PY_READY)
	$(BIN)/zizmor --offline --no-progress --min-severity medium .github/workflows .github/dependabot.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.dependabot .github/dependabot.yml
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-forms $(ISSUE_FORMS)
	$(BIN)/check-jsonschema --builtin-schema vendor.github-issue-config .github/ISSUE_TEMPLATE/config.yml

## browser-deps: Debian's chromium, CJK and emoji fonts, and poppler-utils (pdftoppm, pdftotext)
## for the browser and PDF tests, and zsh (the guides' commands are run in it too: macOS's
## default shell) (needs root or sudo)
BROWSER_PACKAGES := chromium fonts-noto-cjk fonts-noto-color-emoji poppler-utils zsh
browser-deps:
	@if ! dpkg -s $(BROWSER_PACKAGES) >/dev/null 2>&1; then \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(BROWSER_PACKAGES); \
	fi

## test: set up, then lint, data check, schema check, and every test tier
## The tiers run in one process a core (pytest-xdist), each taking whole test modules;
## `make test PYTEST_WORKERS=0` runs them in one process.
PYTEST_WORKERS ?= auto
PYTEST := $(BIN)/pytest -n $(PYTEST_WORKERS) --dist loadscope --no-loadscope-reorder
test: setup browser-deps lint check
	$(BIN)/python -m plandocs schema --check
	$(PYTEST)

test-unit: $(PY_READY)
	$(PYTEST) -m "not build and not browser"

test-build: setup
	$(PYTEST) -m "build and not browser"

test-browser: setup browser-deps
	$(PYTEST) -m browser

## test-shuffled: every tier in one process, in an order shuffled with SEED (same SEED, same
## order; CI passes its run's id): a test that passes only after another shows up here
SEED ?= $(shell date +%s)
test-shuffled: setup browser-deps
	PLANDOCS_TEST_SHUFFLE=$(SEED) $(BIN)/pytest -n 0

## check-external-links: opt-in, needs network: every external link of site/ answers
check-external-links: build
	$(BIN)/python -m tests.external_links site

## lighthouse: the page budget, not part of `make test` (its figures depend on the machine):
## builds the site, then runs the pinned Lighthouse (bench/), mobile and desktop presets, on every
## page in both languages; prints one table, writes bench/results/lighthouse.json, exits 1 over
## budget (mobile >= 90, desktop >= 95)
lighthouse: build $(BENCH_READY)
	$(BIN)/python bench/lighthouse.py site

$(BENCH_READY): bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund --loglevel=error
	touch $@

## golden: refresh tests/golden/ after an intended change to a page, then compare (review the diff!)
golden: $(PY_READY)
	$(BIN)/python -m tests.test_golden
	$(BIN)/pytest tests/test_golden.py -q

## lock: regenerate the hash-pinned requirements from pyproject.toml
lock: $(PY_READY)
	$(BIN)/uv pip compile pyproject.toml --python-version 3.11.5 --generate-hashes -q -o requirements/runtime.txt
	$(BIN)/uv pip compile pyproject.toml --extra dev --python-version 3.11.5 --generate-hashes -q -o requirements/dev.txt

## bench: time data -> Markdown (1x, 10x, 100x), the build against a plain one, one edit under
## serve; prints one table, writes bench/results/bench.json (not part of `make test`; ~2 min)
bench: setup
	$(BIN)/python -m bench.run

clean:
	rm -rf site docs/report test-artifacts .cache/diagrams bench/results
