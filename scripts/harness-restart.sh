#!/usr/bin/env bash
# Stops one component of a running harness by PID and starts it again with the same command line,
# for failure tests (e.g. kube-apiserver killed mid-watch). Waits until it is healthy again.
#
# Usage: scripts/harness-restart.sh COMPONENT [--dir HARNESS_DIR] [--down-seconds N] [--signal KILL|TERM]
#   COMPONENT: kube-apiserver, etcd, moto, kube-controller-manager, kube-scheduler, kwok, postgres, redis
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

NAME="${1:-}"; shift || true
DIR="${HARNESS_DIR:-}"
DOWN=2
SIGNAL=KILL
while (($#)); do
  case "$1" in
    --dir) DIR="$2"; shift 2 ;;
    --down-seconds) DOWN="$2"; shift 2 ;;
    --signal) SIGNAL="$2"; shift 2 ;;
    *) die "unknown argument $1 (see the header of $0)" ;;
  esac
done
[[ -n $NAME ]] || die "usage: $0 COMPONENT [--dir HARNESS_DIR] [--down-seconds N] [--signal KILL|TERM]"
[[ -n $DIR && -f $DIR/cmd/$NAME && -f $DIR/pids/$NAME.pid ]] || die "no harness component $NAME in '${DIR}'"

pid=$(cat "$DIR/pids/$NAME.pid")
pids="$(pgrep -P "$pid" 2>/dev/null || true) $pid"
kill "-$SIGNAL" $pids 2>/dev/null || true
for _ in $(seq 1 100); do
  alive=0
  for p in $pids; do kill -0 "$p" 2>/dev/null && alive=1; done
  ((alive)) || break
  sleep 0.1
done
((alive)) && kill -KILL $pids 2>/dev/null || true
log "$NAME: stopped (SIG$SIGNAL); down for ${DOWN}s"
sleep "$DOWN"

echo "--- restarted by harness-restart.sh" >>"$DIR/logs/$NAME.log"
eval "nohup $(cat "$DIR/cmd/$NAME") >>'$DIR/logs/$NAME.log' 2>&1 &"
echo $! >"$DIR/pids/$NAME.pid"

start_time=$SECONDS
case "$NAME" in
  kube-apiserver) check="'$TOOLS_CACHE/kubernetes-$KUBERNETES_VERSION/bin/kubectl' --kubeconfig '$DIR/admin.kubeconfig' get --raw /readyz" ;;
  *) check="kill -0 $(cat "$DIR/pids/$NAME.pid")" ;;
esac
wait_for "$check" 120 || die "$NAME did not become healthy again within 120s"
log "$NAME: healthy again after $((SECONDS - start_time))s"
