import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { diff, type DiffFormat } from '../../src/commands/diff.js';
import { initRepository } from '../helpers/git.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject } from '../helpers/project.js';

const POSITION = 'positions/educ/equity-reforms.yaml';

function replace(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`fixture text not found: ${from}`);
  return text.replace(from, to);
}

/** The example meeting and one of its positions with English texts, committed; `edit` changes them in the working tree. */
function withEnglish(edit: (texts: { meeting: string; position: string }) => { meeting: string; position: string }, template = 'informative-report.lv'): string {
  const meeting = replace(
    replace(replace(exampleFile(EXAMPLE_MEETING), 'template: informative-report.lv', `template: ${template}`), '    position: equity-reforms\n', '    text_en: What reforms are needed?\n    position: equity-reforms\n'),
    '\ntopic: ',
    '\ntopic_en: Equal access to education\ntopic: ',
  );
  const position = replace(exampleFile(POSITION), '\nclearance:', '\nbody_en: |\n  Latvia will focus on digital schools.\n\n  Teachers will be trained.\n\nclearance:');
  const dir = exampleProject({ [EXAMPLE_MEETING]: meeting, [POSITION]: position });
  initRepository(dir);
  const edited = edit({ meeting, position });
  writeFileSync(join(dir, EXAMPLE_MEETING), edited.meeting);
  writeFileSync(join(dir, POSITION), edited.position);
  return dir;
}

async function compareMeeting(cwd: string, format: DiffFormat) {
  return diff({ cwd, files: [EXAMPLE_MEETING], format, stat: false, whitespace: false, colour: false, sourceDateEpoch: 1613692800 });
}

test('a meeting’s diff lists the English texts changed, which its Latvian report does not print: exit 1, not "No changes"', async () => {
  const cwd = withEnglish(({ meeting, position }) => ({
    meeting: replace(replace(meeting, 'What reforms are needed?', 'Which reforms are needed?'), 'topic_en: Equal access to education', 'topic_en: Equal access to inclusive education'),
    position: replace(position, 'digital schools.', 'modern digital schools and teachers.'),
  }));
  const json = await compareMeeting(cwd, 'json');
  expect(json.exitCode).toBe(1);
  const parsed: { equal: boolean; metadata: unknown[] } = JSON.parse(String(json.output));
  expect(parsed.equal).toBe(false);
  expect(parsed.metadata).toEqual([
    { subject: 'report', field: 'topic_en', label: 'topic in English', from: 'Equal access to education', to: 'Equal access to inclusive education' },
    { subject: 'equity-reforms', field: 'text_en', label: 'question in English', from: 'What reforms are needed?', to: 'Which reforms are needed?' },
    { subject: 'equity-reforms', field: 'body_en', label: 'answer in English', from: '10 words', to: '13 words: 3 added, 0 removed' },
  ]);
  const md = String((await compareMeeting(cwd, 'md')).output);
  expect(md).not.toContain('No changes');
  expect(md).toContain('- equity-reforms — answer in English: 10 words → 13 words: 3 added, 0 removed');
});

test('a meeting’s English text only re-wrapped, or unchanged, is no change (exit 0)', async () => {
  const cwd = withEnglish(({ meeting, position }) => ({ meeting, position: replace(position, 'Latvia will focus on digital schools.', 'Latvia will focus on\n  digital schools.') }));
  const result = await compareMeeting(cwd, 'json');
  expect(result.exitCode).toBe(0);
  expect(JSON.parse(String(result.output)).metadata).toEqual([]);
});

test('a meeting built with the English template lists its Latvian texts changed where it prints their English: exit 1', async () => {
  const cwd = withEnglish(({ meeting, position }) => ({ meeting, position: replace(position, 'Tuvākajā laikā prioritāri paredzēts:', 'Tuvākajā laikā paredzēts:') }), 'informative-report.en');
  const json = await compareMeeting(cwd, 'json');
  expect(json.exitCode).toBe(1);
  const metadata: { subject: string; field: string; label: string; to: string }[] = JSON.parse(String(json.output)).metadata;
  expect(metadata.map(({ subject, field, label }) => ({ subject, field, label }))).toEqual([{ subject: 'equity-reforms', field: 'body', label: 'answer in Latvian' }]);
  expect(metadata[0]?.to).toMatch(/: 0 added, 1 removed$/);
});
