import type { ReactNode } from 'react';

export type TagColour = 'grey' | 'green' | 'turquoise' | 'blue' | 'light-blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow' | 'teal' | 'magenta';

/** GOV.UK tag: always carries its meaning in words; colour only reinforces it. */
export function Tag({ colour, children, className }: { colour?: TagColour; children: ReactNode; className?: string }) {
  const classes = ['govuk-tag', 'app-tag', colour ? `govuk-tag--${colour}` : '', className ?? ''].filter(Boolean).join(' ');
  return <strong className={classes}>{children}</strong>;
}
