/**
 * The largest file each upload takes, shared by the server (which refuses anything larger) and the form
 * (which says so before sending it). Plain numbers, so client components can import them.
 */
export const REGISTER_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
export const REPORT_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;

/** The longest register text read, pasted or uploaded: a register of thousands of risks fits. */
export const REGISTER_TEXT_MAX_CHARACTERS = 2_000_000;

/** The longest inspection report text read, pasted or extracted: the longest published PEEL report is about 110,000. */
export const REPORT_TEXT_MAX_CHARACTERS = 500_000;

export const reportTextTooLong = (length: number) =>
  `The report’s text is ${length.toLocaleString('en-GB')} characters, more than the ${REPORT_TEXT_MAX_CHARACTERS.toLocaleString('en-GB')} any inspection report needs: check it is the right report`;

/** The largest minutes or forward work plan file (PDF, Word or text), and the longest text read from one. */
export const MEETING_UPLOAD_MAX_BYTES = 10 * 1024 * 1024;
export const MEETING_TEXT_MAX_CHARACTERS = 500_000;
