# The single entry point. `make help` lists the targets; every target installs what it needs.
.DEFAULT_GOAL := help
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Where `make build` writes: the hosted site, the offline copy (unzipped), the downloads.
SITE_DIR ?= site
OFFLINE_DIR ?= build/offline
DIST_DIR ?= dist
# The download files' name; `make edition` adds the edition's date (src/publish/downloads.py).
NAME := china-russia-allies
# Same input, same bytes: dates in the build come from the last commit, not the clock.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 315532800)
# Material's end-of-life banner is printed on every build; it is known and not ours to act on.
export NO_MKDOCS_2_WARNING := 1
# Debian packages the test suite drives (command -> package).
SYSTEM_TOOLS := chromium:chromium pdftotext:poppler-utils java:default-jre-headless
# Debian packages found by a file they install (file:package): the preview cards' font and Cairo.
SYSTEM_FILES := /usr/share/fonts/truetype/roboto/unhinted/RobotoTTF/Roboto-Regular.ttf:fonts-roboto-unhinted \
  /usr/share/doc/libcairo2/copyright:libcairo2
# Where Material's social plugin keeps its font and drawn cards (mkdocs.yml: plugins, social).
CARD_CACHE := build/social-cache

.PHONY: help deps system-deps serve build pdf edition test check lint format pre-commit bench linkcheck-external anchors lock clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-20s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# The locked packages (hashed), then the project's own code in src/, editable and without
# dependencies: MkDocs finds its plugin (mkdocs_adapter) by the entry point in pyproject.toml.
$(VENV)/.installed: requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11, 5))' || { \
	  echo "Python >= 3.11.5 is needed (pymdown-extensions 13); found $$($(PYTHON) --version)." \
	       "Run make with PYTHON=/path/to/python3.11+"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@touch $@

node_modules/.installed: package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed: apt-get install -y nodejs npm"; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	@touch $@

deps: $(VENV)/.installed node_modules/.installed ## Install Python packages (hashed lock) and npm packages

system-deps: ## Install the Debian packages the tests drive (as root), or print the line to run
	@missing=""; for pair in $(SYSTEM_TOOLS); do \
	  command -v "$${pair%%:*}" >/dev/null || missing="$$missing $${pair##*:}"; done; \
	for pair in $(SYSTEM_FILES); do \
	  [ -e "$${pair%%:*}" ] || missing="$$missing $${pair##*:}"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "Installing Debian packages:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else \
	    echo "Missing Debian packages:$$missing. Install them with:"; \
	    echo "  sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi

serve: deps ## Serve the site with live reload on http://127.0.0.1:8000 (restart it after editing src/)
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000 --livereload

# The downloads first, then the hosted site, which publishes them in downloads/ with their sizes
# (src/mkdocs_adapter/download_links.py; the file names there follow NAME), and every frozen edition in editions/.
# tools/build_formats.py runs the two strict builds in one process (the second reuses the first's work).
build: deps system-deps ## Strict build: offline copy zipped and the PDF in dist/, then the hosted site (with the editions) in site/
	rm -rf $(SITE_DIR) $(OFFLINE_DIR) $(DIST_DIR)
	$(BIN)/python tools/card_fonts.py $(CARD_CACHE)
	$(BIN)/python tools/build_formats.py --site-dir $(SITE_DIR) --offline-dir $(OFFLINE_DIR) --dist-dir $(DIST_DIR) --name $(NAME)

pdf: deps ## Print the one-page version to dist/ as a PDF with headless Chromium (builds the offline copy)
	OFFLINE=true $(BIN)/mkdocs build --strict --site-dir $(OFFLINE_DIR)
	$(BIN)/python tools/print_pdf.py $(OFFLINE_DIR)/one-page.html $(DIST_DIR)/$(NAME).pdf

# An edition is built from the last commit (git archive), never from the working tree; see
# tools/edition.py. EDITION_SUMMARY is asked for when not given.
edition: deps system-deps ## Freeze the committed content as editions/EDITION_DATE/ (default today): make edition EDITION_DATE=YYYY-MM-DD EDITION_SUMMARY='...'
	$(BIN)/python tools/edition.py cut --date "$(EDITION_DATE)"

test: deps system-deps lint ## Run the whole test suite (lint, data, built HTML, browser)
	$(BIN)/python -m pytest

# The edit loop: everything `make test` runs except the browser tests and the slow builds of copies
# of the project (pytest markers "browser" and "slow", registered in pyproject.toml).
check: deps lint ## Lint, data checks, strict builds, built-HTML checks: no browser, in about a minute
	$(BIN)/python -m pytest -q -m "not browser and not slow"

lint: deps ## Lint and check the formatting of the Python code (ruff, configured in pyproject.toml)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: deps ## Format the Python code and apply ruff's safe fixes
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

pre-commit: deps ## Install the git hook that runs ruff (lint and format) before each commit
	$(BIN)/pre-commit install

bench: deps system-deps ## Benchmark build time, page weight, Lighthouse, search speed; writes bench/results.md
	$(BIN)/python bench/run.py

# Needs the internet, so never part of `make test` or CI.
linkcheck-external: build ## Check the external links of the hosted site over the network (not in CI)
	$(BIN)/python tools/linkcheck_external.py $(SITE_DIR)

anchors: deps ## Add the new heading ids of a fresh build to anchors.txt (never removes one)
	$(BIN)/mkdocs build --strict --site-dir build/anchors
	$(BIN)/python tools/anchors.py update build/anchors anchors.txt

lock: ## Re-lock the Python dependencies from pyproject.toml (with hashes)
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install --quiet pip-tools==7.6.2
	.venv-lock/bin/pip-compile --quiet --generate-hashes --all-extras --strip-extras --allow-unsafe \
	  --no-emit-index-url --no-emit-find-links -o requirements.lock pyproject.toml
	rm -rf .venv-lock

clean: ## Remove build outputs and installed packages
	rm -rf site build dist $(VENV) node_modules .pytest_cache
