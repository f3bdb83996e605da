import { describe, expect, it } from 'vitest';
import { diagnostic } from '../../src/diagnostics/diagnostic.js';
import type { TemplateTexts } from '../../src/load/templates.js';
import { compileTemplate, partialAloneProblems } from '../../src/render/template.js';

/** A template's texts as readTemplate gives them, with one partial. */
function texts(body: string, partial = 'Sagatavoja {{meeting.date}}'): TemplateTexts {
  const file = (path: string, text: string) => ({ path, text, source: text, diagnostics: [] });
  return { name: 'report', file: file('templates/report.md.hbs', body), body, partials: [{ ...file('templates/partials/sign.hbs', partial), name: 'sign' }] };
}

describe('compileTemplate', () => {
  it('compiles the same texts once: the same template, each caller its own copy of the problems', () => {
    const body = '# {{meeting.topic}}\n\n{{> sign}}\n\n{{meeting.nosuchfield.deeper}}\n';
    const first = compileTemplate(texts(body));
    const again = compileTemplate(texts(body));
    expect(first.template).toBeDefined();
    expect(again.template).toBe(first.template);
    expect(again.diagnostics).toEqual(first.diagnostics);
    expect(again.diagnostics).not.toBe(first.diagnostics);
    for (const [index, problem] of again.diagnostics.entries()) expect(problem).not.toBe(first.diagnostics[index]);
  });

  it('compiles again when any text differs: the body, a partial, a path', () => {
    const body = '# {{meeting.topic}}\n\n{{> sign}}\n';
    const first = compileTemplate(texts(body));
    expect(compileTemplate(texts(`${body}\n`)).template).not.toBe(first.template);
    expect(compileTemplate(texts(body, 'Sagatavoja {{meeting.time}}')).template).not.toBe(first.template);
    const moved = texts(body);
    moved.file.path = 'templates/other.md.hbs';
    const compiled = compileTemplate(moved).template;
    expect(compiled).not.toBe(first.template);
    expect(compiled?.path).toBe('templates/other.md.hbs');
  });

  it('a template with errors is kept with its errors, the same each time', () => {
    const broken = texts('# {{#if meeting.topic}}\n');
    const first = compileTemplate(broken);
    expect(first.template).toBeUndefined();
    expect(first.diagnostics.some((problem) => problem.severity === 'error')).toBe(true);
    expect(compileTemplate(texts('# {{#if meeting.topic}}\n'))).toEqual(first);
  });

  it('a partial that cannot be read fails a template that names a partial by an expression, which may be that one, and not one that names only others', () => {
    const unreadable = diagnostic('templates/partials/EYCS.hbs', undefined, 'error', 'input/unreadable', 'Not allowed to read this file.');
    const withUnreadable = (body: string): TemplateTexts => ({ ...texts(body), unreadablePartials: [{ name: 'EYCS', diagnostic: unreadable }] });
    const dynamic = compileTemplate(withUnreadable('# {{meeting.topic}}\n\n{{> (lookup meeting "formation")}}\n'));
    expect(dynamic.template).toBeUndefined();
    expect(dynamic.diagnostics.map((problem) => [problem.file, problem.ruleId])).toEqual([['templates/partials/EYCS.hbs', 'input/unreadable']]);
    const named = compileTemplate(withUnreadable('# {{meeting.topic}}\n\n{{> sign}}\n'));
    expect(named.template).toBeDefined();
    expect(named.diagnostics).toEqual([]);
    // Checked alone (check of every partial), it is said as the file it is.
    expect(partialAloneProblems('EYCS', { partials: texts('').partials, unreadable: [{ name: 'EYCS', diagnostic: unreadable }] }).map((problem) => problem.ruleId)).toEqual(['input/unreadable']);
  });
});
