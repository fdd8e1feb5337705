import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { BADGE_TONES, type BadgeTone } from './badge-tones';

type Props = Omit<BadgeProps, 'color' | 'variant' | 'styles'> & { tone: BadgeTone; children: ReactNode; 'data-testid'?: string };

// A badge in one of the readable tones (badge-tones.ts).
export function ToneBadge({ tone, children, ...props }: Props) {
  const colors = BADGE_TONES[tone];
  return (
    <Badge {...props} variant="filled" styles={{ root: { background: colors.background, color: colors.color, flexShrink: 0 } }}>
      {children}
    </Badge>
  );
}
