import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_MEETING, exampleProject, runCli } from '../helpers/project.js';
import { docxParts, paragraphTexts, part } from '../helpers/docx.js';
import { WordEdit } from '../helpers/word-edit.js';

const DOCX = 'out/IZMzin_190221_EDUC.docx';
const POSITION = 'positions/educ/equity-reforms.yaml';
const TASKS = '  Darbi:\n\n  - [x] memorands parakstīts;\n  - [ ] iepirkums izsludināts.\n';
const ANNA = { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' };

/** The example, with `markdown` (indented as in the YAML) added at the end of a position's body, built. */
function builtWith(markdown: string): string {
  const dir = exampleProject();
  const text = readFileSync(join(dir, POSITION), 'utf8');
  writeFileSync(join(dir, POSITION), text.replace('\n# Clearance by ministry code', `\n${markdown}\n# Clearance by ministry code`));
  const build = runCli(['build', EXAMPLE_MEETING], dir);
  expect(build.status, build.stderr).toBe(0);
  return dir;
}

/** Accepts a reviewer's tracked rewording of `from` to `to` in the paragraph holding `context`; returns what review printed. */
function acceptEdit(dir: string, context: string, from: string, to: string): string {
  const edit = new WordEdit(readFileSync(join(dir, DOCX))).replace(context, from, to, ANNA);
  const path = join(dir, 'out/reviewed.docx');
  writeFileSync(path, edit.bytes());
  const run = runCli(['review', path, '--accept'], dir);
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

function body(dir: string): string {
  return String(parseDocument(readFileSync(join(dir, POSITION), 'utf8')).get('body'));
}

describe('GFM task list items', () => {
  it('keep their state in the DOCX: the item starts with a ballot box, ☒ done, ☐ not', () => {
    const dir = builtWith(TASKS);
    const texts = paragraphTexts(part(docxParts(readFileSync(join(dir, DOCX))), 'word/document.xml'));
    expect(texts).toContain('☒ memorands parakstīts;');
    expect(texts).toContain('☐ iepirkums izsludināts.');
    // The Markdown keeps the task syntax.
    expect(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.md'), 'utf8')).toContain('- [x] memorands parakstīts;\n- [ ] iepirkums izsludināts.');
  });

  it('read back from the DOCX: untouched, they are unchanged; a reworded one keeps its box as `[ ]`', () => {
    const dir = builtWith(TASKS);
    const untouched = runCli(['review', join(dir, DOCX)], dir);
    expect(untouched.status, untouched.stderr).toBe(0);
    expect(untouched.stdout).toContain('no tracked changes or comments');

    const before = body(dir);
    expect(acceptEdit(dir, 'iepirkums izsludināts', 'iepirkums', 'konkurss')).not.toContain('edited without track changes');
    expect(body(dir)).toBe(before.replace('- [ ] iepirkums izsludināts.', '- [ ] konkurss izsludināts.'));
  });
});

describe('struck-through text', () => {
  it('keeps its `~~` when a reviewer rewords another word of its paragraph', () => {
    const dir = builtWith('  Plāna ~~pirmā~~ otrā redakcija ir publicēta.\n');
    const before = body(dir);
    expect(acceptEdit(dir, 'redakcija ir publicēta', 'publicēta', 'apstiprināta')).not.toContain('edited without track changes');
    expect(body(dir)).toBe(before.replace('Plāna ~~pirmā~~ otrā redakcija ir publicēta.', 'Plāna ~~pirmā~~ otrā redakcija ir apstiprināta.'));
  });
});
