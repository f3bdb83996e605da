/** The example meeting and position init copies from the package, pointed at the installed schemas and made to sign as the ministry's reports do. */

import { join } from 'node:path';
import { readText } from '../load/files.js';
import { packageRoot } from '../load/package-folder.js';
import type { Ministries } from '../model/index.js';
import * as files from './files.js';

/** Example files copied from the package, for `new meeting --from` and as a model position. */
export const EXAMPLES = [
  { from: 'meetings/2021-02-19-educ-informal.yaml', to: 'examples/meeting.yaml', schema: 'meeting' },
  { from: 'positions/educ/equity-achievements.yaml', to: 'examples/position.yaml', schema: 'position' },
];

/** An example file of the package, its editor-schema line pointing at the installed schemas. */
export function exampleText(path: string, schema: string, chosen: files.InitAnswers, ministries: Ministries): string {
  const read = readText(join(packageRoot(), path), path).replace(/^# yaml-language-server:.*$/m, `# yaml-language-server: $schema=../${files.SCHEMA_FOLDER}/${schema}.schema.json`);
  if (schema !== 'meeting') return read;
  const text = withoutOwnClearance(read, chosen.issuingMinistry, ministries);
  // The example signs as this ministry's reports are signed (init's answers), not as the model report was: a
  // meeting made `--from` it would otherwise carry the model's minister. The rest of the file stays as written.
  return (['signature', 'visa'] as const).reduce((example, kind) => {
    const person = chosen[kind];
    const block = person ? `${kind}:\n  role: ${JSON.stringify(person.role)}\n  name: ${JSON.stringify(person.name)}\n` : '';
    return example.replace(new RegExp(`^${kind}:\n(?: {2}.*\n)+`, 'm'), block);
  }, text);
}

/**
 * The example meeting with the issuing ministry left out of its `required_clearances`, and the comment
 * above them naming those left: a report is not cleared with its own ministry, and every meeting made
 * `--from` the example of the welfare or the foreign ministry would otherwise carry that warning.
 */
function withoutOwnClearance(example: string, issuer: string, ministries: Ministries): string {
  const line = /^required_clearances: \[([^\]]*)\]$/m.exec(example);
  const codes = line?.[1]?.split(',').map((code) => code.trim()) ?? [];
  const rest = codes.filter((code) => code !== issuer);
  if (line === null || rest.length === codes.length || rest.length === 0) return example;
  const names = rest.map((code) => ministries[code]?.accusative ?? code).join(' un ');
  return example
    .replace(line[0], `required_clearances: [${rest.join(', ')}]`)
    .replace(/^# They are named in the last line: .*$/m, `# They are named in the last line: "… saskaņots ar ${names}."`);
}
