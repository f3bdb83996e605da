/**
 * The characters Word's symbol fonts draw, for a `w:sym` (a character inserted from Insert →
 * Symbol) and for text in one of these fonts: the font maps its codes (0x20–0xFF, which Word
 * writes as F020–F0FF) to pictures, not to the Unicode characters the codes are elsewhere.
 */

/** Symbol: the code 0x20 and up, one character each; `\u0000` where Unicode has none (a radical's or the Apple logo's piece). */
const SYMBOL_LOW = [...' !∀#∃%&∋()∗+,−./0123456789:;<=>?≅ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ[∴]⊥_\u0000αβχδεφγηιϕκλμνοπθρστυϖωξψζ{|}∼'];
/** Symbol from 0xA0 (the € Adobe added, arrows, relations, bracket pieces). */
const SYMBOL_HIGH = [...'€ϒ′≤⁄∞ƒ♣♦♥♠↔←↑→↓°±″≥×∝∂•÷≠≡≈…⏐⎯↵ℵℑℜ℘⊗⊕∅∩∪⊃⊇⊄⊂⊆∈∉∠∇®©™∏√⋅¬∧∨⇔⇐⇑⇒⇓◊〈®©™∑⎛⎜⎝⎡⎢⎣⎧⎨⎩⎪\u0000〉∫⌠⎮⌡⎞⎟⎠⎤⎥⎦⎫⎬⎭'];

/** Wingdings: the codes people insert (hands, check marks and ballot boxes, bullets, squares, arrows, circled numbers). */
const WINGDINGS: Record<number, string> = {
  0x22: '✂', 0x29: '✆', 0x2a: '🖂', 0x36: '⌛', 0x3f: '✍', 0x41: '✌', 0x43: '👍', 0x44: '👎', 0x45: '☜',
  0x46: '☞', 0x47: '☝', 0x48: '☟', 0x4a: '☺', 0x4c: '☹', 0x4e: '☠', 0x51: '✈', 0x52: '☼', 0x54: '❄',
  0x6c: '●', 0x6e: '■', 0x6f: '□', 0x71: '❑', 0x72: '❒', 0x75: '◆', 0x76: '❖', 0x77: '⬥', 0x80: '⓪',
  0x81: '①', 0x82: '②', 0x83: '③', 0x84: '④', 0x85: '⑤', 0x86: '⑥', 0x87: '⑦', 0x88: '⑧', 0x89: '⑨',
  0x8a: '⑩', 0x8c: '❶', 0x8d: '❷', 0x8e: '❸', 0x8f: '❹', 0x90: '❺', 0x91: '❻', 0x92: '❼', 0x93: '❽',
  0x94: '❾', 0x95: '❿', 0x9e: '·', 0x9f: '•', 0xa1: '⚪', 0xa4: '◉', 0xa5: '◎', 0xa7: '▪', 0xa8: '◻',
  0xaa: '✦', 0xab: '★', 0xd7: '⮘', 0xd8: '⮚', 0xd9: '⮙', 0xda: '⮛', 0xdb: '⮈', 0xdc: '⮊', 0xdd: '⮉',
  0xde: '⮋', 0xdf: '🡨', 0xe0: '🡪', 0xe1: '🡩', 0xe2: '🡫', 0xe7: '🡸', 0xe8: '🡺', 0xe9: '🡹', 0xea: '🡻',
  0xef: '⇦', 0xf0: '⇨', 0xf1: '⇧', 0xf2: '⇩', 0xf3: '⬄', 0xf4: '⇳', 0xfb: '🗶', 0xfc: '✔', 0xfd: '🗷',
  0xfe: '🗹',
};

/** Wingdings 2: check marks, ballot boxes, circled numbers, bullets. */
const WINGDINGS_2: Record<number, string> = {
  0x4f: '🗴', 0x50: '✓', 0x51: '🗵', 0x52: '☑', 0x53: '☒', 0x54: '☒', 0x69: '⓪', 0x6a: '①', 0x6b: '②',
  0x6c: '③', 0x6d: '④', 0x6e: '⑤', 0x6f: '⑥', 0x70: '⑦', 0x71: '⑧', 0x72: '⑨', 0x73: '⑩', 0x75: '❶',
  0x76: '❷', 0x77: '❸', 0x78: '❹', 0x79: '❺', 0x7a: '❻', 0x7b: '❼', 0x7c: '❽', 0x7d: '❾', 0x7e: '❿',
  0x95: '•', 0x96: '●', 0x97: '⚫', 0xa2: '⬛', 0xa3: '⬜', 0xae: '◆', 0xaf: '◇', 0xea: '★',
};

/** Wingdings 3: arrows and triangles. */
const WINGDINGS_3: Record<number, string> = {
  0x21: '⭠', 0x22: '⭢', 0x23: '⭡', 0x24: '⭣', 0x66: '←', 0x67: '→', 0x68: '↑', 0x69: '↓', 0x6a: '↖',
  0x6b: '↗', 0x6c: '↙', 0x6d: '↘', 0x70: '▲', 0x71: '▼', 0x72: '△', 0x73: '▽', 0x74: '◄', 0x75: '►',
  0x76: '◁', 0x77: '▷', 0x81: '▲', 0x82: '▼', 0x83: '◀', 0x84: '▶',
};

function symbolFont(code: number): string | undefined {
  const char = code >= 0xa0 ? SYMBOL_HIGH[code - 0xa0] : SYMBOL_LOW[code - 0x20];
  return char && char !== '\u0000' ? char : undefined;
}

const FONTS: Record<string, (code: number) => string | undefined> = {
  symbol: symbolFont,
  wingdings: (code) => WINGDINGS[code],
  'wingdings 2': (code) => WINGDINGS_2[code],
  'wingdings 3': (code) => WINGDINGS_3[code],
};

/** Whether text in `font` is drawn by its own codes (see {@link symbolCharacter}). */
export function isSymbolFont(font: string | undefined): boolean {
  return font !== undefined && font.toLowerCase() in FONTS;
}

/**
 * The Unicode character that `font` draws for `code` (Word's `w:char`, F020–F0FF or 0020–00FF,
 * or a character of that range in text), or undefined when briefing does not know it: another
 * font, or a code Unicode has no character for.
 */
export function symbolCharacter(font: string, code: number): string | undefined {
  const own = code >= 0xf000 && code <= 0xf0ff ? code - 0xf000 : code;
  if (own < 0x20 || own > 0xff) return undefined;
  return FONTS[font.toLowerCase()]?.(own);
}
