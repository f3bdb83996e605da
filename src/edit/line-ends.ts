/**
 * True when the text has line breaks and every one of them is CRLF: a file from a Windows
 * checkout (`core.autocrlf`) or committed so. Such a file is edited as LF and written back with
 * CRLF, so the lines an edit writes end as the file's others do.
 */
export function usesCrlf(text: string): boolean {
  const breaks = text.split('\n').length - 1;
  return breaks > 0 && text.split('\r\n').length - 1 === breaks;
}
