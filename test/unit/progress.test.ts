import { describe, expect, it } from 'vitest';
import { drawsProgress, formatProgress } from '../../src/diagnostics/progress.js';

describe('formatProgress', () => {
  it('shows a bar, the count, the time left from the pace so far, and the meeting', () => {
    expect(formatProgress({ done: 25, total: 100, meeting: 'meetings/a.yaml', elapsedMs: 10_000 }, 80)).toBe(
      '[#####---------------] 25/100 ETA 30s meetings/a.yaml',
    );
    expect(formatProgress({ done: 10, total: 100, meeting: 'meetings/a.yaml', elapsedMs: 10_000 }, 80)).toBe(
      '[##------------------] 10/100 ETA 1m30s meetings/a.yaml',
    );
  });

  it('leaves out the time when done, and shortens the meeting from the left to fit the width', () => {
    const line = formatProgress({ done: 3, total: 3, meeting: 'meetings/2021-02-19-educ-informal.yaml', elapsedMs: 900 }, 40);
    expect(line).toBe('[####################] 3/3 …nformal.yaml');
    expect(line).toHaveLength(40);
  });
});

describe('drawsProgress', () => {
  it('draws on a terminal outside CI; CI=false, CI=0 or an empty CI is not CI, as the resident server reads it (bin/client.cjs)', () => {
    expect(drawsProgress(true, {})).toBe(true);
    expect(drawsProgress(true, { CI: 'false' })).toBe(true);
    expect(drawsProgress(true, { CI: '0' })).toBe(true);
    expect(drawsProgress(true, { CI: '' })).toBe(true);
    expect(drawsProgress(true, { CI: 'true' })).toBe(false);
    expect(drawsProgress(true, { CI: '1' })).toBe(false);
    expect(drawsProgress(true, { TERM: 'dumb' })).toBe(false);
    expect(drawsProgress(false, {})).toBe(false);
    expect(drawsProgress(undefined, {})).toBe(false);
  });
});
