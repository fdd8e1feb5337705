// One error type for every rule a use case can break; routes never build HTTP errors themselves.
export const ERROR_STATUS = {
  VALIDATION: 400,
  BAD_FILE: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  UNPROCESSABLE: 422,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  // Readiness: this process cannot serve yet (database unreachable, migrations running).
  NOT_READY: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export type ErrorIssue = { path: string; message: string; row?: number };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly messageEn: string;
  readonly field: string | undefined;
  readonly issues: ErrorIssue[] | undefined;
  readonly details: unknown;

  constructor(options: {
    code: ErrorCode;
    message: string;
    messageEn?: string;
    field?: string;
    issues?: ErrorIssue[];
    details?: unknown;
  }) {
    super(options.message);
    this.name = 'AppError';
    this.code = options.code;
    this.messageEn = options.messageEn ?? options.message;
    this.field = options.field;
    this.issues = options.issues;
    this.details = options.details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function notFound(what: string, whatEn: string): AppError {
  return new AppError({ code: 'NOT_FOUND', message: `${what} tidak ditemukan.`, messageEn: `${whatEn} not found.` });
}

export function forbidden(): AppError {
  return new AppError({
    code: 'FORBIDDEN',
    message: 'Anda tidak berwenang melakukan tindakan ini.',
    messageEn: 'You are not allowed to do this.',
  });
}

export function staleVersion(): AppError {
  return new AppError({
    code: 'STALE',
    message: 'Data telah diubah oleh pengguna lain. Muat ulang halaman lalu ulangi perubahan Anda.',
    messageEn: 'Someone else changed this record. Reload and apply your change again.',
  });
}

export function invalid(field: string, { message, messageEn }: { message: string; messageEn: string }): AppError {
  return new AppError({ code: 'VALIDATION', message, messageEn, field, issues: [{ path: field, message }] });
}
