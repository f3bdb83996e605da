/**
 * A text with its letters composed (NFC), as the YAML loader gives a file's values, and for each
 * of its characters, and one past its end, the offset in `written` it comes from: so a place found
 * in the composed text is one in the text as written, where "ā" may be "a" and a combining macron
 * (macOS, text copied from a PDF), and an editor counts both in its columns. `printed` may change
 * each composed letter further, one character for one, or leave it out.
 */
export function composedText(written: string, printed: (letter: string) => string = (letter) => letter): { text: string; offsets: number[] } {
  let text = '';
  const offsets: number[] = [];
  // A letter with the marks that follow it is composed as one: the marks belong to it.
  for (const { 0: cluster, index } of written.matchAll(/\P{M}\p{M}*|\p{M}+/gu)) {
    const letter = printed(cluster.normalize('NFC'));
    const composed = letter.length !== cluster.length;
    for (let at = 0; at < letter.length; at++) offsets.push(index + (composed ? 0 : at));
    text += letter;
  }
  offsets.push(written.length);
  return { text, offsets };
}
