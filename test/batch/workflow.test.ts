import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { projectWithMeetings } from '../helpers/meetings.js';
import { REPO, runCli, writeFile } from '../helpers/project.js';

const workflow: unknown = parse(readFileSync(join(REPO, '.github/workflows/briefings.yml'), 'utf8'));

/** The `run:` lines of a job's steps. */
function runLines(job: string): string[] {
  const steps = pick(workflow, 'jobs', job, 'steps');
  return Array.isArray(steps) ? steps.flatMap((step: unknown) => [pick(step, 'run')].filter((run): run is string => typeof run === 'string')) : [];
}

function pick(value: unknown, ...keys: string[]): unknown {
  let current = value;
  for (const key of keys) current = typeof current === 'object' && current !== null && key in current ? Reflect.get(current, key) : undefined;
  return current;
}

describe('the GitHub Actions workflow', () => {
  it('checks pull requests with briefing check, which passes on the example and annotates in GitHub Actions', () => {
    expect(pick(workflow, 'jobs', 'check', 'if')).toBe("github.event_name == 'pull_request'");
    expect(runLines('check')).toContain('npx briefing check --base HEAD^1');
    // The base branch is the merge commit's first parent: fetched with it.
    expect(pick(workflow, 'jobs', 'check', 'steps', '0', 'with', 'fetch-depth')).toBe(2);
    const dir = projectWithMeetings({});
    expect(runCli(['check'], dir).status).toBe(0);
    writeFile(dir, 'meetings/broken.yaml', 'date: 2021-02-30\n');
    const broken = runCli(['check'], dir, { GITHUB_ACTIONS: 'true' });
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/^::error file=meetings\/broken\.yaml,line=1,/m);
  });

  it('pins each action to a commit, leaves no token in the checkout and keeps its artifacts 30 days, as the workflow init writes', () => {
    const steps = ['check', 'build'].flatMap((job) => {
      const found = pick(workflow, 'jobs', job, 'steps');
      return Array.isArray(found) ? found : [];
    });
    const used = steps.map((step: unknown) => pick(step, 'uses')).filter((action): action is string => typeof action === 'string');
    expect(used).toEqual([...used].map(() => expect.stringMatching(/@[0-9a-f]{40}$/)));
    const checkouts = steps.filter((step: unknown) => String(pick(step, 'uses')).startsWith('actions/checkout@'));
    expect(checkouts.map((step: unknown) => pick(step, 'with', 'persist-credentials'))).toEqual([false, false]);
    const upload = steps.find((step: unknown) => String(pick(step, 'uses')).startsWith('actions/upload-artifact@'));
    expect(pick(upload, 'with', 'retention-days')).toBe(30);
  });

  it('builds on main in four shards whose build commands, run as written, cover every meeting once', () => {
    expect(pick(workflow, 'jobs', 'build', 'strategy', 'matrix', 'shard')).toEqual([1, 2, 3, 4]);
    const command = runLines('build').find((line) => line.startsWith('npx briefing build'));
    expect(command).toBeDefined();
    const dir = projectWithMeetings(
      Object.fromEntries(['a', 'b', 'c', 'd', 'e'].map((name) => [`meetings/${name}.yaml`, { fileCode: name.toUpperCase(), positions: ['equity-achievements', 'equity-reforms', 'equity-eu-cooperation'] }])),
    );
    const built: string[] = [];
    for (const shard of [1, 2, 3, 4]) {
      const line = (command ?? '').replaceAll('${{ matrix.shard }}', String(shard));
      const [args, target] = line.replace(/^npx briefing /, '').split(' > ');
      const run = runCli((args ?? '').split(' '), dir);
      expect(run.status).toBe(0);
      expect(target).toBe(`build-report-${shard}.json`);
      const report: unknown = JSON.parse(run.stdout);
      const meetings = pick(report, 'meetings');
      if (Array.isArray(meetings)) built.push(...meetings.map((m: unknown) => String(pick(m, 'meeting'))));
    }
    expect(built.sort()).toEqual(['meetings/2021-02-19-educ-informal.yaml', ...['a', 'b', 'c', 'd', 'e'].map((n) => `meetings/${n}.yaml`)].sort());
  });
});
