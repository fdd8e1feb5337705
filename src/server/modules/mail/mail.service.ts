import { createTransport } from 'nodemailer';
import type { OutboxMailView, OutboxQuery, OutboxResponse } from '../../../shared/notifications';
import type { Env } from '../../env';
import type { ActorCtx, Ctx } from '../../lib/context';
import { forbidden } from '../../lib/errors';
import { canReadOutbox } from './mail.policy';
import { countOutbox, insertOutboxMail, selectOutboxPage, selectSendable, updateOutboxMail, type OutboxRow } from './mail.repository';

export type MailSettings = { smtpUrl: string | null; from: string; publicUrl: string };
// `html`: an HTML alternative of `text`, for mails a person reads as a page (the monthly digest).
export type MailMessage = { to: string; subject: string; text: string; html?: string; entity?: string; entityId?: string };

// What queueing and delivering need of a ctx: in a transaction, the transaction as `db`.
export type MailCtx = Pick<Ctx, 'db' | 'mail' | 'now'>;

const MAX_ATTEMPTS = 5;

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

// After the commit: sends what is pending, records the outcome, and never throws at the caller.
export async function deliverMail(ctx: MailCtx, ids: string[]): Promise<void> {
  const { db, mail: settings, now } = ctx;
  if (!settings.smtpUrl || ids.length === 0) return;
  const rows = await selectSendable(db, ids);
  if (rows.length === 0) return;
  const transport = createTransport({ url: settings.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  try {
    for (const row of rows) {
      try {
        await transport.sendMail({ from: settings.from, to: row.toAddress, subject: row.subject, text: row.textBody ?? '', ...(row.htmlBody ? { html: row.htmlBody } : {}) });
        await updateOutboxMail(db, { id: row.id, status: 'sent', sentAt: now, textBody: null, htmlBody: null, attempts: row.attempts + 1, lastError: null });
      } catch (error) {
        const status = row.attempts + 1 >= MAX_ATTEMPTS ? 'failed' : 'pending';
        await updateOutboxMail(db, { id: row.id, status, attempts: row.attempts + 1, lastError: describeError(error) });
      }
    }
  } finally {
    transport.close();
  }
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
