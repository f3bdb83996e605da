import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli.js';

// A bug met before any meeting is built: the commands throw what no user input causes.
vi.mock('../../src/commands/build.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/commands/build.js')>()),
  build: () => Promise.reject(new TypeError('boom in build')),
}));
vi.mock('../../src/commands/check.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/commands/check.js')>()),
  check: () => Promise.reject(new TypeError('boom in check')),
}));

vi.mock('../../src/commands/list.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/commands/list.js')>()),
  list: () => Promise.reject(new TypeError('boom in list')),
}));
vi.mock('../../src/commands/templates.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/commands/templates.js')>()),
  templates: () => {
    throw new TypeError('boom in templates');
  },
}));
vi.mock('../../src/commands/diff.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/commands/diff.js')>()),
  diff: () => Promise.reject(new TypeError('boom in diff')),
}));

/** Runs `main` in this process and returns what it wrote to stdout, and the exit code it set. */
async function run(args: readonly string[]): Promise<{ stdout: string; exitCode: number | string | undefined | null }> {
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    stdout += `${parts.join(' ')}\n`;
  });
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  await main(args);
  const exitCode = process.exitCode;
  process.exitCode = undefined;
  return { stdout, exitCode };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('an internal error with JSON asked for', () => {
  it('is said in the JSON as internal/error (not as a mistake on the command line), exit 2', async () => {
    const internal = {
      file: '.',
      line: null,
      column: null,
      severity: 'error',
      ruleId: 'internal/error',
      message: 'Internal error: boom in build',
      hint: 'Run with --debug for the stack trace, and report it as a bug.',
    };
    const built = await run(['build', '--all', '--json']);
    expect(built.exitCode).toBe(2);
    expect(JSON.parse(built.stdout)).toEqual({ version: 1, summary: { built: 0, unchanged: 0, failed: 0 }, exitCode: 2, threads: 0, meetings: [], messages: [internal] });
    const checked = await run(['check', '--format', 'json']);
    expect(checked.exitCode).toBe(2);
    expect(JSON.parse(checked.stdout)).toMatchObject({ ok: false, exitCode: 2, checked: null, diagnostics: [{ ...internal, message: 'Internal error: boom in check' }] });
    // list, templates and diff print the same report as check (docs/json-report.md).
    for (const [command, args] of [
      ['list', ['list', 'meetings', '--json']],
      ['templates', ['templates', '--json']],
      ['diff', ['diff', 'a.yaml', 'b.yaml', '--format', 'json']],
    ] as const) {
      const failed = await run(args);
      expect(failed.exitCode, command).toBe(2);
      expect(JSON.parse(failed.stdout), command).toEqual({ version: 1, ok: false, exitCode: 2, summary: { errors: 1, warnings: 0 }, checked: null, diagnostics: [{ ...internal, message: `Internal error: boom in ${command}` }] });
    }
    // The build's handler of a stop by a signal is gone with the command (the resident server runs many in one process).
    expect(process.listeners('SIGTERM').map(String).join('\n')).not.toContain('run/stopped');
  });
});
