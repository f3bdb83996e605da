import { Option, type Command } from 'commander';
import type { NewFileResult } from '../commands/new.js';
import type { MeetingFlags } from '../scaffold/meeting.js';
import type { PositionFlags } from '../scaffold/position.js';
import { parseCodes } from './flags.js';
import { commandFromHere, PROBLEMS_ON_STDERR, printProblems, terminalPrompter, today, type Io } from './io.js';
import { shellWord } from '../util/shell.js';
import { offer, offerFromProject } from '../completion/spec.js';
import { helpNotes } from './help-notes.js';

/** `briefing new meeting|position`: a valid, commented file, asking for what the flags leave out. */
export function registerNew(program: Command, io: Io): void {
  const create = program
    .command('new')
    .description('Start a new meeting or position file: valid, commented, ready to fill in.')
    .addHelpText(
      'after',
      helpNotes(`
Examples:
  $ briefing new meeting 2021-05-18 educ-council
  $ briefing new meeting 2021-06-10 educ-informal --from meetings/2021-02-19-educ-informal.yaml --topic "…"
  $ briefing new position educ-digital-skills --question "Digitālās prasmes" --clearances AM,LM`),
    );

  create
    .command('meeting')
    .description('Write meetings/<date>-<slug>.yaml; asks for what the flags leave out (on a terminal).')
    .argument('<date>', 'day of the meeting, YYYY-MM-DD or DD.MM.YYYY')
    .argument('<slug>', 'short name for the file, e.g. educ-council')
    .option('--from <file>', 'copy the structure of an earlier meeting (questions and texts left empty)')
    .addOption(new Option('--kind <kind>', 'formal or informal').choices(['formal', 'informal']))
    .addOption(new Option('--mode <mode>', 'how it is held').choices(['in-person', 'videoconference']))
    .option('--end-date <date>', 'last day of a meeting held over several days, e.g. 2021-05-18')
    .option('--place <locative>', 'where an in-person meeting is held, e.g. Briselē (default for a formal one: Briselē, or Luksemburgā in April, June and October)')
    .option('--time <HH.MM>', 'start time, e.g. 10.00')
    .option('--formation <text>', 'Council configuration, e.g. EYCS')
    .option('--participants <text>', 'who meets, e.g. "ES izglītības ministri"')
    .option('--presidency <text>', 'the presidency (default: the one in office on <date>)')
    .option('--topic <text>', 'topic of the discussion')
    .option('--name <text>', 'the meeting’s name, nominative')
    .option('--name-locative <text>', 'the meeting’s name, locative')
    .option('--short-locative <text>', 'short name, locative (default: sanāksmē)')
    .option('--clearances <codes>', 'ministries that must clear every position, e.g. AM,LM', parseCodes)
    .option('--file-code <code>', 'file code naming the output files (default: e.g. IZMzin_180521_EDUC)')
    .addOption(offerFromProject(new Option('--template <name>', 'template (see `briefing templates`)'), 'template-names', { files: false }))
    .option('--signature-role <text>', 'who signs: role, e.g. "Izglītības un zinātnes ministre" (default: the config’s `signature`)')
    .option('--signature-name <text>', 'who signs: name, e.g. "I. Šuplinska"')
    .option('--visa-role <text>', 'visa: role, e.g. "Valsts sekretāre" (default: the config’s `visa`)')
    .option('--visa-name <text>', 'visa: name, e.g. "L. Lejiņa"')
    .addHelpText(
      'after',
      helpNotes(`
Examples:
  $ briefing new meeting 2021-05-18 educ-council
  $ briefing new meeting 2021-05-18 educ-council --formation EYCS --participants "ES izglītības ministri" \\
      --topic "Digitālā izglītība" --name "Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksme" \\
      --name-locative "Eiropas Savienības Izglītības, jaunatnes, kultūras un sporta padomes sanāksmē" --clearances AM,LM
  $ briefing new meeting 2021-06-10 educ-informal --from meetings/2021-02-19-educ-informal.yaml --topic "…"

Without a terminal (CI, scripts) nothing is asked: a field with no flag and no default is an error (exit 2).`),
    )
    .action(async (date: string, slug: string, flags: { from?: string } & MeetingFlags) => {
      const { newMeeting } = await import('../commands/new.js');
      const { from, ...fields } = flags;
      const result = await newMeeting({ cwd: io.cwd(), date, slug, flags: fields, ...(from ? { from } : {}), ...(await terminalPrompter()) });
      await printNew(io, result, ({ briefing, file }) => [
        'Next: write the background and the questions (each with the id of its position), then',
        `  ${briefing} new position <id>     for each answer`,
        `  ${briefing} build ${shellWord(file)} --watch`,
      ]);
    });

  create
    .command('position')
    .description('Write positions/[<dir>/]<id>.yaml as a draft; asks for what the flags leave out (on a terminal).')
    .argument('<id>', 'position id, as the meeting’s questions name it')
    .option('--question <text>', 'the question it answers, in short (default: from a meeting that names <id>)')
    .addOption(offer(new Option('--owner <code>', 'ministry that owns it (default: the issuing ministry)'), 'ministry-codes'))
    .option('--unit <text>', 'department or unit')
    .option('--clearances <codes>', 'ministries asked to clear it (default: those the meetings require but the owner)', parseCodes)
    .addOption(offerFromProject(new Option('--dir <folder>', 'sub-folder of the positions folder, e.g. educ'), 'position-folders', { files: false }))
    .addHelpText(
      'after',
      helpNotes(`
Examples:
  $ briefing new position educ-digital-skills
  $ briefing new position educ-digital-skills --dir educ --question "Digitālās prasmes" --clearances AM,LM
  $ briefing new position educ-teachers --unit "Izglītības departaments"`),
    )
    .action(async (id: string, flags: { dir?: string } & PositionFlags) => {
      const { newPosition } = await import('../commands/new.js');
      const { dir, ...fields } = flags;
      const result = await newPosition({ cwd: io.cwd(), id, flags: fields, ...(dir ? { dir } : {}), today: today(), ...(await terminalPrompter()) });
      await printNew(io, result, ({ briefing, file }) => [
        'Next: write the answer under `body: |`, then record each clearance as it arrives:',
        `  ${briefing} clear ${shellWord(file)} --ministry <code> --ref "…"`,
      ]);
    });
}

/** The problems, or the file created and what to do next, in commands that work from where the user typed this one. */
async function printNew(io: Io, result: NewFileResult, next: (here: { briefing: string; file: string }) => string[]): Promise<void> {
  await printProblems(io, result, PROBLEMS_ON_STDERR);
  if (result.file) {
    console.log(`${io.out.green('created')} ${result.file}`);
    console.log(next({ briefing: commandFromHere(io), file: result.file }).join('\n'));
  }
  process.exitCode = result.exitCode;
}
