import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { it } from 'vitest';

/** The parts of a DOCX file as text, by path inside the zip. */
export function docxParts(bytes: Uint8Array): Map<string, string> {
  const entries = unzipSync(bytes);
  return new Map(Object.entries(entries).map(([name, data]) => [name, strFromU8(data)]));
}

/** One part of a DOCX, failing loudly when it is missing. */
export function part(parts: Map<string, string>, name: string): string {
  const xml = parts.get(name);
  if (xml === undefined) throw new Error(`the DOCX has no ${name}; it has ${[...parts.keys()].join(', ')}`);
  return xml;
}

/** The visible text of each `w:p` paragraph in a WordprocessingML part. */
export function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((match) =>
    [...match[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>/g)]
      .map((t) => (t[0] === '<w:tab/>' ? '\t' : decodeXml(t[1] ?? '')))
      .join(''),
  );
}

function decodeXml(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The 1-based line and column of the character at 1-based `offset` in `text`, as a parser reports it. */
export function placeOf(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset);
  return [before.split('\n').length, offset - before.lastIndexOf('\n') - 1];
}

/** Where LibreOffice is, or undefined. */
export function findSoffice(): string | undefined {
  for (const candidate of ['/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/homebrew/bin/soffice']) {
    if (existsSync(candidate)) return candidate;
  }
  const which = spawnSync('which', ['soffice'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() || undefined : undefined;
}

/**
 * `it` for tests that need LibreOffice: skipped when it is missing, except under
 * REQUIRE_OFFICE=1 (CI), where a missing LibreOffice fails the test instead.
 */
export const itWithOffice: typeof it.skip = findSoffice() || process.env.REQUIRE_OFFICE === '1' ? it : it.skip;

/** Converts a document with real LibreOffice (`txt`, `pdf`, …) and returns the output path. */
export function convertWithOffice(file: string, format: string, outDir: string): string {
  const soffice = findSoffice();
  if (!soffice) throw new Error('LibreOffice (soffice) is required here but was not found; install libreoffice-writer-nogui');
  const result = spawnSync(
    soffice,
    [`-env:UserInstallation=file://${join(outDir, 'lo-profile')}`, '--headless', '--convert-to', format, '--outdir', outDir, file],
    { encoding: 'utf8', timeout: 120_000 },
  );
  const target = join(outDir, basename(file).replace(/\.[^.]+$/, `.${format.split(':')[0]}`));
  if (result.status !== 0 || !existsSync(target)) {
    throw new Error(`LibreOffice could not convert ${file} to ${format}: ${result.stderr || result.stdout}`);
  }
  return target;
}

/** Reads a file as UTF-8 text. */
export function readText(path: string): string {
  return readFileSync(path, 'utf8');
}

/**
 * Sets the unpacked size a zip records for one entry, in its local header and in the central
 * directory, as a zip bomb's small entries claim gigabytes (the data stays as it is).
 */
export function claimUnpackedSize(zip: Uint8Array, name: string, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const named = (at: number, lengthAt: number, nameAt: number) => new TextDecoder().decode(zip.subarray(at + nameAt, at + nameAt + view.getUint16(at + lengthAt, true))) === name;
  let patched = 0;
  for (let at = 0; at + 46 <= zip.length; at++) {
    const signature = view.getUint32(at, true);
    // A local file header keeps the size at byte 22, a central directory entry at byte 24.
    const sizeAt = signature === 0x04034b50 && named(at, 26, 30) ? 22 : signature === 0x02014b50 && named(at, 28, 46) ? 24 : undefined;
    if (sizeAt === undefined) continue;
    view.setUint32(at + sizeAt, size, true);
    patched++;
  }
  if (patched !== 2) throw new Error(`${name}: found ${patched} of its two size records`);
}

