#!/usr/bin/env node
// Entry point. Kept to syntax every Node.js can parse, so an old Node gets one line, not a crash.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `briefing: needs Node.js 22.12 or newer, this is ${process.version}. ` +
      'Run it as `npx briefing` inside the project (which uses the pinned Node 24), or install a newer Node.js.',
  );
  process.exitCode = 2;
} else {
  const { enableCompileCache } = await import('node:module');
  enableCompileCache?.();
  await import('../dist/cli.js');
}
