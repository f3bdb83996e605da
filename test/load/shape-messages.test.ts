import { describe, expect, it } from 'vitest';
import { parseYaml } from '../../src/load/yaml.js';
import { checkSchema } from '../../src/load/shape.js';
import { configSchema } from '../../src/model/config.js';
import { positionSchema } from '../../src/model/position.js';

/** The schema's messages of a config file written as `text`: place, rule, words and hint. */
function configMessages(text: string) {
  return checkSchema(parseYaml('briefing.config.yaml', text), configSchema, 'config').diagnostics.map((d) => [d.line, d.column, d.ruleId, d.message, d.hint]);
}

// Mutants of these messages survived (mutation15): each case is said here whole.
describe('the schema says a field of the wrong kind, or an unknown one, once and how to write it', () => {
  it('a switch written as text: true or false, without quotes', () => {
    expect(configMessages('issuing_ministry: IZM\nformats: [docx]\nlayout:\n  page_numbers: "no"\n')).toEqual([
      [4, 17, 'schema/type', '`layout.page_numbers` should be true or false, not "no".', 'Write true or false, without quotes.'],
    ]);
  });

  it('a `__proto__` key the schema already calls unknown is said once, with the fields allowed there', () => {
    expect(configMessages('issuing_ministry: IZM\nformats: [docx]\n__proto__: x\n')).toEqual([
      [
        3,
        1,
        'schema/unknown-key',
        'Unknown field `__proto__` in this config.',
        expect.stringMatching(/^Allowed here: .*`issuing_ministry`/),
      ],
    ]);
  });

  it('a `__proto__` key the schema passes over (a clearance entry) is said alone, and beside another unknown field in its column, each at its own line', () => {
    const position = (owner: string) =>
      `id: youth\nversion: 1\nstatus: cleared\nowner:\n  ministry: IZM\n${owner}questions:\n  - a\nbody: b\nclearance:\n  __proto__:\n    status: cleared\n    date: 2021-05-10\n`;
    const said = (text: string) => checkSchema(parseYaml('positions/youth/p.yaml', text), positionSchema, 'position').diagnostics.map((d) => [d.line, d.column, d.message, d.hint]);
    const proto = (line: number) => [line, 3, 'Unknown field `clearance.__proto__` in this position.', 'Remove it: `__proto__` is never a field.'];
    expect(said(position(''))).toEqual([proto(10)]);
    expect(said(position('  foo: 1\n'))).toEqual([[6, 3, 'Unknown field `owner.foo` in this position.', expect.stringMatching(/^Allowed here: .*`ministry`/)], proto(11)]);
  });
});

// A list typed or pasted in Word: its “- ” became an en dash, or it kept its bullets (encodings run).
describe('a list whose entries start with a dash or a bullet that is not YAML\'s hyphen', () => {
  const positionMessages = (text: string) => checkSchema(parseYaml('positions/educ/p.yaml', text), positionSchema, 'position').diagnostics.filter((d) => d.ruleId === 'schema/type').map((d) => [d.line, d.column, d.message, d.hint]);

  it.each([
    ['\u2013', '“–” (U+2013, an en dash, as Word writes a typed “- ”)'],
    ['\u2022', '“•” (U+2022)'],
  ])('names the %s the entries start with', (mark, named) => {
    const text = `id: p\nversion: 1\nstatus: draft\nowner: { ministry: IZM }\nquestions:\n  ${mark} Pirmais jautājums\n  ${mark} Otrais jautājums\nbody: |\n  Teksts.\n`;
    expect(positionMessages(text)).toEqual([
      [
        6,
        3,
        `\`questions\` should be a list, not "${mark} Pirmais jautājums ${mark} Otrais jautājums".`,
        `The entries start with ${named}, which YAML reads as text, not as the hyphen \`-\` that starts a list's entry: write \`- \` at the start of each under \`questions:\`.`,
      ],
    ]);
  });
});
