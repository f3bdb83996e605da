/**
 * Whether a stream is a terminal that understands control sequences: a terminal, and not one that
 * says `TERM=dumb` (Emacs' shell, some IDE consoles), which prints them as text. Colours, the build's
 * progress line and bracketed paste in prompts all ask this one question.
 */
export function isCapableTerminal(isTTY: boolean | undefined, env: Readonly<Record<string, string | undefined>>): boolean {
  return isTTY === true && env.TERM !== 'dumb';
}
