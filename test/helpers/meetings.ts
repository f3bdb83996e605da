import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_MEETING, exampleFile, exampleProject } from './project.js';

/** The example's three positions, in the order its questions use them. */
export const EXAMPLE_POSITIONS = ['equity-achievements', 'equity-reforms', 'equity-eu-cooperation'] as const;

/** A meeting to add to the example project: its file code and the three positions it includes. */
export interface MeetingSpec {
  fileCode: string;
  positions: readonly [string, string, string];
}

/**
 * The example project with more meetings, each made from the example meeting with its
 * own file code and positions. A position id the example lacks is made from the example
 * position in the same place, under the new id: `positions/extra/<id>.yaml`.
 */
export function projectWithMeetings(meetings: Record<string, MeetingSpec>): string {
  const files: Record<string, string> = {};
  for (const [path, spec] of Object.entries(meetings)) {
    let text = exampleFile(EXAMPLE_MEETING).replace(/^file_code: .*$/m, `file_code: ${spec.fileCode}`);
    spec.positions.forEach((id, index) => {
      const original = EXAMPLE_POSITIONS[index] ?? EXAMPLE_POSITIONS[0];
      text = text.replace(`position: ${original}\n`, `position: ${id}\n`);
      if (id !== original) files[`positions/extra/${id}.yaml`] = positionCopy(original, id);
    });
    files[path] = text;
  }
  return exampleProject(files);
}

/** The example position `original` under another id. */
export function positionCopy(original: string, id: string): string {
  return exampleFile(`positions/educ/${original}.yaml`).replace(/^id: .*$/m, `id: ${id}`);
}

/** SHA-256 of a file, hex. */
export function fileHash(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

/** SHA-256 of each file in `names`, found in `dir`. */
export function fileHashes(dir: string, names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, fileHash(join(dir, name))]));
}
