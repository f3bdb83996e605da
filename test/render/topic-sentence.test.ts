import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { build } from '../../src/commands/build.js';
import { EXAMPLE_MEETING, exampleFile, exampleProject } from '../helpers/project.js';

const TOPIC = 'topic: Vienlīdzīga piekļuve izglītībai – iekļaujoša un uz panākumiem vērsta izglītība';

/** The example's report, and its speaking points in Latvian and English, built with `topic` as the meeting's topic. */
async function openings(topic: string): Promise<string[]> {
  const meeting = exampleFile(EXAMPLE_MEETING).replace(TOPIC, `topic: ${topic}`);
  const files = {
    [EXAMPLE_MEETING]: meeting,
    'meetings/2021-02-19-points.yaml': meeting.replace('template: informative-report.lv', 'template: speaking-points.lv').replace('file_code: IZMzin_190221_EDUC', 'file_code: IZMrp_190221_EDUC'),
    'meetings/2021-02-19-points-en.yaml': meeting.replace('template: informative-report.lv', 'template: speaking-points.en').replace('file_code: IZMzin_190221_EDUC', 'file_code: IZMsp_190221_EDUC'),
  };
  const dir = exampleProject(files);
  const result = await build({ cwd: dir, inputs: Object.keys(files), final: false, formats: ['md'] });
  expect(result.exitCode).toBe(0);
  return ['IZMzin_190221_EDUC', 'IZMrp_190221_EDUC', 'IZMsp_190221_EDUC'].map((code) => {
    const markdown = readFileSync(join(dir, `out/${code}.md`), 'utf8');
    return /(?:par tēmu|Tēma:|Topic:) .*?(?: Diskusijas|$)/m.exec(markdown)?.[0] ?? markdown;
  });
}

// A topic that is a question printed "par tēmu “Kā …?”." (grammar run): the EU's Latvian style guide (10.1.6) puts no full stop after a quoted sentence's own mark.
test('the opening and the speaking points end the sentence with a topic’s own question mark or full stop, and add theirs after any other', async () => {
  expect(exampleFile(EXAMPLE_MEETING)).toContain(TOPIC);
  expect(await openings('Kā uzlabot izglītību?')).toEqual([
    'par tēmu “Kā uzlabot izglītību?” Diskusijas',
    'Tēma: “Kā uzlabot izglītību?”',
    'Topic: “Kā uzlabot izglītību?”',
  ]);
  expect(await openings('Digitālā izglītība.')).toEqual(['par tēmu “Digitālā izglītība.” Diskusijas', 'Tēma: “Digitālā izglītība.”', 'Topic: “Digitālā izglītība.”']);
  expect(await openings('Digitālā izglītība')).toEqual(['par tēmu “Digitālā izglītība”. Diskusijas', 'Tēma: “Digitālā izglītība”.', 'Topic: “Digitālā izglītība”.']);
});
