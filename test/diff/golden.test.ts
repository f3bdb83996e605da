import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { diff, type DiffFormat } from '../../src/commands/diff.js';
import { positionDocxMeta, positionMarkdown } from '../../src/diff/position-document.js';
import { compileDocx } from '../../src/docx/index.js';
import { loadProject } from '../../src/load/project.js';
import { parseYaml } from '../../src/load/yaml.js';
import { positionSchema, type Position } from '../../src/model/index.js';
import { exampleProject, REPO } from '../helpers/project.js';
import { notes, paragraphs } from '../helpers/redline.js';

const FIXTURES = join(REPO, 'test/fixtures/diff');
const CASES = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const UNCHANGED = new Set(['identical', 'rewrapped']);
/** 2021-02-19 00:00 UTC: the date of the working-tree versions in these comparisons. */
const EPOCH = 1613692800;

function fixture(name: string, file: string): string {
  return readFileSync(join(FIXTURES, name, file), 'utf8');
}

async function run(name: string, format: DiffFormat, extra: { whitespace?: boolean; stat?: boolean } = {}) {
  const cwd = exampleProject({ 'review/before.yaml': fixture(name, 'before.yaml'), 'review/after.yaml': fixture(name, 'after.yaml') });
  return diff({ cwd, files: ['review/before.yaml', 'review/after.yaml'], format, stat: false, whitespace: false, colour: false, sourceDateEpoch: EPOCH, ...extra });
}

function expectGolden(name: string, file: string, actual: string): void {
  const path = join(FIXTURES, name, file);
  if (process.env.UPDATE_GOLDEN === '1' || !existsSync(path)) writeFileSync(path, actual);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

function position(text: string): Position {
  const parsed = positionSchema.parse(parseYaml('fixture.yaml', text).data);
  return parsed;
}

/** The body text and the footnotes of a position's DOCX as `briefing` lays it out, without any tracked change. */
async function plainDocx(text: string): Promise<{ body: string[]; notes: string[]; referred: string[] }> {
  const p = position(text);
  const project = loadProject(REPO);
  const { bytes } = compileDocx(positionMarkdown(p), positionDocxMeta(p, project.config, project.ministries, 'x', '2021-02-19'), new Date(0));
  return { body: paragraphs(bytes, 'as-is'), notes: paragraphs(bytes, 'as-is', 'footnotes'), referred: notes(bytes, 'as-is') };
}

function squeeze(lines: string[]): string[] {
  return lines.map((line) => line.replace(/\s+/g, ' ').trim());
}

describe.each(CASES)('diff of the pair “%s”', (name) => {
  test('terminal, Markdown and exit code match the golden files', async () => {
    const terminal = await run(name, 'terminal');
    const markdown = await run(name, 'md');
    expect(terminal.exitCode).toBe(UNCHANGED.has(name) ? 0 : 1);
    expect(markdown.exitCode).toBe(terminal.exitCode);
    expect(typeof terminal.output).toBe('string');
    expectGolden(name, 'expected.txt', String(terminal.output));
    expectGolden(name, 'expected.md', String(markdown.output));
  });

  test.each([false, true])('the redline accepts to the new text and rejects to the old (whitespace counted: %s)', async (whitespace) => {
    const result = await run(name, 'docx', { whitespace });
    const redline = result.output;
    if (!(redline instanceof Uint8Array)) throw new Error('expected DOCX bytes');
    const before = await plainDocx(fixture(name, 'before.yaml'));
    const after = await plainDocx(fixture(name, 'after.yaml'));
    expect(paragraphs(redline, 'accept')).toEqual(after.body);
    expect(paragraphs(redline, 'accept', 'footnotes')).toEqual(after.notes);
    // Each reference left in the body points to its version's note.
    expect(squeeze(notes(redline, 'accept'))).toEqual(squeeze(after.referred));
    expect(squeeze(notes(redline, 'reject'))).toEqual(squeeze(before.referred));
    // Ignoring whitespace keeps the new spacing in unchanged text, so rejecting restores the old words, not the old spaces.
    const rejected = paragraphs(redline, 'reject');
    expect(whitespace ? rejected : squeeze(rejected)).toEqual(whitespace ? before.body : squeeze(before.body));
  });
});

test('--whitespace counts a re-wrapped, double-spaced line as a change', async () => {
  const ignored = await run('rewrapped', 'md');
  const counted = await run('rewrapped', 'md', { whitespace: true });
  expect(ignored.exitCode).toBe(0);
  expect(counted.exitCode).toBe(1);
  expect(String(counted.output)).toContain('Darbu{~~·~>↵~~}koordinē{~~↵~>·~~}ministrija{~~·~>··~~}kopā');
  // The terminal marks them as Markdown does: a space made a line break is no bare space replaced by a space.
  expect(String((await run('rewrapped', 'terminal', { whitespace: true })).output)).toContain('Darbu[-·-]{+↵+}koordinē[-↵-]{+·+}ministrija[-·-]{+··+}kopā');
});

test('--stat gives one line per position', async () => {
  const result = await run('item-added', 'terminal', { stat: true });
  expect(String(result.output).split('\n').filter((line) => line.startsWith('digital-schools'))).toEqual(['digital-schools  v2 → v3  +6 −1 words, 3 paragraphs, 1 status change']);
  const json: unknown = JSON.parse(String((await run('item-added', 'json', { stat: true })).output));
  expect(json).toMatchObject({ kind: 'position', equal: false, stat: [{ subject: 'digital-schools', from: 'v2', to: 'v3', inserted: 6, deleted: 1, blocks: 3, metadata: 1 }] });
});
