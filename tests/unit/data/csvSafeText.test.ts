import { describe, expect, it } from 'vitest';
import { csvSafeText } from '../../../src/data/sql';

describe('csvSafeText', () => {
  it('defuses a cell a spreadsheet would run as a formula, and leaves numbers and text alone', () => {
    expect(csvSafeText('=HYPERLINK("http://x")')).toBe('\'=HYPERLINK("http://x")');
    expect(csvSafeText('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvSafeText('-3.5')).toBe('-3.5');
    expect(csvSafeText('+1e5')).toBe('+1e5');
    expect(csvSafeText('-rm')).toBe("'-rm");
    expect(csvSafeText('C000001')).toBe('C000001');
  });
});
