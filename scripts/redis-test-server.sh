#!/usr/bin/env bash
# Makes sure Debian's redis-server, which the Redis inspector's tests start throwaway instances of
# (test/redis/server.ts), is on this machine; installs the package when it is not (as root, or
# through sudo). It only installs: the tests start and stop their own servers.
set -euo pipefail

if [ -x /usr/bin/redis-server ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
  echo "redis-server not found; install Debian's \"redis-server\" package (apt-get install redis-server)" >&2
  exit 1
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq redis-server >/dev/null
# The package starts a system service where it can; the tests need none.
$SUDO systemctl disable --now redis-server >/dev/null 2>&1 || true
