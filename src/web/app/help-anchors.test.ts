import { describe, expect, it } from 'vitest';
import guideEnglish from '../../../docs/user-guide.en.md?raw';
import guideIndonesian from '../../../docs/user-guide.md?raw';
import { guideAnchors, helpAnchorFor, HELP_ANCHORS } from '../lib/help-anchors';
import { APP_ROUTES } from './routes';

const guides = {
  id: guideAnchors(guideIndonesian),
  en: guideAnchors(guideEnglish),
};

describe('help links', () => {
  it('gives every screen a section of the guide, present in both languages (a renamed or removed anchor fails here)', () => {
    for (const route of APP_ROUTES) {
      const anchor = HELP_ANCHORS[route.path];
      expect(anchor, `${route.path}: no entry in lib/help-anchors.ts`).toBeDefined();
      expect(guides.id, `${route.path} → #${String(anchor)} in docs/user-guide.md`).toContain(anchor);
      expect(guides.en, `${route.path} → #${String(anchor)} in docs/user-guide.en.md`).toContain(anchor);
    }
  });

  it('lists no screen that the app does not have', () => {
    const paths = new Set(APP_ROUTES.map((route) => route.path));
    expect(Object.keys(HELP_ANCHORS).filter((path) => !paths.has(path))).toEqual([]);
  });

  it('declares each anchor once per guide, so a link lands on one place', () => {
    for (const anchors of [guides.id, guides.en]) expect(anchors.length).toBe(new Set(anchors).size);
  });

  it('finds the section for a pathname, a literal segment before a parameter', () => {
    expect(helpAnchorFor('/agreements/new')).toBe('register');
    expect(helpAnchorFor('/proposals/new')).toBe('proposal-submit');
    expect(helpAnchorFor('/proposals/0b6f1c1e-8d1a-4a4e-9a51-3f0d4f6b2d10')).toBe('proposal-page');
    expect(helpAnchorFor('/realisation/queue')).toBe('realisation-review');
    expect(helpAnchorFor('/realisation/plans/p1/2026-S1')).toBe('realisation-report');
    expect(helpAnchorFor('/tidak-ada')).toBeNull();
  });
});
