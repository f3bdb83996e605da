import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Ajv } from 'ajv';
import { globSync } from 'tinyglobby';
import { parse, stringify } from 'yaml';
import { describe, expect, test } from 'vitest';
import { check } from '../src/commands/check.js';
import { notWindowsReserved, WINDOWS_RESERVED } from '../src/model/common.js';
import { jsonSchemaText, SCHEMAS, type SchemaKind } from '../src/model/json-schema.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject, REPO, runCli } from './helpers/project.js';

const KINDS = Object.keys(SCHEMAS).filter((kind): kind is SchemaKind => kind in SCHEMAS);
const committed = (kind: SchemaKind) => readFileSync(join(REPO, 'schema', `${kind}.schema.json`), 'utf8');

/** The example files and the schema kind each one is. */
const EXAMPLES: [string, SchemaKind][] = [
  ['briefing.config.yaml', 'config'],
  ['ministries.yaml', 'ministries'],
  ...globSync('meetings/*.yaml', { cwd: REPO }).map((path): [string, SchemaKind] => [path, 'meeting']),
  ...globSync('positions/**/*.yaml', { cwd: REPO }).map((path): [string, SchemaKind] => [path, 'position']),
];

function validator(kind: SchemaKind) {
  // patternErrorMessage: the words the YAML language server says where a pattern fails; no rule to ajv.
  const ajv = new Ajv({ allErrors: true, formats: { date: true }, keywords: ['patternErrorMessage'] });
  return ajv.compile(JSON.parse(committed(kind)));
}

describe('JSON Schemas for editors', () => {
  test.each(KINDS)('schema/%s.schema.json is up to date with the zod schema (else run `npm run schema`)', (kind) => {
    expect(committed(kind)).toBe(jsonSchemaText(kind));
  });

  test('offers the Council’s configurations for `formation`, as completions in an editor', () => {
    const formation = (JSON.parse(committed('meeting')) as { properties: Record<string, { examples?: string[] }> }).properties.formation;
    expect(formation?.examples).toEqual(['GAC', 'FAC', 'ECOFIN', 'JHA', 'EPSCO', 'COMPET', 'TTE', 'AGRIFISH', 'ENVI', 'EYCS']);
  });

  test('`briefing schema <kind>` prints the committed file; an unknown kind is a usage error', () => {
    const run = runCli(['schema', 'position'], REPO);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(committed('position'));
    const wrong = runCli(['schema', 'positon'], REPO);
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('No schema for `positon`.');
    expect(wrong.stderr).toContain('Did you mean `position`?');
  });

  test.each(EXAMPLES)('%s names its schema on the first line, and that file exists', (path, kind) => {
    const firstLine = readFileSync(join(REPO, path), 'utf8').split('\n')[0] ?? '';
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(firstLine);
    expect(match?.[1]).toBeDefined();
    const target = resolve(dirname(join(REPO, path)), match?.[1] ?? '');
    expect(target).toBe(join(REPO, 'schema', `${kind}.schema.json`));
    expect(existsSync(target)).toBe(true);
  });

  test.each(EXAMPLES)('%s is valid under its JSON Schema', (path, kind) => {
    const validate = validator(kind);
    const valid = validate(parse(readFileSync(join(REPO, path), 'utf8')));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  test('the schemas reject what the tool rejects: an unknown key, a wrong value, an impossible date', () => {
    const meeting = parse(readFileSync(join(REPO, 'meetings/2021-02-19-educ-informal.yaml'), 'utf8'));
    const validate = validator('meeting');
    expect(validate({ ...meeting, requred_clearances: [] })).toBe(false);
    expect(validate({ ...meeting, kind: 'formall' })).toBe(false);
    expect(validate({ ...meeting, date: '2021-02-30' })).toBe(false);
    const config = validator('config');
    expect(config({ issuing_ministry: 'IZM', quotes: 'german' })).toBe(false);
    expect(config({ issuing_ministry: 'IZM' })).toBe(true);
  });
});

test.each(KINDS)('every field of the %s schema has a description, which the editor shows on hover', (kind) => {
  const undescribed: string[] = [];
  const visit = (node: unknown, path: string): void => {
    if (typeof node !== 'object' || node === null) return;
    const properties: unknown = Reflect.get(node, 'properties');
    if (typeof properties === 'object' && properties !== null) {
      for (const [key, field] of Object.entries(properties)) {
        if (typeof field === 'object' && field !== null && !('description' in field)) undescribed.push(`${path}${key}`);
        visit(field, `${path}${key}.`);
      }
    }
    for (const inner of ['items', 'additionalProperties']) visit(Reflect.get(node, inner), `${path}*.`);
  };
  visit(JSON.parse(committed(kind)), '');
  expect(undescribed).toEqual([]);
});

test.each(KINDS)('every pattern of the %s schema comes with the words the editor says instead of the expression', (kind) => {
  const unexplained: string[] = [];
  const visit = (node: unknown, path: string): void => {
    if (typeof node !== 'object' || node === null) return;
    for (const [key, inner] of Object.entries(node)) {
      // A `not` has no message of its own in the YAML language server; its pattern is what is refused.
      if (key !== 'not') visit(inner, `${path}/${key}`);
    }
    if (typeof Reflect.get(node, 'pattern') === 'string' && typeof Reflect.get(node, 'patternErrorMessage') !== 'string') unexplained.push(path);
  };
  visit(JSON.parse(committed(kind)), '');
  expect(unexplained).toEqual([]);
});

/** A file of the example project with one thing changed that `briefing check` refuses, and the rule it refuses it by. */
interface Refused {
  kind: SchemaKind;
  change: (data: Record<string, unknown>) => Record<string, unknown>;
  ruleId: string;
}

/** The example file of each kind that a case changes. */
const EXAMPLE_OF: Partial<Record<SchemaKind, string>> = {
  meeting: EXAMPLE_MEETING,
  position: 'positions/educ/equity-achievements.yaml',
  config: 'briefing.config.yaml',
  ministries: 'ministries.yaml',
};

const example = (kind: SchemaKind): Record<string, unknown> => parse(readFileSync(join(REPO, EXAMPLE_OF[kind] ?? ''), 'utf8'));

/** What check refuses, each case also refused by the committed schema, so the editor says it while it is typed. */
const REFUSED: Record<string, Refused> = {
  'a date in 1979': { kind: 'meeting', change: (m) => ({ ...m, date: '1979-02-19' }), ruleId: 'schema/date' },
  'a date in 2100': { kind: 'meeting', change: (m) => ({ ...m, document_date: '2100-01-04' }), ruleId: 'schema/date' },
  'a topic of spaces alone': { kind: 'meeting', change: (m) => ({ ...m, topic: '   ' }), ruleId: 'schema/too-small' },
  'a question of a line break and a zero-width space': { kind: 'position', change: (p) => ({ ...p, questions: ['\n\u200B '] }), ruleId: 'schema/too-small' },
  'a signatory named with a tab': { kind: 'config', change: (c) => ({ ...c, signature: { role: 'Ministre', name: '\t' } }), ruleId: 'schema/too-small' },
  'a ministry required twice': { kind: 'meeting', change: (m) => ({ ...m, required_clearances: ['AM', 'LM', 'AM'] }), ruleId: 'meeting/duplicate-clearance' },
  'a control character in a topic': { kind: 'meeting', change: (m) => ({ ...m, topic: 'Izglītība\u0001' }), ruleId: 'file/forbidden-char' },
  'a form feed in the background': { kind: 'meeting', change: (m) => ({ ...m, background: 'Pirmā lapa.\fOtrā.' }), ruleId: 'file/forbidden-char' },
  'a NUL in an answer': { kind: 'position', change: (p) => ({ ...p, body: 'Latvija atbalsta\u0000.' }), ruleId: 'file/forbidden-char' },
  'an escape in the owner unit': { kind: 'position', change: (p) => ({ ...p, owner: { ...(p.owner as object), unit: '\u001b[1mDepartaments' } }), ruleId: 'file/forbidden-char' },
  'a lone surrogate in a ministry name': { kind: 'ministries', change: (r) => ({ ...r, IZM: { ...(r.IZM as object), english: 'Ministry \uD800' } }), ruleId: 'file/forbidden-char' },
  'U+FFFF in the font': { kind: 'config', change: (c) => ({ ...c, layout: { ...(c.layout as object), font: 'Times\uFFFF' } }), ruleId: 'file/forbidden-char' },
  'a template in the folder above': { kind: 'meeting', change: (m) => ({ ...m, template: '../x' }), ruleId: 'template/outside-folder' },
  'a template named through ..': { kind: 'meeting', change: (m) => ({ ...m, template: 'lv/..\\..\\informative-report.lv' }), ruleId: 'template/outside-folder' },
  'a template named through a folder and back': { kind: 'meeting', change: (m) => ({ ...m, template: 'lv/../informative-report.lv' }), ruleId: 'template/outside-folder' },
  'a template named by an absolute path': { kind: 'meeting', change: (m) => ({ ...m, template: '/tmp/informative-report.lv' }), ruleId: 'template/outside-folder' },
  'a template named on a Windows drive': { kind: 'meeting', change: (m) => ({ ...m, template: 'C:\\veidnes\\informative-report.lv' }), ruleId: 'template/outside-folder' },
  'an absolute output folder': { kind: 'config', change: (c) => ({ ...c, output: '/tmp/out' }), ruleId: 'config/path-outside-project' },
  'an output folder on a Windows drive': { kind: 'config', change: (c) => ({ ...c, output: 'C:\\Reports' }), ruleId: 'config/path-outside-project' },
  'the project folder as the output': { kind: 'config', change: (c) => ({ ...c, output: './' }), ruleId: 'config/path-outside-project' },
  'an output folder above the project': { kind: 'config', change: (c) => ({ ...c, output: 'out/../../reports' }), ruleId: 'config/path-outside-project' },
  'a positions folder above the project': { kind: 'config', change: (c) => ({ ...c, paths: { positions: '../shared/positions' } }), ruleId: 'config/path-outside-project' },
  'an absolute templates folder': { kind: 'config', change: (c) => ({ ...c, paths: { templates: '/srv/briefings/templates' } }), ruleId: 'config/path' },
  'a reference DOCX above the project': { kind: 'config', change: (c) => ({ ...c, layout: { ...(c.layout as object), reference_docx: '../reference.docx' } }), ruleId: 'config/path-outside-project' },
  'an absolute reference DOCX': { kind: 'config', change: (c) => ({ ...c, layout: { ...(c.layout as object), reference_docx: '/srv/reference.docx' } }), ruleId: 'config/path-outside-project' },
  'an output folder written with a backslash': { kind: 'config', change: (c) => ({ ...c, output: 'out\\reports' }), ruleId: 'config/path' },
  'a positions folder written with a backslash': { kind: 'config', change: (c) => ({ ...c, paths: { positions: 'positions\\educ' } }), ruleId: 'config/path' },
  'a reference DOCX written with a backslash': { kind: 'config', change: (c) => ({ ...c, layout: { ...(c.layout as object), reference_docx: 'styles\\reference.docx' } }), ruleId: 'config/path' },
  'a position id Windows keeps for a device': { kind: 'position', change: (p) => ({ ...p, id: 'com1' }), ruleId: 'position/reserved-id' },
  'a file code Windows keeps for a device': { kind: 'meeting', change: (m) => ({ ...m, file_code: 'Nul' }), ruleId: 'meeting/reserved-file-code' },
  'a clearance without its date': {
    kind: 'position',
    change: (p) => ({ ...p, clearance: { ...(p.clearance as object), AM: { status: 'cleared', ref: 'e-pasts' } } }),
    ruleId: 'clearance/no-date',
  },
  'a renaming dated 0001': {
    kind: 'ministries',
    change: (r) => ({ ...r, IZM: { ...(r.IZM as object), renamed: [{ from: '0001-01-01', nominative: 'A', genitive: 'A', accusative: 'A', english: 'A' }] } }),
    ruleId: 'schema/date',
  },
};

describe('the schemas refuse what check refuses', () => {
  test.each(Object.entries(REFUSED))('%s: refused by the committed schema', (_name, { kind, change }) => {
    const validate = validator(kind);
    expect(validate(change(example(kind)))).toBe(false);
  });

  test.each(Object.entries(REFUSED))('%s: refused by check', async (_name, { kind, change, ruleId }) => {
    const path = EXAMPLE_OF[kind] ?? '';
    const root = exampleProject({ [path]: stringify(change(example(kind))) });
    const result = await check({ cwd: root, paths: [], final: false });
    expect(result.exitCode).toBe(1);
    expect(result.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.file, d.ruleId])).toContainEqual([path, ruleId]);
  });
});

test('the schemas name the device names Windows keeps in every case, as check does', () => {
  const pattern = new RegExp(notWindowsReserved.allOf[0]?.not.pattern ?? '', 'u');
  const names = ['con', 'CON', 'Con', 'cOm1', 'LPT9', 'lpt²', 'Nul', 'aux', 'conx', 'com', 'com10', 'xprn', 'educ'];
  expect(names.map((name) => pattern.test(name))).toEqual(names.map((name) => WINDOWS_RESERVED.test(name)));
});

test('an absolute folder under paths is said to be absolute, not to be missing (it existed)', async () => {
  const root = exampleProject();
  const templates = join(root, 'templates');
  mkdirSync(templates, { recursive: true });
  const config = `${exampleFile('briefing.config.yaml')}\npaths:\n  templates: ${templates}\n`;
  writeFileSync(join(root, 'briefing.config.yaml'), config);
  const result = await check({ cwd: root, paths: [], final: false });
  expect(result.diagnostics.filter((d) => d.ruleId === 'config/path').map((d) => d.message)).toEqual([
    `\`paths.templates\` is \`${templates}\`, an absolute path; the project's paths are relative to the folder that holds briefing.config.yaml.`,
  ]);
});

test('a path of the config written with backslashes is said to need `/`, not to be missing: Windows reads it, a colleague’s Mac or CI takes it for one name', async () => {
  const root = exampleProject();
  mkdirSync(join(root, 'styles'));
  writeFileSync(join(root, 'styles/reference.docx'), '');
  const config = `${exampleFile('briefing.config.yaml').replace(/^output: .*$/m, 'output: out\\reports')}\n  reference_docx: styles\\reference.docx\npaths:\n  positions: positions\\educ\n`;
  writeFileSync(join(root, 'briefing.config.yaml'), config);
  const result = await check({ cwd: root, paths: [], final: false });
  expect(result.diagnostics.filter((d) => d.ruleId === 'config/path').map((d) => d.message)).toEqual([
    '`output` is `out\\reports`, written with a backslash, which only Windows reads between folders; elsewhere it is part of one name.',
    'The reference DOCX `styles\\reference.docx` is written with a backslash, which only Windows reads between folders; elsewhere it is part of one name.',
    '`paths.positions` is `positions\\educ`, written with a backslash, which only Windows reads between folders; elsewhere it is part of one name.',
  ]);
  expect(result.diagnostics.find((d) => d.message.startsWith('`paths.positions`'))?.hint).toBe('Write `/` between the folders, `positions/educ`: Windows reads that too.');
});
