/**
 * The largest file each upload takes, shared by the server (which refuses anything larger) and the form
 * (which says so before sending it). Plain numbers, so client components can import them.
 */
export const REGISTER_UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
export const REPORT_UPLOAD_MAX_BYTES = 20 * 1024 * 1024;
