#!/usr/bin/env bash
# Builds the local control plane's binaries from their Go modules, once per version:
# kube-apiserver, kube-controller-manager, kube-scheduler (k8s.io/kubernetes), kwok and etcd.
# Results are cached under $TOOLS_CACHE/<tool>-<version>/; a warm run only checks they exist.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

K8S_DIR="$TOOLS_CACHE/kubernetes-$KUBERNETES_VERSION"
KWOK_DIR="$TOOLS_CACHE/kwok-$KWOK_VERSION"

# A tools module requiring k8s.io/kubernetes and pinning every staging module to the matching v0.x,
# because k8s.io/kubernetes' own replace directives point at local paths a dependent module ignores.
build_kubernetes() {
  local bin="$K8S_DIR/bin"
  local commands=(kube-apiserver kube-controller-manager kube-scheduler kubectl) missing=() cmd
  for cmd in "${commands[@]}"; do [[ -x $bin/$cmd ]] || missing+=("$cmd"); done
  if ((${#missing[@]} == 0)); then log "kubernetes $KUBERNETES_VERSION: cached in $bin"; return; fi
  local start=$SECONDS staging_version="v0.${KUBERNETES_VERSION#v1.}"
  local mod="$K8S_DIR/module"
  mkdir -p "$mod" "$bin"
  log "kubernetes $KUBERNETES_VERSION: preparing tools module"
  local gomod
  gomod=$(cd "$mod" && go mod download -json "k8s.io/kubernetes@$KUBERNETES_VERSION" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["GoMod"])')
  {
    echo "module platform-operator/tools/kubernetes"
    echo
    echo "go 1.24.0"
    echo
    echo "require k8s.io/kubernetes $KUBERNETES_VERSION"
    echo
    echo "replace ("
    sed -n 's#^\s*\(k8s.io/[a-z0-9-]*\) => ./staging/src/.*#\t\1 => \1 '"$staging_version"'#p' "$gomod"
    echo ")"
  } >"$mod/go.mod"
  cat >"$mod/tools.go" <<'GO'
//go:build tools

// Package tools pins the Kubernetes commands this module builds.
package tools

import (
	_ "k8s.io/kubernetes/cmd/kube-apiserver"
	_ "k8s.io/kubernetes/cmd/kube-controller-manager"
	_ "k8s.io/kubernetes/cmd/kube-scheduler"
	_ "k8s.io/kubernetes/cmd/kubectl"
)
GO
  (cd "$mod" && go mod tidy -e >/dev/null 2>&1 || true)
  (cd "$mod" && GOFLAGS=-mod=mod go mod download)
  local minor="${KUBERNETES_VERSION#v1.}"; minor="${minor%%.*}"
  local ldflags="-s -w -X k8s.io/component-base/version.gitVersion=$KUBERNETES_VERSION"
  ldflags+=" -X k8s.io/component-base/version.gitMajor=1 -X k8s.io/component-base/version.gitMinor=$minor"
  ldflags+=" -X k8s.io/component-base/version.gitTreeState=clean"
  for cmd in "${missing[@]}"; do
    log "kubernetes $KUBERNETES_VERSION: building $cmd"
    (cd "$mod" && GOFLAGS=-mod=mod CGO_ENABLED=0 go build -trimpath -ldflags "$ldflags" \
      -o "$bin/$cmd.tmp" "k8s.io/kubernetes/cmd/$cmd") && mv "$bin/$cmd.tmp" "$bin/$cmd"
  done
  log "kubernetes $KUBERNETES_VERSION: built in $((SECONDS - start))s"
}

# kwok and its stage configuration: the module's own "fast" node and pod stages (nodes turn Ready and
# renew leases; pods turn Running/Ready at once and go away when deleted).
build_kwok() {
  local bin="$KWOK_DIR/bin"
  if [[ ! -x $bin/kwok ]]; then
    local start=$SECONDS
    mkdir -p "$bin"
    log "kwok $KWOK_VERSION: building"
    GOFLAGS=-mod=mod CGO_ENABLED=0 GOBIN="$bin" go install -trimpath -ldflags "-s -w" \
      "sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION"
    log "kwok $KWOK_VERSION: built in $((SECONDS - start))s"
  else
    log "kwok $KWOK_VERSION: cached in $bin"
  fi
  if [[ ! -s $KWOK_DIR/stages.yaml ]]; then
    local src
    src=$(cd "$TOOLS_CACHE" && go mod download -json "sigs.k8s.io/kwok@$KWOK_VERSION" |
      python3 -c 'import json,sys; print(json.load(sys.stdin)["Dir"])')
    local stage
    for stage in node/fast/node-initialize.yaml node/heartbeat-with-lease/node-heartbeat-with-lease.yaml \
        pod/fast/pod-ready.yaml pod/fast/pod-complete.yaml pod/fast/pod-delete.yaml; do
      echo "---"
      cat "$src/kustomize/stage/$stage"
    done >"$KWOK_DIR/stages.yaml.tmp"
    mv "$KWOK_DIR/stages.yaml.tmp" "$KWOK_DIR/stages.yaml"
  fi
}

main() {
  command -v go >/dev/null || die "go is required to build the control plane tools"
  mkdir -p "$TOOLS_CACHE"
  build_kubernetes
  build_kwok
}

main "$@"
