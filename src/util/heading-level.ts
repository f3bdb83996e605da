/** A line that starts with seven or more "#" before a space or its end, after spaces, tabs or a quote's `>`. */
const TOO_DEEP_LINE = /(^|\n)([ \t>]*)(#{7,})(?=[ \t\r\n]|$)([^\n]*)/g;

/** Each line of `text` that starts with seven or more "#": where the marks are, what stands before them on the line, and the text after. */
export function tooDeepHeadingLines(text: string): { at: number; lead: string; marks: string; title: string }[] {
  return [...text.matchAll(TOO_DEEP_LINE)].map((found) => {
    const lead = found[2] ?? '';
    return { at: found.index + (found[1] ?? '').length + lead.length, lead, marks: found[3] ?? '', title: (found[4] ?? '').trim() };
  });
}

/** What is said of a line that starts with seven or more "#", in a field or a template: the message after where, and the hint. */
export function headingLevelWords(marks: string, title: string): { message: string; hint: string } {
  return {
    message: `starts with “${marks}”, ${marks.length} marks: Markdown has headings of six levels at most, so the report prints the line as text, the marks and all.`,
    hint: `For a heading, write six marks at most (“###### ${title || '…'}”); if the marks are meant as text, write the first as \`\\#\`.`,
  };
}
