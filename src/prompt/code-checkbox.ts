import { createPrompt, isDownKey, isEnterKey, isSpaceKey, isUpKey, makeTheme, useKeypress, usePagination, usePrefix, useState } from '@inquirer/core';
import { keysHelp, MARKS } from './marks.js';
import { picks } from './plain.js';
import type { Choice } from './prompter.js';

/** A question answered by ticking any number of options (see {@link codeCheckbox}). */
interface CodeCheckboxConfig {
  message: string;
  choices: readonly Choice<string>[];
  default?: readonly string[];
}

/** How many options are shown at once, as @inquirer/checkbox shows them. */
const PAGE_SIZE = 7;

/**
 * Options ticked with the arrow keys and space, or named by typing them. A desk officer typing the
 * codes, `fm, lm`, at @inquirer/checkbox had the space between them tick the option under the cursor
 * (`AM`) and Enter write it, not one of those typed. Here what is typed is a line of its own, the
 * codes or numbers of the options separated by commas or spaces, as the plain prompter takes them;
 * Enter answers with those, or asks again naming the word that is none; space ticks only while
 * nothing is typed. Enter with nothing typed answers with the ticked options.
 */
export const codeCheckbox = createPrompt<string[], CodeCheckboxConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [ticked, setTicked] = useState<readonly string[]>(config.default ?? []);
  const [active, setActive] = useState(0);
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [answer, setAnswer] = useState<readonly string[]>([]);
  const prefix = usePrefix({ status, theme });
  const count = config.choices.length;
  const example = config.choices
    .slice(0, 2)
    .map((c) => c.value)
    .join(', ');

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    const finish = (values: readonly string[]) => {
      const chosen = config.choices.filter((c) => values.includes(c.value)).map((c) => c.value);
      setAnswer(chosen);
      setStatus('done');
      done(chosen);
    };
    if (isEnterKey(key)) {
      if (typed.trim() === '') return finish(ticked);
      const named = picks(config.choices, typed);
      if (named !== undefined) return finish(named);
      // readline emptied its line at Enter: the text goes back in, to be mended.
      rl.write(typed);
      setProblem(`Type codes or numbers from the list, separated by commas (e.g. ${example}), or empty the line to tick with space.`);
      return;
    }
    const nothingTyped = typed.trim() === '';
    if (nothingTyped && isSpaceKey(key)) {
      rl.clearLine(0);
      setTyped('');
      const value = config.choices[active]?.value;
      if (value !== undefined) setTicked(ticked.includes(value) ? ticked.filter((v) => v !== value) : [...ticked, value]);
      return;
    }
    if (nothingTyped && (isUpKey(key) || isDownKey(key))) {
      setActive((active + (isUpKey(key) ? count - 1 : 1)) % count);
      return;
    }
    setTyped(rl.line);
    setProblem(undefined);
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') return [prefix, message, theme.style.answer(config.choices.filter((c) => answer.includes(c.value)).map((c) => c.name).join(', '))].join(' ');
  const page = usePagination({
    items: config.choices,
    active,
    renderItem: ({ item, isActive }) => {
      const line = `${isActive ? MARKS.pointer : ' '}${ticked.includes(item.value) ? MARKS.ticked : MARKS.unticked} ${item.name}`;
      return isActive && typed === '' ? theme.style.highlight(line) : line;
    },
    pageSize: PAGE_SIZE,
    loop: true,
  });
  const help = theme.style.help(keysHelp([['arrows', 'navigate'], ['space', 'select'], ['enter', 'submit']], `or type codes, e.g. ${example}`));
  const line = typed === '' ? '' : `\n${theme.style.highlight('Codes:')} ${typed}`;
  return [`${prefix} ${message}${line}`, `${page}\n${help}${problem ? `\n${theme.style.error(problem)}` : ''}`];
});
