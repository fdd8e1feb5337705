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

type ParserState = { records: string[][]; record: string[]; field: string; isQuoted: boolean; afterQuote: boolean };

function endField(state: ParserState) {
  state.record.push(state.field);
  state.field = '';
  state.afterQuote = false;
}

function endRecord(state: ParserState) {
  endField(state);
  state.records.push(state.record);
  state.record = [];
}

// Returns records (one per spreadsheet row); a quoted field may hold delimiters, quotes ("") and line breaks.
export function parseCsv(text: string, delimiter: CsvDelimiter = detectDelimiter(text)): string[][] {
  const state: ParserState = { records: [], record: [], field: '', isQuoted: false, afterQuote: false };
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index] ?? '';
    if (state.isQuoted) {
      if (char !== '"') state.field += char;
      else if (text[index + 1] === '"') {
        state.field += '"';
        index += 1;
      } else {
        state.isQuoted = false;
        state.afterQuote = true;
      }
    } else if (char === '"' && state.field === '' && !state.afterQuote) {
      state.isQuoted = true;
    } else if (char === delimiter) {
      endField(state);
    } else if (char === '\r' || char === '\n') {
      if (char === '\r' && text[index + 1] === '\n') index += 1;
      endRecord(state);
    } else if (state.afterQuote) {
      throw new CsvSyntaxError('text after a closing quote', state.records.length + 1);
    } else {
      state.field += char;
    }
  }
  if (state.isQuoted) throw new CsvSyntaxError('a quoted field is not closed', state.records.length + 1);
  if (state.field !== '' || state.record.length > 0 || state.afterQuote) endRecord(state);
  return state.records;
}
