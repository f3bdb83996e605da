import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { linearFigures } from './linear-slot.js';
import { available, meanCpu, median, paired, processCpuMs, repeat, runEach, timed, type Command, type Run } from './measure.js';
import { formatTable, type Figure } from './report.js';
import { EXAMPLE_MEETING, makeWorkload } from './workload.js';

/**
 * `npm run bench`: the six figures of issue 11, each beside pandoc (or a bare `node -e 0`)
 * measured in this run on this machine, runs paired and interleaved, medians. The command is
 * run as a user runs the installed one: the package's `bin` entry started directly (its
 * `#!/usr/bin/env node` line picks the `node` on PATH), not through npm or npx.
 * `--quick` runs everything once on a tiny workload (for the test that the bench runs).
 * Prints a table; a full run also writes it, with the machine, to bench/results.json.
 */
const { values } = parseArgs({
  options: {
    meetings: { type: 'string' },
    runs: { type: 'string' },
    quick: { type: 'boolean', default: false },
  },
});
const QUICK = values.quick;
const MEETINGS = Number(values.meetings ?? (QUICK ? '4' : '1000'));
const RUNS = QUICK ? 1 : Math.max(10, Number(values.runs ?? '15'));
const REPO = process.cwd();
const CLI = join(REPO, 'bin/briefing.js');
const CORES = availableParallelism();
const hasPandoc = available('pandoc', ['--version']);
const hasGit = available('git', ['--version']);
const scratch = mkdtempSync(join(tmpdir(), 'briefing-bench-'));
const loadBefore = loadavg();
// Every figure but the resident server's is measured cold, each command a process of its own, whatever the caller's setting.
process.env.BRIEFING_SERVER = 'off';
/** The resident server's socket folder: the bench's own, so that no server of the user's is used or stopped. */
const serverRuntime = join(scratch, 'run');
mkdirSync(serverRuntime, { mode: 0o700 });
const servedEnv: NodeJS.ProcessEnv = { ...process.env, BRIEFING_SERVER: 'on', XDG_RUNTIME_DIR: serverRuntime };

/** `briefing …` as the installed command: the bin file itself (Windows cannot start a .js file, so there through node). */
function briefing(...args: string[]): Command {
  return process.platform === 'win32' ? { command: 'node', args: [CLI, ...args] } : { command: CLI, args };
}
const bareNode: Command = { command: 'node', args: ['-e', '0'] };

function say(text: string): void {
  process.stderr.write(`${text}\n`);
}

/** A copy of the example project, committed to a git repository of its own as a user's would be. */
function exampleCopy(name: string): string {
  const dir = join(scratch, name);
  mkdirSync(dir, { recursive: true });
  for (const entry of ['briefing.config.yaml', 'ministries.yaml', 'meetings', 'positions']) cpSync(join(REPO, entry), join(dir, entry), { recursive: true });
  if (hasGit) {
    git(dir, 'init', '-q');
    git(dir, 'add', '.');
    git(dir, 'commit', '-qm', 'first');
  }
  return dir;
}

function git(dir: string, ...args: string[]): void {
  spawnSync('git', ['-c', 'user.name=bench', '-c', 'user.email=bench@example.invalid', ...args], { cwd: dir, stdio: 'ignore' });
}

interface PairedResult {
  a: number;
  b: number;
  /** Mean CPU time of each side, as a note, when the system tells it. */
  cpuNote: string | undefined;
}

/** Medians of two paired commands, and their mean CPU times. */
async function pairedMedians(a: Command, b: Command, cwd: string, before?: () => void): Promise<PairedResult> {
  await paired(1, a, b, cwd, before); // warm the disk cache and Node's compile cache, as on any second use
  const [runsA, runsB] = await paired(RUNS, a, b, cwd, before);
  return { a: median(runsA.map((r) => r.ms)), b: median(runsB.map((r) => r.ms)), cpuNote: cpuNote(runsA, runsB, b) };
}

function cpuNote(runsA: readonly Run[], runsB: readonly Run[], b: Command): string | undefined {
  const cpuA = meanCpu(runsA);
  const cpuB = meanCpu(runsB);
  if (cpuA === undefined || cpuB === undefined || cpuB === 0) return undefined;
  return `CPU time, user + system, mean of ${runsA.length}: briefing ${cpuA.toFixed(1)} ms, ${b.command === 'node' ? 'node -e 0' : b.command} ${cpuB.toFixed(1)} ms (${(cpuA / cpuB).toFixed(2)}×)`;
}

async function singleBuild(): Promise<Figure> {
  say(`1. cold single build of the example beside pandoc, ${RUNS} paired runs…`);
  const dir = exampleCopy('single');
  const fresh = () => {
    rmSync(join(dir, 'out'), { recursive: true, force: true });
    rmSync(join(dir, '.briefing-cache'), { recursive: true, force: true });
  };
  const build = briefing('build', EXAMPLE_MEETING);
  const figure: Figure = { id: '1', name: 'cold single build, md + docx (median, ms)', briefing: Number.NaN, target: '≤ 1.0× pandoc' };
  if (!hasPandoc) {
    await repeat(1, build.command, build.args, dir, fresh);
    const runs = await repeat(RUNS, build.command, build.args, dir, fresh);
    return { ...figure, briefing: median(runs.map((r) => r.ms)) };
  }
  await repeat(1, build.command, build.args, dir, fresh);
  cpSync(join(dir, 'out/IZMzin_190221_EDUC.md'), join(dir, 'report.md')); // pandoc converts what briefing writes
  const pandoc: Command = { command: 'pandoc', args: ['report.md', '-o', 'pandoc.docx'] };
  const { a, b, cpuNote } = await pairedMedians(build, pandoc, dir, fresh);
  return { ...figure, briefing: a, baseline: { name: 'pandoc', value: b }, ratio: a / b, met: a / b <= 1, ...(cpuNote ? { note: cpuNote } : {}) };
}

async function startUp(): Promise<Figure[]> {
  say(`2. briefing --version and briefing check beside node -e 0, ${RUNS} paired runs each…`);
  const dir = exampleCopy('start-up');
  const version = await pairedMedians(briefing('--version'), bareNode, dir);
  const check = await pairedMedians(briefing('check'), bareNode, dir);
  return [
    { id: '2a', name: 'briefing --version (median, ms)', briefing: version.a, baseline: { name: 'node -e 0', value: version.b }, ratio: version.a / version.b, target: '≤ 1.5× node -e 0', met: version.a / version.b <= 1.5, ...(version.cpuNote ? { note: version.cpuNote } : {}) },
    { id: '2b', name: 'briefing check of the example (median, ms)', briefing: check.a, baseline: { name: 'node -e 0', value: check.b }, ratio: check.a / check.b, target: '≤ 2.5× node -e 0', met: check.a / check.b <= 2.5, ...(check.cpuNote ? { note: check.cpuNote } : {}) },
  ];
}

/**
 * 1 and 2b once more, each command sent to the resident server (docs/server.md) as a command typed on a
 * terminal is: the same installed command, whose client connects to a server that has already run a few
 * commands. The cold figures above stay the targets' own; these say what a desk officer's next command costs.
 */
async function served(): Promise<Figure[]> {
  say(`1s, 2bs. the same build and check through the resident server, ${RUNS} paired runs each…`);
  const dir = exampleCopy('served');
  const start = await timed(CLI, ['server', 'start'], dir, servedEnv);
  if (start.status !== 0) return [{ id: '1s', name: 'single build through the resident server', briefing: Number.NaN, target: '≤ 1.0× pandoc', note: `no server: ${start.stderr.trim()}` }];
  const build: Command = { ...briefing('build', EXAMPLE_MEETING, '--force'), env: servedEnv };
  const check: Command = { ...briefing('check'), env: servedEnv };
  // A server's first commands run code V8 has not optimised yet: a desk officer's later ones are measured.
  await repeat(QUICK ? 1 : 5, build.command, build.args, dir, undefined, servedEnv);
  await repeat(QUICK ? 1 : 5, check.command, check.args, dir, undefined, servedEnv);
  const pid = Number(/\(process (\d+)\)/.exec(start.stdout)?.[1]);
  /** The server's CPU time per command while `measure` runs `commands` of them, as a note. */
  const serverCpu = async <T>(commands: number, measure: () => Promise<T>): Promise<[T, string]> => {
    const before = processCpuMs(pid);
    const result = await measure();
    const after = processCpuMs(pid);
    return [result, before === undefined || after === undefined ? 'the server’s CPU time not measured' : `the server’s CPU time ${((after - before) / commands).toFixed(1)} ms a command`];
  };
  const figures: Figure[] = [];
  const single: Figure = { id: '1s', name: 'single build through the resident server, md + docx (median, ms)', briefing: Number.NaN, target: '≤ 1.0× pandoc' };
  if (hasPandoc) {
    cpSync(join(dir, 'out/IZMzin_190221_EDUC.md'), join(dir, 'report.md'));
    const [{ a, b, cpuNote }, server] = await serverCpu(RUNS + 1, () => pairedMedians(build, { command: 'pandoc', args: ['report.md', '-o', 'pandoc.docx'] }, dir));
    figures.push({ ...single, briefing: a, baseline: { name: 'pandoc', value: b }, ratio: a / b, met: a / b <= 1, note: `${cpuNote ?? 'CPU time not measured'} (the client); ${server}` });
  } else {
    figures.push({ ...single, briefing: median((await repeat(RUNS, build.command, build.args, dir, undefined, servedEnv)).map((r) => r.ms)) });
  }
  const [checked, server] = await serverCpu(RUNS + 1, () => pairedMedians(check, bareNode, dir));
  figures.push({ id: '2bs', name: 'briefing check through the resident server (median, ms)', briefing: checked.a, baseline: { name: 'node -e 0', value: checked.b }, ratio: checked.a / checked.b, target: '≤ 2.5× node -e 0', met: checked.a / checked.b <= 2.5, note: `${checked.cpuNote ?? 'CPU time not measured'} (the client); ${server}` });
  await timed(CLI, ['server', 'stop'], dir, servedEnv);
  return figures;
}

async function batch(): Promise<Figure[]> {
  say(`3. batch of ${MEETINGS} meetings: writing the workload…`);
  const dir = join(scratch, 'batch');
  mkdirSync(dir, { recursive: true });
  makeWorkload(REPO, dir, MEETINGS);
  say('   briefing build --all…');
  const all = briefing('build', '--all');
  const run = await timed(all.command, all.args, dir);
  if (run.status !== 0) throw new Error(`the batch failed:\n${run.stderr.slice(-2000)}`);
  const perDocument = run.ms / MEETINGS;
  const throughput: Figure = { id: '3', name: `batch of ${MEETINGS}, docx: ms per document`, briefing: perDocument, target: '≥ 10× pandoc’s throughput' };
  const notes: string[] = [];
  if (hasPandoc) {
    const markdown = readdirSync(join(dir, 'out')).filter((name) => name.endsWith('.md'));
    mkdirSync(join(dir, 'pandoc'), { recursive: true });
    const command = (name: string): [string, string[]] => ['pandoc', [join('out', name), '-o', join('pandoc', name.replace(/\.md$/, '.docx'))]];
    say(`   pandoc, one process per file, ${CORES} at a time…`);
    const parallel = (await runEach(markdown, CORES, command, dir)) / markdown.length;
    throughput.baseline = { name: `pandoc, ${CORES} at a time`, value: parallel };
    throughput.ratio = parallel / perDocument;
    throughput.met = parallel / perDocument >= 10;
    if (!QUICK) {
      say('   pandoc, one process per file, one at a time…');
      const sequential = (await runEach(markdown, 1, command, dir)) / markdown.length;
      notes.push(`pandoc one at a time: ${sequential.toFixed(1)} ms per document`);
    }
  }
  say('   no-op rebuild (everything cached)…');
  const noops = await repeat(QUICK ? 1 : 5, all.command, all.args, dir);
  const rebuilt = noops.find((r) => !r.stderr.includes(`0 built, ${MEETINGS} unchanged`));
  // Most often dist/ was built again while the bench ran (a new tool reuses no output of the old one).
  if (rebuilt) throw new Error(`the no-op rebuild rebuilt something (was dist/ built again during the run?):\n${rebuilt.stderr.split('\n').slice(-3).join('\n')}`);
  notes.push(`no-op rebuild of all ${MEETINGS}: ${median(noops.map((r) => r.ms)).toFixed(0)} ms`);
  throughput.note = notes.join('; ');
  const memory: Figure = {
    id: '4',
    name: `peak RSS of the batch (MiB, default --jobs, ${CORES} cores)`,
    briefing: run.peakMiB ?? Number.NaN,
    target: '< 200 MiB',
    ...(run.peakMiB === undefined ? { note: 'not measured: no /proc on this system' } : { met: run.peakMiB < 200 }),
  };
  return [throughput, memory];
}

async function diff(): Promise<Figure> {
  const figure: Figure = { id: '6', name: 'briefing diff of a reworded position (median, ms)', briefing: Number.NaN, target: '< 150 ms' };
  if (!hasGit) return { ...figure, note: 'skipped: git is not installed' };
  say(`6. briefing diff between two revisions, ${RUNS} runs…`);
  const dir = exampleCopy('diff');
  const position = 'positions/educ/equity-reforms.yaml';
  writeFileSync(join(dir, position), readFileSync(join(dir, position), 'utf8').replace('Tuvākajā laikā prioritāri paredzēts:', 'Tuvākajos mēnešos prioritāri paredzēts:'));
  git(dir, 'commit', '-qam', 'second');
  const command = briefing('diff', position, '--from', 'HEAD~1', '--to', 'HEAD');
  const runs: Run[] = [];
  const nodeRuns: Run[] = [];
  for (let i = 0; i <= RUNS; i++) {
    // Beside a bare Node start, interleaved, to tell a slow diff from a busy machine.
    const node = await timed(bareNode.command, bareNode.args, dir);
    const run = await timed(command.command, command.args, dir);
    // 1 means "the versions differ", which they do; 2 means the tool could not run.
    if (run.status !== 0 && run.status !== 1) throw new Error(`briefing diff exited with ${run.status}:\n${run.stderr}`);
    if (i > 0) {
      runs.push(run); // the first run warms the caches
      nodeRuns.push(node);
    }
  }
  const ms = median(runs.map((r) => r.ms));
  const node = median(nodeRuns.map((r) => r.ms));
  const note = cpuNote(runs, nodeRuns, bareNode);
  return { ...figure, briefing: ms, baseline: { name: 'node -e 0', value: node }, ratio: ms / node, met: ms < 150, ...(note ? { note } : {}) };
}

const figures = [await singleBuild(), ...(await startUp()), ...(await served()), ...(await batch()), ...(await linearFigures({ repo: REPO, quick: QUICK })), await diff()];
const node = spawnSync('node', ['--version'], { encoding: 'utf8' }).stdout.trim();
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: CORES,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  os: `${process.platform} ${process.arch}`,
  node,
  pandoc: hasPandoc ? (spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0] ?? '') : 'not installed',
  loadAverage: { before: loadBefore.map((l) => Number(l.toFixed(2))), after: loadavg().map((l) => Number(l.toFixed(2))) },
};
if (!hasPandoc) say('pandoc is not installed: the comparisons with pandoc are skipped (apt-get install pandoc).');
const table = formatTable(figures);
const header = `Machine: ${machine.cores} cores (${machine.cpu}), ${machine.memoryGiB} GiB, ${machine.os}; Node.js ${node} (the \`node\` on PATH); ${machine.pandoc}; load average before ${machine.loadAverage.before.join(' ')}, after ${machine.loadAverage.after.join(' ')}.`;
process.stdout.write(`${header}\n${QUICK ? '(--quick: tiny sizes, one run each; the figures mean nothing)\n' : ''}\n${table}\n`);
if (!QUICK) {
  writeFileSync(join(REPO, 'bench/results.json'), `${JSON.stringify({ date: new Date().toISOString(), meetings: MEETINGS, runs: RUNS, machine, figures, table }, null, 2)}\n`);
}
rmSync(scratch, { recursive: true, force: true });
