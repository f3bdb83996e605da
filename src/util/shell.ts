/**
 * A path as a command line in a hint should show it, to be pasted into a shell: as it is when it
 * holds only characters no shell reads specially, else in single quotes (a path with a space,
 * `positions/izglītība ūdens/x.yaml`, split into two arguments when pasted). A path that starts
 * with `-` starts with `./`, or the command takes it for an option (`cd -dash`, after `init -- -dash`).
 * On Windows in double quotes, which cmd and PowerShell both read (neither reads single quotes),
 * and with its backslashes as they are, the folders' separators there, not escapes
 * (`"C:\Program Files\LibreOffice\program\soffice.exe"`).
 */
export function shellWord(text: string, platform: NodeJS.Platform = process.platform): string {
  const path = text.startsWith('-') ? `./${text}` : text;
  if (platform === 'win32') return /^[\p{L}\p{N}_\-./:@+=,\\]+$/u.test(path) ? path : `"${path}"`;
  return /^[\p{L}\p{N}_\-./:@%+=,]+$/u.test(path) ? path : `'${path.replaceAll("'", `'\\''`)}'`;
}

/**
 * A program's path as the first word of a command line in a hint, quoted as {@link shellWord} quotes
 * it, and what to say beside the command. PowerShell reads a line that starts with a quoted string as
 * that string ("Unexpected token") and runs it only after its call operator, `& "C:\Program Files\…"`;
 * cmd takes `&` for the start of another command and runs the quoted path as it is. So on Windows a
 * quoted program gets `& ` (PowerShell is the terminal Windows opens), and the note says cmd's way.
 */
export function programCall(path: string, platform: NodeJS.Platform = process.platform): { word: string; note: string } {
  const word = shellWord(path, platform);
  if (platform !== 'win32' || !word.startsWith('"')) return { word, note: '' };
  return { word: `& ${word}`, note: ' (in cmd, without the `& `)' };
}
