import type { StatLine } from '../compare.js';

/** One aligned line per position (and one for the whole report): versions, words added and removed, other changes. */
export function statTable(lines: readonly StatLine[]): string[] {
  const rows = lines.map((line) => {
    const versions = line.from === line.to ? (line.to ?? '') : `${line.from ?? '—'} → ${line.to ?? '—'}`;
    const parts: string[] = [];
    if (line.inserted || line.deleted) parts.push(`+${line.inserted} −${line.deleted} words`);
    if (line.blocks) parts.push(`${line.blocks} ${line.blocks === 1 ? 'paragraph' : 'paragraphs'}`);
    if (line.metadata) parts.push(`${line.metadata} ${line.metadata === 1 ? 'status change' : 'status changes'}`);
    return [line.subject, versions, parts.join(', ') || 'unchanged'];
  });
  const widths = [0, 1].map((column) => Math.max(...rows.map((row) => row[column]?.length ?? 0)));
  return rows.map((row) => `${(row[0] ?? '').padEnd(widths[0] ?? 0)}  ${(row[1] ?? '').padEnd(widths[1] ?? 0)}  ${row[2] ?? ''}`.trimEnd());
}
