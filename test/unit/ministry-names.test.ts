import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { parse } from 'yaml';
import { ministriesInList } from '../../src/import/cleared-with.js';
import { abbreviationOn, ministriesSchema, nameOn } from '../../src/model/index.js';
import { REPO } from '../helpers/project.js';

const BUILT_IN = ministriesSchema.parse(parse(readFileSync(join(REPO, 'ministries.yaml'), 'utf8')));

test('a renamed ministry is named as it was on the meeting’s day: VARAM before and after 1 January 2023', () => {
  const varam = BUILT_IN['VARAM'];
  if (!varam) throw new Error('VARAM is not in the built-in registry');
  expect(nameOn(varam, '2021-02-19').accusative).toBe('Vides aizsardzības un reģionālās attīstības ministriju');
  expect(nameOn(varam, '2022-12-31').nominative).toBe('Vides aizsardzības un reģionālās attīstības ministrija');
  expect(nameOn(varam, '2023-01-01')).toEqual({
    nominative: 'Viedās administrācijas un reģionālās attīstības ministrija',
    genitive: 'Viedās administrācijas un reģionālās attīstības ministrijas',
    accusative: 'Viedās administrācijas un reģionālās attīstības ministriju',
    dative: 'Viedās administrācijas un reģionālās attīstības ministrijai',
    english: 'Ministry of Smart Administration and Regional Development',
  });
});

test('of several renamings the last one on or before the day counts, whatever their order in the file', () => {
  const forms = (name: string) => ({ nominative: name, genitive: name, accusative: name, english: name });
  const ministry = { ...forms('A'), renamed: [{ from: '2030-01-01', ...forms('C') }, { from: '2025-01-01', ...forms('B') }] };
  expect(['2024-12-31', '2025-01-01', '2029-12-31', '2030-01-01'].map((day) => nameOn(ministry, day).nominative)).toEqual(['A', 'B', 'B', 'C']);
});

test('two renamings from the same day are refused: the name for that day would depend on their order', () => {
  const forms = (name: string) => ({ nominative: name, genitive: name, accusative: name, english: name });
  const registry = { X: { ...forms('A'), renamed: [{ from: '2025-01-01', ...forms('B') }, { from: '2025-01-01', ...forms('C') }] } };
  const checked = ministriesSchema.safeParse(registry);
  expect(checked.success).toBe(false);
  expect(checked.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([['X.renamed', 'two names start on the same day']]);
});

test('a clearance line is read back name by name from the registry: the “un” inside a name does not split it, a renamed ministry’s later name is known', () => {
  expect(ministriesInList('Ārlietu ministriju, Izglītības un zinātnes ministriju un Vides aizsardzības un reģionālās attīstības ministriju', BUILT_IN)).toEqual({ codes: ['AM', 'IZM', 'VARAM'], unknown: [] });
  expect(ministriesInList('Klimata un enerģētikas ministriju un Viedās administrācijas un reģionālās attīstības ministriju', BUILT_IN)).toEqual({ codes: ['KEM', 'VARAM'], unknown: [] });
  // What the registry does not know is said as printed, split at the list's commas and "un".
  expect(ministriesInList('Ārlietu ministriju, Saeimas Eiropas lietu komisiju un Valsts kanceleju', BUILT_IN)).toEqual({ codes: ['AM', 'VK'], unknown: ['Saeimas Eiropas lietu komisiju'] });
});

test('a renaming that brings a new abbreviation has it from its day; one that gives none keeps the abbreviation in use before', () => {
  const forms = (name: string) => ({ nominative: name, genitive: name, accusative: `${name}u`, english: name });
  const registry = ministriesSchema.parse({
    X: { ...forms('Vecā ministrija'), abbreviation: 'VM1', renamed: [{ from: '2030-01-01', ...forms('Trešā ministrija') }, { from: '2025-01-01', ...forms('Jaunā ministrija'), abbreviation: 'JM' }] },
  });
  const ministry = registry['X'];
  if (!ministry) throw new Error('X was not parsed');
  expect(['2024-12-31', '2025-01-01', '2030-01-01'].map((day) => abbreviationOn(ministry, day))).toEqual(['VM1', 'JM', 'JM']);
  // A clearance line of either time is read back.
  expect(ministriesInList('JM un VM1', registry)).toEqual({ codes: ['X'], unknown: [] });
  // VARAM was renamed in 2023 and kept its abbreviation.
  const varam = BUILT_IN['VARAM'];
  expect(varam && abbreviationOn(varam, '2024-01-01')).toBe('VARAM');
});
