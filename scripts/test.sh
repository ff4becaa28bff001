#!/usr/bin/env bash
# Runs every test: installs dependencies, builds the control-plane tools and the project, starts the
# local control plane and AWS emulator (unless one is already running), runs CTest (unit and
# integration), and stops what it started. Prints how long each phase took.
#
# Usage: scripts/test.sh [ctest args...]     e.g. scripts/test.sh -L unit    or    -R crds
# Environment: BUILD_DIR (default build), PRESET (default "default"; "asan" for sanitizers).
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

PRESET="${PRESET:-default}"
BUILD_DIR="${BUILD_DIR:-$REPO_ROOT/build$([[ $PRESET == default ]] || echo "-$PRESET")}"
declare -a PHASES=()
phase() {  # name command...
  local name="$1" start=$SECONDS; shift
  log "== $name"
  "$@"
  PHASES+=("$(printf '%-22s %5ds' "$name" $((SECONDS - start)))")
}
report() {
  printf '\nphase timings:\n' >&2
  printf '  %s\n' "${PHASES[@]}" >&2
}
trap report EXIT

phase "install dependencies" "$REPO_ROOT/scripts/install-deps.sh"
phase "build tools" "$REPO_ROOT/scripts/build-tools.sh"
phase "configure" cmake --preset "$PRESET" -S "$REPO_ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE="$([[ $PRESET == asan ]] && echo Debug || echo RelWithDebInfo)"
phase "build" cmake --build "$BUILD_DIR" -j "$(nproc)"

started_harness=0
if [[ -z ${PLATFORM_OPERATOR_HARNESS_ENV:-} ]] || [[ ! -f ${PLATFORM_OPERATOR_HARNESS_ENV} ]]; then
  export PLATFORM_OPERATOR_HARNESS_ENV="$BUILD_DIR/harness.env"
  phase "start harness" "$REPO_ROOT/scripts/harness-up.sh" --env-file "$PLATFORM_OPERATOR_HARNESS_ENV"
  started_harness=1
fi
stop_harness() {
  ((started_harness)) && "$REPO_ROOT/scripts/harness-down.sh" --env-file "$PLATFORM_OPERATOR_HARNESS_ENV" || true
  report
}
trap stop_harness EXIT

# One CTest run: unit tests in parallel, integration tests one at a time (they hold the "harness"
# resource lock because they share one control plane).
phase "tests" ctest --test-dir "$BUILD_DIR" -j "$(nproc)" --output-on-failure --timeout 900 "$@"
