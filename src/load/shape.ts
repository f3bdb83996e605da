import * as z from 'zod';
import type { YamlFile } from './yaml.js';
import { diagnostic, type Diagnostic } from '../diagnostics/diagnostic.js';
import { isRuleId } from '../diagnostics/rules.js';
import { suggest } from '../util/suggest.js';
import { isDateShaped, isRealDate, readDay } from '../model/date.js';
import { isRecord } from '../util/record.js';
import { codePointName, unseenHint, unseenNote, withUnseenShown } from './characters.js';
import { formatHint } from './format-hint.js';

/** A parsed value with the diagnostics its schema check produced. */
export interface Checked<T> {
  /** The validated value; absent when any error was found. */
  value?: T;
  diagnostics: Diagnostic[];
}

/** Describes what the file is ("meeting", "position"), for messages. */
export type FileKind = 'meeting' | 'position' | 'ministries registry' | 'config' | 'template';

/**
 * Checks a parsed YAML file against its schema. Every issue is reported (not just the
 * first), each at the line and column of the offending key or value, with a hint.
 */
export function checkSchema<S extends z.ZodType>(file: YamlFile, schema: S, kind: FileKind): Checked<z.output<S>> {
  if (file.data === undefined) return { diagnostics: [] };
  const result = schema.safeParse(file.data);
  const diagnostics = result.success ? [] : withoutTypoEchoes(result.error.issues.flatMap((issue) => issueToDiagnostics(file, schema, kind, issue)));
  const proto = protoKeys(file, kind, diagnostics);
  if (result.success && !proto.length) return { value: result.data, diagnostics: [] };
  return { diagnostics: [...diagnostics, ...proto] };
}

/**
 * A `__proto__` key, at any depth. zod's records skip it without a word (it is how
 * prototypes are polluted), so it is reported here like any other unknown key, unless
 * the schema check already did.
 */
function protoKeys(file: YamlFile, kind: FileKind, reported: readonly Diagnostic[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  const visit = (value: unknown, path: (string | number)[]) => {
    if (Array.isArray(value)) value.forEach((item, index) => visit(item, [...path, index]));
    else if (typeof value === 'object' && value !== null) {
      for (const key of Object.keys(value)) {
        const inner: unknown = Object.getOwnPropertyDescriptor(value, key)?.value;
        if (key === '__proto__') {
          const place = file.locate([...path, key], 'key');
          const known = reported.some((d) => d.ruleId === 'schema/unknown-key' && d.line === place?.line && d.column === place?.column);
          if (!known) found.push(diagnostic(file.path, place, 'error', 'schema/unknown-key', `Unknown field \`${fieldName([...path, key])}\` in this ${kind}.`, 'Remove it: `__proto__` is never a field.'));
        } else visit(inner, [...path, key]);
      }
    }
  };
  visit(file.data, []);
  return found;
}

/**
 * A misspelt key is both unknown and, when the field is required, missing. The message
 * about the unknown key already names the right one, so the "missing" echo is dropped.
 */
function withoutTypoEchoes(diagnostics: readonly SchemaDiagnostic[]): Diagnostic[] {
  const suggested = new Set(diagnostics.flatMap((d) => (d.ruleId === 'schema/unknown-key' && d.field ? [d.field] : [])));
  return diagnostics
    .filter((d) => !(d.ruleId === 'schema/required' && d.field && suggested.has(d.field)))
    .map(({ field: _field, ...d }) => d);
}

/** A diagnostic with, for typo matching, the field it is about (`clearance.LM.status`). */
type SchemaDiagnostic = Diagnostic & { field?: string };

function issueToDiagnostics(file: YamlFile, schema: z.ZodType, kind: FileKind, issue: z.core.$ZodIssue): SchemaDiagnostic[] {
  const found = issueDiagnostics(file, schema, kind, issue);
  // The list counts from 0; a question is called by the number the report prints (questions[4] is question 5).
  if (kind !== 'meeting' || issue.path[0] !== 'questions' || typeof issue.path[1] !== 'number') return found;
  const named = `\`${fieldName(issue.path)}\``;
  const number = issue.path[1] + 1;
  return found.map((d) => (d.message.includes(named) ? { ...d, message: d.message.replace(named, `${named} (question ${number})`) } : d));
}

function issueDiagnostics(file: YamlFile, schema: z.ZodType, kind: FileKind, issue: z.core.$ZodIssue): SchemaDiagnostic[] {
  const where = fieldName(issue.path);
  const value = valueAt(file.data, issue.path);
  if (value === undefined && issue.code !== 'unrecognized_keys' && issue.code !== 'custom' && issue.path.length) {
    const expected = issue.code === 'invalid_type' ? article(issue.expected) : 'a value';
    return [
      {
        ...diagnostic(
          file.path,
          file.locate(issue.path),
          'error',
          'schema/required',
          `Missing required field \`${where}\` in this ${kind}.`,
          `Add \`${lastKey(issue.path)}:\` with ${expected}.`,
        ),
        field: where,
      },
    ];
  }
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeys(schema, issue.path);
      return issue.keys.map((key) => {
        if (key === '<<') {
          // `merge: false` reads a merge key as a plain key; say what it is, not that it is an unknown field.
          return diagnostic(
            file.path,
            file.locate([...issue.path, key], 'key'),
            'error',
            'schema/unknown-key',
            `A YAML merge key (\`<<\`)${issue.path.length ? ` in \`${fieldName(issue.path)}\`` : ''}: briefing files do not merge values from anchors.`,
            'Write the fields out in full.',
          );
        }
        const suggestion = suggest(key, allowed);
        const hint =
          unseenHint(key) ??
          (suggestion ? `Did you mean \`${suggestion}\`?` : allowed.length ? `Allowed here: ${allowed.map((k) => `\`${k}\``).join(', ')}.` : undefined);
        const unknown: SchemaDiagnostic = diagnostic(
          file.path,
          file.locate([...issue.path, key], 'key'),
          'error',
          'schema/unknown-key',
          `Unknown field \`${withUnseenShown(fieldName([...issue.path, key]))}\`${unseenNote(key)} in this ${kind}.`,
          hint,
        );
        if (suggestion) unknown.field = fieldName([...issue.path, suggestion]);
        return unknown;
      });
    }
    case 'invalid_type': {
      const place = file.locate(issue.path);
      // 20210517 is a number to YAML; quoted it would be text, still no date: say what a date is.
      if (issue.expected === 'string' && typeof value === 'number' && wantsDate(schema, issue.path)) {
        return [
          diagnostic(file.path, place, 'error', 'schema/date', `\`${where}\` should be a date written YYYY-MM-DD, not ${describe(value)}.`, 'Write the date as YYYY-MM-DD, e.g. 2021-02-19.'),
        ];
      }
      // YAML turned what was written into a number or true/false: say what was written (10.00, not "the number 10").
      const written = issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean') ? writtenAt(file.text, place) : undefined;
      return [
        diagnostic(
          file.path,
          place,
          'error',
          'schema/type',
          written !== undefined && written !== String(value)
            ? `${where ? `\`${where}\`` : 'The file'} should be ${article(issue.expected)}: YAML reads ${written} as ${describe(value)}.`
            : `${where ? `\`${where}\`` : 'The file'} should be ${article(issue.expected)}, not ${describe(value)}.`,
          value === null || value === undefined
            ? where
              ? emptyValueHint(String(issue.path.at(-1)), issue.expected)
              : undefined
            : (issue.expected === 'object' || issue.expected === 'record') && where
              ? mappingHint(issue.path.at(-1), neededKeys(schema, issue.path))
              : issue.expected === 'string'
              ? written !== undefined && written !== String(value)
                ? `Put it in quotes: "${written}".`
                : 'Put the text in quotes if YAML reads it as something else.'
              : ((typeof value === 'string' ? unseenHint(value) : undefined) ?? kindHint(issue.expected, issue.path.at(-1), value)),
        ),
      ];
    }
    case 'invalid_value': {
      const options = issue.values.map(String);
      const suggestion = typeof value === 'string' ? suggest(value, options) : undefined;
      return [
        diagnostic(
          file.path,
          file.locate(issue.path),
          'error',
          'schema/enum',
          `\`${where}\` is ${describe(value)}, which is not one of: ${options.join(', ')}.`,
          unseenHint(String(value)) ?? (suggestion ? `Did you mean \`${suggestion}\`?` : `Use one of: ${options.join(', ')}.`),
        ),
      ];
    }
    case 'invalid_format': {
      const isDate = issue.format === 'date';
      const message = isDate
        ? looksLikeIsoDate(value)
          ? `\`${where}\` is ${describe(value)}, which is not a real calendar date.`
          : `\`${where}\` is ${describe(value)}, not a date written YYYY-MM-DD.`
        : `\`${where}\` is ${describe(value)}: ${issue.message}.`;
      return [
        diagnostic(
          file.path,
          file.locate(issue.path),
          'error',
          isDate ? 'schema/date' : 'schema/format',
          message,
          isDate ? dateHint(value) : (unseenHint(String(value)) ?? timeHint(issue.path, value) ?? formatHint(issue.pattern, value)),
        ),
      ];
    }
    case 'too_small': {
      const minimum = Number(issue.minimum);
      const message =
        issue.origin === 'array'
          ? `\`${where}\` needs at least ${minimum} ${minimum === 1 ? 'entry' : 'entries'}.`
          : issue.origin === 'string'
            ? `\`${where}\` is empty.`
            : `\`${where}\` must be at least ${minimum}.`;
      const hint = issue.origin === 'string' && where ? emptyTextHint(schema, issue.path) : undefined;
      return [diagnostic(file.path, file.locate(issue.path), 'error', 'schema/too-small', message, hint)];
    }
    case 'too_big':
      return [
        diagnostic(
          file.path,
          file.locate(issue.path),
          'error',
          'schema/too-big',
          `\`${where}\` must be at most ${Number(issue.maximum)}${issue.origin === 'string' ? ' characters long' : ''}.`,
        ),
      ];
    case 'invalid_key': {
      const key = lastKey(issue.path);
      const refused = issue.issues[0];
      const reason = refused?.message ?? 'invalid key';
      return [
        diagnostic(
          file.path,
          file.locate(issue.path, 'key'),
          'error',
          'schema/key-format',
          `\`${withUnseenShown(key)}\`${unseenNote(key)} is not a valid key here: ${reason}.`,
          unseenHint(key) ?? (refused?.code === 'invalid_format' ? formatHint(refused.pattern, key) : undefined),
        ),
      ];
    }
    case 'custom': {
      // A refinement names its own rule and hint in its params (see model/position.ts).
      const ruleId: unknown = issue.params?.ruleId;
      const hint: unknown = issue.params?.hint;
      return [
        diagnostic(
          file.path,
          file.locate(issue.path),
          'error',
          isRuleId(ruleId) ? ruleId : 'schema/invalid',
          where ? `\`${where}\`: ${issue.message}.` : `${capitalise(issue.message)}.`,
          typeof hint === 'string' ? hint : undefined,
        ),
      ];
    }
    default:
      return [
        diagnostic(
          file.path,
          file.locate(issue.path),
          'error',
          'schema/invalid',
          where ? `\`${where}\`: ${issue.message}.` : `${capitalise(issue.message)}.`,
        ),
      ];
  }
}

/**
 * What to write in a field left empty, by what it holds: a mapping's entries or a list's items go
 * on the lines under it (`clearance:` with its entries deleted is one `{}` away from none), a text
 * after the colon.
 */
function emptyValueHint(key: string, expected: string): string {
  if (expected === 'record') return `Write its entries as \`key: value\` lines indented under \`${key}:\`, or \`${key}: {}\` for none.`;
  if (expected === 'object') return `Write its fields as \`key: value\` lines indented under \`${key}:\`.`;
  if (expected === 'array') return `Write its items as \`- …\` lines indented under \`${key}:\`.`;
  return `Write the value after \`${key}:\`.`;
}

/**
 * What to write instead of a date the file cannot take: the same day as YYYY-MM-DD when it is
 * one written another way (12.05.2021, as `--date` takes it and Latvians write it), or with a time
 * (2021-05-12T09:30:00+03:00: the day as written, not moved to UTC's), else the form.
 */
function dateHint(value: unknown): string {
  const timed = typeof value === 'string' ? /^(\d{4}-\d{2}-\d{2})[T ]\d{1,2}:\d{2}/i.exec(value.trim()) : null;
  if (timed?.[1] !== undefined && isRealDate(timed[1])) return `Write it ${timed[1]}, the day alone: a file takes dates as YYYY-MM-DD.`;
  const day = typeof value === 'string' ? readDay(value) : undefined;
  return day !== undefined && 'iso' in day && day.iso !== value ? `Write it ${day.iso}: a file takes dates as YYYY-MM-DD.` : 'Write the date as YYYY-MM-DD, e.g. 2021-02-19.';
}

/**
 * What to write instead of a meeting's `time` written another way, when it holds a time of day: "10:00"
 * (the colon of English and of most clocks), "9:00 CET" or "09:00+01:00" (a zone, which the report does
 * not print) or "10.00.00" is `10.00`.
 */
function timeHint(path: readonly PropertyKey[], value: unknown): string | undefined {
  if (path.at(-1) !== 'time' || typeof value !== 'string') return undefined;
  const written = /^\s*([01]?\d|2[0-3])[:.]([0-5]\d)(?:[:.]00)?\s*(Z|[A-Z]{3,4}|[+-]\d\d:?\d\d)?\s*$/.exec(value);
  if (!written) return undefined;
  const [, hours = '', minutes = '', zone] = written;
  // The report prints no zone: the time it gives is read as the readers keep time, so one of another zone is converted, not copied.
  const form = `a time is written HH.MM, as the report prints it ("plkst. ${Number(hours)}.${minutes}")`;
  if (zone !== undefined) return `Write it "${hours}.${minutes}" if that is the time the report's readers keep, else convert it to theirs first: ${form}, with no zone (${zone}).`;
  return `Write it "${hours}.${minutes}": ${form}.`;
}

/** `questions[1].position`: the way a reader names a field. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((step, i) => (typeof step === 'number' ? `[${step}]` : i === 0 ? String(step) : `.${String(step)}`))
    .join('');
}

function lastKey(path: readonly PropertyKey[]): string {
  const last = path[path.length - 1];
  return last === undefined ? '' : String(last);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = data;
  for (const step of path) {
    if (Array.isArray(current) && typeof step === 'number') current = current[step];
    else if (isRecord(current) && typeof step !== 'symbol') current = current[String(step)];
    else return undefined;
  }
  return current;
}

const jsonSchemas = new WeakMap<z.ZodType, unknown>();

/** The JSON Schema node describing the value at `path` (the same single source), if the schema says. */
function schemaNodeAt(schema: z.ZodType, path: readonly PropertyKey[]): Record<string, unknown> | undefined {
  let node = jsonSchemas.get(schema);
  if (node === undefined) {
    node = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    jsonSchemas.set(schema, node);
  }
  for (const step of path) {
    if (!isRecord(node)) return undefined;
    const properties = node.properties;
    if (typeof step === 'number' && isRecord(node.items)) node = node.items;
    else if (isRecord(properties) && typeof step === 'string' && step in properties) node = properties[step];
    else if (isRecord(node.additionalProperties)) node = node.additionalProperties;
    else return undefined;
  }
  return isRecord(node) ? node : undefined;
}

/**
 * The keys a mapping at `path` needs, read from its JSON Schema: those it requires (`text` and
 * `position` of a question, not its optional `text_en`), or all it allows when it requires none.
 */
function neededKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const allowed = allowedKeys(schema, path);
  const required = schemaNodeAt(schema, path)?.required;
  const needed = Array.isArray(required) ? allowed.filter((key) => required.includes(key)) : [];
  return needed.length ? needed : allowed;
}

/** Keys the schema allows at `path`, read from its JSON Schema. */
function allowedKeys(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const node = schemaNodeAt(schema, path);
  return node && isRecord(node.properties) ? Object.keys(node.properties) : [];
}

/**
 * How to write a mapping given as text or a list: its fields, as the example's flow mappings write
 * them, after its key (`place: { … }`), or after the dash of a list's item (`- { text: …, position: … }`).
 */
function mappingHint(step: PropertyKey | undefined, fields: readonly string[]): string {
  if (!fields.length) return 'Write its entries as `key: value` lines, indented under it.';
  const mapping = `{ ${fields.map((field) => `${field}: …`).join(', ')} }`;
  return typeof step === 'number' ? `Write the item's fields after its dash, e.g. \`- ${mapping}\`.` : `Write its fields under it, e.g. \`${String(step)}: ${mapping}\`.`;
}

/** A dash or a bullet that is not YAML's `-`, at the start of text where a list goes: Word writes “–” for a typed “- ”, and a pasted list brings “•”. */
const LOOK_ALIKE_DASH = /^([\u2010-\u2015\u2212\u2022\u2043\u25AA\u25CF\u00B7\uF0B7])\s/u;

/**
 * How to write a value of the kind a field wants, when what was written is another (text where a list
 * goes, a mapping where a number goes): `questions: "…"` said only that it "should be a list". A list
 * whose entries start with Word's en dash or a bullet reads as one text: the hint names that mark.
 */
function kindHint(expected: string, step: PropertyKey | undefined, value?: unknown): string | undefined {
  const key = typeof step === 'string' ? step : undefined;
  const dash = expected === 'array' && typeof value === 'string' ? LOOK_ALIKE_DASH.exec(value)?.[1] : undefined;
  if (dash !== undefined) {
    return `The entries start with “${dash}” (${codePointName(dash)}${dash === '\u2013' ? ', an en dash, as Word writes a typed “- ”' : ''}), which YAML reads as text, not as the hyphen \`-\` that starts a list's entry: write \`- \` at the start of each${key === undefined ? '' : ` under \`${key}:\``}.`;
  }
  if (expected === 'array') return key === undefined ? 'Write the entries one to a line under it, indented, each starting with `- `.' : `Write the entries one to a line under \`${key}:\`, indented, each starting with \`- \`.`;
  if (expected === 'number') return `Write the number in digits, without quotes${key === undefined ? '' : `, e.g. \`${key}: 2\``}.`;
  if (expected === 'boolean') return 'Write true or false, without quotes.';
  return undefined;
}

/** What to do with a text field left empty: write it, or, when the field may be left out, leave it out; a list's item: write it or remove it. */
function emptyTextHint(schema: z.ZodType, path: readonly PropertyKey[]): string {
  if (typeof path.at(-1) === 'number') return "Write the item's text after its dash, or remove the item.";
  const key = lastKey(path);
  const required = schemaNodeAt(schema, path.slice(0, -1))?.required;
  const optional = typeof path.at(-1) === 'string' && Array.isArray(required) && !required.includes(key);
  return optional ? `Write the text after \`${key}:\`, or leave \`${key}\` out.` : `Write the text after \`${key}:\`.`;
}

/** Whether the schema wants a date written YYYY-MM-DD at `path` (`date`, `end_date`, a clearance's `date`). */
function wantsDate(schema: z.ZodType, path: readonly PropertyKey[]): boolean {
  return schemaNodeAt(schema, path)?.format === 'date';
}

function looksLikeIsoDate(value: unknown): boolean {
  return typeof value === 'string' && isDateShaped(value);
}

function article(expected: string): string {
  const names: Record<string, string> = {
    string: 'text',
    number: 'a number',
    int: 'a whole number',
    boolean: 'true or false',
    array: 'a list',
    object: 'a mapping (key: value lines)',
    record: 'a mapping (key: value lines)',
  };
  return names[expected] ?? `a ${expected}`;
}

/**
 * The plain value written at a place of the file, where YAML read a number or true/false: such a
 * value holds no space, comma or bracket, so it ends at the first one (a comment, or the next entry
 * of a flow mapping: `{ locative: 1.10, english: … }`).
 */
function writtenAt(text: string, place: { line: number; column: number } | undefined): string | undefined {
  if (!place) return undefined;
  const line = text.split('\n')[place.line - 1];
  const value = /^[^\s,\]}]+/.exec(line?.slice(place.column - 1) ?? '')?.[0];
  return value && /^[^'"{[]/.test(value) ? value : undefined;
}

function describe(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'string') return `"${withUnseenShown(value.length > 40 ? `${value.slice(0, 37)}…` : value)}"${unseenNote(value)}`;
  if (typeof value === 'number') return Number.isInteger(value) ? `the number ${value}` : `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (typeof value === 'object') return 'a mapping';
  return typeof value;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
