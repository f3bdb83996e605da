import type { Ministries } from '../model/index.js';

/**
 * The ministries a clearance line names ("Ārlietu ministriju, Izglītības un zinātnes ministriju
 * un Labklājības ministriju"), by code: each name is matched whole against the registry's
 * accusative forms (a renamed ministry's earlier and later names alike), so the "un" inside a
 * name does not split it, or against its abbreviation as printed, then or now ("FM un ĀM": ĀM is the code AM,
 * and a printed AM is the Ministry of Defence's); a draft note's names (`form` nominative) alike. What matches no ministry is returned as printed,
 * split at ", " and " un ".
 */
export function ministriesInList(list: string, ministries: Ministries, form: 'accusative' | 'nominative' = 'accusative'): { codes: string[]; unknown: string[] } {
  const forms = Object.entries(ministries)
    .flatMap(([code, ministry]) =>
      [ministry, ...(ministry.renamed ?? [])]
        .flatMap((name) => [name[form], name.abbreviation])
        .filter((written) => written !== undefined)
        .map((accusative) => ({ code, accusative })),
    )
    // The longest first: no name is taken for the start of a longer one.
    .sort((a, b) => b.accusative.length - a.accusative.length);
  const codes: string[] = [];
  const unknown: string[] = [];
  let rest = list.trim();
  while (rest) {
    const known = forms.find(({ accusative }) => rest.startsWith(accusative) && /^(?:$|,|\s+un\s)/u.test(rest.slice(accusative.length)));
    const name = known?.accusative ?? /^(.+?)(?=,|\s+un\s|$)/u.exec(rest)?.[1] ?? rest;
    if (known) codes.push(known.code);
    else unknown.push(name.trim());
    rest = rest.slice(name.length).replace(/^(?:\s*,\s*|\s+un\s+)/u, '').trim();
  }
  return { codes: [...new Set(codes)], unknown };
}
