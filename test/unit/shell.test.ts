import { execFileSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { pdfFailure } from '../../src/pipeline/report-parts.js';
import { programCall, shellWord } from '../../src/util/shell.js';

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

// cmd and PowerShell read no single quotes: a hint's path with a space, the project's folder or a report's name, was
// pasted as two arguments with the quotes in them (only the LibreOffice program's path was in double quotes).
it('quotes as the shell of its system reads it: single quotes for sh, double quotes on Windows, where backslashes separate folders', () => {
  expect(shellWord('/Applications/Libre Office.app/Contents/MacOS/soffice', 'darwin')).toBe("'/Applications/Libre Office.app/Contents/MacOS/soffice'");
  expect(shellWord('/usr/bin/soffice', 'linux')).toBe('/usr/bin/soffice');
  expect(shellWord('C:\\Program Files\\LibreOffice\\program\\soffice.exe', 'win32')).toBe('"C:\\Program Files\\LibreOffice\\program\\soffice.exe"');
  expect(shellWord('C:\\LO\\soffice.exe', 'win32')).toBe('C:\\LO\\soffice.exe');
  expect(shellWord('C:\\Users\\dace\\ES ziņojumi', 'win32')).toBe('"C:\\Users\\dace\\ES ziņojumi"');
  expect(shellWord('out/IZMzin 190221.docx', 'win32')).toBe('"out/IZMzin 190221.docx"');
  expect(shellWord('positions/izglītība/ūdens-1.yaml', 'win32')).toBe('positions/izglītība/ūdens-1.yaml');
});

// PowerShell reads a line that starts with a quoted string as that string, not as a program to run
// ("Unexpected token '--headless'"): LibreOffice's path with a space, first in the PDF hint, needed `& ` there.
it('starts a command with a quoted program on Windows with PowerShell’s call operator, and says cmd does without it', () => {
  expect(programCall('C:\\Program Files\\LibreOffice\\program\\soffice.exe', 'win32')).toEqual({ word: '& "C:\\Program Files\\LibreOffice\\program\\soffice.exe"', note: ' (in cmd, without the `& `)' });
  expect(programCall('C:\\LO\\soffice.exe', 'win32')).toEqual({ word: 'C:\\LO\\soffice.exe', note: '' });
  // sh runs a quoted program as it is.
  expect(programCall('/Applications/Libre Office.app/Contents/MacOS/soffice', 'darwin')).toEqual({ word: "'/Applications/Libre Office.app/Contents/MacOS/soffice'", note: '' });
  expect(pdfFailure('meetings/x.yaml', { failure: 'boom' }, 'C:\\Program Files\\LibreOffice\\program\\soffice.exe', 'IZMzin 190221.docx', 'win32').hint).toBe(
    'Build the DOCX alone (--format docx) and run `& "C:\\Program Files\\LibreOffice\\program\\soffice.exe" --headless --convert-to pdf "IZMzin 190221.docx"` (in cmd, without the `& `) in the output folder to see why.',
  );
});
