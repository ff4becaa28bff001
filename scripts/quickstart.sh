#!/usr/bin/env bash
# The main job, on a fresh machine: installs dependencies, builds the control-plane tools and the
# operator, starts the local control plane and AWS emulator, installs the CRDs, starts the operator
# in the background, applies the production MetricsPlatform sample and shows its progress until it
# is Ready (or stops with the reason after a timeout), then prints what exists in the cluster and
# in the AWS emulator.
#
# The operator and the harness keep running afterwards (so further `kubectl apply`s converge): the
# script prints the command that stops the operator (PID in build/platform-operator.pid, log in
# build/platform-operator.log); scripts/harness-down.sh stops the harness. A second run stops the
# operator the first one left before starting its own.
#
# Usage: scripts/quickstart.sh [--namespace NAME] [--timeout SECONDS] [--env-file PATH]
#                              [--build-dir DIR]
#   --env-file  the harness env file to reuse or write (default .harness.env)
#   --build-dir the CMake build folder (default build, configured with the default preset)
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

NAMESPACE=platform-demo
TIMEOUT=600
ENV_FILE="$REPO_ROOT/.harness.env"
BUILD_DIR="$REPO_ROOT/build"
while (($#)); do
  case "$1" in
    --namespace) NAMESPACE="$2"; shift 2 ;;
    --timeout) TIMEOUT="$2"; shift 2 ;;
    --env-file) ENV_FILE="$(realpath -m "$2")"; shift 2 ;;
    --build-dir) BUILD_DIR="$(realpath -m "$2")"; shift 2 ;;
    -h|--help) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done

OPERATOR_BIN="$BUILD_DIR/operator/platform-operator"
OPERATOR_PID_FILE="$BUILD_DIR/platform-operator.pid"
OPERATOR_LOG="$BUILD_DIR/platform-operator.log"

begin=$SECONDS
step() { log "== $*"; }
elapsed() { echo "$((SECONDS - begin))s"; }

# Stops the operator a previous run left, by its recorded PID, if that PID is still that binary.
stop_previous_operator() {
  [[ -f $OPERATOR_PID_FILE ]] || return 0
  local pid; pid=$(cat "$OPERATOR_PID_FILE")
  if [[ -r /proc/$pid/cmdline ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "platform-operator"; then
    log "stopping the operator a previous run left (PID $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -f "$OPERATOR_PID_FILE"
}

step "1/8 dependencies"; "$REPO_ROOT/scripts/install-deps.sh"
step "2/8 control-plane tools (cached after the first run)"; "$REPO_ROOT/scripts/build-tools.sh"
step "3/8 operator build"
if [[ $BUILD_DIR == "$REPO_ROOT/build" ]]; then
  cmake --preset default -S "$REPO_ROOT" >/dev/null
elif [[ ! -f $BUILD_DIR/CMakeCache.txt ]]; then
  cmake -S "$REPO_ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
fi
cmake --build "$BUILD_DIR" -j "$(nproc)" --target platform-operator
step "4/8 local control plane and AWS emulator"
if [[ -f $ENV_FILE ]] && (source "$ENV_FILE" && kubectl get --raw /readyz >/dev/null 2>&1); then
  log "reusing the running harness ($ENV_FILE)"
else
  "$REPO_ROOT/scripts/harness-up.sh" --env-file "$ENV_FILE"
fi
source "$ENV_FILE"

step "5/8 CRDs"
kubectl apply --server-side --force-conflicts -f "$REPO_ROOT/crds/"
kubectl wait --for condition=Established --timeout=60s \
  crd/metricsplatforms.platform.startup-metrics.com crd/databaseclusters.platform.startup-metrics.com \
  crd/cacheclusters.platform.startup-metrics.com

step "6/8 operator (background, log in $OPERATOR_LOG)"
stop_previous_operator
metrics_port=$(free_port)
health_port=$(free_port)
"$OPERATOR_BIN" --kubeconfig "$KUBECONFIG" --aws-endpoint-url "$AWS_ENDPOINT_URL" \
  --aws-region "$AWS_REGION" --metrics-bind-address "127.0.0.1:$metrics_port" \
  --health-probe-bind-address "127.0.0.1:$health_port" --log-format text >"$OPERATOR_LOG" 2>&1 &
operator_pid=$!
echo "$operator_pid" >"$OPERATOR_PID_FILE"
if ! wait_for "curl -fsS http://127.0.0.1:$health_port/readyz" 60; then
  tail -20 "$OPERATOR_LOG" >&2
  die "the operator did not become ready within 60 s (log: $OPERATOR_LOG)"
fi
log "operator running, PID $operator_pid, metrics on http://127.0.0.1:$metrics_port/metrics"

step "7/8 production platform (waiting up to ${TIMEOUT}s for Ready)"
kubectl create namespace "$NAMESPACE" --dry-run=client -o yaml | kubectl apply -f -
kubectl apply -n "$NAMESPACE" -f "$REPO_ROOT/crds/samples/metricsplatform-production.yaml"

# One line per change: phase and the status of each condition.
conditions() {
  kubectl get mp metrics -n "$NAMESPACE" -o go-template='{{with .status}}phase={{.phase}}{{range .conditions}} {{.type}}={{.status}}{{end}}{{end}}' 2>/dev/null || true
}
apply_start=$SECONDS
last=""
ready=false
while ((SECONDS - apply_start < TIMEOUT)); do
  if ! kill -0 "$operator_pid" 2>/dev/null; then
    tail -20 "$OPERATOR_LOG" >&2
    die "the operator exited (log: $OPERATOR_LOG)"
  fi
  now=$(conditions)
  if [[ $now != "$last" ]]; then
    log "  +$((SECONDS - apply_start))s ${now:-waiting for the first status}"
    last=$now
  fi
  if [[ $now == *" Ready=True"* ]]; then ready=true; break; fi
  sleep 2
done
platform_seconds=$((SECONDS - apply_start))

if ! $ready; then
  log "the platform is not Ready after ${TIMEOUT}s. Conditions that are not True:"
  kubectl get mp metrics -n "$NAMESPACE" -o go-template='{{range .status.conditions}}{{if ne .status "True"}}  {{.type}}: {{.reason}} - {{.message}}{{"\n"}}{{end}}{{end}}' >&2 || true
  log "operator log (last lines, full log in $OPERATOR_LOG):"
  tail -15 "$OPERATOR_LOG" >&2
  log "the operator keeps running; stop it with: kill $operator_pid"
  exit 1
fi

step "8/8 summary"
echo
kubectl get mp,dbc,cc,deploy,hpa,pdb -n "$NAMESPACE"
echo
echo "AWS emulator ($AWS_ENDPOINT_URL):"
for region in "$AWS_REGION" us-west-2; do
  echo "-- RDS instances in $region"
  aws rds describe-db-instances --region "$region" --output table \
    --query 'DBInstances[].{id:DBInstanceIdentifier,class:DBInstanceClass,status:DBInstanceStatus,multiAZ:MultiAZ,source:ReadReplicaSourceDBInstanceIdentifier}'
done
echo "-- ElastiCache replication groups in $AWS_REGION"
aws elasticache describe-replication-groups --region "$AWS_REGION" --output table \
  --query 'ReplicationGroups[].{id:ReplicationGroupId,status:Status,nodeType:CacheNodeType,shards:length(NodeGroups),clusterMode:ClusterEnabled}'
echo "-- S3 buckets"
aws s3api list-buckets --output table --query 'Buckets[].Name'
echo "-- CloudWatch log groups of the platform"
aws logs describe-log-groups --region "$AWS_REGION" --log-group-name-prefix "/platform/$NAMESPACE/" \
  --output table --query 'logGroups[].{name:logGroupName,retentionDays:retentionInDays}'
echo
log "production platform Ready ${platform_seconds}s after it was applied; whole run $(elapsed)."
log "Left running:"
log "  the operator, PID $operator_pid (log $OPERATOR_LOG) - stop it with: kill $operator_pid"
log "  the harness - source $ENV_FILE to use kubectl and aws; stop it with scripts/harness-down.sh --env-file $ENV_FILE"
