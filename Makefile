# One command each: `make serve` (build + serve with live reload), `make test` (the whole suite).
# Both create .venv and install what is missing on first use.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
PYTEST_WORKERS ?= auto
# CPU by default. GPU machines: make venv EXTRAS=gpu,site,test TORCH_INDEX=https://download.pytorch.org/whl/cu126
EXTRAS ?= cpu,site,test
TORCH_INDEX ?=
export NO_MKDOCS_2_WARNING := 1
# matplotlib's font cache inside the checkout: fresh when fonts are installed, nothing cached elsewhere.
export MPLCONFIGDIR := $(CURDIR)/.cache/matplotlib

# Translators' preview: the site tools alone (no PyTorch, no TensorFlow, no numpy) in their own venv.
PREVIEW_VENV := .venv-preview
PREVIEW_BIN := $(PREVIEW_VENV)/bin
PREVIEW_INSTALLED := $(PREVIEW_VENV)/.installed
CHECK_PYTHON = @$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "Python 3.11 is needed, found " + sys.version' \
		|| { echo "Set PYTHON=/path/to/python3.11"; exit 1; }

.PHONY: venv system-deps serve build test test-gpu test-fast translations preview clean

venv: $(INSTALLED)

$(INSTALLED): pyproject.toml
	$(CHECK_PYTHON)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(if $(TORCH_INDEX),$(BIN)/python -m pip install --quiet torch==2.13.0 --index-url $(TORCH_INDEX))
	$(BIN)/python -m pip install --quiet -e ".[$(EXTRAS)]"
	touch $@

# Fonts for Bengali and Devanagari text in figures; Chromium for the browser tests.
system-deps:
	@bash .ci/system-deps

# axe-core (accessibility checks injected into pages) and lighthouse (bench/), from the npm registry.
BROWSER_TOOLS := tests/browser/node_modules/.installed
$(BROWSER_TOOLS): tests/browser/package.json tests/browser/package-lock.json
	cd tests/browser && npm ci --no-audit --no-fund --loglevel=error
	touch $@

serve: venv system-deps
	$(BIN)/mkdocs serve

build: venv system-deps
	$(BIN)/mkdocs build --strict

test: venv system-deps $(BROWSER_TOOLS)
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile

# The suite on the GPU: every snippet and test uses CUDA; fails at once on a machine without one.
test-gpu: venv
	LESSON_DEVICE=cuda $(BIN)/python -m pytest -n 1 -m "not site and not browser" -rs

# Everything but the site build and browser tests: for a quick check while writing snippets.
test-fast: venv
	$(BIN)/python -m pytest -n $(PYTEST_WORKERS) --dist loadfile -m "not site and not browser"

# Translators: the site with live reload at http://127.0.0.1:8000, without the frameworks. No snippet runs:
# figures and printed output come from the figure cache where it has them, else a labelled placeholder.
# The lesson's own code (lessonkit/) is used from the checkout (PYTHONPATH), not installed: a quicker first start.
preview: $(PREVIEW_INSTALLED)
	LESSON_FIGURES=cached PYTHONPATH=$(CURDIR) $(PREVIEW_BIN)/mkdocs serve

$(PREVIEW_INSTALLED): pyproject.toml
	$(CHECK_PYTHON)
	$(PYTHON) -m venv $(PREVIEW_VENV)
	PYTHONPATH=. $(PREVIEW_BIN)/python -c 'from lessonkit.requirements import extra_requirements; print(*extra_requirements("site"), sep="\n")' \
		> $(PREVIEW_VENV)/site-requirements.txt
	$(PREVIEW_BIN)/python -m pip install --quiet -r $(PREVIEW_VENV)/site-requirements.txt
	touch $@

# Translators: status table of every page and language, then every check on the translated pages.
translations: venv
	$(BIN)/lessonkit translations status
	$(BIN)/lessonkit translations check
	$(BIN)/lessonkit translations first-use

clean:
	rm -rf site .cache
