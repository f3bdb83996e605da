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
  it('ticks nothing for letters typed at a checkbox (a desk officer typing “am”), only what space ticks', async () => {
    const { keys, prompter } = terminal();
    const answer = prompter.checkbox({ message: 'Ministries that must clear every position', choices: ['AM', 'LM', 'FM'].map((code) => ({ value: code, name: code })) });
    setTimeout(() => keys.write('am\r'), 50);
    // The `a` shortcut ticked every ministry.
    expect(await answer).toEqual([]);

    const second = terminal();
    const ticked = second.prompter.checkbox({ message: 'Ministries', choices: ['AM', 'LM', 'FM'].map((code) => ({ value: code, name: code })) });
    // Down to LM, tick it, and submit.
    setTimeout(() => second.keys.write('\u001b[B \r'), 50);
    expect(await ticked).toEqual(['LM']);
  });

  it('takes Ctrl-C at a question for the end of the command, as Ctrl-C ends any other (exit 130), nothing written', async () => {
    const { keys, prompter } = terminal();
    const answer = prompter.text({ message: 'Topic' });
    setTimeout(() => keys.write('\u0003'), 50);
    const error: unknown = await answer.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(UsageError);
    expect(error).toMatchObject({ message: 'Cancelled; nothing written.', exitCode: 130 });
  });
});
