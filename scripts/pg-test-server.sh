#!/usr/bin/env bash
# Makes sure the PostgreSQL server binaries the tests need (initdb, pg_ctl, postgres) are on this
# machine, installing Debian's `postgresql` package when they are not (as root, or through sudo).
# The tests start and stop their own throwaway clusters (test/postgres/cluster.ts); this script
# only installs. It prints the directory that holds initdb; export it as PG_BIN if it is unusual.
set -euo pipefail

find_bin() {
  if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/initdb" ]; then echo "$PG_BIN"; return 0; fi
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
  if [ -n "$d" ] && [ -x "$d/initdb" ]; then echo "$d"; return 0; fi
  if command -v pg_config >/dev/null && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return 0; fi
  return 1
}

if find_bin; then exit 0; fi

if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
  echo "PostgreSQL server binaries not found; install Debian's \"postgresql\" package (apt-get install postgresql)" >&2
  exit 1
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
find_bin
