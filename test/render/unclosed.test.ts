import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { build } from '../../src/commands/build.js';
import { check } from '../../src/commands/check.js';
import { baseProject, baseText as base } from '../helpers/corpus.js';

const POSITION = 'positions/youth/youth-participation.yaml';
const MEETING = 'meetings/2021-05-17-youth.yaml';


/** The first question's answer with `lines` added under its first line (file lines 11 on). */
function withBody(lines: string): Record<string, string> {
  const indented = lines.split('\n').map((line) => (line ? `  ${line}` : '')).join('\n');
  return { [POSITION]: base(POSITION).replace(/(body: \|\n {2}.*\n)/, `$1${indented}\n`) };
}

async function checkAndBuild(files: Record<string, string>) {
  const dir = baseProject(files);
  const checked = await check({ cwd: dir, paths: [], final: false });
  const built = await build({ cwd: dir, inputs: [MEETING], final: false, out: 'out', formats: ['md', 'docx'] });
  return { checked, built, written: existsSync(join(dir, 'out/IZMzin_170521_EYCS.md')) || existsSync(join(dir, 'out/IZMzin_170521_EYCS.docx')) };
}

const where = (diagnostics: readonly { ruleId: string; file: string; line?: number; column?: number }[]) =>
  diagnostics.filter((d) => d.ruleId === 'markdown/unclosed').map((d) => [d.file, d.line, d.column]);

describe('a Markdown field cannot run past its end (markdown/unclosed)', () => {
  test.each([
    ['an HTML comment', '\n<!-- a note to self'],
    ['a code fence', '\n```\nsome code'],
    ['a tilde fence closed by a shorter one', '\n~~~~\ncode\n~~~'],
    ['a <pre> block', '\n<pre>\npreformatted'],
    ['a processing instruction', '\n<?php echo 1;'],
  ])('%s is an error at its first line, in check and build, and nothing is written', async (_name, lines) => {
    const { checked, built, written } = await checkAndBuild(withBody(lines));
    expect(where(checked.diagnostics)).toEqual([[POSITION, 12, 3]]);
    expect(checked.exitCode).toBe(1);
    expect(where(built.diagnostics)).toEqual([[POSITION, 12, 3]]);
    expect(written).toBe(false);
  });

  test('in the meeting background too, at the YAML line and column', async () => {
    const meeting = base(MEETING).replace(/(background: \|\n {2}.*\n)/, '$1\n  Teksts <b>\n\n  <!--\n  komentārs\n');
    const { checked } = await checkAndBuild({ [MEETING]: meeting });
    expect(where(checked.diagnostics)).toEqual([[MEETING, 18, 3]]);
  });

  test('in a folded outcome (`>-`), at the line where the comment opens', async () => {
    const meeting = `${base(MEETING)}outcome: >-\n  Rezultātus izmantos secinājumos.\n\n  Vēl viens teikums.\n\n  <!-- komentārs\n`;
    const line = meeting.split('\n').indexOf('  <!-- komentārs') + 1;
    const { checked } = await checkAndBuild({ [MEETING]: meeting });
    expect(where(checked.diagnostics)).toEqual([[MEETING, line, 3]]);
  });

  test('closed constructs are fine, and the next question is still a question', async () => {
    const { checked, built } = await checkAndBuild(withBody('\n<!-- a note -->\n\n```\ncode\n```'));
    expect(where(checked.diagnostics)).toEqual([]);
    expect(built.exitCode).toBe(0);
  });
});
