import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';
import { describe, expect, it } from 'vitest';
import { WORKER_POOL_SETTINGS } from '../../src/batch/pool.js';

const WORKER = pathToFileURL(join(import.meta.dirname, '../fixtures/workers/weak-refs.mjs')).href;

describe('a worker of the batch pool', () => {
  it('lets go of what it held weakly once a task is done (positions parsed for earlier meetings)', async () => {
    const pool = new Piscina<{ last: boolean }, number>({ ...WORKER_POOL_SETTINGS, filename: WORKER, minThreads: 1, maxThreads: 1 });
    try {
      await Promise.all(Array.from({ length: 40 }, () => pool.run({ last: false })));
      // Only the last task's own object may still be held: it is read within that task.
      expect(await pool.run({ last: true })).toBeLessThanOrEqual(1);
    } finally {
      await pool.destroy();
    }
  });
});
