import type { ReactNode } from 'react';

export type TagColour = 'grey' | 'green' | 'turquoise' | 'blue' | 'light-blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow' | 'teal' | 'magenta';

/** GOV.UK tag: always carries its meaning in words; colour only reinforces it. */
export function Tag({ colour, children, className }: { colour?: TagColour; children: ReactNode; className?: string }) {
  return <strong className={tagClasses(colour, className)}>{children}</strong>;
}

/** The classes of a tag, shared with the HTML-string rendering of the register's rows. */
export function tagClasses(colour?: TagColour, className?: string): string {
  return ['govuk-tag', 'app-tag', colour ? `govuk-tag--${colour}` : '', className ?? ''].filter(Boolean).join(' ');
}
