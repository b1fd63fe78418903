#!/usr/bin/env bash
# Makes sure Debian's mariadb-server, which the MySQL inspector's tests start throwaway servers of
# (test/mysql/server.ts), is on this machine; installs the package when it is not (as root, or
# through sudo). It only installs: the tests start and stop their own servers.
set -euo pipefail

if [ -x /usr/sbin/mariadbd ] && [ -x /usr/bin/mariadb-install-db ]; then exit 0; fi
if [ "$(id -u)" -eq 0 ]; then SUDO=""; elif command -v sudo >/dev/null; then SUDO="sudo"; else
  echo "mariadbd not found; install Debian's \"mariadb-server\" package (apt-get install mariadb-server)" >&2
  exit 1
fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq mariadb-server >/dev/null
# The package starts a system service where it can; the tests need none.
$SUDO systemctl disable --now mariadb >/dev/null 2>&1 || true
