/**
 * GFM task list items (`- [x] done`, `- [ ] to do`) in the DOCX: the item's text starts with
 * a ballot box, as Word's own check boxes print, so the state is not lost. Reading a DOCX
 * back (`review`, `import`) turns the box into the Markdown again.
 */

const CHECKED = '\u2612';
const UNCHECKED = '\u2610';

/** The box (and the space after it) an item of this state starts with in the DOCX. */
export function checkBox(checked: boolean): string {
  return `${checked ? CHECKED : UNCHECKED} `;
}

/** An item's text read from a DOCX, with a leading box turned back into `[x] ` or `[ ] `. */
export function taskMarkdown(text: string): string {
  if (text.startsWith(checkBox(true))) return `[x] ${text.slice(2)}`;
  if (text.startsWith(checkBox(false))) return `[ ] ${text.slice(2)}`;
  return text;
}
