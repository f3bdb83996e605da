/**
 * `pieces` joined by `gap` in lines of at most `width` characters, a piece never split (a line the
 * terminal wrapped broke a word, or a mark from its meaning); lines after the first start with `indent`.
 */
export function packWords(pieces: readonly string[], gap: string, width: number, indent = ''): string[] {
  const lines: string[] = [];
  for (const piece of pieces) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + gap.length + piece.length <= width) lines[lines.length - 1] = `${last}${gap}${piece}`;
    else lines.push(`${lines.length ? indent : ''}${piece}`);
  }
  return lines;
}
