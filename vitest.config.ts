import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // LibreOffice and the built CLI are real processes; two cores on CI machines.
    maxWorkers: 2,
  },
});
