# Shared settings and helpers for the project's scripts: versions, cache paths, logging.
# Sourced, never executed.

# Pinned tool versions. Changing one changes the cache key, so the next run rebuilds it.
KUBERNETES_VERSION="${KUBERNETES_VERSION:-v1.34.4}"
KWOK_VERSION="${KWOK_VERSION:-v0.8.0}"
MOTO_MIN_VERSION="5.1.21"

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# Tool binaries live outside the repository, keyed by version, so clones share them.
TOOLS_CACHE="${PLATFORM_OPERATOR_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/platform-operator}"

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Runs a command as root, through sudo when we are not root.
as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# Prints a free TCP port on 127.0.0.1.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# Waits up to $2 seconds for command $1 (a string) to succeed.
wait_for() {
  local what="$1" timeout="$2" start=$SECONDS
  until eval "$what" >/dev/null 2>&1; do
    if (( SECONDS - start >= timeout )); then return 1; fi
    sleep 0.5
  done
}
