import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Packages resolved as the bundle resolves them (scripts/build.js, esbuild's default conditions): not as their
  // `development` builds, which vitest asks for by default and whose assertions (devlop's, as mdast-util-gfm-task-list-item
  // uses it, on `*` then `[ ] : u`) stopped a property test on text the shipped program parses.
  plugins: [
    {
      name: 'without-development-builds',
      configResolved(config) {
        const conditions = config.ssr.resolve?.conditions;
        if (conditions) conditions.splice(0, conditions.length, ...conditions.filter((condition) => !condition.startsWith('development')));
      },
    },
  ],
  test: {
    include: ['test/**/*.test.ts'],
    // dist/ built again when src/ is newer: the tests that run the command run dist/ (test/helpers/fresh-dist.ts).
    globalSetup: ['test/helpers/fresh-dist.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // LibreOffice and the built CLI are real processes; two cores on CI machines.
    maxWorkers: 2,
  },
});
