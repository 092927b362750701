import { describe, expect, it } from 'vitest';
import { createLogger } from '@wirehose/logger';
import { createLifecycle, ShutdownTimeoutError } from './lifecycle.js';

const log = createLogger({ service: 'test', level: 'silent' });

describe('createLifecycle', () => {
  it('runs closers newest first, once', async () => {
    const order: string[] = [];
    const life = createLifecycle(log);
    life.register('redis', () => void order.push('redis'));
    life.register('worker', async () => void order.push('worker'));
    await Promise.all([life.shutdown('test'), life.shutdown('again')]);
    expect(order).toEqual(['worker', 'redis']);
  });

  it('keeps closing after one closer fails', async () => {
    const order: string[] = [];
    const life = createLifecycle(log);
    life.register('redis', () => void order.push('redis'));
    life.register('broken', () => {
      throw new Error('boom');
    });
    await life.shutdown('test');
    expect(order).toEqual(['redis']);
  });

  it('rejects with the closer still running when the deadline passes', async () => {
    const life = createLifecycle(log, { timeoutMs: 20 });
    life.register('stuck', () => new Promise<void>(() => {}));
    await expect(life.shutdown('test')).rejects.toBeInstanceOf(ShutdownTimeoutError);
    await expect(life.shutdown('test')).rejects.toThrow(/stuck/);
  });
});
