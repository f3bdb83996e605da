/**
 * `Ārlietu mape` → `Arlietu mape`: every letter without its diacritic marks (Latvian ā, č, ē, ģ,
 * ī, ķ, ļ, ņ, š, ū, ž become a, c, e, g, i, k, l, n, s, u, z), so that a name typed in Latvian
 * can name a file, an id or a package, which take ASCII letters only. A Turkish keyboard's dotless
 * ı becomes i too: Unicode gives it no mark to take off, and a code typed `ızm` is `IZM`, not `ZM`.
 */
export function withoutDiacritics(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replaceAll('ı', 'i');
}

/**
 * `Ēdināšana un sports` → `edinasana-un-sports`: small ASCII letters and digits, a dash for
 * anything else between them. Empty when nothing of the text is left.
 */
export function asciiSlug(text: string): string {
  return withoutDiacritics(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
