// Bundles src/ into dist/ with esbuild: the CLI (dist/cli.cjs) and the batch worker
// (dist/worker.cjs), each one CommonJS file, which bin/load.cjs runs through V8 with a code
// cache (docs/decisions/0005-code-cache.md); dist/build.json names each bundle by a hash of
// its content. Run by `npm run build` and by `prepare` (so `npm ci` and `npm pack` build it);
// a script rather than a long command line, so that npm's echo of it is one short line.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// The installed package (package.json `files`) has dist/ built and no src/: npm still runs its `prepare`
// when a project names the folder (`file:…/node_modules/briefing`, as init from a global install writes)
// or packs it. Nothing to build there; esbuild, a development dependency, is not installed with it either.
if (!existsSync(join(root, 'src'))) process.exit(0);
// A fresh clone has src/ but no node_modules until `npm ci`: `npm pack` and `npm link` run this script all the same.
const { build } = await import('esbuild').catch((error) => {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND') throw error;
  console.error(
    'briefing: building dist/ needs the development dependencies (esbuild), which this clone does not have yet: run `npm ci` here first, then `npm pack` or `npm link` again.',
  );
  process.exit(1);
});
const dist = join(root, 'dist');

/**
 * fdir (tinyglobby's folder walker) requires picomatch at its start, from node_modules, outside the
 * bundle and its code cache, for a `glob()` of its own that tinyglobby never calls (it matches with
 * the picomatch bundled here): that cost every command about 6 ms of its start. Left out, and the
 * build stops if fdir no longer reads so (a new version), rather than bundle it unpatched unseen.
 */
const fdirWithoutPicomatch = {
  name: 'fdir-without-picomatch',
  setup(build) {
    build.onLoad({ filter: /[\\/]fdir[\\/]dist[\\/]index\.mjs$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8');
      const load = /\t__require\.resolve\("picomatch"\);\n\tpm = __require\("picomatch"\);\n/;
      if (!load.test(text)) throw new Error(`${args.path} no longer loads picomatch as scripts/build.js expects: look at what it does now, and change or drop the plugin`);
      return { contents: text.replace(load, ''), loader: 'js' };
    });
  },
};
const bundles = { cli: 'src/cli.ts', worker: 'src/batch/worker.ts' };
rmSync(dist, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: bundles,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node22',
  external: ['piscina'],
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  // No comments or indentation: less to read at every start, and the text stays ASCII
  // (esbuild escapes strings; V8 keeps a source with one other character at two bytes a character).
  minifyWhitespace: true,
  // The bundle is CommonJS; what the sources take from import.meta.url comes from its own file.
  define: { 'import.meta.url': '__briefingModuleUrl' },
  banner: { js: "var __briefingModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
  plugins: [fdirWithoutPicomatch],
});
const hashes = {};
for (const name of Object.keys(bundles)) {
  const file = join(dist, `${name}.cjs`);
  // A script run through vm.Script has no module loader: an `import()` left in a bundle would fail
  // there, or need Node's experimental loader hook (and its warning on every run). Require instead.
  const left = /\bimport\(\s*["'`]([^"'`]*)/.exec(readFileSync(file, 'utf8'));
  if (left) throw new Error(`dist/${name}.cjs still has a dynamic import of ${left[1]}: load it with require (createRequire) instead`);
  // esbuild leaves regular expressions as written: escape what is left, so the bundle is ASCII.
  const text = readFileSync(file, 'utf8').replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync(file, text);
  hashes[name] = createHash('sha256').update(text).digest('hex').slice(0, 16);
}
writeFileSync(join(dist, 'build.json'), `${JSON.stringify(hashes, null, 2)}\n`);
