# Torv: how people run it. On a fresh clone, `make build` and `make test` are the only two commands needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ARGS   ?=

.PHONY: validate build serve test test-zensical schemas bench clean news meeting commitment lighthouse

$(VENV)/.build: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test: $(VENV)/.build requirements-test.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements-test.txt
	touch $@

# The second renderer, optional (README: Renderers).
$(VENV)/.zensical: $(VENV)/.build requirements-zensical.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements-zensical.txt
	touch $@

## make validate: check all content (ARGS="--strict" or "--format github")
validate: $(VENV)/.build
	$(BIN)/python scripts/validate.py $(ARGS)

## make build: validate, then build site/ for every language
build: $(VENV)/.build
	$(BIN)/python scripts/build.py $(ARGS)

## make serve: live preview on http://127.0.0.1:8000 that rebuilds when content changes
serve: $(VENV)/.build
	$(BIN)/python scripts/serve.py $(ARGS)

## make schemas: write the JSON Schemas for editors (scripts/schemas/)
schemas: $(VENV)/.build
	$(BIN)/python scripts/schemas.py

## make news TITLE="...": a new news item dated today, one file per language (SUMMARY="..." optional)
news: $(VENV)/.build
	@$(BIN)/python scripts/new.py news --summary "$$SUMMARY" $(ARGS) -- "$$TITLE"

## make meeting TITLE="..." START="2026-12-03 08:30": a new meeting (END="...", LOCATION="..." optional)
meeting: $(VENV)/.build
	@$(BIN)/python scripts/new.py meeting --summary "$$SUMMARY" --start "$$START" --end "$$END" --location "$$LOCATION" $(ARGS) -- "$$TITLE"

## make commitment PILLAR=dialog TEXT="...": add a planned commitment to a pillar in every language
commitment: $(VENV)/.build
	@$(BIN)/python scripts/new.py commitment $(ARGS) -- "$$PILLAR" "$$TEXT"

# The W3C Nu HTML validator and Lighthouse, pinned in package-lock.json. --ignore-scripts: vnu-jar's
# install script would download a Java runtime from GitHub when none is found; ensure-tools.sh installs one.
node_modules/.installed: package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

## make test: install what the tests need (Chromium, Java, Node packages too), then run them all
test: $(VENV)/.test
	@bash scripts/ensure-tools.sh
	@$(MAKE) --no-print-directory node_modules/.installed
	$(BIN)/python -m pytest $(ARGS)

# The tests that build and check the site: run once more on the site Zensical renders, and the parity test.
ZENSICAL_TESTS := tests/test_site.py tests/test_feeds.py tests/test_edit_link.py tests/test_statement.py \
                  tests/test_links.py tests/test_html_valid.py tests/test_a11y.py tests/test_privacy.py \
                  tests/test_parity.py

## make test-zensical: the site tests and browser checks on the site built with Zensical, and the parity test
test-zensical: $(VENV)/.test $(VENV)/.zensical
	@bash scripts/ensure-tools.sh
	@$(MAKE) --no-print-directory node_modules/.installed
	TORV_RENDERER=zensical $(BIN)/python -m pytest $(ZENSICAL_TESTS) $(ARGS)

## make lighthouse: Lighthouse (mobile) on four pages; summary in tests/artifacts/lighthouse/ (not in `make test`)
lighthouse: $(VENV)/.build
	@bash scripts/ensure-tools.sh
	@$(MAKE) --no-print-directory node_modules/.installed
	$(BIN)/python scripts/lighthouse.py $(ARGS)

clean:
	rm -rf site build .pytest_cache

## make bench: print speed and size figures (not part of the tests)
bench: $(VENV)/.build
	$(BIN)/python scripts/bench.py $(ARGS)
