// The body of every 4xx/5xx answer from /api.
export type ApiErrorBody = {
  error: {
    code: string;
    message: string;
    messageEn: string;
    field?: string;
    issues?: { path: string; message: string; row?: number }[];
    details?: unknown;
    // The request's id, also in the X-Request-Id header and in every log line of the request:
    // what a person quotes to the operator so the logs of that request can be found.
    requestId?: string;
  };
};
