import Database from 'better-sqlite3';
import { strFromU8, unzipSync } from 'fflate';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_REMOVAL_RULE } from '@/lib/domain/categories';
import { APPENDIX_A_HEADERS, buildCoveringReport, draftNarrative, reportText, type CoveringReport } from '@/lib/domain/covering-report';
import { APPENDIX_A_WORD_WIDTHS, coveringReportDocx } from '@/lib/report-docx';
import { extractPdfText } from '@/lib/report-file';
import { coveringReportPdf } from '@/lib/report-pdf';
import { allNodes, structureTree } from '../../e2e/pdf-structure';
import type { Db } from '../client';
import { openDemoTestDatabase } from '../test-database';
import { publishCoveringReport, saveNarrative, startCoveringReport } from '../mutations/covering-reports';
import { chainHead, formatCheckpoint, verifyAuditLog } from './audit';
import { recordReview } from '../mutations/reviews';
import { freezeSnapshot } from '../mutations/snapshots';
import { getCoveringReport, reportInputForSnapshot } from './covering-reports';
import { getRiskByRef } from './risks';

const actor = { userId: null, label: 'unit test' };
let db: Db;
let file: string;
let close: () => void;

beforeEach(() => {
  ({ db, file, close } = openDemoTestDatabase('covering-report-'));
});

afterEach(() => close());

function draftFor(asAt: string, forum: 'panel' | 'jiac' | 'cmb' = 'panel', meetingOn = '2018-06-14'): CoveringReport {
  const id = freezeSnapshot(db, actor, { forum, meetingOn, asAt });
  const input = reportInputForSnapshot(db, id)!;
  return buildCoveringReport(input, draftNarrative(input));
}

const section = (report: CoveringReport, heading: RegExp) => report.sections.find((s) => heading.test(s.heading))!;
const paragraphs = (report: CoveringReport, heading: RegExp) => section(report, heading).blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));
const riskRefs = (report: CoveringReport, heading: RegExp) => section(report, heading).blocks.flatMap((b) => (b.kind === 'risk' ? [b.ref] : []));

describe('the covering report drafted from a snapshot of the demo register', () => {
  it('as at 4 May 2018: the paper’s counts, key risks I1, I8, I9, topical existing T4 and new T7', () => {
    const report = draftFor('2018-05-04');
    expect(report.sections.map((s) => `${s.number}. ${s.heading}`)).toEqual([
      '1. Purpose of Report',
      '2. Background and Main Considerations for the Committee',
      '3. Key Risks to Consider – Inherent',
      '4. Key Risks to Consider – Topical',
      '5. New Risks',
      '6. Risks Removed Since the Last Report',
      '7. Future Reviews of Risk Register',
    ]);
    expect(paragraphs(report, /Purpose/)).toEqual(['To update the Police and Crime Panel on the PCC Risk Register.']);
    expect(paragraphs(report, /Background/)).toContain('The risk appetite remains at 30. No risk is at or above the appetite.');
    expect(paragraphs(report, /Background/).join(' ')).toContain('topical risks which will be removed when they have a score under 10');
    expect(paragraphs(report, /Inherent/)[0]).toBe(
      'The register identifies ten inherent risks; seven are considered as either minor or acceptable and three are considered moderate.',
    );
    expect(paragraphs(report, /Inherent/)[1]).toBe('Details on the three risks considered moderate are:');
    expect(riskRefs(report, /Inherent/)).toEqual(['I1', 'I8', 'I9']);
    expect(paragraphs(report, /Topical/)).toEqual([
      'The register identifies six topical risks; two are considered moderate. Details on these risks are provided in Paragraphs 4.3 and 5.1 below.',
      'One new topical risk has been identified and is considered a moderate risk. Further detail is given in Paragraph 5.1.',
      'Details on the one existing risk considered moderate are:',
    ]);
    expect(riskRefs(report, /Topical/)).toEqual(['T4']);
    expect(paragraphs(report, /New Risks/)).toEqual(['One new risk has been identified and further information is provided below:']);
    expect(riskRefs(report, /New Risks/)).toEqual(['T7']);
    expect(report.appendixA.rows.map((r) => r.ref)).toEqual(['I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7', 'I8', 'I9', 'I10', 'T1', 'T3', 'T4', 'T5', 'T6', 'T7']);
    expect(report.appendixB.glossary).toHaveLength(45);
    expect(report.appendixB.key.map((k) => k.range)).toEqual(['risk score 30+', 'risk score 18-29', 'risk score 8-17', 'risk score 1-7']);
  });

  it('drafts each key risk’s paragraph from its reviews: what moved and why', () => {
    const report = draftFor('2018-05-04');
    const text = (ref: string) => report.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'risk' && b.ref === ref)!;
    expect(text('I1')).toMatchObject({ band: 'moderate', event: expect.stringMatching(/^Failure to deliver the priorities/) });
    expect((text('I1') as { text: string }).text).toBe(
      'The review on 4 May 2018 recorded: due to impact of Op Fairline on resources. As a result, the likelihood has increased from 2 to 3, increasing the overall score from 16 to 24.',
    );
    expect((text('I8') as { text: string }).text).toBe(
      'Gold Group established and working through issues. As a result, the likelihood has reduced from 4 to 3, reducing the overall score from 32 to 24.',
    );
    expect((text('T4') as { text: string }).text).toMatch(
      /^The review on 4 May 2018 recorded: audit taken place and discussion document issued to Force\..*Scoring for this risk is maintained\.$/,
    );
    // As at 4 May 2018, I9's only review is the undated one it came into the register with: not new.
    expect((text('I9') as { text: string }).text).toBe(
      'This risk’s latest score was recorded before the register’s dated reviews; the date of that review was not recorded. Overall the risk scoring is 27 and considered moderate.',
    );
    expect(
      report.sections
        .find((s) => s.heading === 'New Risks')!
        .blocks.filter((b) => b.kind === 'risk')
        .map((b) => (b as { ref: string }).ref),
    ).toEqual(['T7']);
    expect((text('T7') as { text: string }).text).toBe(
      'This risk was identified on 4 May 2018. The likelihood is scored at 3, control at 4 and impact at 2. Overall the risk scoring is 24 and considered moderate.',
    );
    expect(reportText(report)).toContain(
      'Risk I1: Failure to deliver the priorities set out in the Police and Crime Plan due to lack of resources or emerging threats (moderate risk)',
    );
  });

  it('as at 8 May 2018 I9’s own review is used; a later report names what is new, removed, and an appetite change', () => {
    const first = draftFor('2018-05-08', 'panel');
    const i9 = first.sections.flatMap((s) => s.blocks).find((b) => b.kind === 'risk' && b.ref === 'I9') as { text: string };
    expect(i9.text).toBe('The review on 8 May 2018 recorded: risk to be reviewed following strategic seminar. Scoring for this risk is maintained.');

    // T5 falls to 8 and leaves the register; a new topical risk arrives; then the next quarter's report.
    const t5 = getRiskByRef(db, 'T5', '2018-08-01')!;
    recordReview(db, actor, {
      riskId: t5.id,
      expectedVersion: t5.version,
      reviewedOn: '2018-08-01',
      forum: 'cmb',
      likelihood: 2,
      control: 2,
      impact: 2,
      reason: 'Chief Constable appointed',
      removalRule: DEFAULT_REMOVAL_RULE,
      remove: { reason: 'Appointment made' },
    });
    const next = draftFor('2018-08-31', 'panel', '2018-09-13');
    expect(paragraphs(next, /Removed/)[0]).toBe('One topical risk has been removed from the register since the last report:');
    const list = section(next, /Removed/).blocks.find((b) => b.kind === 'list') as { items: string[] };
    expect(list.items).toEqual([expect.stringMatching(/^Risk T5: .*, removed on 1 August 2018 at a score of 8 – Appointment made$/)]);
    expect(riskRefs(next, /New Risks/)).toEqual([]);
    expect(paragraphs(next, /New Risks/)).toEqual(['No new risks have been identified since the last report.']);
    expect(paragraphs(next, /Inherent/)[0]).toBe(
      'The register identifies ten inherent risks; seven are considered as either minor or acceptable and three are considered moderate.',
    );
    expect(paragraphs(next, /Topical/)[0]).toBe(
      'The register identifies five topical risks; two are considered moderate. Details on these risks are provided in Paragraph 4.2 below.',
    );
  });
});

describe('the office’s standing wording and the agenda item', () => {
  it('prints the Plan period at 2.1 and who reviews and manages the register at 2.4, and carries them into the next draft', () => {
    const first = freezeSnapshot(db, actor, { forum: 'panel', meetingOn: '2018-06-14', asAt: '2018-05-04' });
    startCoveringReport(db, actor, first);
    const draft = getCoveringReport(db, first)!;
    expect(paragraphs(draft.report, /Background/)[0]).toBe('The risk register has been reviewed and updated as at 4 May 2018.');
    const narrative = {
      ...draft.narrative,
      agendaItem: '8',
      planAlignment: 'Police and Crime Plan (2017-2021)',
      monthlyReviewers: 'the Deputy Chief Executive',
      registerManager: 'The Commissioning and Policy Officer',
    };
    expect(saveNarrative(db, actor, first, 1, narrative)).toMatchObject({ ok: true });
    const report = getCoveringReport(db, first)!.report;
    const background = paragraphs(report, /Background/);
    expect(background[0]).toBe(
      'The risk register is now aligned to the lifespan of the Police and Crime Plan (2017-2021) and has been reviewed and updated as at 4 May 2018.',
    );
    expect(background[3]).toBe(
      "The register is reviewed monthly on an informal basis by the Deputy Chief Executive and formally by the Commissioner's Monitoring Board on a quarterly basis, prior to meetings of the Joint Independent Audit Committee and the Police and Crime Panel. The Commissioning and Policy Officer has responsibility for the day-to-day management of the register.",
    );
    expect(report.agendaItem).toBe('8');
    expect(reportText(report).split('\n')[0]).toBe('Agenda item 8');

    // The next quarter's draft starts with the same standing wording, and no agenda item of its own yet.
    const next = freezeSnapshot(db, actor, { forum: 'panel', meetingOn: '2018-09-13', asAt: '2018-08-31' });
    startCoveringReport(db, actor, next);
    expect(getCoveringReport(db, next)!.narrative).toMatchObject({
      agendaItem: '',
      planAlignment: 'Police and Crime Plan (2017-2021)',
      monthlyReviewers: 'the Deputy Chief Executive',
      registerManager: 'The Commissioning and Policy Officer',
    });
  });
});

describe('drafting, editing and publishing', () => {
  it('keeps edits, refuses a stale save, and freezes the published report with its hash', () => {
    const snapshotId = freezeSnapshot(db, actor, { forum: 'panel', meetingOn: '2018-06-14', asAt: '2018-05-04' });
    startCoveringReport(db, actor, snapshotId);
    expect(startCoveringReport(db, actor, snapshotId)).toBe(getCoveringReport(db, snapshotId)!.id);
    const draft = getCoveringReport(db, snapshotId)!;
    expect(draft).toMatchObject({ status: 'draft', version: 1 });
    const narrative = {
      ...draft.narrative,
      otherHeading: 'Op Fairline',
      otherText: 'Op Fairline started at the beginning of March 2018.',
      risks: { ...draft.narrative.risks, I9: 'The seminar will now take place in June.' },
    };
    expect(saveNarrative(db, actor, snapshotId, 1, narrative)).toEqual({ ok: true, version: 2 });
    expect(saveNarrative(db, actor, snapshotId, 1, narrative)).toMatchObject({
      ok: false,
      message: expect.stringMatching(/saved this draft after you opened it/),
    });
    const edited = getCoveringReport(db, snapshotId)!;
    expect(edited.report.sections.map((s) => s.heading)).toContain('Op Fairline');
    // With the paper's extra section 3, the cross-reference follows the report's own numbering, as the paper's does.
    expect(paragraphs(edited.report, /Topical/)[0]).toBe(
      'The register identifies six topical risks; two are considered moderate. Details on these risks are provided in Paragraphs 5.3 and 6.1 below.',
    );
    expect(reportText(edited.report)).toContain('The seminar will now take place in June.');

    const head = chainHead(db)!;
    const published = publishCoveringReport(db, actor, snapshotId, 2);
    expect(published).toMatchObject({ ok: true, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const view = getCoveringReport(db, snapshotId)!;
    // The report carries the audit log's checkpoint at publication, under its own hash.
    expect(view.report.auditCheckpoint).toBe(formatCheckpoint(head));
    expect(verifyAuditLog(db, { since: head, rows: true })).toMatchObject({ ok: true });
    expect(view).toMatchObject({ status: 'published', intact: true, publishedByName: 'unit test' });
    expect(saveNarrative(db, actor, snapshotId, 3, narrative)).toMatchObject({ ok: false, message: expect.stringMatching(/published/) });
    // The database itself refuses to change or remove a published report, whoever writes to the file.
    const raw = new Database(file);
    expect(() => raw.prepare("UPDATE covering_reports SET content = '{}' WHERE snapshot_id = ?").run(snapshotId)).toThrow(/frozen/);
    expect(() => raw.prepare('DELETE FROM covering_reports WHERE snapshot_id = ?').run(snapshotId)).toThrow(/never deleted/);
    raw.close();
    // Later reviews do not change what was published.
    const i1 = getRiskByRef(db, 'I1', '2018-07-01')!;
    recordReview(db, actor, {
      riskId: i1.id,
      expectedVersion: i1.version,
      reviewedOn: '2018-07-01',
      forum: 'cmb',
      likelihood: 1,
      control: 2,
      impact: 4,
      reason: 'recovered',
      removalRule: DEFAULT_REMOVAL_RULE,
    });
    expect(getCoveringReport(db, snapshotId)!.report).toEqual(view.report);
    const actions = db.$client.prepare("SELECT action FROM audit_log WHERE entity_type = 'covering_report' ORDER BY id").all() as Array<{ action: string }>;
    expect(actions.map((a) => a.action)).toEqual(['report.draft', 'report.edit', 'report.publish']);
  });
});

describe('the covering report as PDF and Word', () => {
  const oneLine = (text: string) => text.replace(/\s+/g, ' ');

  it('the PDF holds the report’s text: headings, counts, key risks, appendices', async () => {
    const report = draftFor('2018-05-04');
    const pdf = await coveringReportPdf(report, { draft: false, date: new Date('2018-06-01T09:00:00Z') });
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const text = oneLine(await extractPdfText(pdf));
    expect(text).toContain('PCC Risk Register');
    expect(text).toContain('2.6 The risk appetite remains at 30. No risk is at or above the appetite.');
    expect(text).toContain('The register identifies ten inherent risks; seven are considered as either minor or acceptable and three are considered moderate.');
    expect(text).toContain('Risk I1: Failure to deliver the priorities set out in the Police and Crime Plan');
    expect(text).toContain('the likelihood has increased from 2 to 3, increasing the overall score from 16 to 24.');
    expect(text).toContain('Risk T7: Ongoing Op Fairline impacting upon community confidence and police resources');
    expect(text).toContain('Appendix A: PCC Dynamic Risk Register as at 4 May 2018');
    expect(text).toContain('Increased (previously 16) - due to impact of Op Fairline on resources');
    expect(text).toContain("Commissioner's Monitoring Board");
    expect(text).toMatch(/page 1 of \d+/);
    expect(text).not.toContain('DRAFT');
    const draft = oneLine(await extractPdfText(await coveringReportPdf(report, { draft: true })));
    expect(draft).toContain('DRAFT: not yet published');
  });

  it('the PDF is tagged for accessibility: title, language, headings, lists and tables with header cells, in reading order', async () => {
    const report = draftFor('2018-05-04');
    const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const pdf = await getDocument({ data: await coveringReportPdf(report, { draft: false, date: new Date('2018-06-01T09:00:00Z') }), isEvalSupported: false })
      .promise;
    const { info } = (await pdf.getMetadata()) as { info: { Title?: string; Language?: string } };
    expect(info.Title).toBe('PCC Risk Register: Police and Crime Panel, 14 June 2018');
    expect(info.Language).toBe('en-GB');
    type Node = { role?: string; children?: Node[]; type?: string };
    const roles: string[] = [];
    const walk = (node: Node | null) => {
      if (!node) return;
      if (node.role) roles.push(node.role);
      node.children?.forEach(walk);
    };
    const perPage: string[][] = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const before = roles.length;
      walk((await (await pdf.getPage(p)).getStructTree()) as Node);
      perPage.push(roles.slice(before));
    }
    expect(roles.filter((r) => r === 'H1')).toHaveLength(1);
    expect(roles.filter((r) => r === 'H2').length).toBeGreaterThanOrEqual(report.sections.length + 2);
    expect(roles.filter((r) => r === 'H3').length).toBeGreaterThanOrEqual(5);
    expect(roles).toEqual(expect.arrayContaining(['Document', 'P', 'Table', 'THead', 'TBody', 'TR', 'TH', 'TD']));
    // Appendix A: a header cell for each of the paper's twelve columns, and a row for each of the 16 risks.
    const appendixPages = perPage.filter((page) => page.filter((r) => r === 'TH').length >= 12);
    expect(appendixPages.length).toBeGreaterThanOrEqual(1);
    expect(roles.indexOf('H1')).toBeLessThan(roles.indexOf('H2'));

    // A list block (the risks removed since the last report) is a list: L, LI, Lbl and LBody.
    const listed = {
      ...report,
      sections: [{ number: 1, heading: 'Removed', blocks: [{ kind: 'list' as const, items: ['Risk T5: removed', 'Risk T6: removed'] }] }],
    };
    const listPdf = await getDocument({ data: await coveringReportPdf(listed, { draft: false }), isEvalSupported: false }).promise;
    roles.length = 0;
    walk((await (await listPdf.getPage(1)).getStructTree()) as Node);
    expect(roles.filter((r) => r === 'LI')).toHaveLength(2);
    expect(roles).toEqual(expect.arrayContaining(['L', 'Lbl', 'LBody']));

    const text = await extractPdfText(await coveringReportPdf(report, { draft: false }));
    // A band phrase is never split across lines (T7's heading once broke as "police resources (" / "moderate risk)").
    expect(text).toMatch(/Ongoing Op Fairline impacting upon community confidence and police[^\n]*\n?[^\n]*\(moderate[ \u00a0]risk\)/);
    expect(text).not.toMatch(/\(\s*\n/);
  });

  it('the PDF’s tables carry their semantics in full, read back from the file: TH with Scope, lists in cells, words apart, the divider rows', async () => {
    const report = draftFor('2018-05-04');
    const bytes = await coveringReportPdf(report, { draft: false });
    const nodes = allNodes(await structureTree(bytes));
    const headers = nodes.filter((n) => n.type === 'TH');
    expect(headers.length).toBeGreaterThan(12);
    // Every header cell says what it heads.
    expect(headers.filter((n) => n.scope === null)).toEqual([]);
    expect(headers.filter((n) => n.scope === 'Column').length).toBeGreaterThanOrEqual(12 + 2 + 2);
    // Appendix A's two divider rows head their rows.
    expect(headers.filter((n) => n.scope === 'Row')).toHaveLength(2);
    // Consequences and mitigations are lists inside their cells: L of LI, each with a Lbl (the bullet) and an LBody.
    const cellLists = nodes.filter((n) => n.type === 'TD').flatMap((td) => td.children.filter((c) => c.type === 'L'));
    expect(cellLists.length).toBeGreaterThanOrEqual(16 * 2);
    const items = cellLists.flatMap((l) => l.children);
    expect(items.every((li) => li.type === 'LI' && li.children.some((c) => c.type === 'LBody'))).toBe(true);
    expect(items.some((li) => li.children.some((c) => c.type === 'Lbl'))).toBe(true);
    const text = oneLine(await extractPdfText(bytes));
    // Impact areas keep their words apart in the text layer (they once read "FinancialLegalOperational Delivery…").
    expect(text).not.toMatch(/Financial(Legal|Operational|Performance|Reputational)/);
    expect(text).toContain('Inherent Risks');
    expect(text).toContain('Topical Risks');
  });

  it('Appendix A prints every column of the paper’s register for all 16 risks, the score banded in words', async () => {
    const report = draftFor('2018-05-04');
    expect(report.appendixA.rows).toHaveLength(16);
    const t3 = report.appendixA.rows.find((r) => r.ref === 'T3')!;
    expect(t3.consequences).toContain('Commons Public Accounts Committee has been told that ESN will be running in September 2020');
    expect(t3.impactAreas).toEqual(['Financial', 'Operational Delivery', 'Reputational']);
    expect(t3.mitigations).toContain('Funding allocated in capital plan');
    const text = oneLine(await extractPdfText(await coveringReportPdf(report, { draft: false })));
    for (const header of ['Consequence', 'Main impact area(s)', 'Mitigation and Controls', 'Date Reviewed']) expect(text).toContain(header);
    expect(text).toContain('Funding allocated in capital plan');
    expect(text).toMatch(/24 Moderate/);
    const xml = strFromU8(unzipSync(coveringReportDocx(report, { draft: false, date: new Date() }))['word/document.xml']!);
    expect(xml).toContain('Mitigation and Controls');
    expect(xml).toContain('<w:shd w:val="clear" w:color="auto" w:fill="FFF7BF"/>');
  });

  it('the Word file needs no tidying: real Word lists, the divider rows, a Score column that fits its words, the record at the end', () => {
    const report = { ...draftFor('2018-05-04'), auditCheckpoint: '42:3f5a' };
    const files = unzipSync(coveringReportDocx(report, { draft: false, date: new Date('2018-06-01T09:00:00Z') }));
    const xml = strFromU8(files['word/document.xml']!);
    const numbering = strFromU8(files['word/numbering.xml']!);
    // Bullets are a numbering definition that paragraphs refer to, not typed characters.
    expect(numbering).toMatch(/<w:numFmt w:val="bullet"\/>/);
    expect(xml).not.toContain('•');
    const funding = xml.split('<w:p>').find((p) => p.includes('Funding allocated in capital plan'))!;
    expect(funding).toMatch(/<w:numPr><w:ilvl w:val="0"\/><w:numId w:val="\d+"\/><\/w:numPr>/);
    expect(strFromU8(files['[Content_Types].xml']!)).toContain('/word/numbering.xml');
    // The paper's divider rows, each one cell across Appendix A's twelve columns.
    expect(xml).toMatch(/<w:gridSpan w:val="12"\/>.*Inherent Risks/);
    expect(xml.indexOf('Inherent Risks')).toBeLessThan(xml.indexOf('Topical Risks'));
    // "Acceptable" and "Moderate" fit the Score column at the table's 8 pt (Arial: about 40 pt for "Acceptable").
    const score = APPENDIX_A_WORD_WIDTHS[APPENDIX_A_HEADERS.indexOf('Score')]!;
    expect(score - 160).toBeGreaterThanOrEqual(40 * 20);
    expect(APPENDIX_A_WORD_WIDTHS.reduce((a, b) => a + b, 0)).toBe(14570);
    // The checkpoint is a record note after the appendices, not a line in the report's body.
    expect(xml.indexOf('Audit log checkpoint at publication: 42:3f5a')).toBeGreaterThan(xml.indexOf('Appendix B'));
  });

  it('the Word file is a valid package whose document holds the same text, with real headings', () => {
    const report = draftFor('2018-05-04');
    const docx = coveringReportDocx(report, { draft: false, date: new Date('2018-06-01T09:00:00Z') });
    const files = unzipSync(docx);
    expect(Object.keys(files).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'docProps/core.xml',
      'word/_rels/document.xml.rels',
      'word/document.xml',
      'word/numbering.xml',
      'word/styles.xml',
    ]);
    const xml = strFromU8(files['word/document.xml']!);
    expect(xml.match(/<w:pStyle w:val="Heading1"\/>/g)).toHaveLength(report.sections.length + 2);
    const text = oneLine(
      xml
        .replace(/<w:tab\/>/g, ' ')
        .replace(/<[^>]+>/g, '')
        .replace(/&amp;/g, '&')
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>'),
    );
    expect(text).toContain('2.6 The risk appetite remains at 30. No risk is at or above the appetite.');
    expect(text).toContain('Risk I8: ICT services with Wiltshire Council are not resilient');
    expect(text).toContain('The register identifies six topical risks; two are considered moderate.');
    expect(text).toContain('P&C Plan');
    // The same report gives the same bytes: a file can be checked against its published hash.
    expect(Buffer.from(coveringReportDocx(report, { draft: false, date: new Date('2018-06-01T09:00:00Z') })).equals(Buffer.from(docx))).toBe(true);
  });

  it('text the standard PDF fonts cannot show, and XML control characters, do not break either file', async () => {
    const report = draftFor('2018-05-04');
    const input = reportInputForSnapshot(db, freezeSnapshot(db, actor, { forum: 'cmb', meetingOn: '2018-06-01', asAt: '2018-05-04' }))!;
    const narrative = {
      ...draftNarrative(input),
      otherHeading: 'Scores → trends ≥ 30 \u0007 <b>&',
      otherText: 'Right-to-left: \u05e9\u05dc\u05d5\u05dd; emoji 🚓; tab\there',
    };
    const odd = buildCoveringReport(input, narrative);
    const text = oneLine(await extractPdfText(await coveringReportPdf(odd, { draft: true })));
    expect(text).toContain('Scores → trends ≥ 30');
    const xml = strFromU8(unzipSync(coveringReportDocx(odd, { draft: true, date: new Date() }))['word/document.xml']!);
    expect(xml).toContain('Scores → trends ≥ 30  &lt;b&gt;&amp;');
    expect(xml).not.toContain('\u0007');
    expect(report.sections).toHaveLength(7);
  });
});
