/**
 * The expected refusals of the data layer: mutations throw them, server actions turn each into a message
 * for the form. Anything else is unexpected and reaches the error page.
 */

/** The record changed since the form was opened (optimistic version check). */
export class StaleVersionError extends Error {
  constructor() {
    super('Someone else changed this record while you were editing it');
    this.name = 'StaleVersionError';
  }
}

/** The risk a stale owner assignment was refused for: someone saved it after the page was opened. */
export class StaleOwnerAssignmentError extends StaleVersionError {
  constructor(readonly ref: string) {
    super();
    this.name = 'StaleOwnerAssignmentError';
  }
}

export class DuplicateEmailError extends Error {
  constructor() {
    super('An account with this email address already exists');
    this.name = 'DuplicateEmailError';
  }
}

/** Inherent risks always remain on the register. */
export class InherentArchiveError extends Error {
  constructor(ref: string) {
    super(`${ref} is an inherent risk: inherent risks always remain on the register and cannot be archived`);
    this.name = 'InherentArchiveError';
  }
}

/** A topical risk leaves the register only when its score is below the removal threshold. */
export class RemovalNotAllowedError extends Error {
  constructor(ref: string, score: number) {
    super(`${ref} scores ${score}, which is not below the removal threshold, so it cannot be removed`);
    this.name = 'RemovalNotAllowedError';
  }
}

export class ProposalDecidedError extends Error {
  constructor() {
    super('This proposal has already been decided');
    this.name = 'ProposalDecidedError';
  }
}

export class DuplicateInspectionError extends Error {
  constructor(readonly existingId: number) {
    super('This report has already been imported');
    this.name = 'DuplicateInspectionError';
  }
}

/** A covering report cannot be drafted, edited or published as asked; the message says why. */
export class CoveringReportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CoveringReportError';
  }
}

/**
 * A review's date would put it before the risk was identified, or before a review already recorded: the
 * history reads in date order, so a back-dated review is refused rather than allowed to become current.
 */
export class ReviewDateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReviewDateError';
  }
}

/** An s.55 response cannot be published before the report it answers. */
export class S55DateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'S55DateError';
  }
}

/** A correction of a review that cannot be made as entered; `field` names the form field it belongs to. */
export class CorrectionError extends Error {
  constructor(
    message: string,
    readonly field: 'reviewedOn' | 'likelihood' | null,
  ) {
    super(message);
    this.name = 'CorrectionError';
  }
}

/** A person chosen on a form (an owner) who is not on the list of people, or no longer active. */
export class UnknownPersonError extends Error {
  constructor(readonly field: string) {
    super('Select a person from the list');
    this.name = 'UnknownPersonError';
  }
}

/** A row of an import that cannot be applied: nothing of the import was saved. */
export class ImportRowError extends Error {
  constructor(
    readonly ref: string,
    readonly line: number | null,
    reason: string,
  ) {
    super(`${line ? `Row ${line} (${ref})` : ref}: ${reason}. Nothing was saved: correct it and import again.`);
    this.name = 'ImportRowError';
  }
}

/** A forum meets once on a day: the meeting is already recorded. */
export class DuplicateMeetingError extends Error {
  constructor(readonly existingId: number) {
    super('This meeting is already recorded');
    this.name = 'DuplicateMeetingError';
  }
}
