import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/commands/build.js';
import { projectWithMeetings } from '../helpers/meetings.js';
import { EXAMPLE_MEETING, tempDir } from '../helpers/project.js';

describe('the meetings of a batch built on the main thread', () => {
  it('are built side by side when their PDFs are made, so that one run of LibreOffice makes every PDF', async () => {
    const dir = projectWithMeetings({
      'meetings/b.yaml': { fileCode: 'B', positions: ['achievements-b', 'equity-reforms', 'cooperation-b'] },
      'meetings/c.yaml': { fileCode: 'C', positions: ['achievements-c', 'reforms-c', 'cooperation-c'] },
    });
    // A stand-in for soffice that writes a "PDF" for each DOCX it is given, and a line for each run: how many DOCX it was given.
    const folder = tempDir();
    const office = join(folder, 'soffice');
    const log = join(folder, 'runs.log');
    writeFileSync(office, `#!/bin/sh\nn=0\nfor a in "$@"; do case "$a" in *.docx) n=$((n+1)); printf '%%PDF-' > "\${a%.docx}.pdf"; echo '%%EOF' >> "\${a%.docx}.pdf";; esac; done\necho $n >> '${log}'\n`);
    chmodSync(office, 0o755);
    const result = await build({ cwd: dir, inputs: [EXAMPLE_MEETING, 'meetings/b.yaml', 'meetings/c.yaml'], final: false, jobs: 1, formats: ['docx', 'pdf'], office });
    expect(result.summary).toEqual({ built: 3, unchanged: 0, failed: 0 });
    expect(readFileSync(join(dir, 'out/B.pdf'), 'utf8')).toBe('%PDF-%%EOF\n');
    // One after another, each meeting's PDF was a run of its own: three starts of the office instead of one.
    expect(readFileSync(log, 'utf8')).toBe('3\n');
  });
});
