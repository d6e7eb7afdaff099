# One-command set-up: the first `make report` or `make test` creates .venv and installs verify into it.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: report test clean chromium screenshot

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# torch first, pinned to the CPU build, so that nothing later resolves a multi-GB CUDA build.
	$(PY) -m pip install --quiet "torch==2.13.0"
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# Offline like `make test`: both models ship inside pip packages, nothing is fetched from a hub.
report: $(STAMP)
	HF_HUB_OFFLINE=1 $(VENV)/bin/verify report seeds/ --out reports/

# The HTML report's browser tests drive Debian's Chromium (never a downloaded browser).
chromium:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; } \
		|| echo "could not install chromium (apt-get install -y chromium): browser tests will be skipped"

test: $(STAMP) chromium
	$(VENV)/bin/ruff check verify tests
	$(VENV)/bin/mypy
	HF_HUB_OFFLINE=1 $(PY) -m pytest -q
	HF_HUB_OFFLINE=1 $(VENV)/bin/verify check seeds/

screenshot: $(STAMP) chromium
	$(PY) docs/make_screenshot.py

clean:
	rm -rf $(VENV) .verify-cache
