#!/usr/bin/env bash
# Everything `npm test` and `npm start` need on a fresh clone: dependencies, redis-server, a build.
set -euo pipefail
cd "$(dirname "$0")/.."

say() { printf 'setup: %s\n' "$*"; }

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "setup: drover needs Node.js >= 20 (found $(node --version))" >&2
  exit 1
fi

# Dependencies: install when node_modules is missing or older than the lock file's content.
lock_hash=$(sha256sum package-lock.json | cut -d' ' -f1)
stamp=node_modules/.drover-lock-sha256
if [ ! -d node_modules ] || [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$lock_hash" ]; then
  say "installing dependencies (npm ci)"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_hash" > "$stamp"
fi

# redis-server >= 6.2 on PATH.
redis_ok() {
  command -v redis-server >/dev/null 2>&1 || return 1
  local v
  v=$(redis-server --version | sed -n 's/.*v=\([0-9]*\)\.\([0-9]*\).*/\1 \2/p')
  set -- $v
  [ "${1:-0}" -gt 6 ] || { [ "${1:-0}" -eq 6 ] && [ "${2:-0}" -ge 2 ]; }
}
if ! redis_ok; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing redis-server (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq redis-server >/dev/null 2>&1 || {
      apt-get update -qq >/dev/null 2>&1
      apt-get install -y -qq redis-server >/dev/null
    }
  fi
  if ! redis_ok; then
    echo "setup: drover needs redis-server >= 6.2 on PATH: install it (Debian/Ubuntu: sudo apt-get install redis-server)" >&2
    exit 1
  fi
fi

# git: the executor resolves revisions and the supervisor fetches releases with it.
if ! command -v git >/dev/null 2>&1; then
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing git (apt-get)"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq git >/dev/null 2>&1 || {
      apt-get update -qq >/dev/null 2>&1
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq git >/dev/null
    }
  fi
  command -v git >/dev/null 2>&1 || {
    echo "setup: drover needs git on PATH: install it (Debian/Ubuntu: sudo apt-get install git)" >&2
    exit 1
  }
fi

say "building"
npx nx run-many -t build --output-style=static --skip-nx-cache=false >/tmp/drover-build.$$.log 2>&1 || {
  cat /tmp/drover-build.$$.log >&2
  rm -f /tmp/drover-build.$$.log
  exit 1
}
rm -f /tmp/drover-build.$$.log
