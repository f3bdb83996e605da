import type { Meeting } from './meeting.js';

/** A word of a meeting's name that says the opposite of its `kind` or `mode`, and what that field would be set to for the name to fit. */
export interface NameContradiction {
  field: 'kind' | 'mode';
  /** The word as the name has it, e.g. “neformālā”. */
  word: string;
  /** The value the word belongs to. */
  fits: 'informal' | 'videoconference';
}

/**
 * The words of `name` that say the opposite of `kind` and `mode`: "neformālā … sanāksme" for a
 * formal Council, "tiešsaistes sanāksme" for a meeting in person. Every form counts, the short
 * one of the invitation and the English one of the English note too; a name that says the meeting
 * is in person as well ("klātienē un tiešsaistē", "hibrīdsanāksme") contradicts no mode. Shared
 * by `check` (the rule `meeting/name-kind-mismatch`) and `new meeting --from`, which offers an
 * earlier meeting's name only where it fits the new meeting.
 */
export function nameContradictions(name: Partial<Meeting['name']>, kind: Meeting['kind'] | undefined, mode: Meeting['mode'] | undefined): NameContradiction[] {
  const { nominative, locative, genitive, short_locative: shortLocative, english } = name;
  const latvian = [nominative, locative, genitive, shortLocative].filter((form) => form !== undefined);
  const said = (forms: readonly string[], word: RegExp, unless?: RegExp) =>
    forms.filter((form) => !unless?.test(form)).map((form) => word.exec(form)?.[0]).find((found) => found !== undefined);
  const found: NameContradiction[] = [];
  if (kind === 'formal') {
    const word = said(latvian, /(?<!\p{L})neformāl\p{L}*/iu) ?? said([english ?? ''], /(?<!\p{L})informal(?!\p{L})/iu);
    if (word !== undefined) found.push({ field: 'kind', word, fits: 'informal' });
  }
  if (mode === 'in-person') {
    const word =
      said(latvian, /(?<!\p{L})(?:tiešsaist|videokonferenc)\p{L}*/iu, /(?<!\p{L})(?:klātien|hibrīd)/iu) ??
      said([english ?? ''], /(?<!\p{L})video[ -]?conferenc\p{L}*/iu, /(?<!\p{L})(?:in[ -]person|hybrid)(?!\p{L})/iu);
    if (word !== undefined) found.push({ field: 'mode', word, fits: 'videoconference' });
  }
  return found;
}
