# regkg developer commands. Only python3 (and bash, make) are needed on a fresh clone.
PY ?= python3
VENV ?= .venv
SEEDS ?= ../shared/seeds
GOLD ?= ../shared/gold
export KG_SEEDS_DIR ?= $(abspath $(SEEDS))
export KG_GOLD_DIR ?= $(abspath $(GOLD))
BIN = $(VENV)/bin

.PHONY: install demo test test-deps lint bench clean

$(BIN)/.installed: setup.cfg pyproject.toml setup.py
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

install: $(BIN)/.installed

## The main job: read the seed reports into the embedded graph and show what they say.
demo: $(BIN)/.installed
	bash scripts/demo.sh $(SEEDS)

## Tests need the Neo4j Cypher parser (npm) and headless Chromium (Debian) besides Python packages.
test-deps: $(BIN)/.installed
	bash scripts/test-deps.sh

test: test-deps
	$(BIN)/ruff check .
	$(BIN)/pytest -q

lint: $(BIN)/.installed
	$(BIN)/ruff check .

## Benchmarks on synthetic corpora (bench/README.md), e.g. make bench BENCH_ARGS="--sizes 100 --profile".
bench: $(BIN)/.installed
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) kg-data node_modules *.egg-info build regkg_native__mypyc.*.so kg/native_build.json
	find kg loaders -name '*.so' -delete  # a compiled build's modules (setup.py)
