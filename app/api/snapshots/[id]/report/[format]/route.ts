import { z } from 'zod';
import { getDb } from '@/db/client';
import { authedRoute } from '@/lib/auth/guard';
import { coveringReportFile, REPORT_CONTENT_TYPE } from '@/lib/covering-report-file';

export const dynamic = 'force-dynamic';

const paramsSchema = z.object({ id: z.coerce.number().int().positive(), format: z.enum(['pdf', 'docx']) });

/** The covering report of a snapshot as PDF or Word: /api/snapshots/1/report/pdf (board members: published reports only). */
export const GET = authedRoute('report:read', async (_request, context: { params: Promise<{ id: string; format: string }> }, user) => {
  const parsed = paramsSchema.safeParse(await context.params);
  if (!parsed.success) return Response.json({ error: 'Ask for /api/snapshots/<snapshot number>/report/pdf or …/report/docx' }, { status: 404 });
  const { id, format } = parsed.data;
  const file = await coveringReportFile(getDb(), id, format, user);
  if (!file.ok) return Response.json({ error: file.message }, { status: file.status });
  return new Response(Buffer.from(file.bytes), {
    headers: {
      'Content-Type': REPORT_CONTENT_TYPE[format],
      'Content-Disposition': `attachment; filename="${file.filename}"`,
      'Cache-Control': 'no-store',
      ...(file.sha256 ? { 'X-Report-SHA256': file.sha256 } : {}),
    },
  });
});
