import { describe, expect, it, vi } from 'vitest';
import { check } from '../../src/commands/check.js';
import { exampleProject } from '../helpers/project.js';

/** Every read of a partial's file, by path: `check` read each of them once for every partial (its cost grew with their square). */
const partialReads: string[] = [];
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((path: Parameters<typeof fs.readFileSync>[0], ...rest: unknown[]) => {
    if (String(path).includes('/templates/partials/')) partialReads.push(String(path));
    return Reflect.apply(fs.readFileSync, fs, [path, ...rest]);
  }) as typeof fs.readFileSync;
  return { ...fs, default: { ...fs, readFileSync }, readFileSync };
});

const COUNT = 40;

describe('check of a project with many partials', () => {
  it('reads each partial a bounded number of times, not once for every other partial, and still checks each one alone', async () => {
    const partials = Object.fromEntries(Array.from({ length: COUNT }, (_, n) => [`templates/partials/p${n}.hbs`, `Daļa ${n}: {{meeting.topic}}.\n`]));
    partials['templates/partials/p7.hbs'] = 'Daļa 7: {{#if meeting.topic}}bez beigām\n';
    const dir = exampleProject(partials);
    partialReads.length = 0;
    const result = await check({ cwd: dir, paths: [], final: false });
    // The one broken partial is found though no template includes it.
    expect(result.diagnostics.filter((d) => d.file.startsWith('templates/')).map((d) => `${d.file} ${d.ruleId}`)).toEqual(['templates/partials/p7.hbs template/syntax']);
    // Once for each template that may include them and once for checking them alone (40 × 41 reads and more before).
    expect(partialReads.length).toBeLessThanOrEqual(10 * COUNT);
  });
});
