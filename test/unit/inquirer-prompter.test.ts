import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/diagnostics/errors.js';
import { promptsOn } from '../../src/prompt/inquirer.js';

/** A terminal of streams: keys written to `keys` reach the prompt, what it draws is dropped. */
function terminal(): { keys: PassThrough; prompter: ReturnType<typeof promptsOn> } {
  const keys = Object.assign(new PassThrough(), { isTTY: true, setRawMode: () => {} });
  const screen = new PassThrough();
  screen.resume();
  return { keys, prompter: promptsOn({ input: keys, output: screen }) };
}

describe('the terminal prompter', () => {
  it('takes the codes typed at a checkbox (a desk officer typing “am”, “fm lm”) for the answer, space ticking only while nothing is typed', async () => {
    const { keys, prompter } = terminal();
    const answer = prompter.checkbox({ message: 'Ministries that must clear every position', choices: ['AM', 'LM', 'FM'].map((code) => ({ value: code, name: code })) });
    setTimeout(() => keys.write('am\r'), 50);
    // The `a` shortcut ticked every ministry.
    expect(await answer).toEqual(['AM']);

    // The space between the codes ticked the ministry under the cursor, AM, and Enter wrote it: neither typed.
    const spaced = terminal();
    const typed = spaced.prompter.checkbox({ message: 'Ministries', choices: ['AM', 'LM', 'FM'].map((code) => ({ value: code, name: code })) });
    setTimeout(() => spaced.keys.write('fm lm\r'), 50);
    expect(await typed).toEqual(['LM', 'FM']);

    // A word that names no ministry is asked again, the line kept to be mended.
    const wrong = terminal();
    const mended = wrong.prompter.checkbox({ message: 'Ministries', choices: ['AM', 'LM', 'FM'].map((code) => ({ value: code, name: code })) });
    setTimeout(() => wrong.keys.write('fm, xx\r'), 50);
    setTimeout(() => wrong.keys.write('\u007f\u007f\u007f\u007f\r'), 150);
    expect(await mended).toEqual(['FM']);

    // Enter alone keeps what is ticked.
    const kept = terminal();
    const defaults = kept.prompter.checkbox({ message: 'Ministries', choices: ['AM', 'LM', 'FM'].map((code) => ({ value: code, name: code })), default: ['FM'] });
    setTimeout(() => kept.keys.write('\r'), 50);
    expect(await defaults).toEqual(['FM']);

    const second = terminal();
    const ticked = second.prompter.checkbox({ message: 'Ministries', choices: ['AM', 'LM', 'FM'].map((code) => ({ value: code, name: code })) });
    // Down to LM, tick it, and submit.
    setTimeout(() => second.keys.write('\u001b[B \r'), 50);
    expect(await ticked).toEqual(['LM']);
  });

  // @inquirer/select took typing for a search; one that found nothing left the cursor on the first ministry, AM, which Enter wrote.
  it('takes the code, number or start of a name typed at a choice, and asks again after one that names no one option', async () => {
    const MINISTRIES = ['AM', 'IEM', 'IZM', 'VK'].map((code) => ({ value: code, name: `${code} – ministrija` }));
    const typed = terminal();
    const code = typed.prompter.select({ message: 'Issuing ministry', choices: MINISTRIES });
    setTimeout(() => typed.keys.write('izm\r'), 50);
    expect(await code).toBe('IZM');

    const wrong = terminal();
    const mended = wrong.prompter.select({ message: 'Issuing ministry', choices: MINISTRIES });
    setTimeout(() => wrong.keys.write('imz\r'), 50);
    setTimeout(() => wrong.keys.write('\u007f\u007fzm\r'), 150);
    expect(await mended).toBe('IZM');

    const kinds = terminal();
    const kind = kinds.prompter.select({ message: 'Kind', choices: [{ value: 'formal', name: 'formal – a Council meeting' }, { value: 'informal', name: 'informal – …' }] });
    setTimeout(() => kinds.keys.write('i\r'), 50);
    expect(await kind).toBe('informal');

    const arrows = terminal();
    const moved = arrows.prompter.select({ message: 'Owner', choices: MINISTRIES, default: 'IZM' });
    setTimeout(() => arrows.keys.write('\u001b[B\r'), 50);
    expect(await moved).toBe('VK');
  });

  it('takes Ctrl-C at a question for the end of the command, as Ctrl-C ends any other (exit 130), nothing written', async () => {
    const { keys, prompter } = terminal();
    const answer = prompter.text({ message: 'Topic' });
    setTimeout(() => keys.write('\u0003'), 50);
    const error: unknown = await answer.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toMatchObject({ message: 'Cancelled; nothing written.', exitCode: 130 });
  });

  // A topic copied from the presidency's PDF comes with its layout's line breaks: the first one answered the
  // question, and the rest of the paste was lost without a word.
  it('takes a paste of several lines, as the terminal marks it, for one answer, its lines joined by a space', async () => {
    const { keys, prompter } = terminal();
    const answer = prompter.text({ message: 'Topic' });
    setTimeout(() => keys.write('\u001b[200~Vienlīdzīga piekļuve izglītībai –\r  iekļaujoša izglītība\r\r\u001b[201~\r'), 50);
    expect(await answer).toBe('Vienlīdzīga piekļuve izglītībai – iekļaujoša izglītība');

    // A tab at the start of a paste is text, not Tab taking the default (found by the read-only review: "Deffirst second").
    const tabbed = terminal();
    const withDefault = tabbed.prompter.text({ message: 'Topic', default: 'Def' });
    setTimeout(() => tabbed.keys.write('\u001b[200~\tfirst\rsecond\tthird\u001b[201~\r'), 50);
    expect(await withDefault).toBe('first second third');
  });

  it('answers at Enter typed outside a paste; takes the default at Enter and to edit at Tab; asks again after an invalid answer', async () => {
    const typed = terminal();
    const first = typed.prompter.text({ message: 'Topic' });
    setTimeout(() => typed.keys.write('Tēma\r'), 50);
    expect(await first).toBe('Tēma');

    const fallback = terminal();
    const taken = fallback.prompter.text({ message: 'Presidency', default: 'Portugāle' });
    setTimeout(() => fallback.keys.write('\r'), 50);
    expect(await taken).toBe('Portugāle');

    const edited = terminal();
    const tabbed = edited.prompter.text({ message: 'Presidency', default: 'Portugāle' });
    setTimeout(() => edited.keys.write('\ts\r'), 50);
    expect(await tabbed).toBe('Portugāles');

    const checked = terminal();
    const again = checked.prompter.text({ message: 'Time', validate: (value) => (/^\d\d\.\d\d$/.test(value) ? true : 'Write HH.MM') });
    setTimeout(() => checked.keys.write('10:00\r'), 50);
    // The text stays on the line to be mended: three keys back and the right separator.
    setTimeout(() => checked.keys.write('\u007f\u007f\u007f.00\r'), 150);
    expect(await again).toBe('10.00');
  });
});
