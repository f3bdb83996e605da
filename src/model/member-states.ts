/**
 * The EU member states' names in English by their Latvian name (nominative), as a meeting's
 * `presidency` names the one holding the presidency: an English note's properties name it in
 * English.
 */
const ENGLISH_BY_LATVIAN: Readonly<Record<string, string>> = {
  Austrija: 'Austria',
  Beļģija: 'Belgium',
  Bulgārija: 'Bulgaria',
  Čehija: 'Czechia',
  Dānija: 'Denmark',
  Francija: 'France',
  Grieķija: 'Greece',
  Horvātija: 'Croatia',
  Igaunija: 'Estonia',
  Itālija: 'Italy',
  Īrija: 'Ireland',
  Kipra: 'Cyprus',
  Latvija: 'Latvia',
  Lietuva: 'Lithuania',
  Luksemburga: 'Luxembourg',
  Malta: 'Malta',
  Nīderlande: 'Netherlands',
  Polija: 'Poland',
  Portugāle: 'Portugal',
  Rumānija: 'Romania',
  Slovākija: 'Slovakia',
  Slovēnija: 'Slovenia',
  Somija: 'Finland',
  Spānija: 'Spain',
  Ungārija: 'Hungary',
  Vācija: 'Germany',
  Zviedrija: 'Sweden',
};

/** A member state's English name from its Latvian one (`Portugāle` → `Portugal`); undefined for a name not in the table. */
export function memberStateInEnglish(latvian: string): string | undefined {
  return Object.hasOwn(ENGLISH_BY_LATVIAN, latvian.trim()) ? ENGLISH_BY_LATVIAN[latvian.trim()] : undefined;
}
