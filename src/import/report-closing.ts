/** A report's closing lines: the clearance line, a briefing draft's note, and the signature and visa lines with their roles and names. */

import { CLEARANCE_STATUS_LV } from '../render/helpers.js';
import { escapeRegExp } from '../util/regexp.js';
import type { ImportedReport } from './imported-report.js';

/**
 * A signature or visa line: a role, one or more tabs, then a name that starts with a capital
 * (`I. Šuplinska`, `Dr. A. Bērziņa`), short as a name is; or a line that starts with "Vīza:".
 * A tab inside an answer's sentence ("… zīmi:⇥šeit turpinās.") is not one.
 */
export function isSignature(text: string): boolean {
  const [role = '', name = '', ...more] = signatureParts(text);
  if (more.length || !role || !name) return false;
  return isVisa(role) || (/^\p{Lu}/u.test(name) && name.length <= 60 && name.split(/\s+/).length <= 6);
}

/** What a signature or visa line read is called in a note: "the visa line" or "the signature line". */
export function signatoryLine(line: string): string {
  return isVisa(line.trim()) ? 'the visa line' : 'the signature line';
}

/** Whether a signatory line (or its role) is the visa's: it starts "Vīza:" (or "Viza:"). */
function isVisa(text: string): boolean {
  return /^v[īi]za:/iu.test(text);
}

/**
 * The parts of a line between its tabs, trimmed; Word's own templates put several tabs between a role and a name,
 * and a visa line may have one after "Vīza:" too ("Vīza:⇥Valsts sekretāre⇥L. Lejiņa"), which is part of its role.
 */
function signatureParts(text: string): string[] {
  const parts = text
    .split('\t')
    .map((part) => part.trim())
    .filter(Boolean);
  const [first = '', second, ...rest] = parts;
  return /^v[īi]za:$/iu.test(first) && second !== undefined && rest.length ? [`${first} ${second}`, ...rest] : parts;
}


/**
 * The clearance line as the template prints it, "Informatīvā ziņojuma projekts saskaņots ar …", or as a
 * report typed by hand may word it: "… projekts ir saskaņots ar …", "Informatīvais ziņojums saskaņots ar …",
 * "Ziņojuma projekts saskaņots ar …".
 */
export const CLEARANCE_LINE = /^(?:Informatīvā ziņojuma projekts|Informatīvais ziņojums|Ziņojuma projekts|Ziņojums) (?:ir )?saskaņots ar (.+?)\.?$/u;

/**
 * A sentence of the note a briefing draft opens with (templates/partials/draft-banner.hbs, the grouped
 * form and the earlier one, a sentence per position and ministry): it restates what the clearance line
 * and the positions' clearances say, so it is no field's text.
 */
export const DRAFT_NOTE = new RegExp(
  `^(?:Pozīcijas? .+: .+ – (?:${Object.values(CLEARANCE_STATUS_LV).map(escapeRegExp).join('|')})|Pozīcijas? .+ vēl ir projekta stadijā|Jautājumi vēl nav norādīti)\\.$`,
  'u',
);

/** The ministries a sentence of the draft note names, "Ārlietu ministrija un Labklājības ministrija", between its positions and the state. */
export function draftNoteMinistries(sentence: string): string | undefined {
  return new RegExp(`^Pozīcijas? .+?: (.+) – (?:${Object.values(CLEARANCE_STATUS_LV).map(escapeRegExp).join('|')})\\.$`, 'u').exec(sentence)?.[1];
}

/** A role and a name with spaces between them and no tab: the name its initials and surname ("I. Šuplinska", "A. B. Bērziņa-Ozola"). */
export const SPACED_SIGNATURE = /^(.*\S)\s+((?:\p{Lu}\.\s?)+\p{Lu}[\p{L}'-]+)$/u;

/** Takes a signature or visa line (its role and name a tab apart) into the report; false when it holds no role and name to take, or the report has that line already. */
export function signatureLine(line: string, report: ImportedReport): boolean {
  const [role = '', name = ''] = signatureParts(line);
  // "Vīza:" as the template writes it, or as a ministry's own template may: "VĪZA:", "Viza:".
  const visa = /^v[īi]za:\s*(.+)$/iu.exec(role);
  // The first of each stands: a line after them ("Izpildītāja: A. Bērziņa", who prepared the report) is no signature.
  if (visa?.[1] && !report.visa) report.visa = { role: visa[1].charAt(0).toUpperCase() + visa[1].slice(1), name };
  else if (!visa && role && name && !report.signature) report.signature = { role, name };
  else return false;
  return true;
}
