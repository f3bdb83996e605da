/**
 * Sorts names (file paths, above all) in the order of the Latvian alphabet, the same on every machine
 * and in every locale: by code point of their decomposed forms (NFD), where a letter's mark comes after
 * every ASCII character, so `positions/ārlietas/` comes after `positions/az…/` and before
 * `positions/b/`, and `čehija` between `cz…` and `d…` (a ā b c č … z ž), not after `z` as code points of
 * the composed letters put them. Texts of ASCII alone keep their code point order (capitals first);
 * a name written once composed and once decomposed (macOS) is told apart by its code points.
 */
export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return byCodePoint(a.normalize('NFD'), b.normalize('NFD')) || byCodePoint(a, b);
}

/** Code point order (for the Basic Multilingual Plane, where the letters of names are, the same as UTF-16 order). */
function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
