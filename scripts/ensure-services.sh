#!/usr/bin/env bash
# Make sure the Redis and PostgreSQL that the integration tests use are up on 127.0.0.1.
# Starts them when installed; installs them with apt-get when missing and running as root.
set -euo pipefail

redis_up() { redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null | grep -q PONG; }
pg_up() { pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; }

apt_install() {
  if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-services: $* missing and not root; install it: sudo apt-get install -y $*" >&2
    return 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@"
}

if ! redis_up; then
  command -v redis-server >/dev/null || apt_install redis-server redis-tools
  redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no
  for _ in $(seq 1 50); do redis_up && break; sleep 0.2; done
fi
redis_up && echo "redis: up on 127.0.0.1:6379"

if ! pg_up; then
  if ! command -v pg_ctlcluster >/dev/null; then
    apt_install postgresql
  fi
  version=$(ls /etc/postgresql | sort -V | tail -n 1)
  pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
  for _ in $(seq 1 50); do pg_up && break; sleep 0.2; done
fi
if pg_up; then
  # Trust auth and a `test` database, as the tests expect.
  if ! psql -h 127.0.0.1 -U postgres -d test -c 'select 1' >/dev/null 2>&1; then
    su postgres -c "psql -c 'create database test'" >/dev/null 2>&1 || true
  fi
  echo "postgresql: up on 127.0.0.1:5432"
else
  echo "ensure-services: PostgreSQL is not reachable on 127.0.0.1:5432" >&2
  exit 1
fi

# Debian's chromium for the browser tests (test/integration/browser); they skip, saying why, without it.
if [ -x /usr/bin/chromium ] || command -v chromium >/dev/null; then
  echo "chromium: $(command -v chromium || echo /usr/bin/chromium)"
elif [ "$(id -u)" -eq 0 ]; then
  echo "chromium: missing; installing Debian's chromium for the browser tests"
  apt_install chromium
else
  echo "chromium: missing and not root; the browser tests will skip (sudo apt-get install -y chromium)" >&2
fi
