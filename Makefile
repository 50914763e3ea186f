# Torv: how people run it. On a fresh clone, `make build` and `make test` are the only two commands needed.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
ARGS   ?=

.PHONY: validate build serve test schemas bench clean

$(VENV)/.build: requirements.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --upgrade pip
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements.txt
	touch $@

$(VENV)/.test: $(VENV)/.build requirements-test.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements-test.txt
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

## make test: install what the tests need (Chromium too), then run them all
test: $(VENV)/.test
	@bash scripts/ensure-chromium.sh
	$(BIN)/python -m pytest $(ARGS)

clean:
	rm -rf site build .pytest_cache

## make bench: print speed and size figures (not part of the tests)
bench: $(VENV)/.build
	$(BIN)/python scripts/bench.py $(ARGS)
