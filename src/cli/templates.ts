import type { Command } from 'commander';
import type { TemplateInfo } from '../load/template-catalog.js';
import type { Io } from './io.js';

/** `briefing templates`: the templates a meeting can choose, built-in and the project's own. */
export function registerTemplates(program: Command, io: Io): void {
  program
    .command('templates')
    .description('List the templates a meeting’s `template:` (or build --template) can choose.')
    .option('--json', 'print JSON', false)
    .addHelpText(
      'after',
      `
Examples:
  $ briefing templates
  $ briefing build meetings/2021-02-19-educ-informal.yaml --template informative-report.en

Your own templates go in the folder named by paths.templates in briefing.config.yaml (default templates/),
as <name>.md.hbs, with their partials in templates/partials/; a name used by a built-in template replaces it.`,
    )
    .action(async (flags: { json: boolean }) => {
      const { templates } = await import('../commands/templates.js');
      printTemplates(io, templates({ cwd: io.cwd() }), flags.json);
    });
}

/** One line per template: name, description and where it comes from; or JSON. */
function printTemplates(io: Io, found: TemplateInfo[], json: boolean): void {
  if (json) return console.log(JSON.stringify(found, null, 2));
  const width = Math.max(...found.map((t) => t.name.length));
  for (const t of found) {
    const origin = t.source === 'built-in' ? 'built-in' : t.overrides ? `${t.path}, replaces the built-in one` : t.path;
    console.log(`${t.name.padEnd(width)}  ${t.description || '(no description)'} ${io.out.dim(`(${origin})`)}`);
  }
}
