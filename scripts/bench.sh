#!/usr/bin/env bash
# Runs the benchmarks against a local control plane and AWS emulator and prints their figures:
# SigV4 signing cost and a signed call to moto (aws_sign_bench), informer sync time and memory for
# 10,000 ConfigMaps (kube_informer_bench). Uses a running harness (.harness.env) or starts its own.
# Benchmarks print figures; nothing here asserts on time.
#
# Usage: scripts/bench.sh
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

BUILD_DIR="${BUILD_DIR:-$REPO_ROOT/build}"
cmake --preset default -S "$REPO_ROOT" >/dev/null
cmake --build "$BUILD_DIR" -j "$(nproc)" --target aws_sign_bench kube_informer_bench

ENV_FILE="$REPO_ROOT/.harness.env"
started=0
if ! { [[ -f $ENV_FILE ]] && (source "$ENV_FILE" && kubectl get --raw /readyz >/dev/null 2>&1); }; then
  ENV_FILE="$BUILD_DIR/bench-harness.env"
  "$REPO_ROOT/scripts/harness-up.sh" --env-file "$ENV_FILE"
  started=1
fi
trap '((started)) && "$REPO_ROOT/scripts/harness-down.sh" --env-file "$ENV_FILE"' EXIT
source "$ENV_FILE"
export PLATFORM_OPERATOR_HARNESS_ENV="$ENV_FILE"

log "== aws_sign_bench"
"$BUILD_DIR/tests/integration/aws/aws_sign_bench"
log "== kube_informer_bench (10,000 ConfigMaps)"
"$BUILD_DIR/tests/integration/kube/kube_informer_bench" 10000
