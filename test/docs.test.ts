import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { globSync } from 'tinyglobby';
import { parse } from 'yaml';
import { expect, test } from 'vitest';
import { RULE_IDS } from '../src/diagnostics/rules.js';
import { loadProject } from '../src/load/project.js';
import { meetingSchema, positionSchema } from '../src/model/index.js';
import { HELPERS } from '../src/render/helpers.js';
import { resolveReport } from '../src/resolve/report.js';
import { initRepository } from './helpers/git.js';
import { WordEdit } from './helpers/word-edit.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, REPO, runCli, writeFile } from './helpers/project.js';

/** The sources other than the list itself, as one text: where rule ids are used. */
function sourcesUsingRules(): string {
  return globSync('src/**/*.ts', { cwd: REPO, ignore: ['src/diagnostics/rules.ts'] })
    .map((file) => readFileSync(join(REPO, file), 'utf8'))
    .join('\n');
}

/** True for a JSON object (not an array, not null). */
function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

test('docs/rules.md documents every rule id of the typed list, and no other', () => {
  const documented = new Set([...readFileSync(join(REPO, 'docs/rules.md'), 'utf8').matchAll(/^\| `([a-z]+\/[a-z-]+)` \|/gm)].map((m) => m[1]));
  expect([...documented].sort()).toEqual([...RULE_IDS].sort());
});

test('every rule id of the list is reported somewhere (the type checks the other direction)', () => {
  const sources = sourcesUsingRules();
  expect(RULE_IDS.filter((id) => !sources.includes(`'${id}'`))).toEqual([]);
});

test('the README links the rule table from its section on checking', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  expect(readme).toContain('\n## Checking your files\n');
  const section = readme.split('\n## Checking your files\n')[1]?.split('\n## ')[0] ?? '';
  expect(section).toContain('](docs/rules.md)');
  expect(section).toContain('(docs/rules.md)');
});

/** The tables of one `## ` section of a page, each as the field names of its first column (`.column` after `a[].line` is `a[].column`). */
function documentedFields(page: string, heading: string): string[][] {
  const text = readFileSync(join(REPO, page), 'utf8');
  const start = text.indexOf(`\n## ${heading}\n`);
  expect(start, `${page} has a section "${heading}"`).toBeGreaterThan(-1);
  const section = text.slice(start + 1).split(/\n## /)[0] ?? '';
  const tables = section.split(/\n\n+/).filter((block) => block.startsWith('| field |'));
  return tables.map((table) =>
    table
      .split('\n')
      .slice(2)
      .flatMap((row) => {
        let parent = '';
        return [...(row.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((m) => {
          const name = m[1]?.startsWith('.') ? `${parent}${m[1].slice(1)}` : (m[1] ?? '');
          parent = name.replace(/[^.\]]*$/, '');
          return name;
        });
      }),
  );
}

/** Every field path of a JSON value: `a`, `a.b`, `a[].c` (an array's elements merged). */
function fieldPaths(value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return [...new Set(value.flatMap((element: unknown) => fieldPaths(element, `${prefix}[]`)))];
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, inner]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return [path, ...fieldPaths(inner, path)];
  });
}

/** The fields documented that the output lacks, and the output's fields no documented one covers. */
function undocumented(documented: readonly string[], output: unknown): { notPrinted: string[]; notDocumented: string[] } {
  const printed = fieldPaths(output).map((path) => path.replace(/^\[\]\./, ''));
  const inside = (inner: string, outer: string) => inner === outer || inner.startsWith(`${outer}.`) || inner.startsWith(`${outer}[]`);
  // A field is covered by itself, by a field it lies in (`checked` for `checked.config`), or by the fields it holds (`summary`).
  const covered = (path: string) => documented.some((field) => inside(path, field) || inside(field, path));
  return { notPrinted: documented.filter((field) => !printed.includes(field)), notDocumented: printed.filter((path) => !covered(path)) };
}

test('docs/json-report.md names every field check, list and templates print as JSON, and none they do not', () => {
  const dir = exampleProject({ 'meetings/2021-02-19-educ-informal.yaml': exampleFile(EXAMPLE_MEETING).replace('kind: informal', 'kind: casual') });
  const page = 'docs/json-report.md';
  const [check] = documentedFields(page, 'The JSON report of `briefing check --format json`');
  expect(undocumented(check ?? [], JSON.parse(runCli(['check', '--format', 'json'], dir).stdout))).toEqual({ notPrinted: [], notDocumented: [] });
  const [positions, meetings, templates] = documentedFields(page, 'The JSON of `briefing list --json` and `briefing templates --json`');
  const json = (args: string[]): unknown => JSON.parse(runCli(args, exampleProject()).stdout);
  expect(undocumented(positions ?? [], json(['list', '--json']))).toEqual({ notPrinted: [], notDocumented: [] });
  expect(undocumented(meetings ?? [], json(['list', 'meetings', '--json']))).toEqual({ notPrinted: [], notDocumented: [] });
  expect(undocumented(templates ?? [], json(['templates', '--json']))).toEqual({ notPrinted: [], notDocumented: [] });
});

test('the field lists of diff --format json in docs/diff.md are the fields it prints, in their order', () => {
  const dir = exampleProject();
  const position = 'positions/educ/equity-reforms.yaml';
  writeFile(dir, 'newer.yaml', exampleFile(position).replace('Tuvākajā laikā', 'Drīzumā').replace(/^version: 2/m, 'version: 3'));
  const json = (...flags: string[]): Record<string, unknown> => {
    const report: unknown = JSON.parse(runCli(['diff', position, 'newer.yaml', '--format', 'json', ...flags], dir).stdout);
    return isObject(report) ? report : {};
  };
  const firstOf = (list: unknown) => (Array.isArray(list) && isObject(list[0]) ? list[0] : {});
  const full = json();
  const stat = json('--stat');
  const printed = [Object.keys(full), Object.keys(stat), Object.keys(firstOf(stat.stat)), Object.keys(firstOf(full.metadata))].map((keys) => keys.join(', '));
  // Each `{ a, b, … }` that lists the fields of the whole report (it starts with `version` or `kind`), of a line of `stat` or of a change outside the text (`subject`).
  const lists = [...readFileSync(join(REPO, 'docs/diff.md'), 'utf8').matchAll(/`\{ ((?:version|kind|subject),[a-zA-Z,\s]+) \}`/g)].map((m) => (m[1] ?? '').replace(/\s+/g, ' '));
  expect(lists.length).toBeGreaterThanOrEqual(3);
  expect(lists.filter((list) => !printed.includes(list))).toEqual([]);
});

/** The flag each question of `new meeting` stands for, by the words it asks with, and how its answer is written as the flag's value. */
const MEETING_QUESTIONS: readonly (readonly [string, string, (answer: string) => string])[] = [
  ['Kind of meeting', '--kind', (answer) => answer.split(' – ')[0] ?? answer],
  ['How is it held?', '--mode', (answer) => answer.replace(' ', '-')],
  ['Council configuration (e.g. EYCS)', '--formation', String],
  ['Where it is held, locative (e.g. Briselē) (optional)', '--place', String],
  ['Start time, HH.MM (optional)', '--time', String],
  ['Who meets (e.g. "ES izglītības ministri"; no built-in template prints it) (optional)', '--participants', String],
  ['Presidency', '--presidency', String],
  ['Topic of the discussion', '--topic', String],
  ['Name of the meeting, nominative ("… notiks <name>")', '--name', String],
  ['Name, locative ("<name> izskatāmajiem jautājumiem")', '--name-locative', String],
  ['Short name, locative', '--short-locative', String],
  ['Ministries that must clear every position', '--clearances', (answer) => answer.split(', ').map((choice) => choice.split(' – ')[0]).join(',')],
  ['File code (names the output files)', '--file-code', String],
  ['Signed by: role (e.g. "Izglītības un zinātnes ministre") (optional)', '--signature-role', String],
  ['Signed by: name (e.g. "I. Šuplinska")', '--signature-name', String],
  ['Visa: role (e.g. "Valsts sekretāre") (optional)', '--visa-role', String],
  ['Visa: name (e.g. "L. Lejiņa")', '--visa-name', String],
];

/** A command line as a shell splits it (double quotes only, as the README writes them). */
function shellWords(line: string): string[] {
  return [...line.matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? '');
}

test('the README walkthrough shows what the commands print, step by step', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const walkthrough = readme.slice(readme.indexOf('## Walkthrough for desk officers'), readme.indexOf('## Files of a project'));
  const transcripts = [...walkthrough.matchAll(/```text\n\$ npx briefing (.*)\n([\s\S]*?)```/g)].map((m) => ({ args: shellWords(m[1] ?? ''), shown: m[2] ?? '' }));
  const [meeting, position, clear, list] = transcripts;
  const dir = exampleProject();
  initRepository(dir);
  const run = (args: readonly string[]) => {
    const result = runCli(args, dir);
    expect(result.status, result.stderr).toBe(0);
    return result.stdout + result.stderr;
  };

  // 1. On a terminal each answer is asked; here each is given as its flag, and what follows the answers is the same.
  const answered = (meeting?.shown ?? '').split('\n').filter((line) => line.startsWith('✔ '));
  const asked = answered.map((line) => MEETING_QUESTIONS.findIndex(([words]) => line.startsWith(`✔ ${words} `)));
  // A formal meeting in person is asked every question, in this order.
  expect(asked).toEqual(MEETING_QUESTIONS.map((_, index) => index));
  const flags = answered.flatMap((line, index) => {
    const [words, flag, value] = MEETING_QUESTIONS[index] ?? ['', '', String];
    return [flag, value(line.slice(`✔ ${words} `.length))];
  });
  expect(run([...(meeting?.args ?? []), ...flags])).toBe((meeting?.shown ?? '').split('\n').filter((line) => !line.startsWith('✔ ')).join('\n'));

  // 2. The background and the questions, as the walkthrough writes them.
  const file = 'meetings/2021-05-18-educ-council.yaml';
  const [background, questions] = (/```yaml\n(background: \|\n[\s\S]*?)\n(questions:\n[\s\S]*?)```/.exec(walkthrough) ?? []).slice(1);
  const written = readFileSync(join(dir, file), 'utf8').replace(/^background: \|\n\n/m, `${background ?? ''}\n`).replace(/^questions: \[\]\n/m, questions ?? '');
  writeFile(dir, file, written);

  // 3–5. The position, a clearance once its answer is written (its fingerprint depends on the text), what is still waiting.
  expect(run(position?.args ?? [])).toBe(position?.shown);
  const positionFile = 'positions/educ/educ-digital-skills.yaml';
  writeFile(dir, positionFile, readFileSync(join(dir, positionFile), 'utf8').replace(/^body: \|\n/m, 'body: |\n  Latvija atbalsta digitālo prasmju stiprināšanu.\n'));
  const fingerprint = /answer +\(none\) → ([0-9a-f]{12})/;
  expect(run(clear?.args ?? []).replace(fingerprint, 'answer   – → …')).toBe(clear?.shown.replace(fingerprint, 'answer   – → …'));
  expect(run(list?.args ?? [])).toBe(list?.shown);
});

/** The pages a user reads: the README and docs/, but for the measurements and the decisions' records. */
function userPages(): string {
  return ['README.md', ...globSync('docs/*.md', { cwd: REPO, ignore: ['docs/performance.md'] })].map((file) => readFileSync(join(REPO, file), 'utf8')).join('\n');
}

/** Every field a JSON Schema allows, by its path (`owner.unit`, `questions[].text`; a map's values as `*`). */
function schemaFields(schema: unknown, prefix = ''): string[] {
  if (!isObject(schema)) return [];
  const alternatives = ['anyOf', 'oneOf', 'allOf'].flatMap((key) => {
    const list = schema[key];
    return Array.isArray(list) ? list.flatMap((alternative: unknown) => schemaFields(alternative, prefix)) : [];
  });
  const properties = isObject(schema.properties) ? Object.entries(schema.properties) : [];
  return [
    ...properties.flatMap(([key, value]) => [`${prefix}${key}`, ...schemaFields(value, `${prefix}${key}.`)]),
    ...schemaFields(schema.items, prefix.replace(/\.$/, '[].')),
    ...schemaFields(schema.additionalProperties, `${prefix}*.`),
    ...alternatives,
  ];
}

test('every field the file schemas allow is named in the README or docs/, in code as a user writes it', () => {
  const pages = userPages();
  const written = new Set([...pages.matchAll(/`([^`\n]+)`|^```[^\n]*\n([\s\S]*?)^```/gm)].flatMap((m) => (m[1] ?? m[2] ?? '').match(/[A-Za-z_][A-Za-z0-9_]*/g) ?? []));
  const fields = ['config', 'meeting', 'position', 'ministries'].flatMap((kind) => {
    const schema: unknown = JSON.parse(readFileSync(join(REPO, `schema/${kind}.schema.json`), 'utf8'));
    return [...new Set(schemaFields(schema))].map((field) => ({ kind, field }));
  });
  expect(fields.filter(({ kind }) => kind === 'ministries').map(({ field }) => field)).toContain('*.renamed[].accusative');
  expect(fields.filter(({ field }) => !written.has(field.split('.').at(-1) ?? field)).map(({ kind, field }) => `${kind}: ${field}`)).toEqual([]);
});

/** The commands whose flags the docs name, as their help is asked for. */
const COMMANDS = ['init', 'build', 'check', 'diff', 'new', 'new meeting', 'new position', 'clear', 'review', 'import', 'list', 'templates', 'schema', 'reference-docx', 'completion', 'server'];

/** The flags a command's help lists under Options (`''`: the program's own, which every command takes). */
function helpFlags(command: string): Set<string> {
  const help = runCli([...command.split(' ').filter(Boolean), '--help'], REPO).stdout;
  const options = help.split('Options:\n')[1]?.split(/\n\n|\nCommands:/)[0] ?? '';
  return new Set([...options.matchAll(/(?:^|[ ,])(--?[a-zA-Z][\w-]*)/gm)].map((m) => m[1] ?? ''));
}

test('every flag the README and docs/ give a command is one its help lists', () => {
  const flags = new Map(['', ...COMMANDS].map((command) => [command, helpFlags(command)]));
  const pages = userPages();
  // What a user copies: code spans and the lines of code blocks.
  const snippets = [...pages.matchAll(/`([^`\n]+)`/g)].map((m) => m[1] ?? '');
  for (const block of pages.matchAll(/^```[^\n]*\n([\s\S]*?)^```/gm)) snippets.push(...(block[1] ?? '').split('\n'));
  const wrong: string[] = [];
  let commands = 0;
  // A command after `briefing` (`npx briefing -C x build …`), or one a snippet starts with (`build --template x`); then its words.
  const names = [...COMMANDS].sort((a, b) => b.length - a.length).join('|');
  const command = new RegExp(`(?:^|\\bbriefing +(?:-C +\\S+ +)?)(${names})(?![\\w-])((?: +(?:"[^"]*"|'[^']*'|[^\\s|;&>#\`]+))*)`, 'g');
  for (const snippet of snippets) {
    for (const m of snippet.matchAll(command)) {
      const own = flags.get(m[1] ?? '');
      if (!own) continue;
      commands += 1;
      for (const flag of (m[2] ?? '').matchAll(/ (--?[a-zA-Z][\w-]*)/g)) {
        const name = flag[1] ?? '';
        if (!own.has(name) && !flags.get('')?.has(name)) wrong.push(`${m[1] ?? ''} ${name}: ${snippet}`);
      }
    }
  }
  expect(commands).toBeGreaterThan(200);
  expect(wrong).toEqual([]);
});

test('the README’s review of a DOCX returned by AM shows what review and review --accept print for those edits', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const transcript = (command: string) => new RegExp(`\`\`\`text\\n\\$ npx briefing ${command}\\n([\\s\\S]*?)\`\`\``).exec(readme)?.[1] ?? '';
  const listing = transcript('review IZMzin_190221_EDUC.AM.docx');
  const accepted = transcript('review IZMzin_190221_EDUC.AM.docx --accept');
  expect([listing, accepted]).not.toContain('');
  // The edits the listing describes, made as Word makes them with track changes on.
  const dir = exampleProject();
  expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
  const anna = { author: 'Anna Ozola (AM)', date: '2021-02-16T10:00:00Z' };
  const edited = new WordEdit(readFileSync(join(dir, 'out/IZMzin_190221_EDUC.docx')))
    .replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'vispirms', anna)
    .splitParagraph('jēgpilni izmantot mācību procesā. Tāpēc', 'Tāpēc', anna)
    .bold('Tikpat svarīgi ir', 'svarīgi', anna)
    .comment('stiprināt iekļaujošas izglītības atbalsta', 'iekļaujošas', 'Lūdzam precizēt, kuri risinājumi domāti.', anna);
  writeFileSync(join(dir, 'IZMzin_190221_EDUC.AM.docx'), edited.bytes());
  expect(runCli(['review', 'IZMzin_190221_EDUC.AM.docx'], dir).stdout).toBe(listing);
  // The accepting run prints the listing again (the transcript's "…"), then what it wrote.
  const written = runCli(['review', 'IZMzin_190221_EDUC.AM.docx', '--accept'], dir).stdout;
  expect(written.endsWith(accepted.replace(/^ {2}…\n/, ''))).toBe(true);
});

test('every source file the docs name by its path (`src/…`, `docx/…`, `ooxml/…`) is there', () => {
  const named = [...userPages().matchAll(/`((?:[a-z-]+\/)+[\w.-]+\.(?:ts|cjs|js))`/g)].map((m) => m[1] ?? '');
  expect(named.length).toBeGreaterThan(20);
  // Written from the repository, from src/, or from a folder of src/ (`ooxml/` of `src/docx/`).
  const there = (path: string) => globSync([path, `src/${path}`, `src/*/${path}`], { cwd: REPO }).length > 0;
  expect([...new Set(named)].filter((path) => !there(path))).toEqual([]);
});

test('every flag a command’s help lists is named in the README or docs/, where a user looks for what it does', () => {
  const pages = userPages();
  const unnamed = ['', ...COMMANDS].flatMap((command) =>
    [...helpFlags(command)].filter((flag) => flag.startsWith('--') && flag !== '--help' && !new RegExp(`${flag}(?![\\w-])`).test(pages)).map((flag) => `${command || 'briefing'} ${flag}`),
  );
  expect(unnamed).toEqual([]);
});

test('the README’s table of template data names every field a template gets, and no other', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('### Template data'), readme.indexOf('### Helpers'));
  const documented = table
    .split('\n')
    .filter((row) => row.startsWith('| `'))
    .flatMap((row) => {
      let parent = '';
      return [...(row.split(' | ')[0] ?? '').matchAll(/`([^`]+)`/g)].map((m) => {
        const name = m[1]?.startsWith('.') ? `${parent}${m[1].slice(1)}` : (m[1] ?? '');
        parent = name.replace(/[^.]*$/, '');
        return name;
      });
    });
  // The example meeting's model, as a build resolves it.
  const project = loadProject(REPO);
  const yaml = (path: string): unknown => parse(readFileSync(join(REPO, path), 'utf8'));
  const meeting = meetingSchema.parse(yaml(EXAMPLE_MEETING));
  const positions = new Map(meeting.questions.map((q) => [q.position, positionSchema.parse(yaml(`positions/educ/${q.position}.yaml`))]));
  const model = resolveReport({ meeting, positions, ministries: project.ministries, config: project.config });
  expect(undocumented(documented, model)).toEqual({ notPrinted: [], notDocumented: [] });
});

test('the README’s table of helpers names every helper a template can call, and no other', () => {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const table = readme.slice(readme.indexOf('### Helpers'), readme.indexOf('## Commands'));
  const documented = new Set(table.split('\n').flatMap((row) => (row.startsWith('| `') ? [...(row.split(' | ')[0] ?? '').matchAll(/`(\w+)/g)].map((m) => m[1] ?? '') : [])));
  expect([...documented].sort()).toEqual(Object.keys(HELPERS).sort());
});

test('docs/diff.md names every field of a block and of a change outside the text in diff --format json', () => {
  // Two versions of one answer that touch each kind of block: a heading made another level, a paragraph with a
  // footnote and a link, a list renumbered, a quote, a code block with its language, a table.
  const body = (lines: readonly string[]) => `id: t\nversion: 1\nstatus: draft\nowner: { ministry: IZM }\nquestions:\n  - Q\nbody: |\n${lines.map((line) => (line ? `  ${line}` : '')).join('\n')}\nclearance: {}\n`;
  const older = ['## Virsraksts', '', 'Teksts[^1] ar [saiti](https://a.example/x).', '', '1) pirmais;', '2) otrais.', '', '> Citāts', '', '```yaml', 'a: 1', '```', '', '| a | b |', '|---|---|', '| 1 | 2 |', '', '[^1]: Piezīme.'];
  const newer = older.map((line) => line.replace('## ', '### ').replace('Teksts[', 'Jauns teksts[').replace('a.example/x', 'b.example/y').replace('1) pirmais', '5) pirmais').replace('2) otrais', '6) otrais').replace('Piezīme', 'Cita piezīme').replace('| 1 | 2 |', '| 1 | 3 |'));
  const dir = exampleProject({ 'older.yaml': body(older), 'newer.yaml': body(newer).replace('version: 1', 'version: 2').replace('status: draft', 'status: cleared') });
  const report: unknown = JSON.parse(runCli(['diff', 'older.yaml', 'newer.yaml', '--format', 'json'], dir).stdout);
  const listed = (key: string): unknown[] => (isObject(report) && Array.isArray(report[key]) ? report[key] : []);
  const fields = new Set([...fieldPaths(listed('blocks')), ...fieldPaths(listed('metadata'))].map((path) => path.split('.').at(-1) ?? path));
  expect(fields).toContain('levelBefore');
  expect(fields).toContain('subject');
  const page = readFileSync(join(REPO, 'docs/diff.md'), 'utf8');
  // Named in code (`level`, `continued: true`) or in a list of fields (`{ op, text }`).
  expect([...fields].filter((field) => !new RegExp(`\`${field}[\`:]|\\{[^}]*\\b${field}\\b[^}]*\\}`).test(page))).toEqual([]);
});

test('docs/ci.md shows build --json as it prints: its example has the fields of a real build, and each field printed only at times is named', () => {
  const section = readFileSync(join(REPO, 'docs/ci.md'), 'utf8').split('\n## Exit codes and the JSON report\n')[1]?.split(/\n## /)[0] ?? '';
  const example: unknown = JSON.parse(/```json\n([\s\S]*?)```/.exec(section)?.[1] ?? 'null');
  const dir = exampleProject();
  const json = (...args: string[]): unknown => JSON.parse(runCli(['build', '--json', ...args], dir).stdout);
  expect(fieldPaths(example).sort()).toEqual(fieldPaths(json(EXAMPLE_MEETING)).sort());
  // A format no longer asked for takes its file away (`removed`); a meeting file deleted takes its report (`deletedMeetings`).
  const sometimes = [...fieldPaths(json(EXAMPLE_MEETING, '--format', 'md')), ...(rmSync(join(dir, EXAMPLE_MEETING)), fieldPaths(json('--all')))];
  const named = (path: string) => fieldPaths(example).includes(path) || new RegExp(`\`"?${path.split('.').at(-1) ?? path}"?\``).test(section);
  expect([...new Set(sometimes)].filter((path) => !named(path))).toEqual([]);
  expect(sometimes).toEqual(expect.arrayContaining(['meetings[].removed', 'deletedMeetings', 'deletedMeetings[].removed']));
});

test('docs/contributing.md explains every npm script of package.json, and names no other', () => {
  const scripts = Object.keys((JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
  const page = readFileSync(join(REPO, 'docs/contributing.md'), 'utf8');
  const table = page.split('\n## The npm scripts\n')[1]?.split('\n## ')[0] ?? '';
  const explained = [...table.matchAll(/^\| `([\w:-]+)` \| \S/gm)].map((m) => m[1] ?? '');
  expect(explained.sort()).toEqual([...scripts].sort());
  // What the page and the README's Development section tell a contributor to run.
  const development = readFileSync(join(REPO, 'README.md'), 'utf8').split('\n## Development\n')[1]?.split('\n## ')[0] ?? '';
  const run = [...`${page}\n${development}`.matchAll(/\bnpm run ([\w:-]+)/g)].map((m) => m[1] ?? '');
  expect(run.length).toBeGreaterThan(5);
  expect(run.filter((script) => !scripts.includes(script))).toEqual([]);
});

test('docs/json-report.md gives the exit codes of every command the help lists', () => {
  const help = runCli(['--help'], REPO).stdout.split('Commands:\n')[1]?.split('\n\n')[0] ?? '';
  const commands = [...help.matchAll(/^ {2}([a-z-]+)/gm)].map((m) => m[1] ?? '').filter((command) => command !== 'help');
  const page = readFileSync(join(REPO, 'docs/json-report.md'), 'utf8');
  const table = page.split('\n## Exit codes\n\n')[1]?.split('\n\n')[0] ?? '';
  const rows = table.split('\n').slice(2).map((row) => [...(row.split('|')[1] ?? '').matchAll(/`([a-z-]+)/g)].map((m) => m[1] ?? ''));
  expect(commands.length).toBeGreaterThan(10);
  expect(rows.every((codes) => codes.length > 0)).toBe(true);
  expect([...new Set(rows.flat())].sort()).toEqual(commands.sort());
});

test('the flag tests of the docs ask every command --help lists, new meeting and new position too', () => {
  const listed = (command: string[]) =>
    [...(runCli([...command, '--help'], REPO).stdout.split('Commands:\n')[1]?.split('\n\n')[0] ?? '').matchAll(/^ {2}([a-z-]+)/gm)]
      .map((m) => [...command, m[1] ?? ''].join(' '))
      .filter((name) => !name.endsWith('help'));
  expect([...listed([]), ...listed(['new'])].filter((command) => !COMMANDS.includes(command))).toEqual([]);
});

test('every problem the corpus of mistakes prints has a severity its row in docs/rules.md gives', () => {
  const severities = new Map([...readFileSync(join(REPO, 'docs/rules.md'), 'utf8').matchAll(/^\| `([a-z]+\/[a-z-]+)` \| ([^|]+) \|/gm)].map((m) => [m[1] ?? '', m[2] ?? '']));
  const printed = globSync('test/fixtures/*/*/expected.txt', { cwd: REPO }).flatMap((file) =>
    [...readFileSync(join(REPO, file), 'utf8').matchAll(/ {2}(error|warning) {2}.* {2}([a-z]+\/[a-z-]+)$/gm)].map((m) => ({ file, severity: m[1] ?? '', ruleId: m[2] ?? '' })),
  );
  expect(printed.length).toBeGreaterThan(100);
  expect(printed.filter(({ severity, ruleId }) => !(severities.get(ruleId) ?? '').includes(severity)).map(({ file, severity, ruleId }) => `${file}: ${ruleId} ${severity}`)).toEqual([]);
});

test('each file the table of folders in docs/architecture.md names in a folder’s row is in that folder', () => {
  const rows = readFileSync(join(REPO, 'docs/architecture.md'), 'utf8').matchAll(/^\| `src\/([a-z-]+)\/(?:<cmd>\.ts)?` \|(.*)$/gm);
  const missing: string[] = [];
  let named = 0;
  for (const [, folder, text] of rows) {
    for (const m of (text ?? '').matchAll(/`([\w./-]+\.ts)`/g)) {
      const file = m[1] ?? '';
      named += 1;
      // A path from the repository, from src/ or from another folder (`docx/fields.ts`), or a file of this folder or one below it (`ooxml/styles-xml.ts`).
      const there = globSync([file, `src/${file}`, `src/${folder}/${file}`, `src/${folder}/**/${file}`], { cwd: REPO }).length > 0;
      if (!there) missing.push(`src/${folder ?? ''}/: ${file}`);
    }
  }
  expect(named).toBeGreaterThan(50);
  expect(missing).toEqual([]);
});
