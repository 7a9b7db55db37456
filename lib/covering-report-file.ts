/**
 * The covering report of a snapshot as a file (PDF or Word), for the route handlers and the evidence
 * pack. Board members get only a published report; staff, admins and auditors also get the draft,
 * marked as such. A published report is rendered from its frozen content and dated when published, so
 * the same report always gives the same file.
 */
import type { Db } from '@/db/client';
import { getCoveringReport } from '@/db/queries/covering-reports';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/session';
import { coveringReportDocx } from './report-docx';
import { coveringReportPdf } from './report-pdf';

export type ReportFormat = 'pdf' | 'docx';

export const REPORT_CONTENT_TYPE: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export async function coveringReportFile(
  db: Db,
  snapshotId: number,
  format: ReportFormat,
  user: Pick<SessionUser, 'role'>,
): Promise<{ ok: true; bytes: Uint8Array; filename: string; draft: boolean; sha256: string | null } | { ok: false; status: 404; message: string }> {
  const report = getCoveringReport(db, snapshotId);
  if (!report) return { ok: false, status: 404, message: 'No covering report has been drafted for this snapshot.' };
  const draft = report.status === 'draft';
  if (draft && !can(user.role, 'report:write') && !can(user.role, 'audit:read'))
    return { ok: false, status: 404, message: 'The covering report for this meeting has not been published yet.' };
  const date = new Date(report.publishedAt ?? report.updatedAt);
  const bytes = format === 'pdf' ? await coveringReportPdf(report.report, { draft, date }) : coveringReportDocx(report.report, { draft, date });
  const filename = `covering-report-${report.report.meetingOn}${draft ? '-draft' : ''}.${format}`;
  return { ok: true, bytes, filename, draft, sha256: report.sha256 };
}
