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

/** Where a formal Council meeting is held in the month of `isoDate`: Luxembourg in April, June and October, Brussels otherwise. */
export function councilPlaceOn(isoDate: string): { locative: string; english: string } {
  const month = Number(isoDate.split('-')[1]);
  return [4, 6, 10].includes(month) ? { locative: 'Luksemburgā', english: 'Luxembourg' } : { locative: 'Briselē', english: 'Brussels' };
}

/** A place written in the locative, with its English name when it is one of {@link COUNCIL_PLACES}. */
export function placeNamed(locative: string): { locative: string; english?: string } {
  const english = COUNCIL_PLACES[locative];
  return english === undefined ? { locative } : { locative, english };
}
