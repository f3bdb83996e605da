import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test, vi } from 'vitest';
import { build } from '../../src/commands/build.js';
import { check } from '../../src/commands/check.js';
import { parseYaml } from '../../src/load/yaml.js';
import { partialCycles } from '../../src/render/template-checks.js';
import { baseProject, baseText as base } from '../helpers/corpus.js';

const POSITION = 'positions/youth/youth-organisations.yaml';
const TEMPLATE = 'templates/informative-report.lv.md.hbs';


describe('safety', () => {
  test('position text is never compiled as a template: mustaches in it are printed as written', async () => {
    const body = 'Atbilde {{meeting.date}} un {{#each questions}}x{{/each}} {{constructor.constructor}}.';
    const dir = baseProject({ [POSITION]: base(POSITION).replace(/body: \|\n {2}.*\n/, `body: "${body}"\n`) });
    const result = await build({ cwd: dir, inputs: ['meetings/2021-05-17-youth.yaml'], final: false, out: 'out', formats: ['md'] });
    expect(result.diagnostics).toEqual([]);
    const markdown = readFileSync(join(dir, 'out/IZMzin_170521_EYCS.md'), 'utf8');
    expect(markdown).toContain('Atbilde {{meeting.date}} un {{#each questions}}x{{/each}} {{constructor.constructor}}.');
  });

  test('templates cannot reach prototypes: `constructor` is not data', async () => {
    const template = base(TEMPLATE).replace('{{quote meeting.topic}}', '{{meeting.constructor.name}}');
    const result = await check({ cwd: baseProject({ [TEMPLATE]: template }), paths: [], final: false });
    expect(result.exitCode).toBe(1);
    expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.column])).toEqual([['template/prototype-access', 22, 163]]);
  });

  test('a mustache named like what every object inherits (`{{toString}}`, `{{__proto__}}`) is refused as such, not an internal error', async () => {
    // The helper check looked the name up among the helpers' argument counts and read Object.prototype's as one.
    for (const name of ['toString', '__proto__', 'valueOf', 'hasOwnProperty']) {
      const template = base(TEMPLATE).replace('{{quote meeting.topic}}', `{{${name}}}`);
      const result = await check({ cwd: baseProject({ [TEMPLATE]: template }), paths: [], final: false });
      expect(result.exitCode).toBe(1);
      expect(result.diagnostics.map((d) => [d.ruleId, d.line, d.message])).toEqual([
        ['template/prototype-access', 22, `\`${name}\` reaches into JavaScript internals (\`${name}\`), not into the data.`],
      ]);
    }
  });

  test('partials that include the next twice, many deep, are checked for circles with work linear in them (lookups counted, not timed)', () => {
    // Every path was followed anew: 2^depth visits; thirty deep, check never ended.
    const depth = 22;
    const sources = Array.from({ length: depth + 1 }, (_, n) => ({ path: `templates/partials/fan${n}.hbs`, partial: `fan${n}`, text: n < depth ? `{{> fan${n + 1}}}{{> fan${n + 1}}}` : 'x' }));
    // The work counted, not timed: each include of each visit looks for its partial in the chain walked (indexOf).
    const lookups = vi.spyOn(Array.prototype, 'indexOf');
    let found: ReturnType<typeof partialCycles>;
    let counted: number;
    try {
      found = partialCycles(sources);
      counted = lookups.mock.calls.length;
    } finally {
      lookups.mockRestore();
    }
    expect(found).toEqual([]);
    // Two includes of each of 22 partials, each followed once: 44 lookups, where every path took 2^23.
    expect(counted).toBeGreaterThanOrEqual(2 * depth);
    expect(counted).toBeLessThanOrEqual(4 * depth);
    // A circle is still found.
    const circle = partialCycles([...sources.slice(0, depth), { path: `templates/partials/fan${depth}.hbs`, partial: `fan${depth}`, text: '{{> fan0}}' }]);
    expect(circle.map((d) => [d.file, d.ruleId])).toEqual([[`templates/partials/fan${depth}.hbs`, 'template/partial-cycle']]);
  });

  test('a template whose render would take more than 1,000,000 steps (a partial included twice by one included twice, 21 deep) is refused, not rendered on', async () => {
    // Two million partials were rendered (thirty deep: a billion, and build and check never ended).
    const depth = 21;
    const partials = Object.fromEntries(Array.from({ length: depth + 1 }, (_, n) => [`templates/partials/fan${n}.hbs`, n < depth ? `{{> fan${n + 1}}}{{> fan${n + 1}}}` : 'x']));
    const template = base(TEMPLATE).replace('{{quote meeting.topic}}', '{{quote meeting.topic}}{{> fan0}}');
    const result = await check({ cwd: baseProject({ [TEMPLATE]: template, ...partials }), paths: [], final: false });
    expect(result.exitCode).toBe(1);
    expect(result.diagnostics.map((d) => [d.file, d.ruleId, d.message])).toEqual([
      [
        `templates/partials/fan${depth}.hbs`,
        'template/render',
        'The template takes more than 1,000,000 steps to render (partials included and items of {{#each}}, counted together): its report would never be done.',
      ],
    ]);
  });

  test('YAML is read without custom tags and with bounded aliases', () => {
    const tagged = parseYaml('x.yaml', 'a: !!js/function "function () { return 1 }"\nb: !!python/object:os.system ls\n');
    expect(tagged.data).toBeUndefined();
    expect(tagged.diagnostics.map((d) => [d.ruleId, d.line])).toEqual([
      ['yaml/tag', 1],
      ['yaml/tag', 2],
    ]);
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`l${i}: &l${i} [${Array(10).fill(i === 1 ? '*a' : `*l${i - 1}`).join(', ')}]`);
    const bomb = parseYaml('bomb.yaml', `${levels.join('\n')}\n`);
    expect(bomb.data).toBeUndefined();
    expect(bomb.diagnostics.map((d) => d.ruleId)).toEqual(['yaml/alias-limit']);
  });
});
