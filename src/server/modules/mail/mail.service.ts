import { createTransport } from 'nodemailer';
import type { OutboxMailView, OutboxQuery, OutboxResponse } from '../../../shared/notifications';
import type { Env } from '../../env';
import type { ActorCtx, Ctx } from '../../lib/context';
import { forbidden } from '../../lib/errors';
import { canReadOutbox } from './mail.policy';
import { claimRetry, countOutbox, insertOutboxMail, selectOutboxPage, selectRetryDue, selectSendable, updateOutboxMail, type OutboxRow } from './mail.repository';

export type MailSettings = { smtpUrl: string | null; from: string; publicUrl: string };
// `html`: an HTML alternative of `text`, for mails a person reads as a page (the monthly digest).
export type MailMessage = { to: string; subject: string; text: string; html?: string; entity?: string; entityId?: string };

// What queueing and delivering need of a ctx: in a transaction, the transaction as `db`.
export type MailCtx = Pick<Ctx, 'db' | 'mail' | 'now'>;

const MAX_ATTEMPTS = 5;
const MINUTE_MS = 60_000;
// After a failed attempt n the next comes 5, 10, 20, 40 minutes later: an SMTP server that is
// down for a while is not hammered, and a short outage costs minutes.
export function retryDelayMs(attempts: number): number {
  return 5 * MINUTE_MS * 2 ** Math.max(0, attempts - 1);
}
// A send takes at most ~50 s (the transport's timeouts below); past this it was cut off.
const FIRST_ATTEMPT_GRACE_MS = 10 * MINUTE_MS;
const RETRY_BATCH = 50;

export function mailSettingsOf(env: Env): MailSettings {
  return { smtpUrl: env.SMTP_URL ?? null, from: env.MAIL_FROM, publicUrl: env.JALIN_PUBLIC_URL.replace(/\/+$/, '') };
}

// Written in the caller's transaction, so a mail exists only if the change it reports was committed.
export async function queueMail(ctx: MailCtx, message: MailMessage): Promise<string> {
  const { db, mail: settings, now } = ctx;
  const id = await insertOutboxMail(db, {
    toAddress: message.to,
    subject: message.subject,
    textBody: message.text,
    htmlBody: message.html ?? null,
    status: settings.smtpUrl ? 'pending' : 'held',
    entity: message.entity ?? null,
    entityId: message.entityId ?? null,
    createdAt: now,
  });
  if (!id) throw new Error('insert returned nothing');
  return id;
}

// An SMTP error can quote the server's answer, never the URL with its password; keep it short anyway.
function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/smtps?:\/\/[^\s]+/gi, 'smtp://…').slice(0, 300);
}

function transportOf(smtpUrl: string) {
  return createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
}

async function sendEach(ctx: MailCtx, rows: OutboxRow[], smtpUrl: string): Promise<void> {
  const { db, mail: settings, now } = ctx;
  const transport = transportOf(smtpUrl);
  try {
    for (const row of rows) {
      const attempts = row.attempts + 1;
      try {
        await transport.sendMail({ from: settings.from, to: row.toAddress, subject: row.subject, text: row.textBody ?? '', ...(row.htmlBody ? { html: row.htmlBody } : {}) });
        await updateOutboxMail(db, { id: row.id, status: 'sent', sentAt: now, textBody: null, htmlBody: null, attempts, lastError: null, nextAttemptAt: null });
      } catch (error) {
        const isLast = attempts >= MAX_ATTEMPTS;
        const nextAttemptAt = isLast ? null : new Date(now.getTime() + retryDelayMs(attempts));
        await updateOutboxMail(db, { id: row.id, status: isLast ? 'failed' : 'pending', attempts, lastError: describeError(error), nextAttemptAt });
      }
    }
  } finally {
    transport.close();
  }
}

// After the commit: sends what is pending, records the outcome, and never throws at the caller.
// A mail that failed is tried again by retryPendingMail.
export async function deliverMail(ctx: MailCtx, ids: string[]): Promise<void> {
  const { db, mail: settings } = ctx;
  if (!settings.smtpUrl || ids.length === 0) return;
  const rows = await selectSendable(db, ids);
  if (rows.length === 0) return;
  await sendEach(ctx, rows, settings.smtpUrl);
}

// The job queue's mail-retry job: each pending mail whose next attempt is due gets one more,
// claimed first so that two processes never send it both. Returns how many were tried.
export async function retryPendingMail(ctx: MailCtx): Promise<number> {
  const { db, mail: settings, now } = ctx;
  if (!settings.smtpUrl) return 0;
  const grace = { now, firstAttemptGraceMs: FIRST_ATTEMPT_GRACE_MS };
  const claimed: OutboxRow[] = [];
  for (const id of await selectRetryDue(db, { ...grace, limit: RETRY_BATCH })) {
    const row = await claimRetry(db, { ...grace, id, leaseUntil: new Date(now.getTime() + FIRST_ATTEMPT_GRACE_MS) });
    if (row) claimed.push(row);
  }
  if (claimed.length > 0) await sendEach(ctx, claimed, settings.smtpUrl);
  return claimed.length;
}

function toView(row: OutboxRow): OutboxMailView {
  return {
    id: row.id,
    to: row.toAddress,
    subject: row.subject,
    text: row.textBody,
    status: row.status,
    attempts: row.attempts,
    lastError: row.lastError,
    entity: row.entity,
    entityId: row.entityId,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

export async function listOutbox(ctx: ActorCtx, query: OutboxQuery): Promise<OutboxResponse> {
  if (!canReadOutbox(ctx.actor)) throw forbidden();
  const rows = await selectOutboxPage(ctx.db, { status: query.status, limit: query.pageSize, offset: (query.page - 1) * query.pageSize });
  const total = await countOutbox(ctx.db, query.status);
  return { items: rows.map(toView), total, page: query.page, pageSize: query.pageSize };
}
