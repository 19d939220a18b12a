import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    reporters: process.env.CI ? ['default', ['json', { outputFile: `.tmp/vitest-${process.env.AUSM_CI_RUN ?? 'run'}.json` }]] : ['default'],
    projects: [
      { test: { name: 'unit', include: ['domain/src/**/*.test.ts', 'server/src/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'api',
          include: ['server/test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          pool: 'forks',
        },
      },
    ],
  },
});
