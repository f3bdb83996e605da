import { describe, expect, it } from 'vitest';
import { toUnicodeMap } from '../../src/pdf/blank-glyphs.js';
import { pdfBlankWarnings } from '../../src/pipeline/report-parts.js';

const MEETING = { path: 'meetings/m.yaml', text: 'topic: x\n' };

describe('output/pdf-glyph', () => {
  it('names a few characters and says how many more, not a page of them', () => {
    const characters = [...'你好世界我们他学校教育国家老师生'];
    const [warning] = pdfBlankWarnings(MEETING, characters.join(''), characters, () => undefined);
    expect(warning?.message).toMatch(/^The PDF shows 你 \(U\+4F60\), 好 \(U\+597D\), .*, 学 \(U\+5B66\) and 8 more \(/);
    expect(warning?.hint).toContain('fonts-noto-cjk');
  });

  it('tells to delete pasted characters no font has (a Symbol-font bullet, a control character), not to install a font', () => {
    const [warning] = pdfBlankWarnings(MEETING, '\uF0B7 punkts \u0085', ['\uF0B7', '\u0085'], () => undefined);
    expect(warning?.message).toContain('The PDF shows (U+F0B7), (U+0085) (line 1');
    expect(warning?.hint).toMatch(/^Delete them: they are pasted characters no font shows/);
    expect(warning?.hint).not.toContain('apt-get');
  });

  it('reads a ToUnicode range whose text is beyond one UTF-16 unit (an emoji) without failing', () => {
    const map = toUnicodeMap('1 beginbfrange\n<01> <02> <D83DDC4D>\nendbfrange\n1 beginbfchar\n<05> <0041>\nendbfchar');
    expect([...map]).toEqual([
      [5, 'A'],
      [1, '👍'],
      [2, '👎'],
    ]);
  });
});
