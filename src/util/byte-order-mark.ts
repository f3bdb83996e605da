/** A text without the byte-order mark that may start it (Notepad saves "UTF-8 with BOM"): no text of the file's, and no JSON or YAML. */
export function withoutBom(text: string): string {
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
