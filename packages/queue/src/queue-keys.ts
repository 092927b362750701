import type { ConnectionOptions } from 'bullmq';

/** Name of the queue whose jobs are the parents of the sink queues' jobs (one BullMQ flow per record). */
const FLOW_PARENT_QUEUE = 'publish';

/**
 * The Redis Cluster hash tag of a queue. BullMQ's scripts touch several keys of one queue at once, so
 * they must share a hash slot; one tag per queue spreads the queues over the cluster's nodes. A flow
 * (a `publish` parent with one child per sink queue, `publish-<sink>`) moves its parent from a child's
 * script, so the sink queues share the `publish` tag.
 */
export function queueHashTag(queueName: string): string {
  return queueName === FLOW_PARENT_QUEUE || queueName.startsWith(`${FLOW_PARENT_QUEUE}-`)
    ? FLOW_PARENT_QUEUE
    : queueName;
}

/**
 * The BullMQ `prefix` of a queue under a deployment prefix: `<prefix>:{<tag>}`, so every key of the
 * queue is `<prefix>:{<tag>}:<queue>:<type>`. Keys still start with `<prefix>:`, so one `SCAN` pattern
 * or ACL key pattern covers the whole deployment.
 */
export function queuePrefix(prefix: string, queueName: string): string {
  return `${prefix}:{${queueHashTag(queueName)}}`;
}

/** A BullMQ key of a queue, e.g. `queueKey('wh', 'fetch', 'wait')`: the list of waiting jobs. */
export function queueKey(prefix: string, queueName: string, type: string): string {
  return `${queuePrefix(prefix, queueName)}:${queueName}:${type}`;
}

/** Options of a BullMQ `Queue`, `Worker`, `QueueEvents` or `FlowProducer` of one queue. */
export function queueOptions(
  ctx: { connection: ConnectionOptions; prefix: string },
  queueName: string,
): { connection: ConnectionOptions; prefix: string } {
  return { connection: ctx.connection, prefix: queuePrefix(ctx.prefix, queueName) };
}

/**
 * The hash tag Redis Cluster hashes `key` by: the text between the first `{` and the next `}`, when
 * that text is not empty; otherwise none (the whole key is hashed).
 */
export function hashTagOf(key: string): string | null {
  const open = key.indexOf('{');
  if (open < 0) return null;
  const close = key.indexOf('}', open + 1);
  return close > open + 1 ? key.slice(open + 1, close) : null;
}

/**
 * A key beside `key` in the same hash slot, for a script or transaction that touches both:
 * `<key>:<suffix>` when `key` has a hash tag, else `{<key>}:<suffix>` (tagged by the whole of `key`,
 * which hashes to `key`'s own slot).
 */
export function sameSlotKey(key: string, suffix: string): string {
  if (hashTagOf(key) !== null) return `${key}:${suffix}`;
  if (key.includes('}')) {
    throw new Error(
      `no key beside "${key}" can share its hash slot: it has a "}" but no {tag}; rename it without braces or with a {tag}`,
    );
  }
  return `{${key}}:${suffix}`;
}
