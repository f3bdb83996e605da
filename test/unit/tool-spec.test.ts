import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../helpers/project.js';

/** Where the running briefing is installed: a project's node_modules, as npm, Yarn, Bun or pnpm put it. */
let installedAt = '';
vi.mock('../../src/load/package-folder.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../src/load/package-folder.js')>();
  return { ...actual, packageRoot: () => installedAt };
});
const { installingProject, toolSpec } = await import('../../src/init/package-json.js');

/** A ministry's project whose package.json is `data`, briefing installed in it at `below` (from its node_modules). */
function installedIn(data: unknown, below = 'briefing'): string {
  const project = tempDir();
  writeFileSync(join(project, 'package.json'), JSON.stringify(data));
  installedAt = join(project, 'node_modules', below);
  mkdirSync(installedAt, { recursive: true });
  return project;
}

describe('the tool a new package.json names, from the project briefing is installed in', () => {
  beforeEach(() => {
    installedAt = '';
  });

  it('reads the dependencies and development dependencies that name a version, skipping a field that is no object', () => {
    const project = installedIn({ dependencies: null, devDependencies: { briefing: 'file:vendor/briefing-0.1.0.tgz', node: '24.11.1', broken: 3 } });
    expect(installingProject()).toEqual({ root: project, specs: { briefing: 'file:vendor/briefing-0.1.0.tgz', node: '24.11.1' } });
    const both = installedIn({ dependencies: { node: '24.11.1' }, devDependencies: { briefing: '^0.1.0' } });
    expect(installingProject()).toEqual({ root: both, specs: { node: '24.11.1', briefing: '^0.1.0' } });
    installedIn([]);
    expect(installingProject()).toEqual({ root: expect.any(String), specs: {} });
    installedIn(null);
    expect(installingProject()).toBeUndefined();
  });

  it('names the tarball from the new folder, a version or a URL as the project does, and the folder it runs from where the project names none', () => {
    const project = installedIn({ devDependencies: { briefing: 'file:vendor/briefing-0.1.0.tgz' } });
    expect(toolSpec(join(project, 'eu'))).toBe('file:../vendor/briefing-0.1.0.tgz');
    expect(toolSpec(project)).toBe('file:./vendor/briefing-0.1.0.tgz');
    const yarn = installedIn({ devDependencies: { briefing: './vendor/briefing-0.1.0.tgz' } });
    expect(toolSpec(join(yarn, 'eu'))).toBe('file:../vendor/briefing-0.1.0.tgz');
    const pnpm = installedIn({ devDependencies: { briefing: 'git+https://example.org/zm/briefing.git' } }, '.pnpm/briefing@git/node_modules/briefing');
    expect(toolSpec(join(pnpm, 'eu'))).toBe('git+https://example.org/zm/briefing.git');
    const none = installedIn({ devDependencies: { other: '1.0.0' } });
    expect(toolSpec(none)).toBe('file:./node_modules/briefing');
  });
});
