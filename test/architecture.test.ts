import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { globSync } from 'tinyglobby';
import { expect, test } from 'vitest';
import { REPO } from './helpers/project.js';

/**
 * The order of the folders under src/ (docs/architecture.md): a folder may import from its
 * own rank or an earlier one, never a later one. Rank 0 are the shared helpers every stage
 * uses; they import only each other. The features of rank 8 sit side by side.
 */
const RANKS: Record<string, number> = {
  model: 0,
  diagnostics: 0,
  util: 0,
  load: 1,
  validate: 2,
  resolve: 3,
  render: 4,
  docx: 5,
  pdf: 5,
  emit: 6,
  pipeline: 7,
  batch: 8,
  watch: 8,
  diff: 8,
  review: 8,
  import: 8,
  edit: 8,
  scaffold: 8,
  list: 8,
  prompt: 8,
  completion: 8,
  init: 8,
  commands: 9,
  cli: 10,
};

/** The folder of a path under src/ (`cli` for src/cli.ts itself). */
function folderOf(path: string): string {
  const [first, second] = path.split('/');
  return second === undefined ? 'cli' : (first ?? '');
}

/** Every relative import (static or dynamic) of every source file, as `from → to` paths under src/. */
function imports(): { from: string; to: string }[] {
  const found: { from: string; to: string }[] = [];
  for (const file of globSync('**/*.ts', { cwd: join(REPO, 'src') })) {
    const text = readFileSync(join(REPO, 'src', file), 'utf8');
    for (const match of text.matchAll(/(?:\bfrom|\bimport\()\s*'(\.{1,2}\/[^']+)'/g)) {
      const to = normalize(join(dirname(file), match[1] ?? '')).replace(/\\/g, '/');
      if (!to.startsWith('..')) found.push({ from: file, to });
    }
  }
  return found;
}

test('every folder under src/ has its place in the order', () => {
  const folders = new Set(globSync('**/*.ts', { cwd: join(REPO, 'src') }).map(folderOf));
  expect([...folders].filter((folder) => RANKS[folder] === undefined)).toEqual([]);
});

test('imports point forward: no stage imports a later one, shared helpers import only each other', () => {
  const backwards = imports()
    .filter(({ from, to }) => {
      const source = RANKS[folderOf(from)] ?? 0;
      const target = RANKS[folderOf(to)] ?? 0;
      return folderOf(from) !== folderOf(to) && target > source;
    })
    .map(({ from, to }) => `${from} → ${to}`);
  expect(backwards.sort()).toEqual([]);
});

/** The import cycles among `edges`, each as its files in order, found by a walk from every file. */
function cycles(edges: { from: string; to: string }[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to.replace(/\.js$/, '.ts')]);
  const found = new Map<string, string[]>();
  const done = new Set<string>();
  const walk = (file: string, path: string[]) => {
    const at = path.indexOf(file);
    if (at >= 0) {
      const cycle = path.slice(at);
      found.set([...cycle].sort().join(' '), cycle);
      return;
    }
    if (done.has(file)) return;
    for (const to of next.get(file) ?? []) walk(to, [...path, file]);
    done.add(file);
  };
  for (const file of next.keys()) walk(file, []);
  return [...found.values()];
}

test('no import cycles, type-only imports and import() included: each module can be read after the ones it uses', () => {
  expect(cycles(imports()).map((cycle) => cycle.join(' → '))).toEqual([]);
});

test('docs/architecture.md gives each folder the rank this test holds it to', () => {
  const table = readFileSync(join(REPO, 'docs/architecture.md'), 'utf8').split('\n| rank | folders |\n')[1]?.split('\n\n')[0] ?? '';
  const documented: Record<string, number> = {};
  for (const [, first, folders] of table.matchAll(/^\| (\d+)[^|]* \| (.*) \|$/gm)) {
    // `a/` → `b/`, `c/` → …: each arrow one rank further.
    (folders ?? '').split('→').forEach((step, offset) => {
      for (const m of step.matchAll(/`([a-z]+)(?:\/|\.ts)`/g)) documented[m[1] ?? ''] = Number(first) + offset;
    });
  }
  expect(documented).toEqual(RANKS);
});
