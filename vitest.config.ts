import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // `vitest run --coverage` (the `test` script) prints the covered share of the project's own source.
    coverage: {
      provider: 'v8',
      include: ['packages/*/src/**/*.ts', 'services/*/src/**/*.ts'],
      exclude: ['**/*.test.ts', '**/*.tmp.ts'],
      reporter: ['text-summary'],
      reportsDirectory: 'coverage',
    },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['packages/*/src/**/*.test.ts', 'services/*/src/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          // The test Redis runs without AOF (its data is thrown away after each test), which services
          // refuse at start-up unless told this Redis is throw-away; spawned services inherit it.
          env: { REDIS_ALLOW_VOLATILE: 'true' },
          globalSetup: ['test/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
