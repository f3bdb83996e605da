import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { available, median, repeat, runEach, timed } from './measure.js';
import { formatTable, type Figure } from './report.js';
import { EXAMPLE_MEETING, makeWorkload } from './workload.js';

/**
 * `npm run bench`: the five figures of the performance budget, each beside pandoc where
 * pandoc does the same job, measured in this run on this machine. Prints a table and
 * writes it, with the machine's description, to bench/results.json.
 */
const { values } = parseArgs({
  options: {
    meetings: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '10' },
  },
});
const MEETINGS = Number(values.meetings);
const RUNS = Math.max(10, Number(values.runs));
const REPO = process.cwd();
const CLI = join(REPO, 'bin/briefing.js');
const NODE = process.execPath;
const CORES = availableParallelism();
const hasPandoc = available('pandoc', ['--version']);
const scratch = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
const loadBefore = loadavg();

function say(text: string): void {
  process.stderr.write(`${text}\n`);
}

function exampleCopy(name: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  for (const entry of ['briefing.config.yaml', 'ministries.yaml', 'meetings', 'positions']) cpSync(join(REPO, entry), join(dir, entry), { recursive: true });
  return dir;
}

async function singleBuild(): Promise<Figure> {
  say(`1. cold single build of the example, ${RUNS} runs each…`);
  const dir = exampleCopy('single');
  const fresh = () => {
    rmSync(join(dir, 'out'), { recursive: true, force: true });
    rmSync(join(dir, '.briefing-cache'), { recursive: true, force: true });
  };
  const args = [CLI, 'build', EXAMPLE_MEETING];
  await repeat(1, NODE, args, dir, fresh); // warm the disk cache and Node's compile cache, as on any second use
  const briefing = median((await repeat(RUNS, NODE, args, dir, fresh)).map((run) => run.ms));
  const figure: Figure = { id: 1, name: 'cold single build, md + docx (median, ms)', briefing, target: '≤ 1.0× pandoc', better: 'lower' };
  if (!hasPandoc) return figure;
  const markdown = join(dir, 'out/IZMzin_190221_EDUC.md');
  const pandocArgs = [markdown, '-o', join(dir, 'pandoc.docx')];
  await repeat(1, 'pandoc', pandocArgs, dir);
  const pandoc = median((await repeat(RUNS, 'pandoc', pandocArgs, dir)).map((run) => run.ms));
  return { ...figure, pandoc, ratio: briefing / pandoc, met: briefing / pandoc <= 1 };
}

async function batch(): Promise<{ throughput: Figure; noop: Figure; memory: Figure }> {
  say(`2. batch of ${MEETINGS} meetings: writing the workload…`);
  const dir = join(scratch, 'batch');
  mkdirSync(dir, { recursive: true });
  makeWorkload(REPO, dir, MEETINGS);
  say('   briefing build --all…');
  const run = await timed(NODE, [CLI, 'build', '--all'], dir);
  if (run.status !== 0) throw new Error(`the batch failed:\n${run.stderr.slice(-2000)}`);
  const perDocument = run.ms / MEETINGS;
  const throughput: Figure = { id: 2, name: `batch of ${MEETINGS}: ms per document`, briefing: perDocument, target: '≥ 10× pandoc’s throughput', better: 'lower' };
  if (hasPandoc) {
    const markdown = readdirSync(join(dir, 'out')).filter((name) => name.endsWith('.md'));
    mkdirSync(join(dir, 'pandoc'), { recursive: true });
    const command = (name: string): [string, string[]] => ['pandoc', [join('out', name), '-o', join('pandoc', name.replace(/\.md$/, '.docx'))]];
    say(`   pandoc, one process per file, ${CORES} at a time…`);
    const parallel = (await runEach(markdown, CORES, command, dir)) / markdown.length;
    say('   pandoc, one process per file, one at a time…');
    const sequential = (await runEach(markdown, 1, command, dir)) / markdown.length;
    throughput.pandoc = parallel;
    throughput.ratio = parallel / perDocument;
    throughput.met = parallel / perDocument >= 10;
    throughput.note = `pandoc one at a time: ${sequential.toFixed(1)} ms per document (${(sequential / perDocument).toFixed(1)}× briefing's time)`;
  }
  say('3. no-op rebuild (everything cached), 5 runs…');
  const noops = await repeat(5, NODE, [CLI, 'build', '--all'], dir);
  if (!noops.every((r) => r.stderr.includes(`0 built, ${MEETINGS} unchanged`))) throw new Error('the no-op rebuild rebuilt something');
  const noopMs = median(noops.map((r) => r.ms));
  return {
    throughput,
    noop: { id: 3, name: `no-op rebuild of ${MEETINGS} (median, ms)`, briefing: noopMs, target: '< 1000 ms', better: 'lower', met: noopMs < 1000 },
    memory: {
      id: 4,
      name: `peak RSS of the batch (MiB, ${CORES} cores)`,
      briefing: run.peakMiB ?? Number.NaN,
      target: '< 200 MiB',
      better: 'lower',
      met: run.peakMiB === undefined ? undefined : run.peakMiB < 200,
    },
  };
}

async function diff(): Promise<Figure> {
  const figure: Figure = { id: 5, name: 'briefing diff of one position (median, ms)', briefing: Number.NaN, target: '< 150 ms', better: 'lower' };
  const help = spawnSync(NODE, [CLI, '--help'], { encoding: 'utf8' }).stdout;
  if (!/^\s+diff\b/m.test(help)) return { ...figure, note: 'skipped: this build has no `briefing diff` command' };
  if (!available('git', ['--version'])) return { ...figure, note: 'skipped: git is not installed' };
  say(`5. briefing diff between two revisions, ${RUNS} runs…`);
  const dir = exampleCopy('diff');
  const git = (...args: string[]) => spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], { cwd: dir, stdio: 'ignore' });
  const position = 'positions/educ/equity-reforms.yaml';
  git('init', '-q');
  git('add', '.');
  git('commit', '-qm', 'first');
  writeFileSync(join(dir, position), readFileSync(join(dir, position), 'utf8').replace('Tuvākajā laikā prioritāri paredzēts:', 'Tuvākajos mēnešos prioritāri paredzēts:'));
  git('commit', '-qam', 'second');
  const args = [CLI, 'diff', position, '--from', 'HEAD~1', '--to', 'HEAD'];
  const runs = [];
  for (let i = 0; i <= RUNS; i++) {
    const run = await timed(NODE, args, dir);
    if (run.status === 2) return { ...figure, note: `failed: ${run.stderr.split('\n')[0] ?? ''}` };
    if (i > 0) runs.push(run.ms); // the first run warms the caches
  }
  const ms = median(runs);
  return { ...figure, briefing: ms, met: ms < 150 };
}

const single = await singleBuild();
const { throughput, noop, memory } = await batch();
const diffFigure = await diff();
const figures = [single, throughput, noop, memory, diffFigure];
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: CORES,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  os: `${process.platform} ${process.arch}`,
  node: process.version,
  pandoc: hasPandoc ? (spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? '') : 'not installed',
  loadAverage: { before: loadBefore.map((l) => Number(l.toFixed(2))), after: loadavg().map((l) => Number(l.toFixed(2))) },
};
if (!hasPandoc) say('pandoc is not installed: the comparisons with pandoc are skipped (apt-get install pandoc).');
const table = formatTable(figures);
process.stdout.write(`${table}\n`);
writeFileSync(join(REPO, 'bench/results.json'), `${JSON.stringify({ date: new Date().toISOString(), meetings: MEETINGS, runs: RUNS, machine, figures, table }, null, 2)}\n`);
rmSync(scratch, { recursive: true, force: true });
