import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { fileCodeGate, type CodedMeeting } from '../../src/batch/file-codes.js';
import { tempDir } from '../helpers/project.js';
import { sha256 } from '../../src/load/files.js';

/** Meeting files with the given texts in a temporary folder, as the gate is given them. */
function meetings(texts: Record<string, string>): { path: string; absolute: string }[] {
  const dir = tempDir('briefing-codes-');
  return Object.entries(texts).map(([path, text]) => {
    writeFileSync(join(dir, path), text);
    return { path, absolute: join(dir, path) };
  });
}

const built = (meetingPath: string, fileCode: string | null): CodedMeeting => ({ meetingPath, fileCode, fileCodePlace: { line: 9, column: 12 } });
const settledPaths = (settled: readonly { meeting: CodedMeeting }[]) => settled.map((s) => s.meeting.meetingPath);

describe('the file-code gate of a batch (each meeting parsed once)', () => {
  it('settles a result at once when no meeting still being built could have its code', () => {
    const gate = fileCodeGate<CodedMeeting>([], meetings({ 'a.yaml': 'file_code: A_1\n', 'b.yaml': 'file_code: B_2\n' }));
    expect(gate.start()).toEqual([]);
    expect(gate.arrive(built('a.yaml', 'A_1'))).toEqual([{ meeting: built('a.yaml', 'A_1'), duplicate: undefined }]);
    expect(gate.arrive(built('b.yaml', 'B_2'))).toEqual([{ meeting: built('b.yaml', 'B_2'), duplicate: undefined }]);
  });

  it('holds a result while another meeting being built names its code (in any case), then refuses both', () => {
    const gate = fileCodeGate<CodedMeeting>([], meetings({ 'a.yaml': 'file_code: Same_1\n', 'b.yaml': 'file_code: SAME_1\n', 'c.yaml': 'file_code: C_3\n' }));
    expect(gate.arrive(built('a.yaml', 'Same_1'))).toEqual([]);
    expect(settledPaths(gate.arrive(built('c.yaml', 'C_3')))).toEqual(['c.yaml']);
    const both = gate.arrive(built('b.yaml', 'SAME_1'));
    expect(settledPaths(both)).toEqual(['a.yaml', 'b.yaml']);
    expect(both.map((s) => s.duplicate?.message)).toEqual([
      'The file code `Same_1` is also used by b.yaml (as `SAME_1`); they would write the same files.',
      'The file code `SAME_1` is also used by a.yaml (as `Same_1`); they would write the same files.',
    ]);
  });

  it('holds every result while a meeting being built has a backslash (an escape could spell any code)', () => {
    const gate = fileCodeGate<CodedMeeting>([], meetings({ 'a.yaml': 'file_code: A_1\n', 'b.yaml': 'file_code: "\\x41_1"\n' }));
    expect(gate.arrive(built('a.yaml', 'A_1'))).toEqual([]);
    expect(settledPaths(gate.arrive(built('b.yaml', 'A_1')))).toEqual(['a.yaml', 'b.yaml']);
  });

  it('holds nothing more once the meeting with a backslash is built: the results after it settle as they arrive', () => {
    const gate = fileCodeGate<CodedMeeting>([], meetings({ 'a.yaml': 'file_code: A_1\n', 'b.yaml': 'file_code: "\\x42_2"\n', 'c.yaml': 'file_code: C_3\n' }));
    expect(settledPaths(gate.arrive(built('b.yaml', 'B_2')))).toEqual(['b.yaml']);
    expect(settledPaths(gate.arrive(built('a.yaml', 'A_1')))).toEqual(['a.yaml']);
    expect(settledPaths(gate.arrive(built('c.yaml', 'C_3')))).toEqual(['c.yaml']);
  });

  it('holds an unchanged meeting whose code a meeting being built names, and names the unchanged one first', () => {
    const unchanged = [{ ...built('z.yaml', 'Z_9'), entry: true }];
    const gate = fileCodeGate(unchanged, meetings({ 'a.yaml': 'file_code: Z_9\n' }));
    expect(gate.start()).toEqual([]);
    const both = gate.arrive({ ...built('a.yaml', 'Z_9'), entry: false });
    expect(settledPaths(both)).toEqual(['z.yaml', 'a.yaml']);
    expect(both[1]?.duplicate?.message).toBe('The file code `Z_9` is also used by z.yaml; they would write the same files.');
  });

  it('holds every result till the last while a meeting file changed during the batch (its words can no longer be taken off the count)', () => {
    const files = meetings({ 'a.yaml': 'file_code: A_1\n', 'b.yaml': 'file_code: B_2\n', 'c.yaml': 'file_code: C_3\n' });
    const gate = fileCodeGate<CodedMeeting>([], files);
    appendFileSync(files[0]?.absolute ?? '', '# A_1 -> B_2\n');
    // Built from the changed text (its fingerprint is not the one counted).
    expect(gate.arrive({ ...built('a.yaml', 'B_2'), builtFrom: sha256('file_code: A_1\n# A_1 -> B_2\n') })).toEqual([]);
    expect(gate.arrive(built('b.yaml', 'B_2'))).toEqual([]);
    const all = gate.arrive(built('c.yaml', 'C_3'));
    expect(settledPaths(all)).toEqual(['a.yaml', 'b.yaml', 'c.yaml']);
    expect(all.map((s) => s.duplicate !== undefined)).toEqual([true, true, false]);
  });

  it('trusts the fingerprint a built meeting brings: built from the text counted, a later change of its file holds nothing up', () => {
    const files = meetings({ 'a.yaml': 'file_code: A_1\n', 'b.yaml': 'file_code: B_2\n', 'c.yaml': 'file_code: C_3\n' });
    const gate = fileCodeGate<CodedMeeting>([], files);
    appendFileSync(files[0]?.absolute ?? '', '# edited after it was read\n');
    expect(settledPaths(gate.arrive({ ...built('a.yaml', 'A_1'), builtFrom: sha256('file_code: A_1\n') }))).toEqual(['a.yaml']);
    expect(settledPaths(gate.arrive({ ...built('b.yaml', 'B_2'), builtFrom: sha256('file_code: B_2\n') }))).toEqual(['b.yaml']);
    // Without a fingerprint (a meeting that could not be built) the file is read again: changed, so the rest waits for the last.
    const gate2 = fileCodeGate<CodedMeeting>([], files.slice(0, 2));
    appendFileSync(files[0]?.absolute ?? '', '# and again\n');
    expect(gate2.arrive(built('a.yaml', 'A_1'))).toEqual([]);
    expect(settledPaths(gate2.arrive(built('b.yaml', 'B_2')))).toEqual(['a.yaml', 'b.yaml']);
  });

  it('keeps no settled meeting: a built one carries its whole report, which must go once written', async () => {
    setFlagsFromString('--expose-gc');
    const collect = runInNewContext('gc') as () => void;
    const files = meetings(Object.fromEntries(Array.from({ length: 20 }, (_, n) => [`m${n}.yaml`, `file_code: M_${n}\n`])));
    const gate = fileCodeGate<CodedMeeting & { report?: string }>([], files);
    // Fed by a function of its own, so that no frame of this (suspended) test still points at the last meeting.
    const reports = ((): WeakRef<object>[] =>
      files.map(({ path }, n) => {
        const meeting = { ...built(path, `M_${n}`), report: `${'x'.repeat(100_000)}${n}` };
        expect(settledPaths(gate.arrive(meeting))).toEqual([path]);
        return new WeakRef(meeting);
      }))();
    // A WeakRef's target stays at least until the job that made it ends.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collect();
    expect(reports.filter((ref) => ref.deref() !== undefined)).toHaveLength(0);
  });
});
