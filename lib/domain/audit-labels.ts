/** The audit log's event and record codes in words, for the page, its filters and its CSV. */

export const AUDIT_ACTION_LABEL: Record<string, string> = {
  'action.create': 'Action added',
  'action.revise-due': 'Action due date revised',
  'action.update': 'Action progress updated',
  'meeting.create': 'Meeting added',
  'meeting.add-item': 'Agenda item added to a meeting’s plan',
  'meeting.import-plan': 'Forward work plan imported',
  'commitment.create': 'Commitment recorded from minutes',
  'commitment.move': 'Commitment moved to another meeting',
  'audit.record-earlier-rows': 'Earlier rows recorded in the audit log',
  'audit.verify': 'Full audit check',
  'auth.lockout': 'Sign-in locked after repeated failures',
  'auth.sign-in': 'Sign-in attempt',
  'auth.sign-out': 'Signed out',
  'finding.link': 'Finding linked to a risk',
  'finding.note': 'Finding progress note added',
  'finding.unlink': 'Finding unlinked from a risk',
  'finding.update': 'Finding updated',
  'inspection.import': 'Inspection report imported',
  'inspection.s55': 'Section 55 response updated',
  'proposal.create': 'Owner’s proposal made',
  'proposal.decline': 'Owner’s proposal declined',
  'report.draft': 'Covering report drafted',
  'report.edit': 'Covering report edited',
  'report.publish': 'Covering report published',
  'review.correct': 'Review corrected',
  'review.record': 'Review recorded',
  'risk.create': 'Risk added',
  'risk.import': 'Risk imported',
  'risk.owner': 'Risk owner changed',
  'seed.demo': 'Demo data loaded',
  'seed.synthetic': 'Synthetic data loaded',
  'settings.create': 'Register settings created',
  'settings.record': 'Register settings decision recorded',
  'snapshot.freeze': 'Snapshot frozen for a meeting',
  'user.create': 'User added',
  'user.update': 'User changed',
  'user.password-change': 'Own password changed',
  'user.password-reset': 'Password reset by an administrator',
  'account.reminders': 'Own reminder choices changed',
  'account.calendar-on': 'Calendar feed turned on',
  'account.calendar-off': 'Calendar feed turned off',
  'account.password-check-failed': 'Wrong current password at a password change',
};

export const AUDIT_RECORD_LABEL: Record<string, string> = {
  action: 'Action',
  audit: 'Audit log',
  covering_report: 'Covering report',
  finding: 'Finding',
  inspection: 'Inspection',
  register: 'Register',
  register_settings: 'Register settings',
  risk: 'Risk',
  sign_in: 'Sign-in',
  snapshot: 'Snapshot',
  user: 'User',
};

/** An event code in words; a code this version does not know is shown as it is. */
export function actionLabel(code: string): string {
  return AUDIT_ACTION_LABEL[code] ?? code;
}

export function recordLabel(code: string): string {
  return AUDIT_RECORD_LABEL[code] ?? code;
}
