import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { initRepository } from '../helpers/git.js';
import { EXAMPLE_MEETING, exampleProject, runCli } from '../helpers/project.js';

/**
 * A position whose file git shows changed, though nothing the report or its clearance reads did:
 * `diff` says "No changes." and how the text differs, in every format, rather than leave the
 * reviewer who saw `git diff` list thirty lines to think the comparison missed them.
 */
const POSITION = 'positions/educ/equity-achievements.yaml';

/** The example committed in a new repository, the position then rewritten by `edit`. */
function edited(edit: (text: string) => string): string {
  const project = exampleProject();
  initRepository(project);
  const path = join(project, POSITION);
  writeFileSync(path, edit(readFileSync(path, 'utf8')));
  return project;
}

const decomposed = (text: string) => text.slice(0, text.indexOf('body:')) + text.slice(text.indexOf('body:')).normalize('NFD');

describe('diff of a position whose file changed in nothing shown', () => {
  test('letters decomposed (as a Mac or a PDF writes them): said so in the terminal, Markdown and JSON', () => {
    const project = edited(decomposed);
    expect(readFileSync(join(project, POSITION), 'utf8')).toContain('i\u0304');
    const terminal = runCli(['diff', POSITION, '--format', 'terminal'], project);
    expect(terminal.status).toBe(0);
    expect(terminal.stdout.split('\n').slice(3)).toEqual(['', 'No changes.', expect.stringMatching(/^The file's text differs only in how letters are written: composed \(ā\) or decomposed/), '']);
    const markdown = runCli(['diff', POSITION, '--format', 'md'], project);
    expect(markdown.stdout).toMatch(/\nNo changes\.\n\nThe file's text differs only in how letters are written/);
    const json = JSON.parse(runCli(['diff', POSITION, '--format', 'json'], project).stdout);
    expect([json.equal, json.unshown]).toEqual([true, 'composition']);
  });

  test('a comment and quoting changed: said to differ in how it is written; line ends alone: in whitespace', () => {
    const quoted = edited((text) => text.replace(/^status: cleared #.*$/m, 'status: "cleared"'));
    expect(JSON.parse(runCli(['diff', POSITION, '--format', 'json'], quoted).stdout).unshown).toBe('form');
    expect(runCli(['diff', POSITION, '--format', 'md'], quoted).stdout).toContain("No changes.\n\nThe file's text differs only in how it is written (YAML comments, quoting or the order of fields, Markdown marks that mean the same, such as `*` or `_` for italics)");
    const crlf = edited((text) => text.replace(/\n/g, '\r\n'));
    expect(runCli(['diff', POSITION, '--format', 'terminal'], crlf).stdout).toContain('No changes.\nThe file\'s text differs only in spaces, tabs or line ends, which the report does not show (--whitespace counts');
  });

  test('an unchanged file, or a changed answer, has no such line', () => {
    const same = edited((text) => text);
    const json = JSON.parse(runCli(['diff', POSITION, '--format', 'json'], same).stdout);
    expect(json.equal).toBe(true);
    expect('unshown' in json).toBe(false);
    expect(runCli(['diff', POSITION, '--format', 'md'], same).stdout).not.toContain("The file's text differs");
    const reworded = edited((text) => decomposed(text).replace('Nozi\u0304mi\u0304ga\u0304kie Latvijas', 'Svarīgākie Latvijas'));
    const changed = JSON.parse(runCli(['diff', POSITION, '--format', 'json'], reworded).stdout);
    expect([changed.equal, 'unshown' in changed]).toEqual([false, false]);
  });
});

describe('diff of a meeting whose files changed in nothing its report shows', () => {
  test('a position decomposed: the meeting is "No changes." with a line naming the file, in every format', () => {
    const project = edited(decomposed);
    const terminal = runCli(['diff', EXAMPLE_MEETING, '--format', 'terminal'], project);
    expect(terminal.status).toBe(0);
    expect(terminal.stdout).toContain(`No changes.\nThe text of ${POSITION} differs only in how letters are written: composed (ā) or decomposed`);
    expect(runCli(['diff', EXAMPLE_MEETING, '--format', 'md'], project).stdout).toContain(`No changes.\n\nThe text of \`${POSITION}\` differs only in how letters are written`);
    const json = JSON.parse(runCli(['diff', EXAMPLE_MEETING, '--format', 'json'], project).stdout);
    expect([json.kind, json.equal, json.unshown, json.unshownFiles]).toEqual(['meeting', true, 'composition', [POSITION]]);
  });

  test('the meeting re-quoted and a position with Windows line ends: both named, as differing in how they are written', () => {
    const project = edited((text) => text.replace(/\n/g, '\r\n'));
    const meeting = join(project, EXAMPLE_MEETING);
    writeFileSync(meeting, readFileSync(meeting, 'utf8').replace(/^kind: (.*)$/m, 'kind: "$1"'));
    expect(readFileSync(meeting, 'utf8')).toMatch(/^kind: "/m);
    const json = JSON.parse(runCli(['diff', EXAMPLE_MEETING, '--format', 'json'], project).stdout);
    expect([json.equal, json.unshown, json.unshownFiles]).toEqual([true, 'form', [EXAMPLE_MEETING, POSITION]]);
    expect(runCli(['diff', EXAMPLE_MEETING, '--format', 'terminal'], project).stdout).toContain(`No changes.\nThe text of ${EXAMPLE_MEETING} and ${POSITION} differs only in how it is written (YAML comments`);
  });

  test('nothing changed, or a position reworded: no such line', () => {
    const same = JSON.parse(runCli(['diff', EXAMPLE_MEETING, '--format', 'json'], edited((text) => text)).stdout);
    expect([same.equal, 'unshown' in same, 'unshownFiles' in same]).toEqual([true, false, false]);
    const reworded = edited((text) => decomposed(text).replace('Nozi\u0304mi\u0304ga\u0304kie Latvijas', 'Svarīgākie Latvijas'));
    const changed = JSON.parse(runCli(['diff', EXAMPLE_MEETING, '--format', 'json'], reworded).stdout);
    expect([changed.equal, 'unshown' in changed]).toEqual([false, false]);
  });
});
