/** One replacement in a text: the characters from `from` up to `to` (not included) become `text`; `from === to` inserts. */
export interface TextEdit {
  from: number;
  to: number;
  text: string;
}

/**
 * `text` with every edit made, in one pass: the edits are sorted by place and the text between
 * them is copied once. Making them one at a time, each copying the whole text, costs the text's
 * length for every edit: a field with 8,000 footnotes took minutes. Edits must not overlap; of
 * two at the same place, the one given first comes first.
 */
export function spliceAll(text: string, edits: readonly TextEdit[]): string {
  if (!edits.length) return text;
  const ordered = edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.from - b.edit.from || a.edit.to - b.edit.to || a.index - b.index);
  const parts: string[] = [];
  let copied = 0;
  for (const { edit } of ordered) {
    parts.push(text.slice(copied, edit.from), edit.text);
    copied = Math.max(copied, edit.to);
  }
  parts.push(text.slice(copied));
  return parts.join('');
}
