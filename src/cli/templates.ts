import { oneLine } from '../diagnostics/human.js';
import type { Command } from 'commander';
import type { TemplatesResult } from '../commands/templates.js';
import { outputColumns, PROBLEMS_ON_STDERR, printProblems, type Io } from './io.js';
import { helpNotes } from './help-notes.js';
import { packWords } from '../util/pack-words.js';

/** `briefing templates`: the templates a meeting can choose, built-in and the project's own. */
export function registerTemplates(program: Command, io: Io): void {
  program
    .command('templates')
    .description('List the templates a meeting’s `template:` (or build --template) can choose.')
    .option('--json', 'print JSON', false)
    .addHelpText(
      'after',
      helpNotes(`
Examples:
  $ briefing templates
  $ briefing build meetings/2021-02-19-educ-informal.yaml --template informative-report.en

Your own templates go in the folder named by paths.templates in briefing.config.yaml (default templates/), as <name>.md.hbs, and your partials in its partials/ folder; a name used by a built-in template or partial replaces it. A partial is looked for in your partials/ first, then among the built-in ones, so a copied template still finds the built-in partials, and copying one partial changes it in every template.

A template with an error (in it, in a partial it includes, or in the reference DOCX its front matter names) is listed as one that cannot be used, its errors are printed, and the exit code is 1. So is the exit code when two templates would write their reports to the same files (ministry/report and ministry.report, as another template's report is named <file_code>.<template> with each / of its name written as a dot).

Exit codes: 0 every template can be used, 1 one cannot (or two share their reports' names, or the config has an error), 2 could not run.`),
    )
    .action(async (flags: { json: boolean }) => {
      const { templates } = await import('../commands/templates.js');
      await printTemplates(io, templates({ cwd: io.cwd() }), flags.json);
    });
}

/**
 * The problems on stderr; on stdout one line per template: name, description and where it comes
 * from, with the partials it includes that come from elsewhere (a built-in template using your
 * partial, your template the built-in ones), or that it cannot be used; or JSON.
 */
async function printTemplates(io: Io, result: TemplatesResult, json: boolean): Promise<void> {
  await printProblems(io, result, PROBLEMS_ON_STDERR);
  process.exitCode = result.exitCode;
  const found = result.templates;
  if (json) return console.log(JSON.stringify(found, null, 2));
  // Control characters of a name or description are shown escaped, before the colours' own are added.
  const width = Math.max(...found.map((t) => oneLine(t.name).length));
  // A terminal's width, or COLUMNS (a terminal of no size too); else no limit: one line a template, whole for a `grep`.
  const columns = outputColumns(process.stdout.isTTY && process.stdout.columns > 0 ? process.stdout.columns : undefined, process.env.COLUMNS) ?? Infinity;
  for (const t of found) {
    const origin = t.source === 'built-in' ? 'built-in' : t.overrides ? `${t.path}, replaces the built-in one` : t.path;
    const elsewhere = t.partials.filter((partial) => partial.source !== t.source);
    const partials = !elsewhere.length
      ? ''
      : t.source === 'built-in'
        ? `; with your ${partialWord(elsewhere)} ${elsewhere.map((partial) => partial.path).join(', ')}`
        : `; with the built-in ${partialWord(elsewhere)} ${elsewhere.map((partial) => partial.name).join(', ')}`;
    const words: StyledWord[] = [
      ...oneLine(t.description || '(no description)').split(' ').map((word) => ({ word, style: (text: string) => text })),
      ...oneLine(`(${origin}${partials})`).split(' ').map((word) => ({ word, style: io.out.dim })),
      ...(t.usable ? [] : `cannot be used: ${t.errors === 1 ? '1 error' : `${t.errors} errors`}`.split(' ').map((word) => ({ word, style: io.out.red }))),
    ];
    console.log(described(oneLine(t.name).padEnd(width), words, columns));
  }
}

/** A word of a listed template's line and the colour it is printed in. */
interface StyledWord {
  word: string;
  style: (text: string) => string;
}


/**
 * A template's name and its words within `columns`: the words wrapped in a column beside the name,
 * or under it, indented four, where that column would be narrower than 20; never a word split, as
 * the terminal split a line of 110 characters at 80 (a magnifier's narrow window the more).
 */
function described(name: string, words: readonly StyledWord[], columns: number): string {
  const beside = columns - name.length - 2;
  const [lead, indent, room] = beside >= 20 ? [`${name}  `, ' '.repeat(name.length + 2), beside] : [`${name.trimEnd()}\n    `, '    ', columns - 4];
  const lines = packWords(words.map((w) => w.word), ' ', room);
  if (lines.length === 1) return `${name}  ${words.map((w) => w.style(w.word)).join(' ')}`;
  // The words in their order again, each in its colour: packing splits none of them.
  let next = 0;
  const styled = lines.map((line) =>
    line
      .split(' ')
      .map(() => {
        const word = words[next++];
        return word === undefined ? '' : word.style(word.word);
      })
      .join(' '),
  );
  return lead + styled.join(`\n${indent}`);
}

function partialWord(partials: readonly unknown[]): string {
  return partials.length === 1 ? 'partial' : 'partials';
}
