import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { clearedOnlyAfter, isArchivedReport, isDraftReport } from '../../src/model/draft.js';
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

describe('an archived report', () => {
  /** The example's equity-reforms as it is after the meeting: raised to version 3, its clearances of version 2 (AM's, or both) kept. */
  const revised = (stale: readonly string[] = ['AM', 'LM'], others: Position['clearance'] = {}): Position => {
    const clearance: Position['clearance'] = {};
    for (const code of stale) clearance[code] = { status: 'cleared', date: '2021-02-15', version: 2 };
    return { ...reforms(), version: 3, clearance: { ...reforms().clearance, ...clearance, ...others } };
  };
  const archived = (included: Position[], ...today: [string | undefined] | []) => isArchivedReport(included, REQUIRED, '2021-02-19', today.length ? today[0] : '2021-12-01');

  it('is one of a meeting that is over whose positions were cleared, and one of them revised since', () => {
    expect(archived([revised()])).toBe(true);
    expect(archived([revised(['AM']), reforms()])).toBe(true);
    // Cleared for another text (the answer's fingerprint) rather than another version.
    expect(archived([{ ...reforms(), clearance: { ...reforms().clearance, LM: { status: 'cleared', date: '2021-02-17', answer: '000000000000' } } }])).toBe(true);
  });

  it('is not one of a meeting not over yet, nor when today is not known', () => {
    expect(archived([revised()], '2021-02-19')).toBe(false);
    expect(archived([revised()], undefined)).toBe(false);
    expect(archived([revised()], '2021-02-20')).toBe(true);
  });

  it('is not one whose clearances are all current: that report is simply final', () => {
    expect(archived([reforms()])).toBe(false);
  });

  it('is not one with a clearance missing, pending, objected or a position still a draft: that report was never final', () => {
    expect(archived([revised(['AM'], { LM: { status: 'pending', date: '2021-02-16' } })])).toBe(false);
    expect(archived([revised(['AM'], { LM: { status: 'objected', date: '2021-02-16' } })])).toBe(false);
    const { LM: _dropped, ...withoutLm } = revised(['AM']).clearance;
    expect(archived([{ ...revised(['AM']), clearance: withoutLm }])).toBe(false);
    expect(archived([revised(), { ...reforms(), id: 'other', status: 'draft' }])).toBe(false);
    expect(archived([])).toBe(false);
  });

  it('does not ask of the owner a clearance of its own position', () => {
    expect(isArchivedReport([revised()], [...REQUIRED, 'IZM'], '2021-02-19', '2021-12-01')).toBe(true);
  });
});
