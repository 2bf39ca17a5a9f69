import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Tests assert behaviour, never speed: on a loaded machine (two cores shared by several runs)
    // building an index or starting a process can take longer than vitest's 5 s default, and a
    // CI run once saw a test that takes 1 s alone stall past 30 s while its neighbours took
    // milliseconds. A test that never ends still fails, two minutes on.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    // Fails the run if a test left a bot, a shard or the CLI running.
    globalSetup: ['test/no-process-left.ts'],
    // A process a test starts without naming a corpus reads the tests' copies of the seed
    // letters, never the operator's corpus/ folder.
    env: { CORPUS_DIR: 'test/fixtures/seed-letters' },
  },
});
