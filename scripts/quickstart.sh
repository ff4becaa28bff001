#!/usr/bin/env bash
# The main job, on a fresh machine: installs dependencies, builds the control-plane tools and the
# operator, starts the local control plane and AWS emulator, installs the CRDs and applies the
# production MetricsPlatform sample, then prints what exists. The harness keeps running afterwards;
# stop it with scripts/harness-down.sh.
#
# Usage: scripts/quickstart.sh [--namespace NAME]
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

NAMESPACE=platform-demo
while (($#)); do
  case "$1" in
    --namespace) NAMESPACE="$2"; shift 2 ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done

begin=$SECONDS
step() { log "== $*"; }

step "1/6 dependencies"; "$REPO_ROOT/scripts/install-deps.sh"
step "2/6 control-plane tools (cached after the first run)"; "$REPO_ROOT/scripts/build-tools.sh"
step "3/6 operator build"
cmake --preset default -S "$REPO_ROOT" >/dev/null
cmake --build "$REPO_ROOT/build" -j "$(nproc)" --target platform-operator
step "4/6 local control plane and AWS emulator"
if [[ -f $REPO_ROOT/.harness.env ]] && (source "$REPO_ROOT/.harness.env" && kubectl get --raw /readyz >/dev/null 2>&1); then
  log "reusing the running harness ($REPO_ROOT/.harness.env)"
else
  "$REPO_ROOT/scripts/harness-up.sh"
fi
source "$REPO_ROOT/.harness.env"

step "5/6 CRDs"
kubectl apply -f "$REPO_ROOT/crds/"
kubectl wait --for condition=Established --timeout=60s \
  crd/metricsplatforms.platform.startup-metrics.com crd/databaseclusters.platform.startup-metrics.com \
  crd/cacheclusters.platform.startup-metrics.com

step "6/6 production platform"
kubectl create namespace "$NAMESPACE" --dry-run=client -o yaml | kubectl apply -f -
kubectl apply -n "$NAMESPACE" -f "$REPO_ROOT/crds/samples/metricsplatform-production.yaml"

echo
kubectl get mp,dbc,cc -n "$NAMESPACE" -o wide
echo
kubectl get nodes -L topology.kubernetes.io/zone
echo
log "done in $((SECONDS - begin))s. The harness keeps running:"
log "  source $REPO_ROOT/.harness.env    # kubectl and awscli now talk to it"
log "  scripts/harness-down.sh           # stop it"
