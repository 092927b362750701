#!/usr/bin/env bash
# Start a 3-primary Redis Cluster on free loopback ports, run the end-to-end pipeline tests on it
# (test/cluster/cluster.test.ts, beside a peer run on the suite's single Redis), and tear it down.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/lib/redis-procs.sh
require_redis test-cluster.sh
WORK=$(mktemp -d -t wirehose-cluster-XXXXXX)
trap stop_all EXIT

ports=()
for _ in 1 2 3; do
  port=$(free_port)
  redis-server --port "$port" --bind 127.0.0.1 --cluster-enabled yes \
    --cluster-config-file "$WORK/nodes-$port.conf" --cluster-node-timeout 5000 \
    --save "" --appendonly no --dir "$WORK" --daemonize yes \
    --pidfile "$WORK/$port.pid" --logfile "$WORK/$port.log"
  wait_ping "$port"
  ports+=("$port")
done

nodes=()
for port in "${ports[@]}"; do nodes+=("127.0.0.1:$port"); done
redis-cli --cluster create "${nodes[@]}" --cluster-replicas 0 --cluster-yes >"$WORK/create.log"
for _ in $(seq 1 100); do
  ok=0
  for port in "${ports[@]}"; do
    redis-cli -p "$port" cluster info | grep -q 'cluster_state:ok' && ok=$((ok + 1))
  done
  [ "$ok" -eq 3 ] && break
  sleep 0.2
done
[ "$ok" -eq 3 ] || { echo "cluster did not reach cluster_state:ok; see $WORK" >&2; exit 1; }

url="redis-cluster://$(IFS=,; echo "${nodes[*]}")"
echo "redis cluster: $url"
CLUSTER_REDIS_URL="$url" node_modules/.bin/vitest run --config vitest.cluster.config.ts test/cluster/cluster.test.ts
