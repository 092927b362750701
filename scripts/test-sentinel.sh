#!/usr/bin/env bash
# Start a Redis primary, one replica and three Sentinels on free loopback ports, then run
# test/cluster/sentinel.test.ts: the whole pipeline through REDIS_URL=redis-sentinel://…, with the
# primary killed mid-run. Tears everything down at the end.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/redis-procs.sh
require_redis test-sentinel.sh
WORK=$(mktemp -d -t wirehose-sentinel-XXXXXX)
trap stop_all EXIT
NAME=wirehose-main

primary=$(free_port)
redis-server --port "$primary" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" \
  --daemonize yes --pidfile "$WORK/$primary.pid" --logfile "$WORK/$primary.log"
wait_ping "$primary"
replica=$(free_port)
redis-server --port "$replica" --bind 127.0.0.1 --save "" --appendonly no --dir "$WORK" \
  --replicaof 127.0.0.1 "$primary" \
  --daemonize yes --pidfile "$WORK/$replica.pid" --logfile "$WORK/$replica.log"
wait_ping "$replica"

sentinels=()
for _ in 1 2 3; do
  port=$(free_port)
  cat >"$WORK/sentinel-$port.conf" <<CONF
port $port
bind 127.0.0.1
daemonize yes
pidfile $WORK/$port.pid
logfile $WORK/$port.log
dir $WORK
sentinel monitor $NAME 127.0.0.1 $primary 2
sentinel down-after-milliseconds $NAME 1000
sentinel failover-timeout $NAME 10000
sentinel parallel-syncs $NAME 1
CONF
  start_sentinel "$WORK/sentinel-$port.conf"
  wait_ping "$port"
  sentinels+=("127.0.0.1:$port")
done

# Ready when the replica is in sync and every Sentinel knows the replica and the two other Sentinels.
ready=0
for _ in $(seq 1 300); do
  ready=1
  redis-cli -p "$replica" info replication | grep -q 'master_link_status:up' || ready=0
  for s in "${sentinels[@]}"; do
    p=${s##*:}
    [ "$(redis-cli -p "$p" sentinel replicas "$NAME" 2>/dev/null | grep -c "^127.0.0.1:$replica$")" -ge 1 ] || ready=0
    [ "$(redis-cli -p "$p" sentinel master "$NAME" 2>/dev/null | grep -A1 '^num-other-sentinels$' | tail -1)" = 2 ] || ready=0
  done
  [ "$ready" -eq 1 ] && break
  sleep 0.2
done
[ "$ready" -eq 1 ] || { echo "sentinels did not see the replica and each other; logs in $WORK" >&2; exit 1; }

url="redis-sentinel://$(IFS=,; echo "${sentinels[*]}")/$NAME"
echo "redis sentinel: $url (primary 127.0.0.1:$primary, replica 127.0.0.1:$replica)"
SENTINEL_REDIS_URL="$url" SENTINEL_PRIMARY_PIDFILE="$WORK/$primary.pid" SENTINEL_REPLICA_PORT="$replica" \
  node_modules/.bin/vitest run --config vitest.cluster.config.ts test/cluster/sentinel.test.ts
