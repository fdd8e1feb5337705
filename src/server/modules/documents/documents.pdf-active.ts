import { inflateSync, constants } from 'node:zlib';

// PDF names that make a reader act on its own: run script, start a program, carry other files,
// play embedded media, send or pull data, or react to events (ISO 32000-1 §12.6 actions, §7.11.4
// embedded files, §12.7 forms; Adobe's RichMedia extension).
const ACTIVE_NAMES: Record<string, string> = {
  JavaScript: 'JavaScript',
  JS: 'JavaScript',
  Launch: 'Launch',
  EmbeddedFile: 'EmbeddedFile',
  EmbeddedFiles: 'EmbeddedFile',
  RichMedia: 'RichMedia',
  AA: 'AA',
  SubmitForm: 'SubmitForm',
  ImportData: 'ImportData',
  XFA: 'XFA',
};

const NAME = /\/([^\s/<>[\]()%{}]+)/g;
const STREAM_START = /\bstream(?:\r\n|\n|\r)/g;

// A name may hide its letters as #xx escapes (/J#61vaScript is /JavaScript, §7.3.5).
function namesIn(text: string, into: Set<string>): void {
  for (const match of text.matchAll(NAME)) {
    const name = (match[1] ?? '').replace(/#([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    const kind = ACTIVE_NAMES[name];
    if (kind) into.add(kind);
  }
}

function inflated(data: string): string | null {
  try {
    return inflateSync(Buffer.from(data, 'latin1'), { finishFlush: constants.Z_SYNC_FLUSH }).toString('latin1');
  } catch {
    return null;
  }
}

// Lists the kinds of active content a PDF carries, by the names in its dictionaries. Stream data is
// skipped (compressed bytes would match by chance) except object streams (§7.5.7), where PDF 1.5+
// writers put most dictionaries compressed: those are inflated and read too.
export function findActiveContent(bytes: Buffer): string[] {
  const text = bytes.toString('latin1');
  const found = new Set<string>();
  let cursor = 0;
  for (;;) {
    STREAM_START.lastIndex = cursor;
    const start = STREAM_START.exec(text);
    if (!start) {
      namesIn(text.slice(cursor), found);
      break;
    }
    const head = text.slice(cursor, start.index);
    namesIn(head, found);
    const dataStart = start.index + start[0].length;
    const endIndex = text.indexOf('endstream', dataStart);
    const dataEnd = endIndex < 0 ? text.length : endIndex;
    const dictionary = head.slice(head.lastIndexOf('obj'));
    if (/\/Type\s*\/ObjStm/.test(dictionary) && /\/FlateDecode/.test(dictionary)) {
      const objects = inflated(text.slice(dataStart, dataEnd));
      if (objects) namesIn(objects, found);
    }
    cursor = dataEnd;
  }
  return [...found].sort();
}
