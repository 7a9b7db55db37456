/**
 * The most characters each free-text field takes: one number per field, read by its zod schema (which
 * refuses more with a message) and by its form (which says it under the field). Plain numbers, so client
 * components can import them.
 */
export const LIMITS = {
  // Risks and reviews
  event: 2000,
  consequence: 1000,
  mitigation: 1000,
  reason: 2000,
  removalReason: 2000,
  correctionWhy: 2000,
  mitigationUpdate: 4000,
  declineNote: 2000,
  // Inspections, findings and actions
  force: 200,
  reportTitle: 400,
  inspectionType: 200,
  component: 300,
  s55Link: 2000,
  forceLead: 200,
  findingNote: 4000,
  actionTitle: 500,
  sourceRef: 300,
  actionUpdate: 4000,
  dueDateReason: 2000,
  // Meetings and commitments
  meetingPlace: 200,
  meetingTime: 60,
  agendaItemTitle: 500,
  givenBy: 200,
  moveReason: 2000,
  // Register settings
  factorName: 40,
  controlScale: 80,
  approvedBy: 200,
  minuteRef: 300,
  // Covering reports
  reportSection: 10_000,
  reportHeading: 200,
  reportShort: 200,
  agendaItem: 20,
  // Accounts
  name: 200,
  email: 320,
} as const;

/** "Event must be 2,000 characters or fewer". */
export const tooLong = (what: string, max: number) => `${what} must be ${max.toLocaleString('en-GB')} characters or fewer`;
