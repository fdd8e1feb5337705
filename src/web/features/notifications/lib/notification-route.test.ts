import { describe, expect, it } from 'vitest';
import { routeOf } from './notification-route';

describe('routeOf', () => {
  it('turns a stored /app link into a route of the staff app', () => {
    expect(routeOf('/app/proposals/abc')).toBe('/proposals/abc');
    expect(routeOf('/agreements/1')).toBe('/agreements/1');
  });

  it('follows no link outside the app', () => {
    expect(routeOf('https://contoh.id/x')).toBeNull();
    expect(routeOf('//contoh.id/x')).toBeNull();
    expect(routeOf(null)).toBeNull();
  });
});
