# One-command set-up: the first `make report` or `make test` creates .venv and installs verify into it.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: report test check eval clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	# torch first, pinned to the CPU build, so nothing later resolves a CUDA build.
	$(PY) -m pip install --quiet "torch==2.13.0"
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

report: $(STAMP)
	$(VENV)/bin/verify report seeds/ --out reports/

test: $(STAMP)
	$(PY) -m pytest -q
	$(VENV)/bin/verify eval tests/data/dev/gold.json tests/data/dev/articles
	$(VENV)/bin/verify eval tests/data/seeds_gold.json seeds/

clean:
	rm -rf $(VENV) .verify-cache
