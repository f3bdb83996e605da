import { createPrompt, isDownKey, isEnterKey, isUpKey, makeTheme, useKeypress, usePagination, usePrefix, useState } from '@inquirer/core';
import { keysHelp, MARKS } from './marks.js';
import { choiceOf, type Choice } from './prompter.js';

/** A question answered by picking one option (see {@link codeSelect}). */
interface CodeSelectConfig {
  message: string;
  choices: readonly Choice<string>[];
  default?: string;
}

/** How many options are shown at once, as @inquirer/select shows them. */
const PAGE_SIZE = 7;

/**
 * The option `typed` names: its value in any case (`izm`), its number in the list, or the one
 * option whose name starts with it (`f` for "formal – …"); undefined when it names none, or several.
 */
export function typedChoice<T extends string>(choices: readonly Choice<T>[], typed: string): T | undefined {
  const text = typed.trim();
  if (/^\d+$/.test(text)) return choices[Number(text) - 1]?.value;
  const starting = choices.filter((c) => c.name.toLowerCase().startsWith(text.toLowerCase()));
  return choiceOf(choices, text) ?? (starting.length === 1 ? starting[0]?.value : undefined);
}

/**
 * One option, picked with the arrow keys, or named by typing it. @inquirer/select took what was
 * typed for a search that moved the cursor, and one that found nothing (`xx`, `imz` for IZM) left
 * it where it was: Enter wrote that option, the first in the list (AM) for init's issuing
 * ministry, without a word. Here what is typed is a line of its own; Enter answers with the
 * option it names (see {@link typedChoice}), or asks again saying why; with nothing typed, Enter
 * answers with the option under the cursor.
 */
export const codeSelect = createPrompt<string, CodeSelectConfig>((config, done) => {
  const theme = makeTheme({});
  const [status, setStatus] = useState<'idle' | 'done'>('idle');
  const [active, setActive] = useState(Math.max(0, config.choices.findIndex((c) => c.value === config.default)));
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const prefix = usePrefix({ status, theme });
  const count = config.choices.length;
  const example = config.choices[0]?.value ?? '';

  useKeypress((key, rl) => {
    if (status !== 'idle') return;
    const nothingTyped = typed.trim() === '';
    if (isEnterKey(key)) {
      const picked = nothingTyped ? config.choices[active]?.value : typedChoice(config.choices, typed);
      if (picked !== undefined) {
        setActive(config.choices.findIndex((c) => c.value === picked));
        setStatus('done');
        done(picked);
        return;
      }
      // readline emptied its line at Enter: the text goes back in, to be mended.
      rl.write(typed);
      setProblem(`\`${typed.trim()}\` names no one option of the list: type its code or number, e.g. ${example}, or empty the line to choose with the arrows.`);
      return;
    }
    if (nothingTyped && (isUpKey(key) || isDownKey(key))) {
      rl.clearLine(0);
      setTyped('');
      setActive((active + (isUpKey(key) ? count - 1 : 1)) % count);
      return;
    }
    setTyped(rl.line);
    setProblem(undefined);
  });

  const message = theme.style.message(config.message, status);
  if (status === 'done') return [prefix, message, theme.style.answer(config.choices[active]?.name ?? '')].join(' ');
  const page = usePagination({
    items: config.choices,
    active,
    renderItem: ({ item, isActive }) => (isActive && typed.trim() === '' ? theme.style.highlight(`${MARKS.pointer} ${item.name}`) : `${isActive ? MARKS.pointer : ' '} ${item.name}`),
    pageSize: PAGE_SIZE,
    loop: true,
  });
  const help = theme.style.help(keysHelp([['arrows', 'navigate'], ['enter', 'select']], `or type its code, e.g. ${example}`));
  const line = typed === '' ? '' : `\n${theme.style.highlight('Code:')} ${typed}`;
  return [`${prefix} ${message}${line}`, `${page}\n${help}${problem ? `\n${theme.style.error(problem)}` : ''}`];
});
