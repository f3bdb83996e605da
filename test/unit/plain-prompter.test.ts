import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/diagnostics/errors.js';
import { plainPrompter } from '../../src/prompt/plain.js';

const MINISTRIES = ['AM', 'FM', 'IZM', 'LM'].map((code) => ({ value: code, name: `${code} ministry` }));

/** A plain prompter fed `typed` (lines, all at once, as a paste or a pipe gives them), with what it printed. */
function fed(typed: string) {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  input.end(typed);
  return { prompter: plainPrompter(input, output), printed: () => printed };
}

describe('the prompter for a terminal that says TERM=dumb', () => {
  it('numbers the choices, marks the defaults, and takes a number or a value in any case', async () => {
    const { prompter, printed } = fed('3\nfm, 4\n');
    expect(await prompter.select({ message: 'Issuing ministry', choices: MINISTRIES, default: 'AM' })).toBe('IZM');
    expect(await prompter.checkbox({ message: 'Ministries that clear', choices: MINISTRIES, default: ['LM'] })).toEqual(['FM', 'LM']);
    expect(printed()).toContain('? Issuing ministry\n* 1) AM ministry\n  2) FM ministry\n  3) IZM ministry\n');
    expect(printed()).toContain('  3) IZM ministry\n* 4) LM ministry\n  Numbers or values, separated by commas; - for none (LM): ');
    expect(printed()).not.toContain('\u001b');
  });

  it('takes the default at an empty line, none at a dash, and asks again after an answer that names nothing or too much', async () => {
    const { prompter, printed } = fed('\n9\n1 2\nLM\n\n-\n\nxx\nlabs\n');
    expect(await prompter.select({ message: 'Issuing ministry', choices: MINISTRIES, default: 'FM' })).toBe('FM');
    expect(await prompter.select({ message: 'Issuing ministry', choices: MINISTRIES })).toBe('LM');
    expect(printed().match(/Type one number from 1 to 4, or one of the values listed\./g)).toHaveLength(2);
    expect(await prompter.checkbox({ message: 'Ministries', choices: MINISTRIES, default: ['AM', 'IZM'] })).toEqual(['AM', 'IZM']);
    expect(await prompter.checkbox({ message: 'Ministries', choices: MINISTRIES, default: ['AM'] })).toEqual([]);
    expect(await prompter.text({ message: 'Unit', default: 'ESD' })).toBe('ESD');
    expect(await prompter.text({ message: 'Topic', validate: (answer) => (answer.length > 2 ? true : 'Too short.') })).toBe('labs');
    // What is typed is echoed by the terminal, not here: the reason follows the question on its line.
    expect(printed()).toMatch(/\? Topic: {3}Too short\.\n\? Topic: $/);
  });

  // Enter took the default, and anything typed was an answer: a meeting in person had Briselē, or the config's signatory, whatever was typed.
  it('takes a dash for none where the answer may be empty and a default is offered, and says so with the question', async () => {
    const optional = (answer: string) => (answer === '' || answer.length > 1 ? true : 'Too short.');
    const { prompter, printed } = fed('-\n-\n');
    expect(await prompter.text({ message: 'Where it is held (optional)', default: 'Briselē', validate: optional })).toBe('');
    expect(printed()).toContain('? Where it is held (optional) (Briselē; - for none): ');
    // Where an answer is needed, a dash is an answer like any other.
    expect(await prompter.text({ message: 'Presidency', default: 'Portugāle', validate: (answer) => (answer === '' ? 'needed' : true) })).toBe('-');
  });

  it('cancels with nothing written when the input ends before an answer (Ctrl-D), the question’s line ended first', async () => {
    const { prompter, printed } = fed('');
    const error: unknown = await prompter.text({ message: 'Topic' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toMatchObject({ message: 'Cancelled; nothing written.' });
    // As at Ctrl-C: the message that follows starts a line of its own, not "? Topic: briefing: Cancelled; …".
    expect(printed()).toBe('? Topic: \n');
  });

  // On such a terminal Ctrl-C is the terminal's SIGINT: it ended the command with `^C` and not a word.
  it('cancels at Ctrl-C while a question waits (exit 130), and listens for it only then', async () => {
    const before = process.listenerCount('SIGINT');
    const answered = fed('IZM\n');
    expect(await answered.prompter.text({ message: 'Ministry' })).toBe('IZM');
    expect(process.listenerCount('SIGINT')).toBe(before);

    const input = new PassThrough();
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
    const waiting = plainPrompter(input, output).text({ message: 'Topic' }).catch((caught: unknown) => caught);
    expect(process.listenerCount('SIGINT')).toBe(before + 1);
    process.emit('SIGINT', 'SIGINT');
    expect(await waiting).toMatchObject({ message: 'Cancelled; nothing written.', exitCode: 130 });
    expect(printed).toBe('? Topic: \n');
    expect(process.listenerCount('SIGINT')).toBe(before);
  });
});
