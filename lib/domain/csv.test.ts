import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv';

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['a, b', '"a, b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['+44 1234', "'+44 1234"],
    ['-1+2', "'-1+2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['', ''],
    ['#1 priority', '#1 priority'],
    ['a=b', 'a=b'],
    [24, '24'],
    [-3, '-3'],
    [null, ''],
    ['NEW', 'NEW'],
  ])('%j → %s', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('ends each record with CRLF', () => {
    expect(csvRow(['I1', 24, 'Increased (previously 16) - x'])).toBe('I1,24,Increased (previously 16) - x\r\n');
  });
});
