// Bundles src/ into dist/ (the CLI and the batch worker) with esbuild. Run by `npm run build`
// and by `prepare` (so `npm ci` and `npm pack` build it); a script rather than a long
// command line, so that npm's echo of it is one short line.
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
rmSync(join(root, 'dist'), { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: ['src/cli.ts', 'src/batch/worker.ts'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node22',
  external: ['piscina'],
  // Bundled CommonJS packages call require(); ES modules have none of their own.
  banner: { js: "import { createRequire as __briefingRequire } from 'node:module'; const require = __briefingRequire(import.meta.url);" },
  outdir: 'dist',
  entryNames: '[name]',
  chunkNames: 'chunks/[name]-[hash]',
  logLevel: 'warning',
});
