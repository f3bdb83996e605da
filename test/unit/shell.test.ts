import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { programWord, shellWord } from '../../src/util/shell.js';

it('leaves a plain path as it is and quotes one a shell would split or read, so it comes back as one argument', () => {
  expect(shellWord('positions/educ/equity-reforms.yaml')).toBe('positions/educ/equity-reforms.yaml');
  expect(shellWord('positions/izglītība/ūdens-1.yaml')).toBe('positions/izglītība/ūdens-1.yaml');
  for (const word of ['positions/izglītība ūdens/x.yaml', "it's $HOME `x` *.yaml", 'a"b', '']) {
    const quoted = shellWord(word);
    expect(execFileSync('sh', ['-c', `printf '%s' ${quoted}`], { encoding: 'utf8' })).toBe(word);
  }
});

it('starts a path that starts with - with ./, so that no command takes it for an option', () => {
  expect(shellWord('-dash')).toBe('./-dash');
  expect(shellWord('-my folder')).toBe("'./-my folder'");
  expect(execFileSync('sh', ['-c', `printf '%s' ${shellWord('-my folder')}`], { encoding: 'utf8' })).toBe('./-my folder');
});

it('writes a program to run as the shell of its system reads it: quoted for sh, in double quotes on Windows only when it has a space', () => {
  expect(programWord('/Applications/Libre Office.app/Contents/MacOS/soffice', 'darwin')).toBe("'/Applications/Libre Office.app/Contents/MacOS/soffice'");
  expect(programWord('/usr/bin/soffice', 'linux')).toBe('/usr/bin/soffice');
  expect(programWord('C:\\Program Files\\LibreOffice\\program\\soffice.exe', 'win32')).toBe('"C:\\Program Files\\LibreOffice\\program\\soffice.exe"');
  expect(programWord('C:\\LO\\soffice.exe', 'win32')).toBe('C:\\LO\\soffice.exe');
});
