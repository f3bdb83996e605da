import { describe, expect, it } from 'vitest';
import { referenceTextFace } from '../../src/load/reference-text-face.js';

const DEFAULTS = '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:hAnsiTheme="minorHAnsi"/><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults>';
const THEME = '<a:theme><a:themeElements><a:fontScheme><a:majorFont><a:latin typeface="Calibri Light"/></a:majorFont><a:minorFont><a:latin typeface="Calibri"/></a:minorFont></a:fontScheme></a:themeElements></a:theme>';

/** A styles part with the document defaults above and these styles. */
function styles(...definitions: string[]): string {
  return `<w:styles>${DEFAULTS}${definitions.join('')}</w:styles>`;
}

describe('referenceTextFace', () => {
  it('takes the font and size from the style, else from the styles it is based on, else from the document defaults', () => {
    const normal = '<w:style w:type="paragraph" w:styleId="Normal"><w:rPr><w:rFonts w:ascii="Arial" w:hAnsi="Arial"/></w:rPr></w:style>';
    const table = '<w:style w:type="paragraph" w:styleId="BriefingTableText"><w:basedOn w:val="Normal"/><w:pPr><w:rPr><w:sz w:val="40"/></w:rPr></w:pPr><w:rPr><w:sz w:val="20"/></w:rPr></w:style>';
    expect(referenceTextFace(styles(normal, table), 'BriefingTableText', THEME)).toEqual({ font: 'Arial', halfPoints: 20 });
  });

  it('reads a theme font as the theme’s typeface, and leaves it to the layout where the theme has none', () => {
    const normal = '<w:style w:type="paragraph" w:styleId="Normal"/>';
    expect(referenceTextFace(styles(normal), 'Normal', THEME)).toEqual({ font: 'Calibri', halfPoints: 22 });
    expect(referenceTextFace(styles(normal), 'Normal', undefined)).toEqual({ font: undefined, halfPoints: 22 });
  });

  it('a style the reference lacks is ours, based on its Normal; without Normal either, ours sets the layout’s', () => {
    const normal = '<w:style w:type="paragraph" w:styleId="Normal"><w:rPr><w:rFonts w:ascii="Arial"/><w:sz w:val="26"/></w:rPr></w:style>';
    expect(referenceTextFace(styles(normal), 'BriefingTableText', THEME)).toEqual({ font: 'Arial', halfPoints: 26 });
    expect(referenceTextFace(styles(), 'BriefingTableText', THEME)).toEqual({ font: undefined, halfPoints: undefined });
  });

  it('stops at a loop of styles based on each other', () => {
    const a = '<w:style w:type="paragraph" w:styleId="A"><w:basedOn w:val="B"/></w:style>';
    const b = '<w:style w:type="paragraph" w:styleId="B"><w:basedOn w:val="A"/></w:style>';
    expect(referenceTextFace(styles(a, b), 'A', THEME)).toEqual({ font: 'Calibri', halfPoints: 22 });
  });
});
