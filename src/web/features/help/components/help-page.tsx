import { Paper, Typography } from '@mantine/core';
import { useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import guideEnglish from '../../../../../docs/user-guide.en.md?raw';
import guideIndonesian from '../../../../../docs/user-guide.md?raw';
import { PageHeader } from '../../../components/page-header';
import { renderGuide } from '../lib/render-guide';

// The user guide, bundled with this screen's chunk: docs/ stays the one source, and the screen
// works offline from the server like every other screen.
export function HelpPage() {
  const { t, i18n } = useTranslation();
  const { hash } = useLocation();
  const guide = useMemo(() => renderGuide(i18n.language === 'en' ? guideEnglish : guideIndonesian), [i18n.language]);
  // Scroll to the section a screen's Help link asked for, once the guide is in the page.
  useEffect(() => {
    const anchor = decodeURIComponent(hash.replace(/^#/, ''));
    if (anchor) document.getElementById(anchor)?.scrollIntoView();
  }, [hash, guide]);
  return (
    <>
      <PageHeader title={guide.title} description={t('help.description')} />
      <Paper withBorder radius="md" p={{ base: 'sm', sm: 'lg' }}>
        {/* Rendered from the repository's own markdown with raw HTML escaped (render-guide.ts). */}
        <Typography className="jalin-guide" dangerouslySetInnerHTML={{ __html: guide.html }} />
      </Paper>
    </>
  );
}
