import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadProject } from '../../src/load/project.js';
import { exampleProject } from '../helpers/project.js';

describe('the position files read from the positions folder', () => {
  it('are those named .yaml, .yml, .YAML or .YML (as tools on Windows write the name), and no other', () => {
    const dir = exampleProject();
    renameSync(join(dir, 'positions/educ/equity-achievements.yaml'), join(dir, 'positions/educ/equity-achievements.YAML'));
    renameSync(join(dir, 'positions/educ/equity-eu-cooperation.yaml'), join(dir, 'positions/educ/equity-eu-cooperation.YML'));
    renameSync(join(dir, 'positions/educ/equity-reforms.yaml'), join(dir, 'positions/educ/equity-reforms.yml'));
    // An editor's backup and a copy put aside are not positions.
    writeFileSync(join(dir, 'positions/educ/equity-reforms.yml~'), 'id: equity-reforms\n');
    writeFileSync(join(dir, 'positions/educ/equity-reforms.yaml.bak'), 'id: equity-reforms\n');
    const project = loadProject(dir);
    expect(project.positionFiles.map((file) => [file.path, file.id])).toEqual([
      ['positions/educ/equity-achievements.YAML', 'equity-achievements'],
      ['positions/educ/equity-eu-cooperation.YML', 'equity-eu-cooperation'],
      ['positions/educ/equity-reforms.yml', 'equity-reforms'],
    ]);
    expect(project.setupDiagnostics).toEqual([]);
  });
});
