import { expect, it } from 'vitest';
import { exampleFile, exampleProject, runCli } from '../helpers/project.js';

const POSITION = 'positions/educ/equity-reforms.yaml';

/** The example position with `body` as given. */
function withBody(body: string): string {
  return exampleFile(POSITION).replace(/^body: \|\n(?: {2}.*\n|\n)*/m, `body: |\n${body.replace(/^/gm, '  ')}\n\n`);
}

// Found by the property test (seed 150866510): the deleted space was written as the mark "·", meant for a
// change of whitespace alone, so that rejecting every change gave "skola·skola", not the older "skola skola".
it('--format md writes a space replaced by words (a note’s mark) as the space it is, so rejecting the change gives the older text', () => {
  const dir = exampleProject({ 'older.yaml': withBody('- skola skola[^1]\n\n[^1]: skola.'), 'newer.yaml': withBody('- skola[^1]\n- skola[^1]\n\n[^1]: skola.') });
  const run = runCli(['diff', 'older.yaml', 'newer.yaml', '--format', 'md'], dir);
  expect(run.status, run.stderr).toBe(1);
  expect(run.stdout).toContain('- skola{~~ ~>[^equity-reforms-1]~~}{++\n- ++}skola[^equity-reforms-1]\n');
  expect(run.stdout).not.toContain('·');
});
