import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { REPO } from './helpers/project.js';

// Only that the benchmark runs and prints every row of issue 11's targets: tests assert no timings.
describe('npm run bench -- --quick', () => {
  it('measures every figure on a tiny workload and prints the table with the machine', () => {
    const run = spawnSync('npm', ['run', '--silent', 'bench:run', '--', '--quick'], { cwd: REPO, encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).not.toMatch(/Error:/);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Machine: \d+ cores \(.+\), .*Node\.js v\d+/m);
    const rows = new Map(run.stdout.split('\n').filter((line) => /^\| \d/.test(line)).map((line) => [line.split('|')[1]?.trim(), line]));
    expect([...rows.keys()]).toEqual(['1', '2a', '2b', '1s', '2bs', '3', '4', '5', '6']);
    // 1s and 2bs: the same build and check through the resident server, which the bench starts in a folder of its own and stops.
    for (const id of ['1', '2a', '2b', '1s', '2bs', '3', '6']) expect(rows.get(id)).toMatch(/^\| \w+ \| [^|]+ \| \d+(\.\d)? \|/);
    expect(rows.get('2a')).toContain('node -e 0');
    expect(run.stdout).toMatch(/^- \(2bs\) .*the server’s CPU time \d+\.\d ms a command$/m);
  }, 180_000);
});
