# Torv: how people run it. On a fresh clone, `make build` and `make test` are the only two commands needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
TORV   := $(BIN)/torv
PIP    := $(BIN)/python -m pip install -q --disable-pip-version-check
ARGS   ?=

.PHONY: validate build assemble check init preview serve test test-zensical schemas bench clean news meeting commitment lighthouse

# .venv/: the pinned requirements, then Torv itself, editable (`pip install -e .`, see pyproject.toml): the
# `torv` command runs the code in scripts/torv/ as it is. After a `git pull` only a changed requirements.txt
# or pyproject.toml (a new dependency, a new command) needs a new install, and make does it then.
$(VENV)/.build: requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(PIP) --upgrade pip
	$(PIP) -r requirements.txt
	$(PIP) --no-deps -e .
	touch $@

$(VENV)/.test: $(VENV)/.build requirements-test.txt requirements-bench.txt
	$(PIP) -r requirements-test.txt
	touch $@

# The second renderer, optional (README: Renderers).
$(VENV)/.zensical: $(VENV)/.build requirements-zensical.txt
	$(PIP) -r requirements-zensical.txt
	touch $@

## make validate: check all content (ARGS="--strict" or "--format github")
validate: $(VENV)/.build
	$(TORV) validate $(ARGS)

## make build: validate, then build site/ for every language
build: $(VENV)/.build
	$(TORV) build $(ARGS)

## make check: the pull-request check of the site's own content: validate --strict, build, then check what was
## built (axe-core in Chromium, no other host, no cookies, links, the W3C validator); installs what it needs
check: $(VENV)/.test
	@bash scripts/ensure-tools.sh
	@$(MAKE) --no-print-directory node_modules/.installed
	$(TORV) check $(ARGS)

## make init: set up a new site for your municipality (asks for its name, languages, country, colour, logo ...;
## ARGS="--examples" adds an example of each kind of content); replaces the sample content
init: $(VENV)/.build
	$(TORV) init $(ARGS)

## make preview: build site-preview/, a copy of the site that works opened from disk (links name their files),
## for reviewers to download from a pull request
preview: $(VENV)/.build
	$(TORV) build --for-files $(ARGS)

## make assemble ARGS="shards/*": put languages built apart (make build ARGS="--lang sv --out shards/sv") together
assemble: $(VENV)/.build
	$(TORV) assemble $(ARGS)

## make serve: live preview on http://127.0.0.1:8000 that rebuilds when content changes
serve: $(VENV)/.build
	$(TORV) serve $(ARGS)

## make schemas: write the JSON Schemas for editors (scripts/schemas/)
schemas: $(VENV)/.build
	$(TORV) schemas

## make news TITLE="...": a new news item dated today, one file per language (SUMMARY="..." optional)
news: $(VENV)/.build
	@$(TORV) new news --summary "$$SUMMARY" $(ARGS) -- "$$TITLE"

## make meeting TITLE="..." START="2026-12-03 08:30": a new meeting (END="...", LOCATION="..." optional);
## START="2027-01-28" (a date alone): a meeting that lasts all day
meeting: $(VENV)/.build
	@$(TORV) new meeting --summary "$$SUMMARY" --start "$$START" --end "$$END" --location "$$LOCATION" $(ARGS) -- "$$TITLE"

## make commitment PILLAR=dialog TEXT="...": add a planned commitment to a pillar in every language
commitment: $(VENV)/.build
	@$(TORV) new commitment $(ARGS) -- "$$PILLAR" "$$TEXT"

# The W3C Nu HTML validator and Lighthouse, pinned in package-lock.json. --ignore-scripts: vnu-jar's
# install script would download a Java runtime from GitHub when none is found; ensure-tools.sh installs one.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

## make test: install what the tests need (Chromium, Java, Node packages too), then run them all, one worker per
## core (pytest-xdist; each worker builds the fixture sites once)
test: $(VENV)/.test
	@bash scripts/ensure-tools.sh
	@$(MAKE) --no-print-directory node_modules/.installed
	$(BIN)/python -m pytest -n auto $(ARGS)

# The tests that build and check the site: run once more on the site Zensical renders, and the parity test;
# the Content-Security-Policy and the hostile corpus too (a renderer's own markup can open a path).
ZENSICAL_TESTS := tests/test_site.py tests/test_feeds.py tests/test_edit_link.py tests/test_statement.py \
                  tests/test_links.py tests/test_html_valid.py tests/test_a11y.py tests/test_privacy.py \
                  tests/test_body_content.py tests/test_meetings.py tests/test_parity.py tests/test_csp.py \
                  tests/test_hostile.py

## make test-zensical: the site tests, browser and security checks on the site built with Zensical, and the parity test
test-zensical: $(VENV)/.test $(VENV)/.zensical
	@bash scripts/ensure-tools.sh
	@$(MAKE) --no-print-directory node_modules/.installed
	TORV_RENDERER=zensical $(BIN)/python -m pytest -n auto $(ZENSICAL_TESTS) $(ARGS)

## make lighthouse: Lighthouse (mobile) on four pages; summary in tests/artifacts/lighthouse/ (not in `make test`;
## a developer's tool, so not a `torv` command: python -m torv.lighthouse --help)
lighthouse: $(VENV)/.build
	@bash scripts/ensure-tools.sh
	@$(MAKE) --no-print-directory node_modules/.installed
	$(BIN)/python -m torv.lighthouse $(ARGS)

clean:
	rm -rf site site-preview build .pytest_cache

## make bench: build a generated archive (N = 100, 300, 1000) with Torv and with plain Material +
## mkdocs-static-i18n, alternating; print speed, memory and size figures (ARGS="--items 300 --runs 1").
## Installs what the tests need: requirements-bench.txt (the baseline), Playwright and Chromium (page weight, serve)
bench: $(VENV)/.test
	@bash scripts/ensure-tools.sh
	$(TORV) bench $(ARGS)
