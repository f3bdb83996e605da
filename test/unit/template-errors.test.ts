import Handlebars from 'handlebars';
import { describe, expect, it } from 'vitest';
import { runtimeDiagnostic, syntaxDiagnostic } from '../../src/render/template-errors.js';
import { PARTIALS_HINT } from '../../src/render/template-checks.js';

/** What check says of a template Handlebars cannot parse: place, words and hint. */
function said(source: string) {
  try {
    Handlebars.parse(source);
  } catch (error) {
    const found = syntaxDiagnostic(error, 'templates/t.md.hbs', source);
    return [found.line, found.column, found.message, found.hint];
  }
  throw new Error('the template parsed');
}

// Mutants of the places these messages name survived (mutation15): each is said here whole.
describe('a template syntax error is said where the mistake stands', () => {
  it('an unclosed quote after a comment on its line: at the quote, the comment counted in the column', () => {
    expect(said('# R\n{{!-- a note --}} {{date meeting.date "locative}}\n\ntext "x" more\n')).toEqual([
      2,
      39,
      'Template syntax error: the quoted text `"locative}}` is not closed before its `}}`.',
      'End it with `"` before the `}}`, e.g. {{date meeting.date "locative"}}.',
    ]);
  });

  const HINT = 'Each `{{` needs its `}}` (three for `{{{`), each `(` its `)`, and each `{{#block}}` its `{{/block}}` after any `{{else}}`.';

  it('a closing tag with no block open: said as one, at it (the lines Handlebars joins counted back)', () => {
    expect(said('# R\n\nText {{/if}} more\n')).toEqual([3, 6, 'Template syntax error: a closing `{{/…}}` was not expected here.', HINT]);
  });

  it('a second `{{else}}`: at it, in a line Handlebars shows cut short with `...`', () => {
    expect(said('# R\n{{#if a}}x{{else}}y{{else}}z{{/if}}\n')).toEqual([2, 20, 'Template syntax error: `{{else}}` was not expected here.', HINT]);
  });

  it('a text in quotes after an option: said as a text in quotes, at its quote', () => {
    expect(said('# R\n{{date meeting.date format="long" "locative"}}\n')).toEqual([2, 35, 'Template syntax error: a text in quotes was not expected here.', HINT]);
  });
});

describe('a render that fails is said in the template\'s terms', () => {
  it('a partial named by a helper at render time that does not exist: the missing partial, with the partials there are', () => {
    const handlebars = Handlebars.create();
    handlebars.registerHelper('name', () => 'nope');
    const source = '# R\n\nText {{> (name)}}\n';
    let error: unknown;
    try {
      handlebars.compile(source)({});
    } catch (thrown) {
      error = thrown;
    }
    const found = runtimeDiagnostic(error, 'templates/t.md.hbs', source);
    expect([found.ruleId, found.line, found.column, found.message, found.hint]).toEqual(['template/missing-partial', 3, 6, 'The partial `nope`, named by the expression here, does not exist.', PARTIALS_HINT]);
  });

  it('a failure with no words of its own for it: an error in Handlebars\' words', () => {
    const found = runtimeDiagnostic(new TypeError('x.call is not a function'), 'templates/t.md.hbs', '{{x}}');
    expect([found.severity, found.ruleId, found.message]).toEqual(['error', 'template/render', 'X.call is not a function.']);
  });
});
