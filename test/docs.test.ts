import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { expect, test } from 'vitest';
import { REPO } from './helpers/project.js';

/** Rule ids as the source code writes them: quoted `area/name` literals. */
function ruleIdsInSource(): Set<string> {
  const ids = new Set<string>();
  for (const file of globSync('src/**/*.ts', { cwd: REPO })) {
    const text = readFileSync(join(REPO, file), 'utf8');
    for (const match of text.matchAll(/'((?:file|yaml|schema|config|meeting|position|clearance|template|markdown|docx|input|output|cache|internal|review|import)\/[a-z-]+)'/g)) {
      if (match[1]) ids.add(match[1]);
    }
  }
  return ids;
}

test('docs/rules.md documents every rule id the code can report, and no other', () => {
  const documented = new Set([...readFileSync(join(REPO, 'docs/rules.md'), 'utf8').matchAll(/^\| `([a-z]+\/[a-z-]+)` \|/gm)].map((m) => m[1]));
  expect([...documented].sort()).toEqual([...ruleIdsInSource()].sort());
});

test('the README links the rule table from its section on checking', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Checking your files'));
  expect(readme).toContain('## Checking your files');
  expect(section).toContain('(docs/rules.md)');
});
