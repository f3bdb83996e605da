import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { clearedOnlyAfter, isDraftReport } from '../../src/model/draft.js';
import { positionSchema, type Position } from '../../src/model/index.js';
import { REPO } from '../helpers/project.js';

/** The example's equity-reforms: owned by IZM, cleared by AM on 2021-02-15 and by LM on 2021-02-17. */
const reforms = (): Position => positionSchema.parse(parse(readFileSync(join(REPO, 'positions/educ/equity-reforms.yaml'), 'utf8')));
const REQUIRED = ['AM', 'LM'];

describe('a draft report', () => {
  it('is one of a meeting with no position yet', () => {
    expect(isDraftReport([], REQUIRED)).toBe(true);
  });

  it('is one that includes a position still marked draft, every clearance given or not', () => {
    expect(isDraftReport([reforms()], REQUIRED)).toBe(false);
    expect(isDraftReport([{ ...reforms(), status: 'draft' }], REQUIRED)).toBe(true);
  });
});

describe('the positions cleared only after the meeting', () => {
  const redated = (am: string, lm: string): Position => {
    const clearance: Position['clearance'] = { AM: { status: 'cleared', date: am }, LM: { status: 'cleared', date: lm } };
    return { ...reforms(), clearance };
  };

  it('do not include one whose last clearance is dated the meeting’s last day', () => {
    expect(clearedOnlyAfter([redated('2021-02-20', '2021-02-19')], REQUIRED, '2021-02-19')).toEqual([]);
  });

  it('include one whose every clearance is dated after it, with the first of those days', () => {
    expect(clearedOnlyAfter([redated('2021-02-22', '2021-02-20')], REQUIRED, '2021-02-19')).toEqual([{ id: 'equity-reforms', version: 2, cleared: '2021-02-20' }]);
  });
});
