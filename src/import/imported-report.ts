/** The fields `import` reads out of a report: what the reader and the parsers of its heading and closing lines fill in. */

/** A meeting's name as a report prints it. */
export interface ImportedName {
  nominative: string;
  locative: string;
  short_locative: string;
}

/** What `import` found in a report, field by field; `undefined` where it found nothing. */
export interface ImportedReport {
  date?: string;
  /** The last day of a meeting held over several days. */
  endDate?: string;
  /** Days written where the date stands that the calendar does not have ("2022. gada 32. aprīļa"), as written, when no other date was found: what import refuses, named. */
  impossibleDays?: string;
  place?: { locative: string; english?: string };
  time?: string;
  name: Partial<ImportedName>;
  topic?: string;
  outcome?: string;
  background?: string;
  questions: { text: string; body: string }[];
  /** The ministries the clearance line names, in the accusative as printed: "Ārlietu ministriju un Labklājības ministriju". */
  clearedWith?: string;
  /** Set when the report is a draft (its "PROJEKTS" mark or briefing's draft note): the ministries the note names as not having cleared, in the nominative as printed. */
  draft?: { ministries: string[] };
  signature?: { role: string; name: string };
  visa?: { role: string; name: string };
  /** Text the parser could not place in any field, shortened, one entry a paragraph, for the user. */
  unplaced: string[];
  /** The same text whole, as Markdown, for the meeting file to keep: nothing of the report is lost. */
  unplacedMarkdown?: string;
  notes: string[];
}
