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
});

describe('sharedValueOnPath, what clear refuses to edit through', () => {
  it('finds an anchor on the clearance mapping itself, and on one field of the ministry, that an alias repeats', () => {
    expect(sharedValueOnPath('clearance: &c\n  AM:\n    status: pending\nold: *c\n', 'AM')).toEqual({ path: ['clearance'], mark: '&c' });
    expect(sharedValueOnPath('clearance:\n  AM:\n    status: &s pending\n  VM:\n    status: *s\n', 'AM')).toEqual({ path: ['clearance', 'AM', 'status'], mark: '&s' });
    expect(sharedValueOnPath('clearance:\n  AM:\n    status: &s pending\n  VM:\n    status: pending\n', 'AM')).toBeUndefined();
  });
});
