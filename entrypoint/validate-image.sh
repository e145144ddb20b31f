#!/usr/bin/env bash
# Checks a worker image against the EMR release it is for, with AWS's
# amazon-emr-serverless-image-cli (install it as AWS documents; it is not on PyPI).
#
#   entrypoint/validate-image.sh IMAGE [RELEASE]
#
# RELEASE defaults to the deployment's default release (statemachines/contract.json).
# Exit codes: 0 valid, 1 the CLI found problems, 2 usage, 77 skipped (no Docker engine, or no CLI),
# with the reason on stderr.
set -euo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: $0 IMAGE [RELEASE]" >&2
  exit 2
fi
image=$1
root="$(cd "$(dirname "$0")/.." && pwd)"
release=${2:-$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["defaultReleaseLabel"])' \
  "$root/statemachines/contract.json")}

if ! command -v docker > /dev/null 2>&1; then
  echo "skipped: no docker command on this machine" >&2
  exit 77
fi
if ! docker info > /dev/null 2>&1; then
  echo "skipped: no Docker engine answers (docker info failed)" >&2
  exit 77
fi
if ! command -v amazon-emr-serverless-image >/dev/null 2>&1; then
  echo "skipped: amazon-emr-serverless-image-cli is not installed (see AWS's EMR Serverless custom image guide)" >&2
  exit 77
fi

amazon-emr-serverless-image validate-image -r "$release" -t spark -i "$image"
