import { expect, test } from 'vitest';
import { loadProject } from '../../src/load/project.js';
import { ministriesNamed } from '../../src/review/ministry.js';
import { REPO } from '../helpers/project.js';

test('the reviewing ministry is found by its code or its name, a renamed one by its name of now as well as its first', () => {
  const project = loadProject(REPO);
  expect(ministriesNamed(project, ['Anna Ozola (AM)'])).toEqual(['AM']);
  expect(ministriesNamed(project, ['Viedās administrācijas un reģionālās attīstības ministrija'])).toEqual(['VARAM']);
  expect(ministriesNamed(project, ['Vides aizsardzības un reģionālās attīstības ministrija, J. Kalniņš'])).toEqual(['VARAM']);
});
