import { defineConfig } from 'vitest/config';

// Integration tests (*.api.test.ts) run on embedded PGlite and, when TEST_DATABASE_URL names a
// PostgreSQL server, once more on it.
const onServer = Boolean(process.env.TEST_DATABASE_URL);

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'pglite',
          include: ['server/**/*.test.ts', 'web/**/*.test.ts'],
          env: { TEST_DB: 'pglite', TZ: 'America/Los_Angeles' },
        },
      },
      ...(onServer
        ? [
            {
              extends: true,
              test: {
                name: 'postgres',
                include: ['server/**/*.api.test.ts'],
                env: { TEST_DB: 'postgres', TZ: 'UTC' },
                globalSetup: ['server/test/global-setup.ts'],
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});
