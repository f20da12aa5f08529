# kgbuild: `make demo` and `make test` work on a fresh machine with Python 3.11 and pip.
PYTHON ?= python3
VENV   ?= .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
DEMO_STORE ?= .cache/demo-kg
PYTEST_ARGS ?=
# test files run in this many pytest-xdist workers, each file's tests in one worker (its servers and
# module fixtures once); 1 runs the suite in one process
PYTEST_WORKERS ?= 2

.PHONY: demo test bench install clean lint

$(STAMP): pyproject.toml
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install -q --upgrade pip setuptools wheel
	@$(PY) -m pip install -q -e '.[dev]'
	@touch $@

install: $(STAMP)

include mk/servers.mk

demo: $(STAMP)
	@rm -rf $(DEMO_STORE)
	$(VENV)/bin/kgbuild build examples/ --store $(DEMO_STORE) --quiet
	@echo
	@echo "Headline query: attacks on state-affiliated forces"
	$(VENV)/bin/kgbuild query attacks-on-state-affiliated-forces --store $(DEMO_STORE) --format table

test: $(STAMP) test-servers
	@$(PY) -m pytest $(if $(filter-out 0 1,$(PYTEST_WORKERS)),-n $(PYTEST_WORKERS) --dist loadfile) $(PYTEST_ARGS); status=$$?; \
	if [ $$status -eq 5 ]; then echo "pytest ran no test: failing"; exit 1; fi; exit $$status

bench: $(STAMP)
	$(PY) benchmarks/run_all.py $(if $(QUICK),--quick) $(if $(FULL),--full)

clean:
	rm -rf $(VENV) .cache build dist *.egg-info .pytest_cache
