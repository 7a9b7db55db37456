import { openDatabase } from '@/db/client';
import { getLiveRegister } from '@/db/queries/risks';
import { risksWithOverdueActions, listInspections } from '@/db/queries/inspections';
import { registerRowsHtml } from '@/components/register-table';
const db = openDatabase(process.argv[2]!);
for (let k = 0; k < 8; k++) {
  let t = performance.now();
  const r = getLiveRegister(db, '2026-11-24');
  const a = performance.now() - t; t = performance.now();
  risksWithOverdueActions(db, '2026-11-24'); listInspections(db, '2026-11-24'); const b = performance.now() - t; t = performance.now();
  const h = registerRowsHtml(r.all); const c = performance.now() - t;
  if (k > 4) console.log('live', a.toFixed(1), 'other', b.toFixed(1), 'html', c.toFixed(1), h.length);
}
