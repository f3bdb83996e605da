// Regenerates schema/<kind>.schema.json from the zod schemas, through the built CLI
// (`briefing schema <kind>`), so the committed files are exactly what the tool prints.
// Run with `npm run schema`; test/schema.test.ts fails when the files are out of date.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const kind of ['meeting', 'position', 'ministries', 'config']) {
  const text = execFileSync(process.execPath, [join(root, 'bin/briefing.js'), 'schema', kind], { encoding: 'utf8' });
  writeFileSync(join(root, 'schema', `${kind}.schema.json`), text);
  console.log(`schema/${kind}.schema.json`);
}
