import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeConflicts } from '../../src/load/merge-conflicts.js';
import { diskFiles } from '../../src/load/project-files.js';
import { readTemplate } from '../../src/load/templates.js';
import { parseYaml } from '../../src/load/yaml.js';
import { tempDir, writeFile } from '../helpers/project.js';

const where = (text: string) => mergeConflicts('positions/a.yaml', text).map((d) => `${d.line}:${d.column} ${d.message}`);

describe('merge conflict markers', () => {
  it('names each conflict by its lines and the two sides git labelled', () => {
    const text = 'id: a\n<<<<<<< HEAD\nversion: 3\n=======\nversion: 2\n>>>>>>> nodala\nstatus: draft\n';
    expect(where(text)).toEqual([
      '2:1 Git could not merge this file: lines 2–6 hold two versions, between the conflict markers `<<<<<<< HEAD` and `>>>>>>> nodala`.',
    ]);
  });

  it('reads files saved with CRLF line ends, markers without labels and longer markers', () => {
    const text = 'id: a\r\n<<<<<<<<<<\r\nversion: 3\r\n==========\r\nversion: 2\r\n>>>>>>>>>>\r\n';
    const [found] = mergeConflicts('positions/a.yaml', text);
    expect(found?.message).toBe('Git could not merge this file: lines 2–6 hold two versions, between the conflict markers `<<<<<<<` and `>>>>>>>`.');
    expect(found?.hint).toContain('(one version after `<<<<<<<`, the other after `=======`; or join them)');
  });

  it('quotes a path with spaces in the `git add` it gives, so the command can be pasted', () => {
    const text = 'id: a\n<<<<<<< HEAD\nversion: 3\n=======\nversion: 2\n>>>>>>> nodala\n';
    expect(mergeConflicts('positions/izglītība un zinātne/a.yaml', text)[0]?.hint).toMatch(/then `git add 'positions\/izglītība un zinātne\/a\.yaml'`\.$/);
    expect(mergeConflicts('positions/izglītība/a.yaml', text)[0]?.hint).toMatch(/then `git add positions\/izglītība\/a\.yaml`\.$/);
  });

  it('tells that a diff3 conflict holds the older text too', () => {
    const text = '<<<<<<< ours\na\n||||||| base\nb\n=======\nc\n>>>>>>> theirs\n';
    expect(mergeConflicts('t.hbs', text)[0]?.hint).toContain('and the older text after `|||||||`');
    expect(mergeConflicts('t.hbs', text.replace('||||||| base\nb\n', ''))[0]?.hint).not.toContain('older text');
  });

  it('names a marker line left alone, and a start that has no end', () => {
    expect(where('id: a\n>>>>>>> nodala\nversion: 2\n')).toEqual(['2:1 This line is a marker `>>>>>>>` git writes around a merge conflict, left in the file.']);
    expect(where('<<<<<<< HEAD\nid: a\n=======\n')).toEqual(['1:1 This line is a marker `<<<<<<<` git writes around a merge conflict, left in the file.']);
    expect(where('<<<<<<< HEAD\nversion: 2\n>>>>>>> theirs\n')).toEqual([
      '1:1 This line is a marker `<<<<<<<` git writes around a merge conflict, left in the file.',
      '3:1 This line is a marker `>>>>>>>` git writes around a merge conflict, left in the file.',
    ]);
  });

  it('names a `=======` or `|||||||` left alone in a YAML file, where none can stand at the left edge, and not in a template', () => {
    const yaml = (text: string) => mergeConflicts('positions/a.yaml', text, { yaml: true }).map((d) => `${d.line}:${d.column} ${d.message}`);
    expect(yaml('body: |\n  Pirmā.\n=======\n  Otrā.\n')).toEqual(['3:1 This line is a marker `=======` git writes around a merge conflict, left in the file.']);
    expect(yaml('id: a\n||||||| base\nversion: 2\n')).toEqual(['2:1 This line is a marker `|||||||` git writes around a merge conflict, left in the file.']);
    expect(yaml('id: a\n<<<<<<< HEAD\nversion: 3\n||||||| base\nversion: 1\n=======\nversion: 2\n>>>>>>> x\n')).toHaveLength(1);
    expect(yaml('body: |\n  Virsraksts\n  =======\n')).toEqual([]);
    expect(where('body: |\n  Pirmā.\n=======\n')).toEqual([]);
  });

  it('takes no Markdown or YAML for a conflict: a heading underline, indented markers, quoted arrows', () => {
    expect(where('Virsraksts\n=======\n\n> > > citāts\n')).toEqual([]);
    expect(where('body: |\n  <<<<<<< HEAD\n  =======\n  >>>>>>> x\n')).toEqual([]);
    expect(where('a: "<<<<<<< HEAD"\n')).toEqual([]);
  });

  it('keeps the YAML parser’s cascade of errors out: the conflict is the one message', () => {
    const file = parseYaml('positions/a.yaml', 'id: a\n<<<<<<< HEAD\nversion: 3\n=======\nversion: 2\n>>>>>>> nodala\n');
    expect(file.data).toBeUndefined();
    expect(file.diagnostics.map((d) => d.ruleId)).toEqual(['file/merge-conflict']);
  });

  it('a template with a conflict is said with its partials’ conflicts, and none of their other problems, and is not compiled', () => {
    const dir = tempDir();
    const conflict = (label: string) => `<<<<<<< HEAD\nVīza: {{meeting.visa.role}}\n=======\nVīza: ${label}\n>>>>>>> nodala\n`;
    writeFile(dir, 'templates/note.md.hbs', `Teksts\n${conflict('a')}{{> signature}}\n`);
    writeFile(dir, 'templates/partials/signature.hbs', `Paraksts\n\n${conflict('b')}`);
    // A zero-width space: a warning of its own when the template compiles, not a reason it cannot.
    writeFile(dir, 'templates/partials/visa.hbs', 'Vīza:\u200B\n');
    const read = readTemplate('note', [join(dir, 'templates')], diskFiles(dir));
    expect(read.texts).toBeUndefined();
    expect(read.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.ruleId}`)).toEqual(['templates/note.md.hbs:2:1 file/merge-conflict', 'templates/partials/signature.hbs:3:1 file/merge-conflict']);
  });
});
