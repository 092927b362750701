import { defineConfig } from 'vitest/config';

/**
 * The tests that need a Redis Cluster or a Sentinel set: scripts/test-cluster.sh and
 * scripts/test-sentinel.sh start the servers and run these with the URL in the environment.
 */
export default defineConfig({
  test: {
    include: ['test/cluster/**/*.test.ts'],
    testTimeout: 600_000,
    hookTimeout: 600_000,
    fileParallelism: false,
  },
});
