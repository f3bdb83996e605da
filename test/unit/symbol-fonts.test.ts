import { describe, expect, it } from 'vitest';
import { isSymbolFont, symbolCharacter } from '../../src/review/symbol-fonts.js';

describe('symbolCharacter', () => {
  it('reads Symbol’s codes as the Greek letters and signs it draws, whether Word writes F0xx or 00xx', () => {
    expect(symbolCharacter('Symbol', 0xf041)).toBe('\u0391');
    expect(symbolCharacter('Symbol', 0x0061)).toBe('\u03b1');
    expect(symbolCharacter('Symbol', 0xf057)).toBe('\u03a9');
    expect(symbolCharacter('Symbol', 0xf0b7)).toBe('•');
    expect(symbolCharacter('Symbol', 0xf0b3)).toBe('≥');
    expect(symbolCharacter('Symbol', 0xf0a0)).toBe('€');
    expect(symbolCharacter('Symbol', 0xf0fe)).toBe('⎭');
  });

  it('reads the Wingdings people insert: check marks, ballot boxes, bullets, arrows', () => {
    expect(symbolCharacter('Wingdings', 0xf0fc)).toBe('✔');
    expect(symbolCharacter('wingdings', 0xf0fe)).toBe('\u{1f5f9}');
    expect(symbolCharacter('Wingdings', 0xf0a8)).toBe('◻');
    expect(symbolCharacter('Wingdings 2', 0xf052)).toBe('☑');
    expect(symbolCharacter('Wingdings 3', 0xf075)).toBe('►');
  });

  it('knows nothing of a code Unicode has no character for, another font, or a code outside the font', () => {
    expect(symbolCharacter('Symbol', 0xf060)).toBeUndefined();
    expect(symbolCharacter('Symbol', 0xf0f0)).toBeUndefined();
    expect(symbolCharacter('Symbol', 0xf080)).toBeUndefined();
    expect(symbolCharacter('Wingdings', 0xf020)).toBeUndefined();
    expect(symbolCharacter('Webdings', 0xf021)).toBeUndefined();
    expect(symbolCharacter('Symbol', 0x1f600)).toBeUndefined();
    expect(isSymbolFont('Times New Roman')).toBe(false);
    expect(isSymbolFont('SYMBOL')).toBe(true);
  });
});
