import { diagnostic, type Diagnostic, type Place } from '../diagnostics/diagnostic.js';
import { shellWord } from '../util/shell.js';
import { placeInText } from './characters.js';

// The lines git writes into a file it could not merge (a "conflict-marker-size" attribute may make them longer).
const START = /^<{7,}(?: (.*))?$/;
const BASE = /^\|{7,}(?: .*)?$/;
const MIDDLE = /^={7,}$/;
const END = /^>{7,}(?: (.*))?$/;
const START_OR_END = /^(?:<{7}|>{7})/m;
const ANY_MARKER = /^(?:<{7}|>{7}|={7}|\|{7})/m;

/**
 * `file/merge-conflict`: the blocks a `git merge`, `rebase`, `pull` or `stash pop` leaves in a
 * file it could not merge, one message each, at its `<<<<<<<` line. Both versions stay in the
 * file between the markers; read as YAML that is a cascade of syntax errors that name no cause,
 * and in a template the markers (and `=======`, a heading's underline in Markdown) would be
 * printed. A marker line left alone after the others were deleted is named too; with `yaml`, a lone
 * `=======` or `|||||||` as well: no YAML file holds one at the left edge, and the parser's message
 * would have it indented into the `body: |` above, which prints it (`=======` as a heading's
 * underline). In a template a `=======` alone may underline a heading, and is left alone.
 */
export function mergeConflicts(path: string, text: string, options: { yaml?: boolean; placeAt?: (offset: number) => Place } = {}): Diagnostic[] {
  if (!(options.yaml ? ANY_MARKER : START_OR_END).test(text)) return [];
  const placeAt = options.placeAt ?? placeInText(text);
  const found: Diagnostic[] = [];
  let open: { offset: number; line: number; ours: string; middle: boolean; base: boolean } | undefined;
  let line = 0;
  for (let offset = 0; offset < text.length; line++) {
    const next = text.indexOf('\n', offset);
    const end = next === -1 ? text.length : next;
    const content = text.slice(offset, text.charAt(end - 1) === '\r' ? end - 1 : end);
    const start = START.exec(content);
    const close = END.exec(content);
    if (start) {
      if (open) found.push(leftOver(path, placeAt(open.offset), '<<<<<<<'));
      open = { offset, line, ours: start[1]?.trim() ?? '', middle: false, base: false };
    } else if (open && MIDDLE.test(content)) {
      open.middle = true;
    } else if (open && !open.middle && BASE.test(content)) {
      open.base = true;
    } else if (!open && options.yaml && (MIDDLE.test(content) || BASE.test(content))) {
      found.push(leftOver(path, placeAt(offset), MIDDLE.test(content) ? '=======' : '|||||||'));
    } else if (close) {
      if (open?.middle) found.push(conflict(path, placeAt(open.offset), { first: open.line + 1, last: line + 1, ours: open.ours, theirs: close[1]?.trim() ?? '', base: open.base }));
      else {
        // Its `=======` deleted: both markers are left over.
        if (open) found.push(leftOver(path, placeAt(open.offset), '<<<<<<<'));
        found.push(leftOver(path, placeAt(offset), '>>>>>>>'));
      }
      open = undefined;
    }
    offset = end + 1;
  }
  if (open) found.push(leftOver(path, placeAt(open.offset), '<<<<<<<'));
  return found;
}

function conflict(path: string, place: Place, block: { first: number; last: number; ours: string; theirs: string; base: boolean }): Diagnostic {
  const marker = (sign: string, label: string): string => `\`${sign.repeat(7)}${label ? ` ${label}` : ''}\``;
  const ours = block.ours ? `the lines of ${side(block.ours)}` : 'one version';
  const theirs = block.theirs ? `those of ${side(block.theirs)}` : 'the other';
  return diagnostic(
    path,
    place,
    'error',
    'file/merge-conflict',
    `Git could not merge this file: lines ${block.first}–${block.last} hold two versions, between the conflict markers ${marker('<', block.ours)} and ${marker('>', block.theirs)}.`,
    `Keep the text that should stand (${ours} after \`<<<<<<<\`, ${theirs} after \`=======\`; or join them) and delete the marker lines${block.base ? ' and the older text after `|||||||`' : ''}; then \`git add ${shellWord(path)}\`.`,
  );
}

/** A side's label as the hint names it: a commit id alone (what `git pull` writes for the commit it merges) short, as `git log --oneline` shows it. */
function side(label: string): string {
  return COMMIT_ID.test(label) ? `commit ${label.slice(0, 7)}` : label;
}

// A full commit id, SHA-1 or SHA-256.
const COMMIT_ID = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

function leftOver(path: string, place: Place, marker: string): Diagnostic {
  return diagnostic(
    path,
    place,
    'error',
    'file/merge-conflict',
    `This line is a marker \`${marker}\` git writes around a merge conflict, left in the file.`,
    'Check the lines around it hold the version that should stand, then delete the marker line.',
  );
}

// What `git mergetool` names its copies of `<name>.<ext>`: `<name>_BASE_<pid>.<ext>`, `_LOCAL_`, `_REMOTE_`, `_BACKUP_`.
const MERGE_TOOL_COPY = /^(.*)_(?:BASE|LOCAL|REMOTE|BACKUP)_\d+(\.[^./]+)$/;

/**
 * The file a `git mergetool` copy was made of, for a path named as it names its copies
 * (`positions/educ/x_LOCAL_14671.yaml` → `positions/educ/x.yaml`); undefined for any other. The
 * copies lie beside the file while the tool runs, and stay when it is killed or keeps them: read
 * as positions or meetings they claim the id or file code of the file they copy.
 */
export function mergeToolCopyOf(path: string): string | undefined {
  const match = MERGE_TOOL_COPY.exec(path);
  return match ? `${match[1] ?? ''}${match[2] ?? ''}` : undefined;
}

/** What to do about a `git mergetool` copy (see {@link mergeToolCopyOf}) that another file's id or file code clashes with. */
export function mergeToolCopyHint(copy: string, original: string): string {
  return `${copy} is a copy git mergetool makes of ${original} while it merges it: finish or quit the merge tool, which deletes its copies, or delete ${copy}.`;
}
