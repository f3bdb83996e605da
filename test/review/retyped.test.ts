import { describe, expect, it } from 'vitest';
import { exampleClearance, runCli } from '../helpers/project.js';
import { reviewedExample } from '../helpers/reviewed-example.js';

const ANNA = { author: 'Anna Ozola (AM)', date: '2021-02-16T09:30:00Z' };

describe('briefing review --accept of text a reviewer deleted and typed back', () => {
  it('records no objection where the reviewer’s tracked deletion and insertion of the same words leave the text as it was', () => {
    // As Word saves it: the word struck out (w:del), then the same word typed after it (w:ins), both Anna's.
    const { dir, docx } = reviewedExample('retyped', (report) =>
      report.replace('Tuvākajā laikā prioritāri paredzēts:', 'prioritāri', 'prioritāri', ANNA).replace('vislielāko pievienoto vērtību', 'vislielāko', 'lielāko', ANNA),
    );
    const before = exampleClearance(dir, 'equity-reforms').AM;

    const run = runCli(['review', docx, '--accept', '--ministry', 'AM'], dir);
    expect(run.status, run.stderr).toBe(0);
    // It recorded "AM objected" on equity-reforms, whose text AM left as it was.
    expect(exampleClearance(dir, 'equity-reforms').AM).toEqual(before);
    const reforms = run.stdout.split('\n\n').find((block) => block.startsWith('position equity-reforms')) ?? '';
    expect(reforms).toContain('note: AM only took back its own or another reviewer’s tracked changes here');
    // A real change beside it is still AM's objection.
    expect(exampleClearance(dir, 'equity-eu-cooperation').AM).toMatchObject({ status: 'objected', date: '2021-02-16', version: 3 });
  });
});
