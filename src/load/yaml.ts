import {
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type YAMLError,
} from 'yaml';
import { diagnostic, type Diagnostic, type Place } from '../report/diagnostic.js';

/** How many alias expansions one file may make; bounds "billion laughs" inputs. */
export const MAX_ALIAS_COUNT = 100;

/** A parsed YAML file that still knows where each of its values came from. */
export interface YamlFile {
  /** Path relative to the project root, `/`-separated: what messages show. */
  path: string;
  text: string;
  /** The plain data, or `undefined` when the file could not be parsed. */
  data: unknown;
  diagnostics: Diagnostic[];
  /** Finds where a value (or its key) sits in the file. */
  locate(path: readonly PropertyKey[], target?: 'key' | 'value'): Place | undefined;
}

const ERROR_RULES: Record<string, { rule: string; hint?: string }> = {
  DUPLICATE_KEY: { rule: 'yaml/duplicate-key', hint: 'Keep one of the two entries; YAML keys must be unique.' },
  TAB_AS_INDENT: { rule: 'yaml/tab', hint: 'Indent with spaces; YAML does not allow tabs for indentation.' },
  BAD_INDENT: { rule: 'yaml/indent', hint: 'Align the entry with its siblings, using spaces.' },
  MULTIPLE_DOCS: { rule: 'yaml/multiple-documents', hint: 'Keep one document per file: remove the `---` line.' },
  BAD_ALIAS: { rule: 'yaml/alias', hint: 'Define the anchor (&name) before using it (*name).' },
  RESOURCE_EXHAUSTION: {
    rule: 'yaml/alias-limit',
    hint: `Write the values out; a file may expand at most ${MAX_ALIAS_COUNT} aliases.`,
  },
};

/**
 * Parses YAML text safely: the core schema only (no custom tags, no code), unique keys,
 * bounded alias expansion. Never throws for bad input; problems become diagnostics.
 */
export function parseYaml(path: string, source: string): YamlFile {
  const text = source.startsWith('\uFEFF') ? source.slice(1) : source;
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    schema: 'core',
    customTags: [],
    merge: false,
    strict: true,
  });
  const placeAt = (offset: number): Place => {
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  const diagnostics: Diagnostic[] = [];
  for (const error of [...doc.errors, ...doc.warnings]) {
    diagnostics.push(yamlErrorToDiagnostic(path, error, placeAt));
  }
  let data: unknown;
  if (!doc.errors.length) {
    if (doc.contents === null) {
      diagnostics.push(
        diagnostic(path, undefined, 'error', 'yaml/empty', 'The file is empty.', 'Fill it in, or delete it.'),
      );
    } else {
      try {
        data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
      } catch (error) {
        diagnostics.push(
          diagnostic(
            path,
            placeAt(0),
            'error',
            'yaml/alias-limit',
            `The file expands too many aliases (${error instanceof Error ? error.message : String(error)}).`,
            ERROR_RULES.RESOURCE_EXHAUSTION?.hint,
          ),
        );
      }
    }
  }
  return {
    path,
    text,
    data,
    diagnostics,
    locate(target: readonly PropertyKey[], part: 'key' | 'value' = 'value') {
      const found = findNode(doc, target, part);
      return found ? placeAt(found) : undefined;
    },
  };
}

function yamlErrorToDiagnostic(path: string, error: YAMLError, placeAt: (offset: number) => Place): Diagnostic {
  const known = ERROR_RULES[error.code];
  const severity = error.name === 'YAMLWarning' ? 'warning' : 'error';
  const message = firstLine(error.message).replace(/ at line \d+, column \d+$/, '');
  return diagnostic(path, placeAt(error.pos[0]), severity, known?.rule ?? 'yaml/syntax', sentence(message), known?.hint);
}

/**
 * Offset of the node at `path`: the value, or with `part = 'key'` the key of the
 * last step. Falls back to the deepest node that exists, so a missing key is
 * reported at the mapping that should hold it.
 */
function findNode(doc: Document.Parsed, path: readonly PropertyKey[], part: 'key' | 'value'): number | undefined {
  let node: unknown = doc.contents;
  let offset = rangeStart(node);
  for (let i = 0; i < path.length; i++) {
    const step = path[i];
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === String(step));
      if (!pair) return offset;
      if (last && part === 'key') return rangeStart(pair.key) ?? offset;
      node = pair.value;
      offset = rangeStart(pair.value) ?? rangeStart(pair.key) ?? offset;
    } else if (isSeq(node) && typeof step === 'number') {
      node = node.items[step];
      offset = rangeStart(node) ?? offset;
      if (node === undefined) return offset;
    } else {
      return offset;
    }
  }
  return offset;
}

function rangeStart(node: unknown): number | undefined {
  return isNode(node) && node.range ? node.range[0] : undefined;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
