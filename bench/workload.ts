import { cpSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';

/** The example meeting every synthetic meeting is made from. */
export const EXAMPLE_MEETING = 'meetings/2021-02-19-educ-informal.yaml';

interface ExamplePosition {
  id: string;
  text: string;
}

/**
 * Writes a project with `count` meetings into `dir`. Each meeting asks one to three of the
 * example's questions (rotating which ones) and is answered by positions of its own: the
 * example's positions under new ids, each body with a paragraph of its own inserted at a
 * place that moves from meeting to meeting. No two meetings or positions are the same text,
 * so nothing can be served from a cache of identical inputs, and the reports differ in
 * length. Every meeting is valid, so every one of them builds.
 */
export function makeWorkload(repo: string, dir: string, count: number): string[] {
  for (const entry of ['briefing.config.yaml', 'ministries.yaml', 'templates']) {
    cpSync(join(repo, entry), join(dir, entry), { recursive: true });
  }
  const meetingText = readFileSync(join(repo, EXAMPLE_MEETING), 'utf8');
  const positionsDir = join(repo, 'positions/educ');
  const positions: ExamplePosition[] = readdirSync(positionsDir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => ({ id: name.slice(0, -'.yaml'.length), text: readFileSync(join(positionsDir, name), 'utf8') }));

  mkdirSync(join(dir, 'meetings'), { recursive: true });
  const meetings: string[] = [];
  for (let n = 1; n <= count; n++) {
    const tag = String(n).padStart(4, '0');
    const folder = join(dir, 'positions', `set-${tag}`);
    mkdirSync(folder, { recursive: true });
    const meeting = parseDocument(meetingText);
    meeting.set('file_code', `BENCH_${tag}`);
    const questions: unknown = meeting.toJS().questions;
    if (!Array.isArray(questions)) throw new Error(`${EXAMPLE_MEETING} has no questions`);
    const asked = 1 + (n % questions.length);
    const chosen = [];
    for (let q = 0; q < asked; q++) {
      const index = (n + q) % questions.length;
      const question: unknown = questions[index];
      const example = positions.find((p) => isQuestion(question) && p.id === question.position);
      if (!isQuestion(question) || !example) throw new Error(`question ${index + 1} of ${EXAMPLE_MEETING} names no example position`);
      const id = `${example.id}-${tag}`;
      writeFileSync(join(folder, `${id}.yaml`), positionOfItsOwn(example, id, n));
      chosen.push({ ...question, position: id });
    }
    meeting.set('questions', chosen);
    const path = `meetings/bench-${tag}.yaml`;
    writeFileSync(join(dir, path), meeting.toString());
    meetings.push(path);
  }
  return meetings;
}

/** The example position under `id`, with a paragraph of its own at a place that depends on `n`. */
function positionOfItsOwn(example: ExamplePosition, id: string, n: number): string {
  const position = parseDocument(example.text);
  position.set('id', id);
  const body = position.get('body');
  if (typeof body !== 'string') throw new Error(`${example.id} has no body`);
  const paragraphs = body.trimEnd().split('\n\n');
  // Footnote definitions stay last; the new paragraph goes among the text before them.
  const textParagraphs = paragraphs.filter((p) => !p.startsWith('[^')).length;
  const at = n % (textParagraphs + 1);
  paragraphs.splice(at, 0, `Sintētiskās pozīcijas nr. ${n} rindkopa: sanāksme ${n}, jautājums ${id}, ${'papildu teksts '.repeat(n % 7)}beigas.`);
  position.set('body', `${paragraphs.join('\n\n')}\n`);
  return position.toString();
}

function isQuestion(value: unknown): value is { text: string; position: string } {
  return typeof value === 'object' && value !== null && 'position' in value && typeof value.position === 'string' && 'text' in value;
}
