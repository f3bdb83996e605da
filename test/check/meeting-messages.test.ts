import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check } from '../../src/commands/check.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject } from '../helpers/project.js';

/** The example project with its meeting's text changed by `edit`; check's problems of the meeting, draft or final. */
async function checkMeetingAs(edit: (meeting: string) => string, final = false) {
  const dir = exampleProject();
  writeFileSync(join(dir, EXAMPLE_MEETING), edit(exampleFile(EXAMPLE_MEETING)));
  return check({ cwd: dir, paths: [EXAMPLE_MEETING], final });
}

/** The line (1-based) of the first line of `text` that matches `pattern`. */
function lineOf(text: string, pattern: RegExp): number {
  return text.split('\n').findIndex((line) => pattern.test(line)) + 1;
}

describe('the meeting rules say what is wrong, and where', () => {
  it('a meeting with no signature: the report has no signature block, and how to add one (no line: the key is not there)', async () => {
    const result = await checkMeetingAs((meeting) => meeting.replace(/^signature:\n(  .*\n)+/m, ''));
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'meeting/no-signature',
        severity: 'warning',
        file: EXAMPLE_MEETING,
        message: 'The report has no signature block: the meeting has no `signature`.',
        hint: 'Add `signature: { role: …, name: … }` (and `visa:`) to the meeting; `briefing new meeting` takes them from the config.',
      }),
    ]);
    expect(result.diagnostics[0]?.line).toBeUndefined();
  });

  it('a signature still `x` after import: at its line, to write who signs (not "the real value", nor the visa\'s "or delete")', async () => {
    const edit = (meeting: string) => meeting.replace(/^(signature:\n {2}role: ).*$/m, '$1x');
    const text = edit(exampleFile(EXAMPLE_MEETING));
    const result = await checkMeetingAs(edit);
    expect(result.diagnostics).toEqual([
      expect.objectContaining({
        ruleId: 'meeting/placeholder',
        severity: 'warning',
        line: lineOf(text, /^ {2}role: x$/),
        message: '`signature.role` is still `x`, the mark briefing import leaves where the report did not say.',
        hint: 'Write who signs the report (role and name).',
      }),
    ]);
  });

  it('a topic with a hyphen for a dash: said at the topic, the hyphen’s own line and column, naming `topic`', async () => {
    const edit = (meeting: string) => meeting.replace('piekļuve izglītībai – iekļaujoša', 'piekļuve izglītībai - iekļaujoša');
    const text = edit(exampleFile(EXAMPLE_MEETING));
    const result = await checkMeetingAs(edit);
    const line = lineOf(text, /^topic: /);
    expect(result.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', line, column: (text.split('\n')[line - 1] ?? '').indexOf(' - ') + 2 })]);
    expect(result.diagnostics[0]?.message).toContain('`topic`');
  });

  it('an empty background: a warning in a draft, an error under --final (exit 1), at `background`', async () => {
    const edit = (meeting: string) => meeting.replace(/^background: \|\n(?:(?: {2}.*)?\n)+?(?=\S)/m, 'background: ""\n');
    const text = edit(exampleFile(EXAMPLE_MEETING));
    expect(text).toContain('background: ""\n');
    const said = {
      ruleId: 'meeting/no-background',
      line: lineOf(text, /^background: ""$/),
      message: 'The meeting has an empty `background`: the report would go from the opening straight to the questions.',
    };
    const draft = await checkMeetingAs(edit);
    expect(draft.diagnostics).toEqual([expect.objectContaining({ ...said, severity: 'warning' })]);
    expect(draft.exitCode).toBe(0);
    const final = await checkMeetingAs(edit, true);
    expect(final.diagnostics.filter((d) => d.ruleId === 'meeting/no-background')).toEqual([expect.objectContaining({ ...said, severity: 'error' })]);
    expect(final.exitCode).toBe(1);
  });
});
