import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { expect, test } from 'vitest';
import { RULE_IDS } from '../src/diagnostics/rules.js';
import { REPO } from './helpers/project.js';

/** The sources other than the list itself, as one text: where rule ids are used. */
function sourcesUsingRules(): string {
  return globSync('src/**/*.ts', { cwd: REPO, ignore: ['src/diagnostics/rules.ts'] })
    .map((file) => readFileSync(join(REPO, file), 'utf8'))
    .join('\n');
}

test('docs/rules.md documents every rule id of the typed list, and no other', () => {
  const documented = new Set([...readFileSync(join(REPO, 'docs/rules.md'), 'utf8').matchAll(/^\| `([a-z]+\/[a-z-]+)` \|/gm)].map((m) => m[1]));
  expect([...documented].sort()).toEqual([...RULE_IDS].sort());
});

test('every rule id of the list is reported somewhere (the type checks the other direction)', () => {
  const sources = sourcesUsingRules();
  expect(RULE_IDS.filter((id) => !sources.includes(`'${id}'`))).toEqual([]);
});

test('the README links the rule table from its section on checking', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Checking your files'));
  expect(readme).toContain('## Checking your files');
  expect(section).toContain('(docs/rules.md)');
});
