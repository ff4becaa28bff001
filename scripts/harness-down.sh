#!/usr/bin/env bash
# Stops everything scripts/harness-up.sh started, by PID, and removes its temporary folder.
# Usage: scripts/harness-down.sh [--env-file PATH | --dir HARNESS_DIR]
# With HARNESS_KEEP_LOGS=1 the folder's logs/ are kept for inspection.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

ENV_FILE="$REPO_ROOT/.harness.env"
DIR=""
while (($#)); do
  case "$1" in
    --env-file) ENV_FILE="$2"; shift 2 ;;
    --dir) DIR="$2"; shift 2 ;;
    -h|--help) sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done
if [[ -z $DIR ]]; then
  [[ -f $ENV_FILE ]] || { log "no harness env file at $ENV_FILE: nothing to stop"; exit 0; }
  DIR=$(source "$ENV_FILE" && echo "$HARNESS_DIR")
fi
[[ -d $DIR/pids ]] || { log "no harness at $DIR"; rm -f "$ENV_FILE"; exit 0; }

# Stops in reverse dependency order; waits up to 10 s for each, then kills it.
order=(kwok kube-scheduler kube-controller-manager kube-apiserver etcd moto postgres redis)
for f in "$DIR"/pids/*.pid; do
  name=$(basename "$f" .pid)
  [[ " ${order[*]} " == *" $name "* ]] || order+=("$name")
done
for name in "${order[@]}"; do
  pidfile="$DIR/pids/$name.pid"
  [[ -f $pidfile ]] || continue
  pid=$(cat "$pidfile")
  # Children first (e.g. runuser's postgres, env's python), then the process itself.
  pids="$(pgrep -P "$pid" 2>/dev/null || true) $pid"
  kill -TERM $pids 2>/dev/null || true
  for _ in $(seq 1 100); do
    alive=0
    for p in $pids; do kill -0 "$p" 2>/dev/null && alive=1; done
    ((alive)) || break
    sleep 0.1
  done
  ((alive)) && { kill -KILL $pids 2>/dev/null || true; log "$name: killed"; } || log "$name: stopped"
  rm -f "$pidfile"
done

env_file_path=$(cat "$DIR/env-file-path" 2>/dev/null || echo "$ENV_FILE")
[[ -f $env_file_path ]] && grep -q "HARNESS_DIR='$DIR'" "$env_file_path" && rm -f "$env_file_path"
if [[ ${HARNESS_KEEP_LOGS:-0} == 1 ]]; then
  find "$DIR" -mindepth 1 -maxdepth 1 ! -name logs -exec rm -rf {} +
  log "logs kept in $DIR/logs"
else
  rm -rf "$DIR"
fi
