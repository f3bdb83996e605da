/** Fields a render printed empty (left out of the data), and their template/empty-value warnings. */

import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';

/** A field printed as text (`{{meeting.time}}`, `{{{position.bodyEn}}}`) while the data leaves it out (null): it prints nothing. */
export interface EmptyPrint {
  /** The template file or partial it is written in. */
  file: string;
  line: number;
  /** 1-based. */
  column: number;
  /** The path as written, `meeting.time`. */
  field: string;
  /** The mustache as written, `{{meeting.time}}` or `{{{position.bodyEn}}}`. */
  written: string;
  /** The position whose field it is (its id), when the field is a position's. */
  position?: string;
}

/** What {@link fieldPairs} names, with the mustache's place; undefined for a value that is no field (a helper's result). */
export function emptyPrint(options: unknown, raw: boolean): EmptyPrint | undefined {
  if (typeof options !== 'object' || options === null) return undefined;
  const hash: unknown = Reflect.get(options, 'hash');
  const loc: unknown = Reflect.get(options, 'loc');
  if (typeof hash !== 'object' || hash === null || typeof loc !== 'object' || loc === null) return undefined;
  const field: unknown = Reflect.get(hash, 'field');
  const file: unknown = Reflect.get(hash, 'file');
  const start: unknown = Reflect.get(loc, 'start');
  if (typeof field !== 'string' || field === '' || typeof file !== 'string' || typeof start !== 'object' || start === null) return undefined;
  const line: unknown = Reflect.get(start, 'line');
  const column: unknown = Reflect.get(start, 'column');
  if (typeof line !== 'number' || typeof column !== 'number') return undefined;
  const owner: unknown = Reflect.get(hash, 'owner');
  const id: unknown = typeof owner === 'object' && owner !== null && 'body' in owner && 'version' in owner ? Reflect.get(owner, 'id') : undefined;
  const written: unknown = Reflect.get(hash, 'written');
  return { file, line, column: column + 1, field, written: typeof written === 'string' ? written : raw ? `{{{${field}}}}` : `{{${field}}}`, ...(typeof id === 'string' ? { position: id } : {}) };
}

/**
 * One warning for each place a field was printed empty (a field of positions: naming each
 * position it was empty for), in the order they were printed; an error under `--final`, where
 * the report sent would have a hole there (a title ending 'Note on the', a number with no answer).
 */
export function emptyValueWarnings(found: readonly EmptyPrint[], meeting: string | undefined, final = false): Diagnostic[] {
  const places = new Map<string, EmptyPrint[]>();
  for (const one of found) {
    const key = `${one.file}:${one.line}:${one.column}`;
    const known = places.get(key);
    if (known) known.push(one);
    else places.set(key, [one]);
  }
  return [...places.values()].map((all) => {
    const [first] = all as [EmptyPrint, ...EmptyPrint[]];
    const positions = [...new Set(all.flatMap((one) => (one.position === undefined ? [] : [one.position])))];
    const whose = positions.length
      ? `for the position${positions.length > 1 ? 's' : ''} ${positions.map((id) => `\`${id}\``).join(', ')}${meeting ? ` of ${meeting}` : ''}`
      : /^(?:@root\.)?meeting\./.test(first.field)
        ? `for ${meeting ?? 'this meeting'}`
        : `in the data of ${meeting ?? 'this meeting'}`;
    const key = dataKey(first.field);
    const where = positions.length ? `the position’s file` : 'the meeting’s file';
    return diagnostic(
      first.file,
      { line: first.line, column: first.column },
      final ? 'error' : 'warning',
      'template/empty-value',
      `\`${first.field}\` is empty ${whose} (left out of the data), so \`${first.written}\` prints nothing here.`,
      `Print it only when it is there: {{#if ${first.field}}}…${first.written}…{{/if}}; or fill it in${key ? ` (\`${key}\` in ${where})` : ''}.`,
    );
  });
}

/** The key of the YAML file a model field comes from: `meeting.name.genitive` → `name.genitive`, `position.bodyEn` → `body_en`. */
function dataKey(field: string): string | undefined {
  const rest = /^(?:@root\.)?(?:meeting|(?:\.\.\/)*position)\.(.+)$/.exec(field)?.[1];
  return rest?.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
