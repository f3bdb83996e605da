import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/yaml.js';
import { exampleFile, exampleProject, runCli, EXAMPLE_MEETING } from '../helpers/project.js';

/** What parseYaml says of `text`, as rule, place and words. */
const said = (text: string) => parseYaml('positions/educ/p.yaml', text).diagnostics.map((d) => `${d.ruleId} ${d.line}:${d.column} ${d.message}`);

// A file saved with classic Mac OS line ends (CR alone, as old TextEdit, Word's "Macintosh text" or a share's
// converter write them) is one long line to the YAML parser: a file that starts with a comment was "empty",
// one that starts with a field "contains ': '", neither of which names the cause.
describe('a YAML file whose lines end with CR alone', () => {
  it('is said to have old Mac line ends, at its first one, whether it starts with a comment or a field', () => {
    expect(said('# Nostāja\rid: p\rversion: 2\r')).toEqual(['file/line-ends 1:10 The lines of the file end with CR alone, as classic Mac OS saved text: YAML reads the whole file as one line.']);
    expect(said('id: p\rversion: 2\rstatus: draft\r')).toEqual(['file/line-ends 1:6 The lines of the file end with CR alone, as classic Mac OS saved text: YAML reads the whole file as one line.']);
  });

  it('is not said of CRLF (Windows) line ends, nor of one CR inside an LF file', () => {
    expect(said('id: p\r\nversion: 2\r\nstatus: draft\r\n')).toEqual([]);
    expect(said('id: p\nversion: 2\nstatus: draft\r\nunit: a\rb\n').filter((line) => line.startsWith('file/line-ends'))).toEqual([]);
  });

  it('gets that message from check, with the fix, and not "The file is empty"', () => {
    const position = 'positions/educ/equity-reforms.yaml';
    const dir = exampleProject({ [position]: exampleFile(position).replaceAll('\n', '\r') });
    const run = runCli(['check', EXAMPLE_MEETING], dir);
    expect(run.stdout).toContain(`${position}:1:`);
    expect(run.stdout).toContain('file/line-ends');
    expect(run.stdout).toContain('Save the file with LF line ends');
    expect(run.stdout).not.toContain('The file is empty');
    expect(run.status).toBe(1);
  });
});
