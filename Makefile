# Entry points (see README): `make run`, `make test`, and for developers `make check` (fast tier),
# `make lint` and `make bench`. Everything they need is installed here from pinned files: Python
# into .venv (requirements.txt), Node tools with npm ci (package-lock.json files), Java by Maven.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
# npm ci for the connector's protos runs once here (connector/node_modules), not in every build.
MVN := mvn -B -Dstyle.color=never -DskipNpm=true
EXAMPLE ?= examples/wordcount/job-request.json

.PHONY: run test check lint bench setup build cli synth clean lock-python

# AWS's Lambda runtime interface emulator, built from its Go module (the proxy serves only this
# pseudo-version of it; the repository's own tags are not semver).
RIE_VERSION := v0.0.0-20261030222936-bef5c4ba774d
RIE := .local/bin/aws-lambda-rie

setup: $(VENV)/.installed node_modules/.installed infra-cdk/node_modules/.installed \
	connector/node_modules/.installed $(RIE)

$(RIE):
	GOBIN=$(CURDIR)/.local/bin go install github.com/aws/aws-lambda-runtime-interface-emulator/cmd/aws-lambda-rie@$(RIE_VERSION)

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

node_modules/.installed: package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

infra-cdk/node_modules/.installed: infra-cdk/package-lock.json
	cd infra-cdk && npm ci --no-audit --no-fund --loglevel=error
	touch $@

connector/node_modules/.installed: connector/package-lock.json
	cd connector && npm ci --no-audit --no-fund --loglevel=error
	touch $@

build: setup
	$(MVN) -q install -DskipTests

# The emr-pipeline command (docs/cli.md): cli/target/emr-pipeline-cli.jar, run by bin/emr-pipeline.
# Built through the reactor (the local pipeline it embeds needs the functions jar; the jar example is
# built beside it), nothing installed.
cli: setup
	$(MVN) -q -pl cli,examples/spark-jar -am package -DskipTests

# Runs the example job through the whole local pipeline (moto + local gateway + real Spark), with
# the command's own submit --wait (`emr-pipeline local run`).
run: cli
	bin/emr-pipeline local run $(EXAMPLE)

# The fast tier: every *Test (pure logic, the domain core and handlers with in-memory fakes,
# CDK templates). No moto, no Spark, no servers. (package: the CDK tests deploy the functions jar.)
check: connector/node_modules/.installed
	$(MVN) -q package -DskipITs -Dproguard.phase=none

# Java style (Checkstyle, run by Maven) and Python (ruff).
lint: $(VENV)/.installed
	$(MVN) -q checkstyle:check
	$(VENV)/bin/ruff check entrypoint connector/python examples

# Everything: lint, the fast tier, then the *IT tier (moto + the local gateway, real Spark,
# processes, gRPC) and the end-to-end scenarios, then the Python suites.
test: setup lint
	$(MVN) install
	$(VENV)/bin/python -m pytest -q entrypoint/tests
	# The Kedro example's own node tests (a local Spark), as its developers run them.
	cd examples/kedro-project && PYTHONPATH=src KEDRO_DISABLE_TELEMETRY=true ../../$(VENV)/bin/python -m pytest -q -p no:cacheprovider tests
	# The plugin's gRPC end to end (tests/e2e) needs the connector running: Maven runs it above.
	cd connector/python && ../../$(VENV)/bin/python -m pytest -q tests --ignore=tests/e2e

# Benchmarks print figures side by side with a baseline; they are not part of `make test`.
# The cold start of each function (local's ColdStartBenchmark, BENCH_RUNS fresh environments per
# function and build) runs in the Failsafe phase, after the bench profile has built the naive jar.
BENCH_RUNS ?= 5
bench: setup
	$(MVN) -q -pl connector -am install -DskipTests
	$(MVN) -pl connector surefire:test -Dtest='*Benchmark' -Dsurefire.failIfNoSpecifiedTests=false
	$(MVN) -q -Pbench -pl local -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
		-Dit.test='*Benchmark' -Dfailsafe.failIfNoSpecifiedTests=false -Dbench.runs=$(BENCH_RUNS)

# The CDK app's CloudFormation template, offline (see docs/deploy.md).
synth: build
	cd infra-cdk && npx cdk synth --quiet

clean:
	mvn -B -q clean
	rm -rf $(VENV) .local node_modules infra-cdk/node_modules infra-cdk/cdk.out connector/node_modules

# Regenerates the full pinned set after a change to requirements.in.
lock-python:
	rm -rf /tmp/emr-pipeline-lock-venv
	$(PYTHON) -m venv /tmp/emr-pipeline-lock-venv
	/tmp/emr-pipeline-lock-venv/bin/pip install --quiet --disable-pip-version-check -r requirements.in
	(echo "# Generated from requirements.in by \`make lock-python\`; do not edit by hand."; \
	 /tmp/emr-pipeline-lock-venv/bin/pip freeze --all --exclude-editable | grep -v "^pip==") > requirements.txt
