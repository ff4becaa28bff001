#!/usr/bin/env bash
# Starts the local control plane and AWS emulator on free loopback ports, with all data in a new
# temporary folder: etcd, kube-apiserver, kube-controller-manager, kube-scheduler, kwok (three fake
# nodes in zones us-east-1a/b/c), moto (server mode), PostgreSQL and Redis. Waits until each part is
# healthy, then writes an env file (default: <repo>/.harness.env) that scripts and tests source.
# scripts/harness-down.sh stops everything it started.
#
# Usage: scripts/harness-up.sh [--env-file PATH]
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

ENV_FILE="$REPO_ROOT/.harness.env"
while (($#)); do
  case "$1" in
    --env-file) ENV_FILE="$2"; shift 2 ;;
    -h|--help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument $1 (see --help)" ;;
  esac
done

if [[ -f $ENV_FILE ]]; then
  # shellcheck disable=SC1090
  old_dir=$(source "$ENV_FILE" && echo "${HARNESS_DIR:-}")
  if [[ -n $old_dir && -d $old_dir ]] && KUBECONFIG="$old_dir/admin.kubeconfig" \
      "$TOOLS_CACHE/kubernetes-$KUBERNETES_VERSION/bin/kubectl" get --raw /readyz >/dev/null 2>&1; then
    die "a harness is already running (env file $ENV_FILE, data in $old_dir); stop it with scripts/harness-down.sh"
  fi
fi

"$REPO_ROOT/scripts/build-tools.sh"
K8S_BIN="$TOOLS_CACHE/kubernetes-$KUBERNETES_VERSION/bin"
KWOK_BIN="$TOOLS_CACHE/kwok-$KWOK_VERSION/bin"
ETCD_BIN="$(command -v etcd || true)"
[[ -x $ETCD_BIN ]] || die "etcd not found; run scripts/install-deps.sh"

HARNESS_DIR="$(mktemp -d "${TMPDIR:-/tmp}/platform-operator-harness.XXXXXX")"
chmod 755 "$HARNESS_DIR"
mkdir -p "$HARNESS_DIR"/{pids,logs,pki,cmd}
PKI="$HARNESS_DIR/pki"
# If anything below fails, stop what was already started.
trap 'rc=$?; if ((rc)); then log "harness start failed; logs in $HARNESS_DIR/logs"; HARNESS_KEEP_LOGS=1 "$REPO_ROOT/scripts/harness-down.sh" --dir "$HARNESS_DIR" || true; fi' EXIT

# Starts a long-running process in the background, recording its PID for harness-down.sh and its
# command line for harness-restart.sh.
start() {
  local name="$1"; shift
  mkdir -p "$HARNESS_DIR/cmd"
  printf '%q ' "$@" >"$HARNESS_DIR/cmd/$name"
  nohup "$@" >"$HARNESS_DIR/logs/$name.log" 2>&1 &
  echo $! >"$HARNESS_DIR/pids/$name.pid"
}

# Fails with the last lines of a component's log when it does not become healthy in time.
await() {
  local name="$1" check="$2" timeout="${3:-60}" start_time=$SECONDS
  if ! wait_for "$check" "$timeout"; then
    tail -n 30 "$HARNESS_DIR/logs/$name.log" >&2 || true
    die "$name did not become healthy within ${timeout}s"
  fi
  log "$name: healthy after $((SECONDS - start_time))s"
}

make_pki() {
  local san="DNS:localhost,DNS:kubernetes,DNS:kubernetes.default,DNS:kubernetes.default.svc,IP:127.0.0.1,IP:10.0.0.1"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=platform-operator-harness-ca" \
    -keyout "$PKI/ca.key" -out "$PKI/ca.crt" 2>/dev/null
  issue() {  # name subject [san]
    openssl req -newkey rsa:2048 -nodes -subj "$2" -keyout "$PKI/$1.key" -out "$PKI/$1.csr" 2>/dev/null
    local ext="$PKI/$1.ext"
    echo "basicConstraints=CA:FALSE" >"$ext"
    if [[ -n ${3:-} ]]; then
      echo "subjectAltName=$3" >>"$ext"; echo "extendedKeyUsage=serverAuth" >>"$ext"
    else
      echo "extendedKeyUsage=clientAuth" >>"$ext"
    fi
    openssl x509 -req -in "$PKI/$1.csr" -CA "$PKI/ca.crt" -CAkey "$PKI/ca.key" -CAcreateserial \
      -days 2 -extfile "$ext" -out "$PKI/$1.crt" 2>/dev/null
  }
  issue apiserver "/CN=kube-apiserver" "$san"
  issue admin "/O=system:masters/CN=platform-operator-harness-admin"
  issue controller-manager "/CN=system:kube-controller-manager"
  issue scheduler "/CN=system:kube-scheduler"
  issue kwok "/O=system:masters/CN=kwok"
  openssl genrsa -out "$PKI/sa.key" 2048 2>/dev/null
  openssl rsa -in "$PKI/sa.key" -pubout -out "$PKI/sa.pub" 2>/dev/null
}

write_kubeconfig() {  # name user
  cat >"$HARNESS_DIR/$1.kubeconfig" <<KC
apiVersion: v1
kind: Config
clusters:
- name: harness
  cluster:
    server: https://127.0.0.1:$APISERVER_PORT
    certificate-authority: $PKI/ca.crt
users:
- name: $2
  user:
    client-certificate: $PKI/$2.crt
    client-key: $PKI/$2.key
contexts:
- name: harness
  context: {cluster: harness, user: $2, namespace: default}
current-context: harness
KC
}

start_etcd() {
  ETCD_PORT=$(free_port); local peer_port; peer_port=$(free_port)
  start etcd "$ETCD_BIN" --name harness --data-dir "$HARNESS_DIR/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$peer_port" --initial-advertise-peer-urls "http://127.0.0.1:$peer_port" \
    --initial-cluster "harness=http://127.0.0.1:$peer_port" --quota-backend-bytes 4294967296 \
    --snapshot-count 50000
  await etcd "curl -sf http://127.0.0.1:$ETCD_PORT/health | grep -q true" 30
}

start_apiserver() {
  APISERVER_PORT=$(free_port)
  write_kubeconfig admin admin
  write_kubeconfig controller-manager controller-manager
  write_kubeconfig scheduler scheduler
  write_kubeconfig kwok kwok
  start kube-apiserver "$K8S_BIN/kube-apiserver" \
    --etcd-servers "http://127.0.0.1:$ETCD_PORT" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$APISERVER_PORT" \
    --tls-cert-file "$PKI/apiserver.crt" --tls-private-key-file "$PKI/apiserver.key" \
    --client-ca-file "$PKI/ca.crt" \
    --service-account-issuer https://kubernetes.default.svc.cluster.local \
    --service-account-key-file "$PKI/sa.pub" --service-account-signing-key-file "$PKI/sa.key" \
    --service-cluster-ip-range 10.0.0.0/24 --authorization-mode Node,RBAC \
    --allow-privileged=true --cert-dir "$PKI" --storage-media-type application/json \
    --event-ttl 1h --feature-gates=WatchList=false
  await kube-apiserver "'$K8S_BIN/kubectl' --kubeconfig '$HARNESS_DIR/admin.kubeconfig' get --raw /readyz" 120
}

start_controllers() {
  local cm_port sched_port
  cm_port=$(free_port); sched_port=$(free_port)
  start kube-controller-manager "$K8S_BIN/kube-controller-manager" \
    --kubeconfig "$HARNESS_DIR/controller-manager.kubeconfig" \
    --authentication-kubeconfig "$HARNESS_DIR/controller-manager.kubeconfig" \
    --authorization-kubeconfig "$HARNESS_DIR/controller-manager.kubeconfig" \
    --bind-address 127.0.0.1 --secure-port "$cm_port" --leader-elect=false \
    --service-account-private-key-file "$PKI/sa.key" --root-ca-file "$PKI/ca.crt" \
    --use-service-account-credentials=true --controllers '*' \
    --cluster-signing-cert-file "$PKI/ca.crt" --cluster-signing-key-file "$PKI/ca.key" \
    --node-monitor-grace-period=5m
  start kube-scheduler "$K8S_BIN/kube-scheduler" \
    --kubeconfig "$HARNESS_DIR/scheduler.kubeconfig" \
    --authentication-kubeconfig "$HARNESS_DIR/scheduler.kubeconfig" \
    --authorization-kubeconfig "$HARNESS_DIR/scheduler.kubeconfig" \
    --bind-address 127.0.0.1 --secure-port "$sched_port" --leader-elect=false
  await kube-controller-manager "curl -skf https://127.0.0.1:$cm_port/healthz" 60
  await kube-scheduler "curl -skf https://127.0.0.1:$sched_port/healthz" 60
}

start_kwok() {
  local kwok_port; kwok_port=$(free_port)
  # kwok's client-go asks for streaming watch-lists, which need etcd's RequestWatchProgress that
  # Debian's etcd 3.4 lacks: every such watch fails and is relisted, node-lease renewals fall behind
  # and, under load, all nodes turn NotReady. The apiserver's WatchList gate is off (clients fall
  # back to list+watch) and the controller-manager's long node grace period rides out slow renewals.
  start kwok "$KWOK_BIN/kwok" --kubeconfig "$HARNESS_DIR/kwok.kubeconfig" \
    --config "$TOOLS_CACHE/kwok-$KWOK_VERSION/stages.yaml" \
    --manage-all-nodes=false --manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake \
    --manage-nodes-with-label-selector= --cidr=10.244.0.1/16 --node-ip=10.244.0.1 \
    --node-lease-duration-seconds=40 --server-address "127.0.0.1:$kwok_port"
  local zone
  for zone in us-east-1a us-east-1b us-east-1c; do
    kctl apply -f - >/dev/null <<NODE
apiVersion: v1
kind: Node
metadata:
  name: kwok-$zone
  annotations: {kwok.x-k8s.io/node: fake, node.alpha.kubernetes.io/ttl: "0"}
  labels:
    type: kwok
    kubernetes.io/hostname: kwok-$zone
    kubernetes.io/os: linux
    kubernetes.io/arch: amd64
    node.kubernetes.io/instance-type: m5.2xlarge
    topology.kubernetes.io/region: us-east-1
    topology.kubernetes.io/zone: $zone
status:
  allocatable: {cpu: "32", memory: 128Gi, pods: "110"}
  capacity: {cpu: "32", memory: 128Gi, pods: "110"}
NODE
  done
  await kwok "[ \$('$K8S_BIN/kubectl' --kubeconfig '$HARNESS_DIR/admin.kubeconfig' get nodes -l type=kwok -o jsonpath='{range .items[*]}{.status.conditions[?(@.type==\"Ready\")].status}{\"\\n\"}{end}' | grep -c True) -eq 3 ]" 60
  await kube-controller-manager "'$K8S_BIN/kubectl' --kubeconfig '$HARNESS_DIR/admin.kubeconfig' get serviceaccount default -n default" 60
}

start_moto() {
  MOTO_PORT=$(free_port)
  local server=(python3 -m moto.server)
  [[ -f $REPO_ROOT/scripts/moto_ext/server.py ]] && server=(python3 "$REPO_ROOT/scripts/moto_ext/server.py")
  start moto env MOTO_ALLOW_NONEXISTENT_REGION=false "${server[@]}" -H 127.0.0.1 -p "$MOTO_PORT"
  await moto "curl -sf http://127.0.0.1:$MOTO_PORT/moto-api/ -o /dev/null" 60
}

start_postgres() {
  PGPORT=$(free_port)
  local pgbin; pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  local run=()
  [[ $(id -u) -eq 0 ]] && run=(runuser -u postgres --)
  mkdir -p "$HARNESS_DIR/postgres" "$HARNESS_DIR/postgres-socket"
  [[ $(id -u) -eq 0 ]] && chown postgres "$HARNESS_DIR/postgres" "$HARNESS_DIR/postgres-socket"
  "${run[@]}" "$pgbin/initdb" -D "$HARNESS_DIR/postgres/data" -U postgres --auth=trust >"$HARNESS_DIR/logs/postgres-init.log" 2>&1
  start postgres "${run[@]}" "$pgbin/postgres" -D "$HARNESS_DIR/postgres/data" -p "$PGPORT" \
    -c listen_addresses=127.0.0.1 -c unix_socket_directories="$HARNESS_DIR/postgres-socket" -c fsync=off
  await postgres "'$pgbin/pg_isready' -h 127.0.0.1 -p $PGPORT" 30
}

start_redis() {
  REDIS_PORT=$(free_port)
  start redis redis-server --bind 127.0.0.1 --port "$REDIS_PORT" --save '' --appendonly no \
    --dir "$HARNESS_DIR" --daemonize no
  await redis "redis-cli -p $REDIS_PORT ping | grep -q PONG" 30
}

kctl() { "$K8S_BIN/kubectl" --kubeconfig "$HARNESS_DIR/admin.kubeconfig" "$@"; }

# The project's CustomResourceDefinitions, so the operator (and every test that runs it) finds its
# kinds served.
install_crds() {
  local files=() crd
  for crd in "$REPO_ROOT"/crds/*.yaml; do files+=(-f "$crd"); done
  kctl apply --server-side --field-manager=harness "${files[@]}" >"$HARNESS_DIR/logs/crds.log" 2>&1 ||
    die "installing the CRDs failed; see $HARNESS_DIR/logs/crds.log"
  await crds "'$K8S_BIN/kubectl' --kubeconfig '$HARNESS_DIR/admin.kubeconfig' wait --for condition=Established --timeout=5s ${files[*]}" 60
}

main() {
  local begin=$SECONDS
  log "harness data in $HARNESS_DIR"
  make_pki
  start_moto  # moto takes the longest to import; let it start while the control plane comes up
  start_etcd
  start_apiserver
  start_controllers
  install_crds
  start_kwok
  start_postgres
  start_redis
  # awscli v1 replaces AWS_ENDPOINT_URL with rds.amazonaws.com for RDS in us-east-1 (its
  # overridesslcommonname customization); this wrapper passes the emulator's endpoint explicitly.
  mkdir -p "$HARNESS_DIR/bin"
  cat >"$HARNESS_DIR/bin/aws" <<WRAP
#!/bin/sh
# Runs the AWS CLI against the harness's emulator (see scripts/harness-up.sh).
for arg in "\$@"; do [ "\$arg" = "--endpoint-url" ] && exec $(command -v aws) "\$@"; done
exec $(command -v aws) --endpoint-url "\$AWS_ENDPOINT_URL" "\$@"
WRAP
  chmod +x "$HARNESS_DIR/bin/aws"
  cat >"$HARNESS_DIR/env" <<ENV
# Written by scripts/harness-up.sh; source it to talk to the local control plane and AWS emulator.
export HARNESS_DIR='$HARNESS_DIR'
export KUBECONFIG='$HARNESS_DIR/admin.kubeconfig'
export KUBE_APISERVER_URL='https://127.0.0.1:$APISERVER_PORT'
export KUBE_CA_FILE='$PKI/ca.crt'
export ETCD_ENDPOINTS='http://127.0.0.1:$ETCD_PORT'
export PATH='$HARNESS_DIR/bin:$K8S_BIN:$PATH'
export AWS_ENDPOINT_URL='http://127.0.0.1:$MOTO_PORT'
export MOTO_PORT='$MOTO_PORT'
export AWS_REGION='us-east-1'
export AWS_DEFAULT_REGION='us-east-1'
export AWS_ACCESS_KEY_ID='testing'
export AWS_SECRET_ACCESS_KEY='testing'
export AWS_EC2_METADATA_DISABLED='true'
export PGHOST='127.0.0.1'
export PGPORT='$PGPORT'
export PGUSER='postgres'
export REDIS_PORT='$REDIS_PORT'
ENV
  cp "$HARNESS_DIR/env" "$ENV_FILE"
  echo "$ENV_FILE" >"$HARNESS_DIR/env-file-path"
  log "harness ready in $((SECONDS - begin))s: apiserver https://127.0.0.1:$APISERVER_PORT, moto http://127.0.0.1:$MOTO_PORT"
  log "use it with: source $ENV_FILE"
}

main
