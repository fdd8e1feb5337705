import { describe, expect, it } from 'vitest';
import { NAV_ITEMS } from './nav';
import { APP_ROUTES } from './routes';

describe('navigation', () => {
  it('names for each menu item the same ability as the screen it opens', () => {
    for (const item of NAV_ITEMS) {
      const route = APP_ROUTES.find((candidate) => `/${candidate.path}` === item.path);
      expect(route, item.path).toBeDefined();
      expect(route?.ability, item.path).toBe(item.ability);
    }
  });
});
