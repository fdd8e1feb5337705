// A small RFC 4180 reader rather than exceljs's CSV reader: exceljs converts cells to numbers and
// dates as it reads (losing leading zeros in document numbers and guessing at DD/MM/YYYY), while the
// import must see every cell exactly as typed and validate it itself.

export type CsvDelimiter = ',' | ';' | '\t';
const DELIMITERS: CsvDelimiter[] = [';', ',', '\t'];

// Spreadsheets exported in Indonesian locales use ';' because ',' is the decimal mark:
// the delimiter is the one that occurs most in the header line, outside quotes.
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((delimiter) => [delimiter, 0]));
  let isQuoted = false;
  for (const char of text) {
    if (char === '"') isQuoted = !isQuoted;
    else if (!isQuoted && (char === '\n' || char === '\r')) break;
    else if (!isQuoted && counts.has(char as CsvDelimiter)) {
      counts.set(char as CsvDelimiter, (counts.get(char as CsvDelimiter) ?? 0) + 1);
    }
  }
  let best: CsvDelimiter = ',';
  for (const delimiter of DELIMITERS) {
    if ((counts.get(delimiter) ?? 0) > (counts.get(best) ?? 0)) best = delimiter;
  }
  return best;
}

export class CsvSyntaxError extends Error {
  readonly record: number;
  constructor(message: string, record: number) {
    super(message);
    this.name = 'CsvSyntaxError';
    this.record = record;
  }
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

// A quoted field from the opening quote at `start`; returns its value and the index after the closing quote.
function readQuoted(text: string, start: number, record: number): [string, number] {
  let value = '';
  let from = start + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote < 0) throw new CsvSyntaxError('a quoted field is not closed', record);
    value += text.slice(from, quote);
    if (text.charCodeAt(quote + 1) !== QUOTE) return [value, quote + 1];
    value += '"';
    from = quote + 2;
  }
}

function readPlain(text: string, start: number, delimiter: number): [string, number] {
  let end = start;
  while (end < text.length) {
    const code = text.charCodeAt(end);
    if (code === delimiter || code === CR || code === LF) break;
    end += 1;
  }
  return [text.slice(start, end), end];
}

// Returns records (one per spreadsheet row); a quoted field may hold delimiters, quotes ("") and line breaks.
// Scans with indexOf and slices instead of building strings a character at a time: a 2 MB file takes milliseconds.
export function parseCsv(text: string, delimiter: CsvDelimiter = detectDelimiter(text)): string[][] {
  const records: string[][] = [];
  if (text.length === 0) return records;
  const separator = delimiter.charCodeAt(0);
  let record: string[] = [];
  let index = 0;
  for (;;) {
    const [value, next] = text.charCodeAt(index) === QUOTE ? readQuoted(text, index, records.length + 1) : readPlain(text, index, separator);
    record.push(value);
    index = next;
    const code = text.charCodeAt(index);
    if (index >= text.length) break;
    if (code === separator) {
      index += 1;
      if (index >= text.length) record.push('');
      if (index >= text.length) break;
    } else if (code === CR || code === LF) {
      index += code === CR && text.charCodeAt(index + 1) === LF ? 2 : 1;
      records.push(record);
      record = [];
      if (index >= text.length) return records;
    } else {
      throw new CsvSyntaxError('text after a closing quote', records.length + 1);
    }
  }
  records.push(record);
  return records;
}
