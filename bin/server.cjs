'use strict';
// The resident server (started in the background by bin/client.cjs): the CLI bundle, loaded once
// through the code cache of bin/load.cjs, then serving command lines on a Unix socket until it has
// been idle a while. src/cli/server.ts; docs/decisions/0007-resident-server.md.
const { DIST, bundleHash, runBundle } = require('./load.cjs');
const { credentials, fixedAtStart } = require('./client.cjs');

const socket = process.argv[2];
if (socket) {
  const build = bundleHash('cli');
  const { exports: cli, save } = runBundle('cli', 'resident');
  cli.serve({ socket, run: cli.main, fixed: fixedAtStart, credentials: credentials(), served: () => save(true), install: DIST, build, installed: () => bundleHash('cli') });
}
