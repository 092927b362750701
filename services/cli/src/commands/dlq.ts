import type { DeadLetters } from '@wirehose/queue';

/** `wirehose dlq list`: one line per dead letter, newest first. */
export async function listDeadLetters(
  deadLetters: DeadLetters,
  print: (line: string) => void,
  queue?: string,
): Promise<number> {
  const entries = await deadLetters.list(queue ? { queue } : {});
  if (entries.length === 0) {
    print('dead-letter queue is empty');
    return 0;
  }
  for (const e of entries) {
    print(`${e.id}\t${e.queue}\t${e.failedAt}\tattempts=${e.attemptsMade}\t${e.error}`);
    print(`\tpayload: ${JSON.stringify(e.data)}`);
  }
  return entries.length;
}

/** `wirehose dlq retry ID...|--all`: put dead letters back on their queues. */
export async function retryDeadLetters(
  deadLetters: DeadLetters,
  ids: readonly string[] | 'all',
  print: (line: string) => void,
): Promise<number> {
  const retried = await deadLetters.retry(ids);
  for (const r of retried) print(`re-queued dead letter ${r.id} on ${r.queue} as job ${r.newJobId}`);
  if (retried.length === 0) print('nothing to retry');
  return retried.length;
}
