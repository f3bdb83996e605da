import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { findSoffice } from './docx.js';
import { tempDir } from './project.js';

/** What LibreOffice does to a document's tracked changes before it is read: nothing, or Accept All / Reject All. */
export type OfficeReading = 'as-is' | 'accept' | 'reject';

const COMMANDS: Record<OfficeReading, string> = { 'as-is': 'Nothing', accept: 'AcceptAllTrackedChanges', reject: 'RejectAllTrackedChanges' };

/**
 * The body of a DOCX as LibreOffice Writer reads it after Edit → Track Changes → Accept All (or
 * Reject All): one line per paragraph, `<style> <list number> <text>`, and one per table with its
 * cells. Real LibreOffice, not a model of it: a paragraph mark it cannot remove stays an empty line.
 * The summary comment is taken out first (headless LibreOffice 7.4 crashes on a DOCX with a
 * comment). Needs LibreOffice (use with `itWithOffice`).
 */
export function officeParagraphs(docx: Uint8Array, reading: OfficeReading): string[] {
  const dir = tempDir('briefing-office-resolve-');
  const input = join(dir, 'in.docx');
  const output = join(dir, 'out.txt');
  writeFileSync(input, withoutComments(docx));
  const result = spawnSync(
    findSoffice() ?? 'soffice',
    [`-env:UserInstallation=file://${profile()}`, '--headless', `macro:///Standard.Module1.Resolve("${input}","${output}","${COMMANDS[reading]}")`],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (result.status !== 0) throw new Error(`LibreOffice could not read ${input}: ${result.stderr || result.stdout}`);
  return readFileSync(output, 'utf8').split('\n').slice(0, -1);
}

function withoutComments(docx: Uint8Array): Uint8Array {
  const files = unzipSync(docx);
  const kept: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(files)) {
    if (name.includes('comments')) continue;
    if (name === 'word/document.xml') {
      kept[name] = strToU8(strFromU8(bytes).replace(/<w:commentRange(Start|End)[^>]*\/>|<w:r>(?:(?!<\/w:r>).)*?<w:commentReference[^>]*\/><\/w:r>/g, ''));
    } else if (name === 'word/_rels/document.xml.rels' || name === '[Content_Types].xml') {
      kept[name] = strToU8(strFromU8(bytes).replace(/<(Relationship|Override)[^>]*comments[^>]*\/>/g, ''));
    } else kept[name] = bytes;
  }
  return zipSync(kept);
}

let profileDir: string | undefined;

/** A LibreOffice profile of this test run with the macro that resolves and reads a document. */
function profile(): string {
  if (profileDir) return profileDir;
  const dir = join(tempDir('briefing-office-profile-'), 'profile');
  spawnSync(findSoffice() ?? 'soffice', [`-env:UserInstallation=file://${dir}`, '--headless', '--terminate_after_init'], { timeout: 120_000 });
  const basic = join(dir, 'user/basic/Standard');
  mkdirSync(basic, { recursive: true });
  writeFileSync(join(basic, 'Module1.xba'), MODULE);
  profileDir = dir;
  return dir;
}

const MACRO = `
Sub Resolve(inPath As String, outPath As String, command As String)
  Dim args(0) As New com.sun.star.beans.PropertyValue
  args(0).Name = "Hidden"
  args(0).Value = True
  doc = StarDesktop.loadComponentFromURL(ConvertToURL(inPath), "_blank", 0, args())
  If command <> "Nothing" Then
    helper = createUnoService("com.sun.star.frame.DispatchHelper")
    helper.executeDispatch(doc.CurrentController.Frame, ".uno:" & command, "", 0, Array())
  End If
  stream = createUnoService("com.sun.star.ucb.SimpleFileAccess").openFileWrite(ConvertToURL(outPath))
  out = createUnoService("com.sun.star.io.TextOutputStream")
  out.setOutputStream(stream)
  out.setEncoding("UTF-8")
  blocks = doc.Text.createEnumeration()
  Do While blocks.hasMoreElements()
    block = blocks.nextElement()
    If block.supportsService("com.sun.star.text.TextTable") Then
      out.writeString("[table]")
      For Each name In block.CellNames
        out.writeString(" | " & block.getCellByName(name).String)
      Next
      out.writeString(Chr(10))
    Else
      out.writeString(block.ParaStyleName & " " & block.ListLabelString & " " & block.String & Chr(10))
    End If
  Loop
  out.closeOutput()
  doc.close(True)
End Sub
`;

const MODULE = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">${MACRO.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')}</script:module>
`;
