import figures, { mainSymbols } from '@inquirer/figures';

/**
 * Whether the terminal draws symbols beyond ASCII, as @inquirer/figures judges it: not the Linux
 * text console (TERM=linux), nor an older Windows console, whose fonts have no ❯ ◉ ◯ ⏎.
 */
const SYMBOLS = figures.pointer === mainSymbols.pointer;

/** What the arrow-key questions draw: the cursor and the ticks, as figures gives them for this terminal. */
export const MARKS = { pointer: figures.pointer, ticked: figures.circleFilled, unticked: figures.circle };

/**
 * A list's help line: the keys it answers to, then `more` (how else to answer). Symbols where the
 * terminal has them (`↑↓ navigate • ⏎ select • …`), words where not (`Up/Down: navigate, Enter: select, …`).
 */
export function keysHelp(keys: readonly (readonly [key: 'arrows' | 'space' | 'enter', does: string])[], more: string): string {
  if (SYMBOLS) return [...keys.map(([key, does]) => `${{ arrows: '↑↓', space: 'space', enter: '⏎' }[key]} ${does}`), more].join(' • ');
  return [...keys.map(([key, does]) => `${{ arrows: 'Up/Down', space: 'Space', enter: 'Enter' }[key]}: ${does}`), more].join(', ');
}
