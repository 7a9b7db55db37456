import { getDb } from '@/db/client';
import { getLiveRegister } from '@/db/queries/risks';
import { authedRoute } from '@/lib/auth/guard';
import { today } from '@/lib/today';
import { parseRegisterFilters } from '@/lib/validation/register-filters';

export const dynamic = 'force-dynamic';

/** The live register as JSON, with the same filters as the page (any signed-in role may read it). */
export const GET = authedRoute('register:read', (request) => {
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const { filters, errors } = parseRegisterFilters(query);
  if (Object.keys(errors).length) return Response.json({ error: 'Some filters could not be used', fieldErrors: errors }, { status: 400 });
  const day = today();
  const { settings, rows } = getLiveRegister(getDb(), day, filters);
  return Response.json(
    {
      asAt: day,
      appetite: settings.appetite,
      removalRule: { comparator: settings.removalComparator, threshold: settings.removalThreshold },
      risks: rows.map((row) => ({
        ref: row.ref,
        category: row.category,
        dateIdentified: row.dateIdentified,
        event: row.event,
        impactAreas: row.impactAreas,
        likelihood: row.latest.likelihood,
        control: row.latest.control,
        impact: row.latest.impact,
        score: row.latest.score,
        band: row.band,
        atOrAboveAppetite: row.atOrAboveAppetite,
        dateReviewed: row.latest.reviewedOn,
        summary: row.latest.summary,
        owner: row.owner?.name ?? null,
        reviewStatus: row.due.status,
        reviewDueOn: row.due.dueOn,
      })),
    },
    { headers: { 'Cache-Control': 'no-store' } },
  );
});
