import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'kernels/**/*.test.ts'],
    // One tfjs engine per file: backends are global state, so files run in separate forks.
    pool: 'forks',
    // Two at a time even on 2 cores (vitest's default there is one): most files spend their time
    // waiting on a CLI child process or a browser, which then has the other core.
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
