import { Option, type Command } from 'commander';
import type { CheckResult } from '../commands/check.js';
import { countProblems } from '../diagnostics/human.js';
import type { MessageFormat } from '../diagnostics/reporter.js';
import { printProblems, sourceDateEpoch, today, type Io } from './io.js';
import { helpNotes } from './help-notes.js';
import { didWork } from './work-done.js';

/** `briefing check [paths...]`: everything build would check, writing nothing. */
export function registerCheck(program: Command, io: Io): void {
  program
    .command('check')
    .description('Check meetings, positions, the ministries registry, the config and templates, as build would; write nothing.')
    .argument('[paths...]', 'files, folders or glob patterns to check (default: the whole project)')
    .addOption(new Option('--format <format>', 'how to print the problems').choices(['human', 'json']).default('human'))
    .option('--final', 'check as build --final would: every required clearance must be in place', false)
    .option('--base <rev>', 'compare positions’ versions with this git revision, not HEAD (in CI: the branch a pull request goes into)')
    .addHelpText(
      'after',
      helpNotes(`
Examples:
  $ briefing check
  $ briefing check meetings/2021-02-19-educ-informal.yaml --final
  $ briefing check positions/ --format json
  $ briefing check --base origin/main

Exit codes: 0 no errors (warnings allowed), 1 problems in the data, 2 could not run.
With GITHUB_ACTIONS=true, problems are also printed as GitHub annotations.`),
    )
    .action(async (paths: string[], flags: { format: MessageFormat; final: boolean; base?: string }) => {
      const { check, templateKinds } = await import('../commands/check.js');
      const result = await check({ cwd: io.cwd(), paths, final: flags.final, today: today(), ...sourceDateEpoch(), ...(flags.base === undefined ? {} : { base: flags.base }), inGitHook: process.env.GIT_INDEX_FILE !== undefined });
      await printCheck(io, result, flags.format, templateKinds(result.checked.templates));
    });
}

/** The problems on stdout, then (for people) what was checked and how it went. */
async function printCheck(io: Io, result: CheckResult, format: MessageFormat, { templates, partials }: { templates: string[]; partials: string[] }): Promise<void> {
  await printProblems(io, result, { format, report: 'stdout', annotations: format === 'json' ? 'stderr' : 'stdout' });
  const { meetings, positions } = result.checked;
  if (meetings.length) didWork('meetings');
  if (positions.length) didWork('positions');
  if (format === 'human') {
    // Templates and partials are counted apart, and left unsaid when there are none (the built-in ones in use).
    const counted = [
      count(meetings.length, 'meeting'),
      count(positions.length, 'position'),
      ...(templates.length ? [count(templates.length, 'template')] : []),
      ...(partials.length ? [count(partials.length, 'partial')] : []),
    ];
    console.log(io.out.dim(`Checked ${counted.join(', ')}: ${countProblems(result.diagnostics)}.`));
    if (result.archived.length) console.log(io.out.dim(archivedNote(result.archived.length)));
  }
  process.exitCode = result.exitCode;
}

/**
 * What a check of the whole project says of the archived meetings it did not call drafts: how many, and
 * how to see one's positions that moved on (`meeting/past-draft`, said when the meeting is named).
 */
function archivedNote(n: number): string {
  const one = n === 1;
  return `${count(n, 'meeting')} that ${one ? 'is' : 'are'} over ${one ? 'was' : 'were'} final for ${one ? 'its' : 'their'} day, ${one ? 'its' : 'their'} positions revised since: not called ${one ? 'a draft' : 'drafts'}, nor ${one ? 'its' : 'their'} clearances asked for again (check ${one ? 'it' : 'one'} by name to see which positions moved on).`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}
