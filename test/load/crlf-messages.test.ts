import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/yaml.js';

/** What parseYaml says of `text`, as rule, place and words. */
const said = (text: string) => parseYaml('meetings/m.yaml', text).diagnostics.map((d) => `${d.ruleId} ${d.line}:${d.column} ${d.message} ${d.hint ?? ''}`);

// Meeting files saved on Windows have CRLF line ends: the messages that read the line above an error matched none of
// them, and fell back to YAML's general words ("A value here contains ': '…").
describe('messages of a file saved with CRLF line ends', () => {
  const cases = {
    'entries typed under `questions: []`': 'topic: T\nquestions: []\n  - text: Kā?\n    position: p\n',
    'a quoted value with a list under it': 'topic: T\nquestions: "Kā?"\n  - text: Kā?\n    position: p\n',
    'a value with fields under it': 'topic: T\nname: Sanāksme\n  nominative: Sanāksme\n  locative: Sanāksmē\n',
    'a line at the left edge in a block text': 'topic: T\nbackground: |\n  Teksts.\nOtra rinda.\nquestions: []\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`are those of the same file with LF: ${name}`, () => {
      const lf = said(text);
      expect(lf.length).toBeGreaterThan(0);
      expect(lf.join('\n')).not.toContain('A value here contains');
      expect(said(text.replaceAll('\n', '\r\n'))).toEqual(lf);
    });
  }
});
