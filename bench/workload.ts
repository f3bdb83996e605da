import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The example meeting every synthetic meeting is made from. */
export const EXAMPLE_MEETING = 'meetings/2021-02-19-educ-informal.yaml';

/**
 * Writes a project with `count` meetings into `dir`, each answered by three positions of
 * its own, all sized like the example: the example's texts with ids, dates and file codes
 * changed. The meetings are valid, so every one of them builds.
 */
export function makeWorkload(repo: string, dir: string, count: number): string[] {
  for (const entry of ['briefing.config.yaml', 'ministries.yaml', 'templates']) {
    cpSync(join(repo, entry), join(dir, entry), { recursive: true });
  }
  const meetingText = readFileSync(join(repo, EXAMPLE_MEETING), 'utf8');
  const positionsDir = join(repo, 'positions/educ');
  const positions = readdirSync(positionsDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ id: name.slice(0, -'.yaml'.length), text: readFileSync(join(positionsDir, name), 'utf8') }));

  mkdirSync(join(dir, 'meetings'), { recursive: true });
  const meetings: string[] = [];
  for (let n = 1; n <= count; n++) {
    const tag = String(n).padStart(4, '0');
    const folder = join(dir, 'positions', `set-${tag}`);
    mkdirSync(folder, { recursive: true });
    let meeting = meetingText.replace(/^file_code: .*$/m, `file_code: BENCH_${tag}`);
    for (const position of positions) {
      const id = `${position.id}-${tag}`;
      // A sentence of its own in each body, so no two positions are the same text.
      const text = position.text
        .replace(/^id: .*$/m, `id: ${id}`)
        .replace(/^body: \|\n/m, `body: |\n  Sintētiskā pozīcija nr. ${n}.\n\n`);
      writeFileSync(join(folder, `${id}.yaml`), text);
      meeting = meeting.replace(`position: ${position.id}\n`, `position: ${id}\n`);
    }
    const path = `meetings/bench-${tag}.yaml`;
    writeFileSync(join(dir, path), meeting);
    meetings.push(path);
  }
  return meetings;
}
