import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { timed } from './measure.js';
import { EXAMPLE_MEETING } from './workload.js';

/** One measured build: what was built, its wall time and peak memory. */
export interface LinearFigure {
  name: string;
  ms: number;
  peakMiB: number | undefined;
}

/** What to measure: meetings with these numbers of questions, and a position of this many megabytes. */
export interface LinearOptions {
  repo: string;
  questions?: readonly number[];
  positionMegabytes?: number;
  /** The Node binary that runs the CLI (the project's pinned one by default). */
  node?: string;
}

/**
 * Issue 11 target 5, cost linear in size (run it on its own, after `npm run build`:
 * `npx esbuild bench/linear.ts --bundle --platform=node --format=esm --packages=external
 * --outfile=node_modules/.cache/briefing-bench/linear.mjs && node node_modules/.cache/briefing-bench/linear.mjs [sizes…]`): builds (md + docx) one meeting with each number
 * of questions (each answered by a position of its own, sized like the example's) and one
 * meeting whose single answer is a position of `positionMegabytes`; returns each build's
 * wall time and peak RSS. The target: 10,000 questions within 12× the time of 1,000, and a
 * 5 MB position in under 3 s.
 */
export async function measureLinear(options: LinearOptions): Promise<LinearFigure[]> {
  const { repo } = options;
  const node = options.node ?? process.execPath;
  const cli = join(repo, 'bin/briefing.js');
  const figures: LinearFigure[] = [];
  const scratch = mkdtempSync(join(tmpdir(), 'briefing-linear-'));
  try {
    for (const count of options.questions ?? [1000, 2000, 4000, 10000]) {
      const dir = join(scratch, `q${count}`);
      writeQuestionsProject(repo, dir, count);
      figures.push(await build(node, cli, dir, `${count} questions`));
    }
    const megabytes = options.positionMegabytes ?? 5;
    const dir = join(scratch, 'big');
    writeBigPositionProject(repo, dir, megabytes);
    figures.push(await build(node, cli, dir, `one ${megabytes} MB position`));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  return figures;
}

async function build(node: string, cli: string, dir: string, name: string): Promise<LinearFigure> {
  const run = await timed(node, [cli, 'build', EXAMPLE_MEETING, '--out', 'out'], dir);
  if (run.status !== 0) throw new Error(`${name}: build failed (exit ${run.status}):\n${run.stderr}`);
  return { name, ms: run.ms, peakMiB: run.peakMiB };
}

/** The example project, with the example meeting asking `count` questions, each with a position of its own. */
export function writeQuestionsProject(repo: string, dir: string, count: number): void {
  copyProject(repo, dir);
  const meeting = readFileSync(join(repo, EXAMPLE_MEETING), 'utf8');
  const template = readFileSync(join(repo, 'positions/educ/equity-reforms.yaml'), 'utf8');
  mkdirSync(join(dir, 'positions/bench'), { recursive: true });
  const questions: string[] = [];
  for (let n = 1; n <= count; n++) {
    const id = `bench-${n}`;
    const text = template.replace(/^id: .*$/m, `id: ${id}`).replace(/^body: \|\n/m, `body: |\n  Sintētiskā atbilde nr. ${n}.\n\n`);
    writeFileSync(join(dir, 'positions/bench', `${id}.yaml`), text);
    questions.push(`  - text: Sintētisks jautājums nr. ${n}?\n    position: ${id}\n`);
  }
  writeFileSync(join(dir, EXAMPLE_MEETING), replaceQuestions(meeting, questions.join('')));
}

/** The example project, with the meeting's one question answered by a position of about `megabytes` MB. */
export function writeBigPositionProject(repo: string, dir: string, megabytes: number): void {
  copyProject(repo, dir);
  const meeting = readFileSync(join(repo, EXAMPLE_MEETING), 'utf8');
  const template = readFileSync(join(repo, 'positions/educ/equity-reforms.yaml'), 'utf8');
  const body = /^body: \|\n((?: {2}.*\n|\n)+)/m.exec(template)?.[1] ?? '  Teksts.\n';
  const copies = Math.ceil((megabytes * 1024 * 1024) / Buffer.byteLength(body));
  const big = template.replace(/^id: .*$/m, 'id: bench-big').replace(/^body: \|\n(?: {2}.*\n|\n)+/m, `body: |\n${`${body}\n`.repeat(copies)}`);
  mkdirSync(join(dir, 'positions/bench'), { recursive: true });
  writeFileSync(join(dir, 'positions/bench/bench-big.yaml'), big);
  writeFileSync(join(dir, EXAMPLE_MEETING), replaceQuestions(meeting, '  - text: Viens liels jautājums?\n    position: bench-big\n'));
}

function copyProject(repo: string, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const entry of ['briefing.config.yaml', 'ministries.yaml', 'meetings']) cpSync(join(repo, entry), join(dir, entry), { recursive: true });
}

function replaceQuestions(meeting: string, questions: string): string {
  return meeting.replace(/^questions:\n(?:[ #].*\n|\n)*?(?=^\S)/m, `questions:\n${questions}\n`);
}

// Run on its own (`node bench/linear.ts 1000 2000`), not when bundled into the bench, whose file is then this module's too.
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1] && /linear\.[cm]?[jt]s$/.test(process.argv[1])) {
  const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
  const figures = await measureLinear({ repo: process.cwd(), ...(sizes.length ? { questions: sizes } : {}) });
  for (const f of figures) console.log(`${f.name.padEnd(24)} ${(f.ms / 1000).toFixed(2).padStart(7)} s  ${f.peakMiB?.toFixed(0) ?? '?'} MiB`);
}
