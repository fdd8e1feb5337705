import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ReceivedMail, SmtpSink } from '../../../src/server/modules/mail/smtp-sink.test-support';

// The link in the mail that confirms a public proposal; the token travels in the fragment.
export const CONFIRM_LINK = /http:\/\/\S+\/usulan\/konfirmasi#\S+/;

// Mail is sent after the response, so the test waits for it to reach the sink.
export async function waitForMail(sink: SmtpSink, subject: RegExp): Promise<ReceivedMail> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const mail = sink.mails.find((candidate) => subject.test(candidate.subject));
    if (mail) return mail;
    if (Date.now() > deadline) throw new Error(`no mail matching ${String(subject)}; got ${sink.mails.map((m) => m.subject).join(' | ')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// The recipient's side: the mail went to them, and the page opens the link it carries (returned, to open again).
export async function openMailedLink(page: Page, sink: SmtpSink, mail: { subject: RegExp; to: string; link: RegExp }): Promise<string> {
  const received = await waitForMail(sink, mail.subject);
  expect(received.to).toEqual([mail.to]);
  const link = mail.link.exec(received.text)?.[0];
  if (link === undefined) throw new Error(`no link matching ${String(mail.link)} in the mail "${received.subject}"`);
  await page.goto(link);
  return link;
}
