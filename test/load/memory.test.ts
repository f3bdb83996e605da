import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readMeeting } from '../../src/load/meeting.js';
import { memoryFiles } from '../../src/load/memory-files.js';
import { loadProject, loadProjectFrom } from '../../src/load/project.js';
import { generateReport } from '../../src/pipeline/build-meeting.js';
import { EXAMPLE_MEETING, REPO } from '../helpers/project.js';

/** The example project's own files (config, registry, meeting, positions), as texts by project-relative path. */
function exampleTexts(): Map<string, string> {
  const texts = new Map<string, string>();
  const add = (path: string) => texts.set(path, readFileSync(join(REPO, path), 'utf8'));
  add('briefing.config.yaml');
  add('ministries.yaml');
  add(EXAMPLE_MEETING);
  for (const name of readdirSync(join(REPO, 'positions/educ')).sort()) add(`positions/educ/${name}`);
  return texts;
}

async function markdownOf(files: ReturnType<typeof memoryFiles> | undefined): Promise<string | undefined> {
  const project = files ? loadProjectFrom(files) : loadProject(REPO);
  const meeting = readMeeting(project.files, EXAMPLE_MEETING);
  const report = await generateReport(project, meeting, { final: false, formats: [], sourceDateEpoch: 0 }, new Map());
  expect(report.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return report.rendered?.markdown;
}

describe('a project held in memory', () => {
  it('loads and renders the example report exactly as the same files on the disk do', async () => {
    const files = memoryFiles('example', exampleTexts());
    const project = loadProjectFrom(files);
    expect(project.setupDiagnostics).toEqual([]);
    expect([...project.positions.keys()].sort()).toEqual(['equity-achievements', 'equity-eu-cooperation', 'equity-reforms']);
    const fromMemory = await markdownOf(files);
    expect(fromMemory).toContain('Izglītības');
    expect(fromMemory).toBe(await markdownOf(undefined));
  });

  it('takes a template (and its partials) from memory, not from the disk, and still finds the built-in ones', async () => {
    const texts = exampleTexts();
    texts.set('templates/informative-report.lv.md.hbs', 'Veidne no atmiņas: {{> paraksts}}\n');
    texts.set('templates/partials/paraksts.hbs', '{{meeting.name.nominative}}');
    expect(await markdownOf(memoryFiles('own-template', texts))).toBe('Veidne no atmiņas: neformālā Eiropas Savienības izglītības ministru tiešsaistes sanāksme\n');
  });

  it('reports a file it does not hold as the disk does', () => {
    const files = memoryFiles('empty', new Map());
    expect(() => files.readText('briefing.config.yaml')).toThrow('briefing.config.yaml: no such file.');
    expect(files.kind('positions')).toBeUndefined();
  });
});
