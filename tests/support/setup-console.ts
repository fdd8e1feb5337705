import { afterEach, beforeEach, vi } from 'vitest';

// A console.error during a test fails it: errors must be asserted, not printed.
let errorSpy: { mock: { calls: unknown[][] }; mockRestore: () => void } | null = null;

beforeEach(() => {
  errorSpy = vi.spyOn(console, 'error');
});

afterEach(() => {
  const calls = errorSpy?.mock.calls ?? [];
  errorSpy?.mockRestore();
  if (calls.length > 0) {
    throw new Error(`console.error was called during the test: ${calls.map((call) => call.map((part) => String(part)).join(' ')).join(' | ')}`);
  }
});
