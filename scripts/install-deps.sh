#!/usr/bin/env bash
# Installs every build and test dependency from Debian's packages (and Python packages from PyPI).
# Idempotent: packages already present are not downloaded again; apt lists are refreshed once a day.
set -euo pipefail
source "$(dirname "$0")/lib/common.sh"

APT_PACKAGES=(
  build-essential cmake ninja-build pkg-config git curl ca-certificates openssl python3-pip
  libcpprest-dev nlohmann-json3-dev libyaml-cpp-dev libssl-dev prometheus-cpp-dev libspdlog-dev
  libgtest-dev libgmock-dev libpugixml-dev libpq-dev libhiredis-dev
  etcd-server etcd-client postgresql redis-server prometheus clang-format
)
PYTHON_PACKAGES=("moto[server]>=$MOTO_MIN_VERSION,<6" "boto3" "awscli" "prometheus_client" "PyYAML")

missing=()
for p in "${APT_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing Debian packages: ${missing[*]}"
  as_root apt-get update -q
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  # The packaged services (if the init system starts them) keep their default ports; the harness
  # runs its own instances on free ephemeral ports, so they never collide. Stopping them through
  # their init scripts is avoided: those stop every process of the same executable, harness ones too.
else
  log "Debian packages: all present"
fi

if ! python3 - <<PY >/dev/null 2>&1
import importlib.metadata as m
from packaging.version import Version
assert Version(m.version("moto")) >= Version("$MOTO_MIN_VERSION")
for p in ("boto3", "prometheus_client", "flask", "PyYAML"):
    m.version(p)
PY
then
  log "installing Python packages: ${PYTHON_PACKAGES[*]}"
  python3 -m pip install -q --disable-pip-version-check "${PYTHON_PACKAGES[@]}"
else
  log "Python packages: all present"
fi
command -v aws >/dev/null || die "awscli not found on PATH after install"
command -v kubectl >/dev/null || log "kubectl not found: scripts/harness-up.sh builds one"
