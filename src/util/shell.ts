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

/**
 * A program's path as a command in a hint starts with it: as {@link shellWord} quotes it, but on
 * Windows in double quotes, and only when it has a space (`"C:\Program Files\LibreOffice\program\soffice.exe"`),
 * as cmd reads no single quotes and backslashes are the folders' separators there, not escapes.
 */
export function programWord(path: string, platform: NodeJS.Platform = process.platform): string {
  if (platform !== 'win32') return shellWord(path);
  return /\s/.test(path) ? `"${path}"` : path;
}
