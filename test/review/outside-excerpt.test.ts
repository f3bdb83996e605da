import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { EXAMPLE_MEETING, exampleProject, runCli } from '../helpers/project.js';
import { WordEdit } from '../helpers/word-edit.js';

const DOCX = 'out/IZMzin_190221_EDUC.docx';
const ANNA = { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' };
const CLEARED = 'Informatīvā ziņojuma projekts saskaņots ar Ārlietu ministriju un Labklājības ministriju.';

/** `briefing review` of the example's DOCX with `from` in the clearance line (no field's text) replaced by `to`, with track changes on. */
function listed(from: string, to: string): string {
  const dir = exampleProject();
  expect(runCli(['build', EXAMPLE_MEETING], dir).status).toBe(0);
  const path = join(dir, 'out/reviewed.docx');
  writeFileSync(path, new WordEdit(readFileSync(join(dir, DOCX))).replace(CLEARED, from, to, ANNA).bytes());
  const run = runCli(['review', path], dir);
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain('Not applicable (generated text, not from any position or meeting field):');
  return run.stdout;
}

// The excerpt of a long line was cut inside its change's mark, '{+ar Finanšu ministriju, Tieslie…', the mark never closed.
it.each([
  ['an insertion', 'ar', 'ar Finanšu ministriju, Tieslietu ministriju,', '“Informatīvā ziņojuma projekts saskaņots [-ar-]{+ar Finanš…+}”: Anna Ozola (AM)'],
  ['a deletion', 'saskaņots ar Ārlietu ministriju un', 'saskaņots ar', '“Informatīvā ziņojuma projekts [-saskaņots ar Ārlietu mini…-]”: Anna Ozola (AM)'],
])('review closes the mark of %s that the excerpt of a change outside the fields cuts', (_, from, to, line) => {
  expect(listed(from, to)).toContain(line);
});
