import { isEuropeanCouncil } from './meeting.js';

/**
 * The places EU Council meetings are held, the locative the reports print ("Briselē notiks …") and
 * the English name: the two seats of the Council, and Strasbourg, where ministers meet beside the
 * Parliament's plenary. Used for `new meeting`'s default and to give an imported place its English name.
 */
export const COUNCIL_PLACES: Readonly<Record<string, string>> = {
  Briselē: 'Brussels',
  Luksemburgā: 'Luxembourg',
  Strasbūrā: 'Strasbourg',
};

/**
 * Where a formal meeting is held in the month of `isoDate`: a Council meeting in Luxembourg in April, June
 * and October and in Brussels otherwise; the European Council (`formation` EUCO) in Brussels always.
 */
export function councilPlaceOn(isoDate: string, formation?: string): { locative: string; english: string } {
  const month = Number(isoDate.split('-')[1]);
  const inLuxembourg = !isEuropeanCouncil(formation) && [4, 6, 10].includes(month);
  return inLuxembourg ? { locative: 'Luksemburgā', english: 'Luxembourg' } : { locative: 'Briselē', english: 'Brussels' };
}

/** A place written in the locative, with its English name when it is one of {@link COUNCIL_PLACES}. */
export function placeNamed(locative: string): { locative: string; english?: string } {
  const english = COUNCIL_PLACES[locative];
  return english === undefined ? { locative } : { locative, english };
}
