// The part of autocannon's API the portal benchmark uses (the package ships no types).
declare module 'autocannon' {
  type Options = { url: string; connections: number; duration: number; requests?: { method: string; path: string }[] };
  type Result = { requests: { average: number }; errors: number; timeouts: number };
  type Instance = PromiseLike<Result> & { on: (event: 'response', listener: (client: unknown, statusCode: number, bytes: number, responseTime: number) => void) => void };
  export default function autocannon(options: Options): Instance;
}
