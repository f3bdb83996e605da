import { hasErrors } from '../diagnostics/diagnostic.js';
import { Argument, Option, type Command } from 'commander';
import type { ListResult } from '../commands/list.js';
import { outputColumns, PROBLEMS_ON_STDERR, printProblems, today, type Io } from './io.js';
import { helpNotes } from './help-notes.js';

/** The flags of `briefing list`, as commander parses them. */
interface ListFlags {
  status?: 'draft' | 'cleared';
  uncleared: boolean;
  upcoming: boolean;
  meeting?: string;
  json: boolean;
}

/** `briefing list [positions|meetings]`: a table (or JSON) of what is where. */
export function registerList(program: Command, io: Io): void {
  program
    .command('list')
    .description('List positions (clearances, meetings, last change in git) or meetings (progress, output).')
    .addArgument(new Argument('[what]', 'positions or meetings').choices(['positions', 'meetings']).default('positions'))
    .addOption(new Option('--status <status>', 'positions with this status').choices(['draft', 'cleared']))
    .option('--uncleared', 'only what still waits for a clearance', false)
    .option('--upcoming', 'only meetings still to come (today or later), and the positions they use', false)
    .option('--meeting <file>', 'only the positions this meeting uses (its file, or its name: 2021-02-19-educ-informal)')
    .option('--json', 'print JSON instead of a table', false)
    .addHelpText(
      'after',
      helpNotes(`
Examples:
  $ briefing list --uncleared
  $ briefing list meetings --upcoming
  $ briefing list positions --meeting meetings/2021-02-19-educ-informal.yaml
  $ briefing list meetings --json

The table fits the terminal (COLUMNS in a pipe, else 80 columns); under 60 columns each row is given as lines of words instead, each ministry's state named: "clearance: AM cleared, LM pending".

Exit codes: 0 listed, 1 listed but not completely (a file that cannot be read, a position missing or claimed twice) or with an error in the config or the registry, 2 could not run.`),
    )
    .action(async (what: 'positions' | 'meetings', flags: ListFlags) => {
      const { list } = await import('../commands/list.js');
      const result = await list({
        cwd: io.cwd(),
        what,
        uncleared: flags.uncleared,
        upcoming: flags.upcoming,
        today: today(),
        ...(flags.status ? { status: flags.status } : {}),
        ...(flags.meeting ? { meeting: flags.meeting } : {}),
      });
      await printList(io, result, flags.json, flags.uncleared || flags.upcoming || flags.status !== undefined || flags.meeting !== undefined);
    });
}

/**
 * How wide the list may be: the terminal's width, or in a pipe or a file `COLUMNS` ({@link outputColumns}),
 * else 80; a terminal of no size (0 columns: some containers' and CI's) gets the narrowest table, as it
 * always did. Under 60 columns the rows are given as lines of words rather than a table (see formatPositions).
 */
function tableWidth(terminalColumns: number | undefined, columnsVariable: string | undefined, narrowestTable: number): number {
  const columns = outputColumns(terminalColumns, columnsVariable);
  return columns === undefined ? 80 : columns > 0 ? columns : narrowestTable;
}

/** The problems on stderr; the rows on stdout, as a table as wide as the terminal (in a pipe, COLUMNS or 80) or JSON. */
async function printList(io: Io, result: ListResult, json: boolean, filtered: boolean): Promise<void> {
  const { formatMeetings, formatPositions, NARROWEST_TABLE } = await import('../list/format.js');
  await printProblems(io, result, PROBLEMS_ON_STDERR);
  const width = tableWidth(process.stdout.isTTY ? process.stdout.columns : undefined, process.env.COLUMNS, NARROWEST_TABLE);
  if (json) console.log(JSON.stringify(result.rows, null, 2));
  // Nothing listed because the project could not be read (a folder not to be listed): the errors say so, not "No positions yet".
  else if (result.rows.length || !hasErrors(result.diagnostics)) console.log((result.what === 'positions' ? formatPositions(result.rows, width, filtered) : formatMeetings(result.rows, width, filtered)).join('\n'));
  process.exitCode = result.exitCode;
}
