import type { ApiErrorBody } from '../../shared/api-error';

export type ApiIssue = { path: string; message: string; row?: number };

// Every failed call becomes one error type carrying the server's bilingual message.
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly messageEn: string;
  readonly field: string | undefined;
  readonly issues: ApiIssue[];

  constructor(options: { status: number; code: string; message: string; messageEn: string; field?: string; issues?: ApiIssue[] }) {
    super(options.message);
    this.name = 'ApiError';
    this.status = options.status;
    this.code = options.code;
    this.messageEn = options.messageEn;
    this.field = options.field;
    this.issues = options.issues ?? [];
  }

  localized(language: string): string {
    return language.startsWith('en') ? this.messageEn : this.message;
  }
}

export type QueryValue = string | number | boolean | null | undefined | readonly (string | number)[];

export function toQueryString(query: Record<string, QueryValue>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      for (const item of value as readonly (string | number)[]) params.append(key, String(item));
    } else {
      params.set(key, String(value));
    }
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  return typeof value === 'object' && value !== null && 'error' in value && typeof (value as ApiErrorBody).error === 'object';
}

export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON: fall through to a generic message
  }
  if (isErrorBody(body)) {
    const { code, message, messageEn, field, issues } = body.error;
    return new ApiError({ status: response.status, code, message, messageEn, ...(field ? { field } : {}), ...(issues ? { issues } : {}) });
  }
  return new ApiError({
    status: response.status,
    code: response.status === 404 ? 'NOT_FOUND' : 'INTERNAL',
    message: `Permintaan gagal (${response.status}).`,
    messageEn: `Request failed (${response.status}).`,
  });
}

type RequestOptions = {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  // 'include' (the same cookies on this origin) matches a <link rel="preload" crossorigin="use-credentials">.
  credentials?: RequestCredentials;
};

// The one way the web app talks to /api: JSON in, JSON out, ApiError on failure.
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const url = `/api${path}${options.query ? toQueryString(options.query) : ''}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: options.method ?? 'GET',
      credentials: options.credentials ?? 'same-origin',
      headers: options.body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'NETWORK', message: 'Tidak dapat menghubungi server.', messageEn: 'Cannot reach the server.' });
  }
  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

export type UploadOptions = { path: string; form: FormData; onProgress?: (fraction: number) => void };

// Uploads need progress events, which fetch does not give for request bodies.
export function uploadWithProgress<T>({ path, form, onProgress }: UploadOptions): Promise<T> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api${path}`);
    request.responseType = 'text';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && onProgress) onProgress(event.loaded / event.total);
    };
    request.onerror = () =>
      reject(new ApiError({ status: 0, code: 'NETWORK', message: 'Tidak dapat menghubungi server.', messageEn: 'Cannot reach the server.' }));
    request.onload = () => {
      const response = new Response(request.responseText || null, { status: request.status, headers: { 'content-type': 'application/json' } });
      if (request.status >= 200 && request.status < 300) {
        resolve((request.responseText ? JSON.parse(request.responseText) : undefined) as T);
      } else {
        errorFromResponse(response).then(reject, reject);
      }
    };
    request.send(form);
  });
}

function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded?.[1]) return decodeURIComponent(encoded[1]);
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain?.[1] ?? fallback;
}

// Fetches a file and hands it to the browser as a download, keeping the server's file name.
export async function downloadFile(path: string, fallbackName: string): Promise<void> {
  const response = await fetch(`/api${path}`, { credentials: 'same-origin' });
  if (!response.ok) throw await errorFromResponse(response);
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileNameFrom(response.headers.get('content-disposition'), fallbackName);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
