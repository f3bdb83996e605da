import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Figure } from './report.js';

/** What the bench hands to `measureLinear` of bench/linear.ts. */
export interface LinearOptions {
  /** The repository the bench runs in. */
  repo: string;
  /** The installed command's file (bin/briefing.js). */
  cli: string;
  /** Tiny sizes, one run: only check that the measurement runs. */
  quick: boolean;
  /** A temporary folder the bench removes at its end. */
  scratch: string;
}

const PLACEHOLDER: Figure = {
  id: '5',
  name: 'cost linear in size: 10,000 questions ÷ 1,000; a 5 MB position',
  briefing: Number.NaN,
  target: '≤ 12×; < 3 s',
  note: 'see render-core: measured by bench/linear.ts, which this build does not have',
};

/**
 * Target 5 (cost linear in size) is measured by bench/linear.ts where it exists: its
 * `measureLinear(options: LinearOptions): Promise<Figure | Figure[]>` gives the row(s).
 * Without that file the table keeps the row, unmeasured. The file is bundled on demand
 * (beside the bench's own bundle, so it finds the same node_modules) because a bundle
 * cannot import a file that may not exist.
 */
export async function linearFigures(options: LinearOptions): Promise<Figure[]> {
  const source = join(options.repo, 'bench/linear.ts');
  if (!existsSync(source)) return [PLACEHOLDER];
  const { build } = await import('esbuild');
  const outfile = join(options.repo, 'node_modules/.cache/briefing-bench/linear.mjs');
  await build({ entryPoints: [source], bundle: true, platform: 'node', format: 'esm', packages: 'external', outfile, logLevel: 'warning' });
  const module: unknown = await import(pathToFileURL(outfile).href);
  if (typeof module !== 'object' || module === null || !('measureLinear' in module) || typeof module.measureLinear !== 'function') {
    return [{ ...PLACEHOLDER, note: 'bench/linear.ts exports no measureLinear function' }];
  }
  const result: unknown = await module.measureLinear(options);
  const figures: unknown[] = Array.isArray(result) ? result : [result];
  return figures.filter(isFigure);
}

function isFigure(value: unknown): value is Figure {
  return typeof value === 'object' && value !== null && 'id' in value && 'name' in value && 'briefing' in value && 'target' in value;
}
