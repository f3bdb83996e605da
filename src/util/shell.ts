/**
 * A word as a command line in a hint should show it, to be pasted into a shell: as it is when it
 * holds only characters no shell reads specially, else in single quotes (a path with a space,
 * `positions/izglītība ūdens/x.yaml`, split into two arguments when pasted).
 */
export function shellWord(text: string): string {
  return /^[\p{L}\p{N}_\-./:@%+=,]+$/u.test(text) ? text : `'${text.replaceAll("'", `'\\''`)}'`;
}
