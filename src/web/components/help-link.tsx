import { Anchor, Group } from '@mantine/core';
import { IconHelpCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { helpAnchorFor } from '../lib/help-anchors';

// "Bantuan (?)": the user guide, inside the app, at the section about the screen being shown. The
// guide itself follows the language switch, so the link needs no language of its own.
export function HelpLink() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const anchor = helpAnchorFor(pathname);
  if (!anchor) return null;
  return (
    <Anchor component={Link} to={`/help#${anchor}`} fz="sm" title={t('help.title')}>
      <Group gap={4} wrap="nowrap">
        <IconHelpCircle size={18} aria-hidden />
        {t('help.link')}
      </Group>
    </Anchor>
  );
}
