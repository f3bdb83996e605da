import { createPrompt, isBackspaceKey, isEnterKey, isTabKey, makeTheme, useKeypress, usePrefix, useRef, useState } from '@inquirer/core';

/** A question answered with one line of text (see {@link linePrompt}). */
interface LineConfig {
  message: string;
  default?: string;
  validate?: (answer: string) => true | string;
}

/** Asks the terminal to mark pasted text (`ESC[200~` … `ESC[201~`), and to stop. */
export const BRACKETED_PASTE = { on: '\u001b[?2004h', off: '\u001b[?2004l' } as const;

/**
 * One line of text, where a paste is one piece of it. A topic or question copied from the
 * presidency's PDF comes with the line breaks of its layout, and a plain prompt took the first
 * break for Enter: it kept the first line as the answer and lost the rest without a word. With
 * bracketed paste on (see {@link BRACKETED_PASTE}; the terminal sends Node's `paste-start` and
 * `paste-end` keys around what is pasted), a line break inside a paste joins its lines with a space
 * instead; Enter typed after it answers. A terminal without bracketed paste sends no marks, and the
 * prompt answers at the first break as before.
 *
 * Enter, Tab (takes the default to edit) and Backspace on an empty line (drops the default) as
 * @inquirer/input has them, which this replaces for text questions.
 */
export const linePrompt = createPrompt<string, LineConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [fallback, setFallback] = useState<string | undefined>(config.default);
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const pasting = useRef(false);
  /** Whether a paste's lines were joined: their indents, tabs and blank lines are spaces to collapse. */
  const joined = useRef(false);
  const prefix = usePrefix({ status, theme });

  useKeypress((key, rl) => {
    if (key.name === 'paste-start' || key.name === 'paste-end') {
      pasting.current = key.name === 'paste-start';
      return;
    }
    if (status !== 'idle') return;
    if (isEnterKey(key) && pasting.current) {
      // readline has ended its line at the break: the text so far goes back in, and the next line after a space.
      const line = value.trimEnd() ? `${value.trimEnd()} ` : '';
      rl.write(line);
      setValue(line);
      joined.current = true;
      return;
    }
    if (isEnterKey(key)) {
      const answer = (joined.current ? value.replace(/[ \t]+/g, ' ').trim() : value) || fallback || '';
      const verdict = config.validate ? config.validate(answer) : true;
      if (verdict === true) {
        setValue(answer);
        setStatus('done');
        done(answer);
        return;
      }
      // readline emptied its line at Enter: the text goes back in, to be mended rather than typed again.
      rl.write(value);
      setProblem(verdict);
      return;
    }
    // Tab and Backspace on an empty line act on the default only when typed: a paste may start with a tab.
    if (isBackspaceKey(key) && !value && !pasting.current) setFallback(undefined);
    else if (isTabKey(key) && !value && fallback && !pasting.current) {
      rl.clearLine(0);
      rl.write(fallback);
      setValue(fallback);
      setFallback(undefined);
    } else {
      setValue(rl.line);
      setProblem(undefined);
    }
  });

  const message = theme.style.message(config.message, status);
  const shown = status === 'done' ? theme.style.answer(value) : value;
  const hint = fallback && status !== 'done' && !value ? theme.style.defaultAnswer(fallback) : undefined;
  return [[prefix, message, hint, shown].filter((part) => part !== undefined).join(' '), problem ? theme.style.error(problem) : ''];
});
