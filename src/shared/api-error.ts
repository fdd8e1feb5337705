// The body of every 4xx/5xx answer from /api.
export type ApiErrorBody = {
  error: {
    code: string;
    message: string;
    messageEn: string;
    field?: string;
    issues?: { path: string; message: string; row?: number }[];
    details?: unknown;
  };
};
