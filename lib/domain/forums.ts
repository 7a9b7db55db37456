/** The forums in which a risk is reviewed (002:2114): monthly by staff, quarterly by the CMB, then JIAC and the Panel. */
export const FORUMS = ['monthly', 'cmb', 'jiac', 'panel', 'other', 'import'] as const;
export type Forum = (typeof FORUMS)[number];

export const FORUM_LABEL: Record<Forum, string> = {
  monthly: 'Monthly staff review',
  cmb: 'Commissioner’s Monitoring Board (CMB)',
  jiac: 'Joint Independent Audit Committee (JIAC)',
  panel: 'Police and Crime Panel',
  other: 'Other',
  import: 'Imported register',
};
