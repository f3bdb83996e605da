import { halfYearOf, presidencyOn } from '../model/presidencies.js';
import { diagnostic } from '../diagnostics/diagnostic.js';
import type { MeetingRule } from './meeting-rule-context.js';

/**
 * `meeting/presidency-not-in-office`: the meeting names a presidency other than the one in office
 * on its day, where the table knows it (2017–2030): a meeting copied, or its date moved, into
 * another half-year kept the earlier presidency, which the DOCX's properties then name.
 */
export const presidencyInOffice: MeetingRule = ({ loaded, meeting }) => {
  const inOffice = presidencyOn(meeting.date);
  const written = meeting.presidency.trim().normalize('NFC');
  if (inOffice === undefined || written === inOffice) return [];
  const [year = '', half] = halfYearOf(meeting.date).split('-');
  const term = half === '1' ? `January to June ${year}` : `July to December ${year}`;
  return [
    diagnostic(
      loaded.path,
      loaded.file.locate(['presidency']),
      'warning',
      'meeting/presidency-not-in-office',
      `\`presidency\` is ${written}, but on the meeting’s day, ${meeting.date}, ${inOffice} holds the presidency of the Council (${term}).`,
      `Write \`presidency: ${inOffice}\`, or check the meeting’s date.`,
    ),
  ];
};
