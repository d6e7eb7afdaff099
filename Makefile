# One-command set-up: the first `make report` or `make test` creates .venv and installs verify into it.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: report test clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# torch first, pinned to the CPU build, so that nothing later resolves a multi-GB CUDA build.
	$(PY) -m pip install --quiet "torch==2.13.0"
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

report: $(STAMP)
	$(VENV)/bin/verify report seeds/ --out reports/

test: $(STAMP)
	HF_HUB_OFFLINE=1 $(PY) -m pytest -q
	HF_HUB_OFFLINE=1 $(VENV)/bin/verify check seeds/

clean:
	rm -rf $(VENV) .verify-cache
