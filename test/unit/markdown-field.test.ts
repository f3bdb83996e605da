import { describe, expect, it } from 'vitest';
import { fieldScope, normaliseMarkdown, scopeField, unscopedLine } from '../../src/resolve/markdown-field.js';

/** A field as the report holds it, and back as its file writes it: what places a problem of the DOCX in the field's YAML. */
describe('a field’s scope and its lines as the file writes them', () => {
  it('scopes a position’s body by its id, its body_en by the id and -en, a meeting’s field by its name', () => {
    expect(fieldScope({ kind: 'position', id: 'equity-reforms', field: 'body' })).toBe('equity-reforms');
    expect(fieldScope({ kind: 'position', id: 'equity-reforms', field: 'body_en' })).toBe('equity-reforms-en');
    expect(fieldScope({ kind: 'meeting', id: '2021-02-19-educ-informal', field: 'background' })).toBe('background');
    expect(fieldScope({ kind: 'meeting', id: '2021-02-19-educ-informal', field: 'outcome_en' })).toBe('outcome-en');
  });

  it('gives back a scoped line’s footnote and link labels as written, and nothing else', () => {
    const written = 'Teksts[^a] ar [saiti][x] un [^b].\n\n[^a]: Piezīme.\n\n[x]: https://a.example/';
    const scoped = scopeField(written, 'equity-reforms');
    expect(scoped).toBe('Teksts[^equity-reforms-a] ar [saiti][equity-reforms-x] un [^b].\n\n[^equity-reforms-a]: Piezīme.\n\n[equity-reforms-x]: https://a.example/');
    expect(scoped.split('\n').map((line) => unscopedLine(line, 'equity-reforms')).join('\n')).toBe(written);
    expect(unscopedLine('[saiti][equity-reforms-x] un [cits][y]', 'equity-reforms')).toBe('[saiti][x] un [cits][y]');
  });
});

describe('normaliseMarkdown', () => {
  it('puts a blank line between a paragraph and a table right under it, one with no rows under its header too', () => {
    expect(normaliseMarkdown('Paredzēts:\n| a | b |\n|---|---|')).toBe('Paredzēts:\n\n| a | b |\n|---|---|');
    expect(normaliseMarkdown('Paredzēts:\n| a | b |\n|---|---|\n| 1 | 2 |')).toBe('Paredzēts:\n\n| a | b |\n|---|---|\n| 1 | 2 |');
  });
});
