#!/usr/bin/env bash
# Helpers for scripts that start throwaway Redis processes on loopback (sourced by test-cluster.sh and
# test-sentinel.sh). Each process is started daemonized with a pid file under $WORK; stop_all kills
# exactly those pids.

# A free TCP port on 127.0.0.1 whose +10000 (the cluster bus port) is free too.
free_port() {
  node -e '
    const net = require("node:net");
    const tryPort = (p) => new Promise((ok) => { const s = net.createServer(); s.once("error", () => ok(false)); s.listen(p, "127.0.0.1", () => s.close(() => ok(true))); });
    (async () => {
      for (;;) {
        const s = net.createServer();
        await new Promise((ok) => s.listen(0, "127.0.0.1", ok));
        const p = s.address().port;
        await new Promise((ok) => s.close(ok));
        if (p <= 55535 && (await tryPort(p + 10000))) { console.log(p); return; }
      }
    })();'
}

# Start a Sentinel from its config file: redis-sentinel when installed, else redis-server in sentinel mode.
start_sentinel() {
  if command -v redis-sentinel >/dev/null; then redis-sentinel "$1"; else redis-server "$1" --sentinel; fi
}

wait_ping() {
  local port=$1
  for _ in $(seq 1 100); do
    redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null | grep -q PONG && return 0
    sleep 0.1
  done
  echo "redis on 127.0.0.1:$port did not answer PING; log: $WORK/$port.log" >&2
  return 1
}

stop_all() {
  local pidfile
  for pidfile in "$WORK"/*.pid; do
    [ -f "$pidfile" ] || continue
    kill -9 "$(cat "$pidfile")" 2>/dev/null || true
  done
  rm -rf "$WORK"
}

require_redis() {
  if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
    echo "$1 needs redis-server and redis-cli 7+ (Debian/Ubuntu: apt-get install redis-server redis-tools)" >&2
    exit 1
  fi
}
