import { readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import type { Diagnostic, Place } from '../diagnostics/diagnostic.js';
import { sha256 } from '../load/files.js';
import { loadMeeting, type LoadedMeeting } from '../load/meeting.js';
import { fileCodeOf } from '../load/meetings.js';
import { duplicateFileCodes } from '../validate/project-rules.js';
import { manifestMeeting } from '../model/manifest.js';

/** A meeting of the run with its file code: built now, or remembered by the cache. */
export interface CodedMeeting {
  meetingPath: string;
  fileCode: string | null;
  fileCodePlace?: Place | undefined;
  /** For a meeting just built: the fingerprint (SHA-256) of the meeting text it was built from, when it was read. */
  builtFrom?: string | undefined;
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
      building.done(meeting.meetingPath, meeting.builtFrom);
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
 * Each text is read once: what is kept of a meeting is its text's fingerprint and its words as
 * numbers (each distinct word of the run is numbered once), not the text (a batch's meeting
 * texts add up to megabytes). When a meeting is done its words are taken off the count; a
 * meeting built from another text than the one counted (the file changed meanwhile) makes every
 * code possible until the last meeting is done.
 */
function codesBeingBuilt(toBuild: readonly { path: string; absolute: string }[]) {
  const pending = new Map<string, { absolute: string; fingerprint: string | undefined; words: Int32Array }>();
  const numbers = new Map<string, number>();
  const counts: number[] = [];
  let couldHaveAny = 0;
  let changed = false;
  const wordNumbers = (text: string): Int32Array => {
    const found = new Set<number>();
    for (const word of words(text)) {
      let number = numbers.get(word);
      if (number === undefined) {
        number = counts.length;
        numbers.set(word, number);
        counts.push(0);
      }
      found.add(number);
    }
    return Int32Array.from(found);
  };
  for (const { path, absolute } of toBuild) {
    const text = readText(absolute);
    const meeting = { absolute, fingerprint: text === undefined ? undefined : sha256(text), words: text === undefined ? new Int32Array() : wordNumbers(text) };
    pending.set(path, meeting);
    if (text === undefined) couldHaveAny += 1;
    for (const number of meeting.words) counts[number] = (counts[number] ?? 0) + 1;
  }
  return {
    couldHave(code: string): boolean {
      if (pending.size === 0) return false;
      if (changed || couldHaveAny > 0) return true;
      const number = numbers.get(code.toLowerCase());
      return number !== undefined && (counts[number] ?? 0) > 0;
    },
    /** The meeting at `path` is done; `builtFrom` is the fingerprint of the text it was built from, when it got that far. */
    done(path: string, builtFrom: string | undefined): void {
      const meeting = pending.get(path);
      if (!meeting) return;
      pending.delete(path);
      if (meeting.fingerprint === undefined) {
        couldHaveAny -= 1;
        return;
      }
      for (const number of meeting.words) counts[number] = (counts[number] ?? 0) - 1;
      // Built from the text counted: the usual case, known without reading the file again.
      if (builtFrom === meeting.fingerprint) return;
      const text = readText(meeting.absolute);
      if (text === undefined || sha256(text) !== meeting.fingerprint) changed = true;
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

/** What tells whether a meeting's file code is taken by a meeting left out of the run. */
export interface OutsideRun {
  /** Whether a meeting (project-relative path) is part of this run: the gate settles those. */
  inRun: (path: string) => boolean;
  /** The path of the manifest of this name already in the output folder, in any case; undefined when there is none. */
  manifest: (name: string) => string | undefined;
}

/**
 * The manifests in an output folder, found by name in any case (on Windows and macOS `M1` and
 * `m1` are one file), listed once, when first asked: files this run writes are its own meetings'.
 */
export function manifestsIn(outDir: string): (name: string) => string | undefined {
  let byName: Map<string, string> | undefined;
  return (name) => {
    if (!byName) {
      byName = new Map();
      try {
        for (const entry of readdirSync(outDir)) if (entry.endsWith('.manifest.json')) byName.set(entry.toLowerCase(), join(outDir, entry));
      } catch {
        // No output folder yet: nothing there to replace.
      }
    }
    return byName.get(name.toLowerCase());
  };
}

/**
 * The message when a meeting built without the others (`build meetings/x.yaml`) has the file code
 * of a meeting left out of the run, whose files it would replace; undefined otherwise. The manifest
 * already in the output folder says which meeting wrote the files there: the code is taken when
 * that meeting is another one, is not part of this run, still exists and still has this code.
 */
export function codeTakenOutside(root: string, manifestName: string, meeting: CodedMeeting, outside: OutsideRun): Diagnostic | undefined {
  const code = meeting.fileCode?.toLowerCase();
  const manifest = code ? outside.manifest(manifestName) : undefined;
  const owner = manifest === undefined ? undefined : manifestMeetingAt(manifest);
  if (owner === undefined || owner === meeting.meetingPath || outside.inRun(owner) || isAbsolute(owner) || owner.split('/').includes('..')) return undefined;
  let loaded: LoadedMeeting;
  try {
    loaded = loadMeeting(root, join(root, owner));
  } catch {
    return undefined; // Gone or unreadable: its files are no meeting's any more.
  }
  const fileCode = fileCodeOf(loaded);
  if (fileCode === undefined || fileCode.toLowerCase() !== code) return undefined;
  const other: CodedMeeting = { meetingPath: owner, fileCode, fileCodePlace: loaded.file.locate(['file_code']) };
  return duplicateFileCodes([meeting, other]).find((problem) => problem.file === meeting.meetingPath);
}

/** The meeting a manifest says it was built from; undefined when there is no readable manifest. */
function manifestMeetingAt(path: string): string | undefined {
  try {
    return manifestMeeting(readFileSync(path, 'utf8'));
  } catch {
    return undefined;
  }
}
