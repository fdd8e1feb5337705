import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, detectDelimiter, parseCsv } from './imports.csv';

describe('parseCsv', () => {
  it('reads CRLF and LF records and ignores the final line break', () => {
    expect(parseCsv('a,b\r\nc,d\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
    expect(parseCsv('a,b\nc,d')).toEqual([['a', 'b'], ['c', 'd']]);
  });

  it('keeps delimiters, doubled quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('a,"b, ""x""\ny",c\n')).toEqual([['a', 'b, "x"\ny', 'c']]);
  });

  it('keeps empty fields, including a trailing one', () => {
    expect(parseCsv('a,,b,\n')).toEqual([['a', '', 'b', '']]);
  });

  it('refuses an unclosed quote and text after a closing quote, naming the record', () => {
    expect(() => parseCsv('a,b\n"open')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('"a"b')).toThrow(/after a closing quote/);
  });
});

describe('detectDelimiter', () => {
  it('picks the delimiter used most in the header line, outside quotes', () => {
    expect(detectDelimiter('nomor;judul;"a,b,c"\n1,2,3,4,5')).toBe(';');
    expect(detectDelimiter('nomor,judul,mitra\n')).toBe(',');
    expect(detectDelimiter('nomor\tjudul\n')).toBe('\t');
  });
});
