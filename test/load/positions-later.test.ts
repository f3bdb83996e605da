import { expect, test } from 'vitest';
import { loadProject, withPositions } from '../../src/load/project.js';
import { exampleFile, exampleProject } from '../helpers/project.js';

test('a project loaded without its positions reads them when asked, as loading them at once does', () => {
  // A duplicated id, so that what the scan reports on the positions is compared too.
  const dir = exampleProject({ 'positions/educ/copy.yaml': exampleFile('positions/educ/equity-reforms.yaml') });
  const settings = loadProject(dir, { skipPositions: true });
  expect(settings.positions.size).toBe(0);
  expect(settings.positionFiles).toEqual([]);
  const full = loadProject(dir);
  const later = withPositions(settings);
  expect(later.positionFiles).toEqual(full.positionFiles);
  expect([...later.positions].map(([id, p]) => [id, p.hash, p.diagnostics])).toEqual([...full.positions].map(([id, p]) => [id, p.hash, p.diagnostics]));
  expect(later.setupDiagnostics).toEqual(full.setupDiagnostics);
  expect(later.config).toBe(settings.config);
});
