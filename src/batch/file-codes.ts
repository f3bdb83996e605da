import { readFileSync } from 'node:fs';
import type { Diagnostic, Place } from '../diagnostics/diagnostic.js';
import { sha256 } from '../load/files.js';
import { duplicateFileCodes } from '../validate/project-rules.js';

/** A meeting of the run with its file code: built now, or remembered by the cache. */
export interface CodedMeeting {
  meetingPath: string;
  fileCode: string | null;
  fileCodePlace?: Place | undefined;
}

/** A meeting whose file code is settled: unique in the run, or shared (then `duplicate` says with whom). */
export interface Settled<T> {
  meeting: T;
  duplicate: Diagnostic | undefined;
}

/**
 * Tells, as the results of a batch arrive, which meetings share a file code with another
 * meeting of the run: they would write the same files, so none of them is written.
 *
 * Each meeting is parsed once, by the job that builds it; nothing reads the file codes
 * beforehand. So a meeting is settled — recorded and written — as soon as no meeting still
 * being built could have its code, and held until then. A meeting still being built could
 * have a code when its text contains the code (in any case: codes differing only in case
 * collide) as one word, or contains a backslash (a double-quoted YAML escape could spell
 * the code); its text is read, not parsed, for that. In a run whose codes are all different nearly
 * every result is written as it arrives; when all have arrived, all are settled, with the
 * same messages a reading of every code beforehand gives (the meetings in the same order:
 * unchanged ones first, then the built ones, each by path).
 */
export function fileCodeGate<T extends CodedMeeting>(unchanged: readonly T[], toBuild: readonly { path: string; absolute: string }[]) {
  const rank = new Map([...unchanged.map((m) => m.meetingPath), ...toBuild.map((m) => m.path)].map((path, index) => [path, index]));
  const building = codesBeingBuilt(toBuild);
  // Every code of the run so far, by code in lower case: only what a message names, not the
  // meeting itself (a built one carries its report, which must be let go once it is written).
  const known = new Map<string, CodedMeeting[]>();
  const remember = (meeting: T) => {
    const code = meeting.fileCode?.toLowerCase();
    if (!code) return;
    const { meetingPath, fileCode, fileCodePlace } = meeting;
    known.set(code, [...(known.get(code) ?? []), { meetingPath, fileCode, fileCodePlace }]);
  };
  let held: T[] = [];

  const settle = (meeting: T): Settled<T> => {
    const sharing = [...(known.get(meeting.fileCode?.toLowerCase() ?? '') ?? [])].sort((a, b) => (rank.get(a.meetingPath) ?? 0) - (rank.get(b.meetingPath) ?? 0));
    const duplicate = sharing.length > 1 ? duplicateFileCodes(sharing).find((problem) => problem.file === meeting.meetingPath) : undefined;
    return { meeting, duplicate };
  };
  const release = (): Settled<T>[] => {
    const ready = held.filter((meeting) => !meeting.fileCode || !building.couldHave(meeting.fileCode));
    held = held.filter((meeting) => !ready.includes(meeting));
    return ready.map(settle);
  };

  return {
    /** The unchanged meetings: those settled at once. */
    start(): Settled<T>[] {
      unchanged.forEach(remember);
      held.push(...unchanged);
      return release();
    },
    /** A meeting just built: every meeting settled by it (itself, or others it was holding up). */
    arrive(meeting: T): Settled<T>[] {
      building.done(meeting.meetingPath);
      remember(meeting);
      held.push(meeting);
      return release();
    },
  };
}

/**
 * The words (runs of the characters a file code is made of, in lower case) in the texts of
 * the meetings still being built, counted: a file code is written as one such word. A text
 * with a backslash, or one that cannot be read (its job reports why), could have any code.
 * Only a fingerprint of each text is kept (a batch's meeting texts add up to megabytes): a
 * meeting's words are taken off the count by reading its text again when it is done, and a
 * text that changed meanwhile makes every code possible until the last meeting is done.
 */
function codesBeingBuilt(toBuild: readonly { path: string; absolute: string }[]) {
  const pending = new Map<string, { absolute: string; fingerprint: string | undefined }>();
  const counts = new Map<string, number>();
  let couldHaveAny = 0;
  let changed = false;
  const count = (text: string, by: number) => {
    for (const word of new Set(words(text))) counts.set(word, (counts.get(word) ?? 0) + by);
  };
  for (const { path, absolute } of toBuild) {
    const text = readText(absolute);
    pending.set(path, { absolute, fingerprint: text === undefined ? undefined : sha256(text) });
    if (text === undefined) couldHaveAny += 1;
    else count(text, 1);
  }
  return {
    couldHave: (code: string) => pending.size > 0 && (changed || couldHaveAny > 0 || (counts.get(code.toLowerCase()) ?? 0) > 0),
    done(path: string): void {
      const meeting = pending.get(path);
      if (!meeting) return;
      pending.delete(path);
      if (meeting.fingerprint === undefined) {
        couldHaveAny -= 1;
        return;
      }
      const text = readText(meeting.absolute);
      if (text !== undefined && sha256(text) === meeting.fingerprint) count(text, -1);
      else changed = true;
    },
  };
}

function words(text: string): string[] {
  return (text.match(/[A-Za-z0-9_-]+/g) ?? []).map((word) => word.toLowerCase());
}

/** A meeting's text; undefined when it has a backslash or cannot be read. */
function readText(absolute: string): string | undefined {
  try {
    const text = readFileSync(absolute, 'utf8');
    return text.includes('\\') ? undefined : text;
  } catch {
    return undefined;
  }
}
