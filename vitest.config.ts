import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Fails the run if a test left a bot, a shard or the CLI running.
    globalSetup: ['test/no-process-left.ts'],
  },
});
