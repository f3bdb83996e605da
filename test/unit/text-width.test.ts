import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textWidth } from '../../src/docx/text-width.js';
import { REPO, tempDir } from '../helpers/project.js';

// Debian's fonts-liberation2, fonts-crosextra-carlito, fonts-crosextra-caladea, fonts-dejavu-core and fonts-dejavu-extra.
const FONTS = '/usr/share/fonts/truetype';
const INSTALLED = ['liberation2/LiberationSerif-Regular.ttf', 'crosextra/Carlito-Regular.ttf', 'crosextra/Caladea-Regular.ttf', 'dejavu/DejaVuSerif-Italic.ttf'].every((file) => existsSync(join(FONTS, file)));
const regular = (font: string) => ({ font, bold: false, italic: false });

describe('how wide a text is set', () => {
  // CI (REQUIRE_OFFICE=1) installs the fonts: there a missing folder is a failure, not a skip.
  it.skipIf(!INSTALLED && !process.env['REQUIRE_OFFICE'])('measures with the widths scripts/font-metrics.js reads from the Liberation fonts, Carlito, Caladea and DejaVu (run it again after adding characters or fonts)', () => {
    const target = join(tempDir(), 'font-metrics.ts');
    const made = spawnSync(process.execPath, [join(REPO, 'scripts/font-metrics.js'), FONTS, target], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(readFileSync(join(REPO, 'src/docx/font-metrics.ts'), 'utf8'));
  });

  it('in twips, from the advance widths of Times New Roman and Arial, bold and italic apart, at the size given in half-points', () => {
    // Digits are half an em in Times New Roman (1024 of 2048 units), 1139 units in Arial: 12 pt = 240 twips an em.
    expect(textWidth('2021', regular('Times New Roman'), 24)).toBe(480);
    expect(textWidth('2021', regular('Arial'), 24)).toBeCloseTo((4 * 1139 * 240) / 2048, 6);
    expect(textWidth('K', { font: 'Times New Roman', bold: true, italic: false }, 24)).toBeCloseTo((1593 * 240) / 2048, 6);
    expect(textWidth('K', regular('Times New Roman'), 24)).toBeCloseTo((1479 * 240) / 2048, 6);
    expect(textWidth('f', { font: 'Times New Roman', bold: false, italic: true }, 20)).toBeCloseTo((569 * 200) / 2048, 6);
    // A font name in any case, and a metric twin, are the same font.
    expect(textWidth('Šuplinska', regular('arial'), 24)).toBe(textWidth('Šuplinska', regular('Liberation Sans'), 24));
  });

  it('Calibri, Cambria and DejaVu from their own widths; another font as the widest measured one, character by character; Courier New 0.6 em a character; an unmeasured character as its letter, or an em', () => {
    const width = (font: string) => (text: string) => textWidth(text, regular(font), 24);
    const [serif, sans, calibri, cambria, dejaVuSans, dejaVuSerif] = ['Times New Roman', 'Arial', 'Calibri', 'Cambria', 'DejaVu Sans', 'DejaVu Serif'].map(width);
    const other = width('Verdana');
    if (!serif || !sans || !calibri || !cambria || !dejaVuSans || !dejaVuSerif) throw new Error('six fonts');
    // Carlito's and Caladea's widths (Calibri's and Cambria's; Caladea's 1000 units an em made 2048, rounded up).
    expect(calibri('a')).toBeCloseTo((981 * 240) / 2048, 6);
    expect(cambria('a')).toBeCloseTo((Math.ceil((470 * 2048) / 1000) * 240) / 2048, 6);
    expect(textWidth('Calibri', regular('carlito'), 24)).toBe(calibri('Calibri'));
    expect(dejaVuSans('m')).toBeCloseTo((1995 * 240) / 2048, 6);
    const widest = (text: string) => Math.max(...[serif, sans, calibri, cambria, dejaVuSans, dejaVuSerif].map((measure) => measure(text)));
    expect(other('m')).toBe(widest('m'));
    expect(other('mi')).toBe(widest('m') + widest('i'));
    // A character Caladea lacks (Ţ) is as wide as the widest font that has it.
    expect(cambria('Ţ')).toBe(other('Ţ'));
    expect(textWidth('kods()', regular('Courier New'), 20)).toBeCloseTo((6 * 1229 * 200) / 2048, 6);
    expect(serif('ǖ')).toBe(serif('u'));
    expect(serif('中')).toBe(240);
  });
});
