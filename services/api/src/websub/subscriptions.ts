import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import type { UrlPolicy } from '@wirehose/http-fetch';
import type { Logger } from '@wirehose/logger';
import { sameSlotKey } from '@wirehose/queue';
import { hashId } from '@wirehose/store';
import { HttpError } from '../http-error.js';
import { refusalOf } from '../ingester.js';

export const SubscriptionSchema = z.object({
  id: z.string(),
  topic: z.url(),
  hub: z.url(),
  /** hub.secret: signs the hub's deliveries. Never leaves the API (see `publicView`). */
  secret: z.string(),
  sourceName: z.string().nullable(),
  state: z.enum(['pending', 'active', 'denied', 'unsubscribing']),
  leaseSeconds: z.number().int().positive(),
  requestedAt: z.iso.datetime(),
  verifiedAt: z.iso.datetime().nullable(),
  expiresAt: z.iso.datetime().nullable(),
  deniedReason: z.string().nullable(),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;
export type PublicSubscription = Omit<Subscription, 'secret'> & { callback: string };

export interface WebSubOptions {
  redis: Redis;
  prefix: string;
  /** Public base URL the hub calls back; callbacks are `<base>/websub/callback/<id>`. */
  callbackBase: string;
  leaseSeconds: number;
  renewMarginSeconds: number;
  urlPolicy: UrlPolicy;
  log: Logger;
  now?: () => number;
  /** How long a call to a hub may take. */
  hubTimeoutMs?: number;
}

export type VerificationAnswer =
  { statusCode: 200; challenge: string } | { statusCode: 404; message: string };

/**
 * WebSub (W3C, formerly PubSubHubbub) subscriber: subscriptions live in Redis under the deployment prefix
 * (a hash by id plus a sorted set of lease ends), so every API process can answer a hub and the renewal
 * check finds what to renew.
 */
export function createWebSub(options: WebSubOptions) {
  const { redis, prefix, log } = options;
  const now = options.now ?? (() => Date.now());
  const subsKey = `${prefix}:websub:subs`;
  // Beside the hash in its slot: both are updated in one transaction (Redis Cluster).
  const expiryKey = sameSlotKey(subsKey, 'expiry');
  const callbackOf = (id: string) => `${options.callbackBase.replace(/\/+$/, '')}/websub/callback/${id}`;

  async function save(sub: Subscription): Promise<void> {
    const multi = redis.multi().hset(subsKey, sub.id, JSON.stringify(sub));
    if (sub.state === 'active' && sub.expiresAt) multi.zadd(expiryKey, Date.parse(sub.expiresAt), sub.id);
    else multi.zrem(expiryKey, sub.id);
    await multi.exec();
  }

  async function get(id: string): Promise<Subscription | null> {
    const raw = await redis.hget(subsKey, id);
    return raw === null ? null : SubscriptionSchema.parse(JSON.parse(raw));
  }

  async function callHub(sub: Subscription, mode: 'subscribe' | 'unsubscribe'): Promise<void> {
    const form = new URLSearchParams({
      'hub.mode': mode,
      'hub.topic': sub.topic,
      'hub.callback': callbackOf(sub.id),
    });
    if (mode === 'subscribe') {
      form.set('hub.secret', sub.secret);
      form.set('hub.lease_seconds', String(sub.leaseSeconds));
    }
    let response: Response;
    try {
      response = await fetch(sub.hub, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: form,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.hubTimeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new HttpError(502, `hub ${sub.hub} could not be reached: ${(err as Error).message}`);
    }
    await response.body?.cancel();
    if (response.status < 200 || response.status > 299) {
      throw new HttpError(502, `hub ${sub.hub} refused the ${mode} request with status ${response.status}`);
    }
  }

  const publicView = ({ secret: _secret, ...rest }: Subscription): PublicSubscription => ({
    ...rest,
    callback: callbackOf(rest.id),
  });

  return {
    publicView,
    get,
    callbackOf,

    async list(): Promise<Subscription[]> {
      const all = await redis.hvals(subsKey);
      return all.map((raw) => SubscriptionSchema.parse(JSON.parse(raw)));
    },

    /**
     * Ask `hub` for `topic`'s updates. The subscription is stored (pending) before the hub is called, since
     * hubs may verify the callback before they answer.
     */
    async subscribe({
      hub,
      topic,
      sourceName = null,
      leaseSeconds = options.leaseSeconds,
    }: {
      hub: string;
      topic: string;
      sourceName?: string | null;
      leaseSeconds?: number;
    }): Promise<Subscription> {
      const refusal = await refusalOf(hub, options.urlPolicy);
      if (refusal !== null)
        throw new HttpError(422, `hub URL refused: ${refusal}`, { code: 'WH_ERR_URL_REFUSED' });
      const id = hashId(topic);
      const existing = await get(id);
      const sub: Subscription = {
        id,
        topic,
        hub,
        // Renewals keep the secret, so deliveries signed with it stay valid.
        secret: existing?.hub === hub ? existing.secret : randomBytes(32).toString('hex'),
        sourceName,
        state: existing?.state === 'active' && existing.hub === hub ? 'active' : 'pending',
        leaseSeconds,
        requestedAt: new Date(now()).toISOString(),
        verifiedAt: existing?.verifiedAt ?? null,
        expiresAt: existing?.expiresAt ?? null,
        deniedReason: null,
      };
      await save(sub);
      await callHub(sub, 'subscribe');
      log.info({ websub: { id, topic, hub } }, 'websub subscription requested');
      return sub;
    },

    async unsubscribe(id: string): Promise<Subscription> {
      const sub = await get(id);
      if (!sub) throw new HttpError(404, `no WebSub subscription with id ${id}`);
      const next: Subscription = { ...sub, state: 'unsubscribing' };
      await save(next);
      await callHub(next, 'unsubscribe');
      return next;
    },

    /**
     * Answer a hub's verification of intent: echo `hub.challenge` only for a topic we asked for, in the
     * mode we asked for; a denial marks the subscription denied.
     */
    async verify(id: string, query: Record<string, unknown>): Promise<VerificationAnswer> {
      const str = (k: string) => (typeof query[k] === 'string' ? query[k] : undefined);
      const mode = str('hub.mode');
      const topic = str('hub.topic');
      const sub = await get(id);
      if (!sub || topic !== sub.topic) {
        return { statusCode: 404, message: 'no subscription was requested for this topic' };
      }
      if (mode === 'denied') {
        await save({ ...sub, state: 'denied', deniedReason: str('hub.reason') ?? null });
        log.warn({ websub: { id, topic } }, 'websub subscription denied by the hub');
        return { statusCode: 200, challenge: '' };
      }
      const challenge = str('hub.challenge');
      if (!challenge) return { statusCode: 404, message: 'hub.challenge is missing' };
      if (mode === 'subscribe' && (sub.state === 'pending' || sub.state === 'active')) {
        const lease = Number(str('hub.lease_seconds') ?? sub.leaseSeconds);
        const leaseSeconds = Number.isInteger(lease) && lease > 0 ? lease : sub.leaseSeconds;
        await save({
          ...sub,
          state: 'active',
          verifiedAt: new Date(now()).toISOString(),
          expiresAt: new Date(now() + leaseSeconds * 1000).toISOString(),
        });
        return { statusCode: 200, challenge };
      }
      if (mode === 'unsubscribe' && sub.state === 'unsubscribing') {
        await redis.multi().hdel(subsKey, id).zrem(expiryKey, id).exec();
        return { statusCode: 200, challenge };
      }
      return { statusCode: 404, message: `no ${mode ?? 'unknown'} request is pending for this topic` };
    },

    /**
     * Re-subscribe every active subscription whose lease ends within the renewal margin. Returns the ids
     * renewed; a hub that fails is logged and retried at the next check.
     */
    async renewDue(): Promise<string[]> {
      const horizon = now() + options.renewMarginSeconds * 1000;
      const ids = await redis.zrangebyscore(expiryKey, '-inf', horizon);
      const renewed: string[] = [];
      for (const id of ids) {
        const sub = await get(id);
        if (!sub || sub.state !== 'active') continue;
        try {
          await callHub(sub, 'subscribe');
          renewed.push(id);
          log.info({ websub: { id, topic: sub.topic } }, 'websub lease renewal requested');
        } catch (err) {
          log.warn({ err, websub: { id, topic: sub.topic } }, 'websub lease renewal failed');
        }
      }
      return renewed;
    },
  };
}
export type WebSub = ReturnType<typeof createWebSub>;
