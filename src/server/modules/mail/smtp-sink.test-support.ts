import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

// A real SMTP server on loopback that keeps what it receives, for tests of the mail path.
// `html`: the HTML part of a multipart/alternative mail (then `text` is its plain-text part).
export type ReceivedMail = { from: string | null; to: string[]; subject: string; text: string; html?: string };
// setRefusing(true): every mail is answered 451 (try again later), as by a server that is down for a while.
export type SmtpSink = { url: string; mails: ReceivedMail[]; setRefusing: (isRefusing: boolean) => void; close: () => Promise<void> };

function headerOf(head: string, name: string): string {
  const unfolded = head.replace(/\r\n[ \t]+/g, ' ');
  const line = unfolded.split('\r\n').find((candidate) => candidate.toLowerCase().startsWith(`${name.toLowerCase()}:`));
  return line ? line.slice(name.length + 1).trim() : '';
}

// RFC 2047 encoded words in the subject, as nodemailer writes non-ASCII headers.
function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_match, mode: string, data: string) =>
    mode.toLowerCase() === 'b' ? Buffer.from(data, 'base64').toString('utf8') : Buffer.from(data.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8'),
  );
}

function decodeBody(body: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') {
    const bytes = body.replace(/=\r\n/g, '').replace(/=([0-9A-F]{2})/gi, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, 'latin1').toString('utf8');
  }
  return Buffer.from(body, 'latin1').toString('utf8');
}

function partOf(raw: string): { head: string; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  return { head: raw.slice(0, split), body: raw.slice(split + 4) };
}

const bodyText = (part: { head: string; body: string }) => decodeBody(part.body, headerOf(part.head, 'Content-Transfer-Encoding').toLowerCase()).replace(/\r\n/g, '\n').trimEnd();

function parse(raw: string, envelope: { from: string | null; to: string[] }): ReceivedMail {
  const whole = partOf(raw);
  const subject = decodeWords(headerOf(whole.head, 'Subject'));
  const boundary = /multipart\/alternative;\s*boundary="?([^";]+)"?/i.exec(headerOf(whole.head, 'Content-Type'))?.[1];
  if (!boundary) return { ...envelope, subject, text: bodyText(whole) };
  const parts = whole.body.split(`--${boundary}`).slice(1, -1).map((chunk) => partOf(chunk.replace(/^\r\n/, '')));
  const typed = (type: string) => parts.find((part) => headerOf(part.head, 'Content-Type').toLowerCase().startsWith(type));
  const text = typed('text/plain');
  const html = typed('text/html');
  return { ...envelope, subject, text: text ? bodyText(text) : '', ...(html ? { html: bodyText(html) } : {}) };
}

export async function startSmtpSink(): Promise<SmtpSink> {
  const mails: ReceivedMail[] = [];
  let isRefusing = false;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (isRefusing) {
          callback(Object.assign(new Error('Service unavailable, try again later'), { responseCode: 451 }));
          return;
        }
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : null;
        mails.push(parse(Buffer.concat(chunks).toString('latin1'), { from, to: session.envelope.rcptTo.map((rcpt) => rcpt.address) }));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    setRefusing: (value) => {
      isRefusing = value;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
