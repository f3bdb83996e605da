import { describe, expect, it } from 'vitest';
import { suggest } from '../../src/util/suggest.js';

const CODES = ['AM', 'IZM', 'LM', 'ZM'];

describe('suggest', () => {
  it('offers a name one or two letters away, without its marks', () => {
    expect(suggest('AMM', CODES)).toBe('AM');
    expect(suggest('AIM', CODES)).toBe('AM');
    expect(suggest('ŽM', CODES)).toBe('ZM');
    expect(suggest('IZMM', CODES)).toBe('IZM');
    expect(suggest('Portugale', ['Polija', 'Portugāle', 'Slovēnija'])).toBe('Portugāle');
    expect(suggest('Vacija', ['Vācija', 'Francija'])).toBe('Vācija');
  });

  it('offers nothing for a short name that shares less than half its letters with the nearest: two changes are all of it', () => {
    // VK was offered ZM, and LMM (LM left out, as written beside it) IZM.
    expect(suggest('VK', CODES)).toBeUndefined();
    expect(suggest('LMM', ['AM', 'IZM', 'ZM'])).toBeUndefined();
    expect(suggest('XY', CODES)).toBeUndefined();
  });

  it('ranks names regardless of case first, and by the letters they share before the order', () => {
    // izm was offered AM: as typed, AM, IZM, LM and ZM were all three letters away.
    expect(suggest('izm', CODES)).toBe('IZM');
    expect(suggest('zm', CODES)).toBe('ZM');
    // MZ is two changes from both AM and ZM; it has ZM's letters, swapped.
    expect(suggest('MZ', CODES)).toBe('ZM');
    expect(suggest('MZI', CODES)).toBe('IZM');
  });
});
