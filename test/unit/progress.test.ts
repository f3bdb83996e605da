import { describe, expect, it } from 'vitest';
import { formatProgress } from '../../src/diagnostics/progress.js';

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
