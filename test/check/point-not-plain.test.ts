import { expect, test } from 'vitest';
import { exampleFile, exampleProject, runCli } from '../helpers/project.js';

/** `position/point-not-plain`: a speaking point is plain text, one paragraph; a footnote or a blank line in one prints wrong. */
const POSITION = 'positions/educ/equity-achievements.yaml';

const POINTS = [
  'speaking_points:',
  '  - "Digitālo prasmju pilnveidē piedalījušies 53,5 % pedagogu[^1]."',
  '  - |',
  '    Latvija atbalsta trīs virzienus:',
  '',
  '    1) kompetenču pieeju;',
  '    2) pedagogu digitālās prasmes.',
  '  - "Projekts PuMPuRS aptver 80 % pašvaldību (IZM dati, 2021)."',
  'speaking_points_en:',
  '  - "53.5 % of teachers took part in digital skills training."',
  '  - "[^1]: IZM data, 2021."',
  '',
].join('\n');

test('check warns at a speaking point with a footnote or a blank line, in Latvian and in English, and not at a plain one', () => {
  const dir = exampleProject({ [POSITION]: exampleFile(POSITION).replace(/\n# Short points[\s\S]*$/, `\n${POINTS}`) });
  const result = runCli(['check', '--format', 'json'], dir);
  const said = (JSON.parse(result.stdout) as { diagnostics: { file: string; line: number; ruleId: string; message: string }[] }).diagnostics
    .filter((d) => d.ruleId === 'position/point-not-plain')
    .map((d) => [d.file, d.line, d.message]);
  const line = (text: string) => exampleFile(POSITION).replace(/\n# Short points[\s\S]*$/, `\n${POINTS}`).split('\n').indexOf(text) + 1;
  expect(said).toEqual([
    [POSITION, line('  - "Digitālo prasmju pilnveidē piedalījušies 53,5 % pedagogu[^1]."'), 'Point 1 of `speaking_points` has a footnote, `[^1]`, printed as written: a point is plain text, with no footnotes.'],
    [POSITION, line('  - |'), 'Point 2 of `speaking_points` has a blank line, and its paragraphs (or its list) are printed run together in one: a point is one paragraph of plain text.'],
    [POSITION, line('  - "[^1]: IZM data, 2021."'), 'Point 2 of `speaking_points_en` has a footnote, `[^1]`, printed as written: a point is plain text, with no footnotes.'],
  ]);
  expect(result.status).toBe(0);
});
