import { measureLinear } from './linear.js';
import type { Figure } from './report.js';

/** What the bench hands to the target-5 measurement. */
export interface LinearOptions {
  /** The repository the bench runs in. */
  repo: string;
  /** Tiny sizes, one run: only check that the measurement runs. */
  quick: boolean;
}

/** The sizes compared: questions in the small and the large meeting, and the large position in MB. */
const FULL = { small: 1000, large: 10000, megabytes: 5 };
const QUICK = { small: 5, large: 50, megabytes: 0.05 };

/**
 * Issue 11 target 5, cost linear in size, as one row of the table: the build time of a
 * meeting with 10,000 questions divided by one with 1,000 (target ≤ 12×), and the build time
 * of a meeting whose answer is a 5 MB position (target < 3 s), measured by bench/linear.ts.
 */
export async function linearFigures(options: LinearOptions): Promise<Figure[]> {
  const sizes = options.quick ? QUICK : FULL;
  const [small, large, big] = await measureLinear({ repo: options.repo, questions: [sizes.small, sizes.large], positionMegabytes: sizes.megabytes });
  if (!small || !large || !big) return [];
  const ratio = large.ms / small.ms;
  const growth = sizes.large / sizes.small;
  return [
    {
      id: '5',
      name: `cost linear in size: ${sizes.large.toLocaleString('en')} questions ÷ ${sizes.small.toLocaleString('en')}; a ${sizes.megabytes} MB position`,
      briefing: ratio,
      baseline: { name: `${sizes.small.toLocaleString('en')} questions, ms`, value: small.ms },
      ratio,
      target: `≤ ${(growth * 1.2).toFixed(0)}×; < 3 s`,
      met: ratio <= growth * 1.2 && big.ms < 3000,
      note: `${sizes.large.toLocaleString('en')} questions ${(large.ms / 1000).toFixed(1)} s (${large.peakMiB?.toFixed(0) ?? '?'} MiB); the ${sizes.megabytes} MB position ${(big.ms / 1000).toFixed(1)} s (${big.peakMiB?.toFixed(0) ?? '?'} MiB)`,
    },
  ];
}
