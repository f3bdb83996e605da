/**
 * A path as a command line in a hint should show it, to be pasted into a shell: as it is when it
 * holds only characters no shell reads specially, else in single quotes (a path with a space,
 * `positions/izglītība ūdens/x.yaml`, split into two arguments when pasted). A path that starts
 * with `-` starts with `./`, or the command takes it for an option (`cd -dash`, after `init -- -dash`).
 */
export function shellWord(text: string): string {
  const path = text.startsWith('-') ? `./${text}` : text;
  return /^[\p{L}\p{N}_\-./:@%+=,]+$/u.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}
