# Two entry points (see README): `make run` and `make test`. Everything they need is installed
# here, from pinned files: Python into .venv (requirements.txt), Node tools with npm ci
# (package-lock.json), Java dependencies by Maven.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
MVN := mvn -B -q -Dstyle.color=never
EXAMPLE ?= examples/wordcount/job-request.json

.PHONY: run test setup build synth clean lock-python

setup: $(VENV)/.installed node_modules/.installed infra-cdk/node_modules/.installed

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

build: setup
	$(MVN) install -DskipTests

# Runs the example job through the whole local pipeline (moto + local gateway + real Spark).
run: setup
	$(MVN) -pl tests -am install -DskipTests
	$(MVN) -pl tests exec:java -Dexec.mainClass=io.emrpipeline.local.LocalRun -Dexec.args="$(EXAMPLE)"

# The whole suite: Java unit, integration and end-to-end tests (Maven: functions, the local
# pipeline scenarios, ASL validation, the CDK app, the connector with its Python gRPC end to end),
# then the pytest suites of the bootstrap and the Flyte plugin.
test: setup
	mvn -B -Dstyle.color=never install
	$(VENV)/bin/python -m pytest -q entrypoint/tests
	# The plugin's gRPC end to end (tests/e2e) needs the connector running: Maven runs it above.
	cd connector/python && ../../$(VENV)/bin/python -m pytest -q tests --ignore=tests/e2e

# The CDK app's CloudFormation template, offline (see docs/deploy.md).
synth: build
	cd infra-cdk && npx cdk synth --quiet

clean:
	mvn -B -q clean
	rm -rf $(VENV) node_modules infra-cdk/node_modules infra-cdk/cdk.out connector/node_modules

# Regenerates the full pinned set after a change to requirements.in.
lock-python:
	rm -rf /tmp/emr-pipeline-lock-venv
	$(PYTHON) -m venv /tmp/emr-pipeline-lock-venv
	/tmp/emr-pipeline-lock-venv/bin/pip install --quiet --disable-pip-version-check -r requirements.in
	(echo "# Generated from requirements.in by \`make lock-python\`; do not edit by hand."; \
	 /tmp/emr-pipeline-lock-venv/bin/pip freeze --all --exclude-editable | grep -v "^pip==") > requirements.txt
