import { describe, expect, it } from 'vitest';
import { editClearance, sharedValueOnPath } from '../../src/edit/clearance.js';

const CLEARED = { status: 'cleared', date: '2021-03-10' };

describe('editClearance, the YAML clear writes', () => {
  it('adds a ministry to a clearance written wholly in flow style in flow style, the other lines as they were', () => {
    const text = 'title: x # kept\nclearance: {AM: {status: pending}}\nnote: [a, b]\n';
    expect(editClearance(text, 'VM', CLEARED).text).toBe('title: x # kept\nclearance: {AM: {status: pending}, VM: {status: cleared, date: 2021-03-10}}\nnote: [a, b]\n');
  });

  it('adds a ministry to a file without a final line break, its clearance last', () => {
    const text = 'title: x # kept\nclearance:\n  AM:\n    status: pending';
    expect(editClearance(text, 'VM', CLEARED).text).toBe('title: x # kept\nclearance:\n  AM:\n    status: pending\n  VM:\n    status: cleared\n    date: 2021-03-10\n');
  });

  it('writes an empty flow clearance out as a block, other flow collections without padding added', () => {
    const text = 'title: x # kept\ntags: [a, b]\nclearance: {}\n';
    expect(editClearance(text, 'AM', { status: 'cleared' }).text).toBe('title: x # kept\ntags: [a, b]\nclearance:\n  AM:\n    status: cleared\n');
  });

  it('removes a field by its line alone, and writes a value in the quotes the field had, plain only where it reads back as written', () => {
    const text = "title: x\nclearance:\n  AM:\n    status: cleared    # by phone\n    date: 2021-03-04\n    ref: 'LM e-pasts, 04.03.2021.'\n    note: \"old\"\n";
    expect(editClearance(text, 'AM', { date: null }).text).toBe(text.replace('    date: 2021-03-04\n', ''));
    expect(editClearance(text, 'AM', { ref: 'LM e-pasts, 05.03.2021.', note: 'new' }).text).toBe(text.replace('04.03.2021.', '05.03.2021.').replace('"old"', '"new"'));
    const plain = 'clearance:\n  AM:\n    status: cleared    # by phone\n    ref: old\n';
    expect(editClearance(plain, 'AM', { ref: 'LM: 05.03.' }).text).toBe(plain.replace('ref: old', 'ref: "LM: 05.03."'));
    expect(editClearance(plain, 'AM', { ref: 'LM 05.03.' }).text).toBe(plain.replace('ref: old', 'ref: LM 05.03.'));
  });
});

describe('sharedValueOnPath, what clear refuses to edit through', () => {
  it('finds an anchor on the clearance mapping itself, and on one field of the ministry, that an alias repeats', () => {
    expect(sharedValueOnPath('clearance: &c\n  AM:\n    status: pending\nold: *c\n', 'AM')).toEqual({ path: ['clearance'], mark: '&c' });
    expect(sharedValueOnPath('clearance:\n  AM:\n    status: &s pending\n  VM:\n    status: *s\n', 'AM')).toEqual({ path: ['clearance', 'AM', 'status'], mark: '&s' });
    expect(sharedValueOnPath('clearance:\n  AM:\n    status: &s pending\n  VM:\n    status: pending\n', 'AM')).toBeUndefined();
  });
});
