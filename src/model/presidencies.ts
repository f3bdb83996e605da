/**
 * Presidencies of the Council of the EU by half-year, in Latvian (nominative), as meetings
 * print them ("Portugāle"), in the order the Council set for 2017–2030. `new meeting` offers the
 * one in office; `check` warns of a meeting that names another.
 */
const BY_YEAR: Readonly<Record<number, readonly [string, string]>> = {
  2017: ['Malta', 'Igaunija'],
  2018: ['Bulgārija', 'Austrija'],
  2019: ['Rumānija', 'Somija'],
  2020: ['Horvātija', 'Vācija'],
  2021: ['Portugāle', 'Slovēnija'],
  2022: ['Francija', 'Čehija'],
  2023: ['Zviedrija', 'Spānija'],
  2024: ['Beļģija', 'Ungārija'],
  2025: ['Polija', 'Dānija'],
  2026: ['Kipra', 'Īrija'],
  2027: ['Lietuva', 'Grieķija'],
  2028: ['Itālija', 'Latvija'],
  2029: ['Luksemburga', 'Nīderlande'],
  2030: ['Slovākija', 'Malta'],
};

/** The presidency in office on an ISO date, or undefined outside 2017–2030. */
export function presidencyOn(isoDate: string): string | undefined {
  const [year, month] = isoDate.split('-').map(Number);
  if (year === undefined || month === undefined) return undefined;
  return BY_YEAR[year]?.[month <= 6 ? 0 : 1];
}

/** The half-year an ISO date falls in, `2021-1` or `2021-2`: a presidency's term. */
export function halfYearOf(isoDate: string): string {
  const [year = '', month = ''] = isoDate.split('-');
  return `${year}-${Number(month) <= 6 ? 1 : 2}`;
}
