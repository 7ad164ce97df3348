import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/build-cli.ts'],
    testTimeout: 60_000,
    pool: 'forks',
  },
});
