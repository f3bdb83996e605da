/** One ministry's answer recorded in one position's text: the edited text checked before and after, or why it cannot take the answer. */

import { editClearance, sharedValueOnPath, type SharedValue } from './clearance.js';
import { parseYaml } from '../load/yaml.js';
import { answerFingerprint, namesAnswer, positionSchema, type Position } from '../model/index.js';
import type { Clearance } from '../model/position.js';
import { diagnostic, hasErrors, sortDiagnostics, type Diagnostic } from '../diagnostics/diagnostic.js';
import { ExitCode, UsageError } from '../diagnostics/errors.js';
import { checkSchema } from '../load/shape.js';
import { shellWord } from '../util/shell.js';
import type { ClearEachOptions, ClearResult } from './clear-result.js';

/** The answer recorded in one position's text: the edited text (undefined when it cannot take it) and the result to show. */
export function planRecord(shown: string, text: string, ministry: string, date: string, options: ClearEachOptions): { edited?: string; recorded?: Position; result: ClearResult; nothingToWithdraw?: WithdrawnNothing } {
  const refused = (diagnostics: Diagnostic[]) => ({ result: { file: shown, changes: [], written: false, notes: [], diagnostics, exitCode: ExitCode.problems } });
  const before = checked(shown, text);
  if (!before.position) return refused(sortDiagnostics(before.diagnostics));
  if (ministry === before.position.owner.ministry) return refused([ownerProblem(shown, ministry, before.position.id)]);
  const shared = sharedValueOnPath(text, ministry);
  if (shared) return refused([sharedValueProblem(shown, text, shared)]);
  const status = options.status;
  // An answer on another version, or another answer than the last (a clearance after an objection, an
  // objection after a request), is a new record: the earlier one's ref and note are not its record and
  // go, unless given anew. A withdrawal keeps the ref of the clearance it takes back.
  const earlier = before.position.clearance[ministry];
  // A withdrawal recorded again is the same record (nothing changes, or its date): as any answer given twice.
  if (status === 'withdrawn' && earlier?.status !== 'cleared' && earlier?.status !== 'withdrawn') return { ...refused([]), nothingToWithdraw: earlier?.status ?? 'none' };
  // A withdrawal takes back the clearance on record: of its version and text, not of a later text the ministry never saw.
  const onRecord = earlier?.version !== undefined && earlier.version <= before.position.version ? earlier.version : undefined;
  const taken = options.onVersion ?? (status === 'withdrawn' ? onRecord : undefined);
  const version = answeredVersion(shown, before.position.version, taken, earlier, ministry);
  // Of an earlier version the text answered on is not the one in the file (its version alone keeps it from counting now):
  // only an answer on record for that same version still names it.
  const answer = version === before.position.version ? answerFingerprint(before.position) : earlier?.version === version ? (earlier.answer ?? null) : null;
  const newAnswer =
    earlier !== undefined &&
    ((earlier.version !== undefined && earlier.version !== version) ||
      (earlier.answer !== undefined && earlier.answer !== answer && !(version === before.position.version && namesAnswer(earlier.answer, before.position))) ||
      (status !== 'withdrawn' && earlier.status !== status));
  // The same answer again without a day given (a ref added later) is not a new answer of today.
  const kept = options.dateUnsaid && earlier?.date !== undefined && !newAnswer && earlier.status === status ? earlier.date : undefined;
  const edit = editClearance(text, ministry, {
    status,
    date: kept ?? date,
    // The version and the text answered on: a later version, or a changed text, is not cleared by it.
    version,
    answer,
    // Composed, as `new` writes what it is given: a reference pasted from a PDF may write "ā" as "a" and a combining macron.
    ...(options.ref !== undefined ? { ref: options.ref.normalize('NFC') } : newAnswer ? { ref: null } : {}),
    ...(options.note !== undefined ? { note: options.note.normalize('NFC') } : newAnswer ? { note: null } : {}),
  });
  const after = checked(shown, edit.text);
  if (!after.position) throw new Error(`the edited ${shown} no longer passes its schema: ${after.diagnostics.map((d) => d.message).join(' ')}`);
  const notes = kept !== undefined && kept !== date ? [`The same answer as on record: clearance.${ministry}.date is kept at ${kept}. Give --date to record another day.`] : [];
  return { edited: edit.text, recorded: after.position, result: { file: shown, changes: edit.changes, written: edit.changes.length > 0, notes, diagnostics: [], exitCode: ExitCode.ok } };
}

/** The version an answer is recorded for: `--on-version` when given, else the position's; a usage error for a version after the position's. */
function answeredVersion(shown: string, current: number, given: number | undefined, earlier: Clearance | undefined, ministry: string): number {
  if (given === undefined) return current;
  if (given > current) {
    throw new UsageError(
      `--on-version ${given}: ${shown} is at version ${current}, so no answer can be on version ${given}; nothing written.`,
      `Give the version the ministry answered on (${current} or earlier), or leave --on-version out for version ${current}.`,
    );
  }
  // A late answer on an older text must not take the place of the ministry's answer on a newer one: the report would lose it.
  if (earlier?.version !== undefined && earlier.version > given) {
    throw new UsageError(
      `--on-version ${given}: ${ministry} already answered version ${earlier.version} of ${shown} (${earlier.status}${earlier.date ? `, ${earlier.date}` : ''}); an answer on version ${given} would replace it; nothing written.`,
      `Keep the answer on version ${earlier.version}; note the late one in its \`--note\` if it matters.`,
    );
  }
  return given;
}


/** What a ministry has on record instead of a clearance to withdraw: asked and not answered, objected, or nothing. */
type WithdrawnNothing = 'pending' | 'objected' | 'none';

/**
 * A usage error for `--withdraw` of a ministry that has no clearance on record to take back
 * (asked and not answered, objected, or never asked) in one or more of the positions: most likely
 * another ministry was meant, or an objection. Recorded, it would read as a clearance once given and
 * now withdrawn. Each such position is named, and those that can take the withdrawal (`takes`).
 */
export function refuseWithdrawals(ministry: string, positions: readonly { shown: string; takes: boolean; nothingToWithdraw?: WithdrawnNothing }[]): void {
  const refused = positions.flatMap(({ shown, nothingToWithdraw }) => (nothingToWithdraw ? [{ shown, said: WITHDRAWN_NOTHING[nothingToWithdraw] }] : []));
  const [first] = refused;
  if (!first) return;
  const files = (list: readonly { shown: string }[]) => list.map(({ shown }) => shellWord(shown)).join(' ');
  const cleared = positions.filter(({ takes }) => takes);
  const message =
    refused.length === 1
      ? `${ministry} has not cleared ${first.shown} (it ${first.said}): there is no clearance to withdraw; nothing written.`
      : `${ministry} has not cleared ${refused.length} of the ${positions.length} positions: ${refused.map(({ shown, said }) => `${shown} (it ${said})`).join(', ')}: there is no clearance to withdraw there; nothing written.`;
  const object = `Name the ministry that cleared ${refused.length === 1 ? 'it' : 'them'}, or record an objection: briefing clear ${files(refused)} --ministry ${ministry} --object --note "…"`;
  const elsewhere = cleared.length ? `; to withdraw the clearance where ${ministry} gave it, name only ${cleared.length === 1 ? 'that position' : 'those'}: briefing clear ${files(cleared)} --ministry ${ministry} --withdraw` : '';
  throw new UsageError(message, `${object}${elsewhere}`);
}

/** How a refused withdrawal says what the ministry has on record. */
const WITHDRAWN_NOTHING: Readonly<Record<WithdrawnNothing, string>> = {
  none: 'has no answer on record',
  pending: 'was asked and has not answered',
  objected: 'objected',
};

/** A clearance by the position's own ministry, which `check` warns of (`clearance/by-owner`): a slip for another code, not written. */
function ownerProblem(shown: string, ministry: string, id: string): Diagnostic {
  return diagnostic(
    shown,
    undefined,
    'error',
    'clearance/by-owner',
    `${ministry} owns the position (\`owner.ministry\`): a ministry does not clear its own position. Nothing written.`,
    `Record the other ministries' answers; if you meant another ministry, check its code (\`briefing clear ${id} --ministry <code>\`).`,
  );
}

/** Why `clear` does not edit through a YAML anchor or alias, at the line of the shared value. */
function sharedValueProblem(shown: string, text: string, shared: SharedValue): Diagnostic {
  const where = shared.path.join('.');
  const message = shared.mark.startsWith('*')
    ? `\`${where}\` is the alias ${shared.mark}: it repeats a value written elsewhere, so recording a clearance here would change that value too. Nothing written.`
    : `\`${where}\` carries the anchor ${shared.mark}, which an alias repeats elsewhere: recording a clearance here would change that place too. Nothing written.`;
  return diagnostic(shown, parseYaml(shown, text).locate(shared.path), 'error', 'clearance/shared-value', message, 'Write each ministry’s clearance out in full (without & and *), then run clear again.');
}

function checked(shown: string, text: string): { position?: Position; diagnostics: Diagnostic[] } {
  const file = parseYaml(shown, text);
  const result = checkSchema(file, positionSchema, 'position');
  const diagnostics = [...file.diagnostics, ...result.diagnostics];
  return result.value && !hasErrors(diagnostics) ? { position: result.value, diagnostics } : { diagnostics };
}
