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
phase() {  # name command...; returns the command's exit code
  local name="$1" start=$SECONDS rc=0; shift
  log "== $name"
  "$@" || rc=$?
  PHASES+=("$(printf '%-22s %5ds' "$name" $((SECONDS - start)))")
  return "$rc"
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
  if ((started_harness)); then
    "$REPO_ROOT/scripts/harness-down.sh" --env-file "$PLATFORM_OPERATOR_HARNESS_ENV" || true
    started_harness=0
  fi
  report
}
trap stop_harness EXIT

# One CTest run: unit tests in parallel, integration tests one at a time (they hold the "harness"
# resource lock because they share one control plane).
run_ctest() {
  local rc=0
  ctest --test-dir "$BUILD_DIR" -j "$(nproc)" --output-on-failure --timeout 900 "$@" 2>&1 |
    tee "$BUILD_DIR/ctest.log" || rc=$?
  return "$rc"
}
summary() {
  local line passed total
  line=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$BUILD_DIR/ctest.log" | tail -n 1) || true
  [[ -n $line ]] || return 0
  total=$(sed -E 's/.* out of ([0-9]+).*/\1/' <<<"$line")
  failed=$(sed -E 's/.*passed, ([0-9]+) tests? failed.*/\1/' <<<"$line")
  passed=$((total - failed))
  echo "tests: $passed passed, $failed failed"
}
rc=0
phase "tests" run_ctest "$@" || rc=$?
stop_harness
trap - EXIT
summary
exit "$rc"
