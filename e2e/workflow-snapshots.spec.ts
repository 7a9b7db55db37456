/** Freezing the register for a meeting, and what board members and auditors can do with it. */
import { parse as parseCsv } from 'csv-parse/sync';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './accessibility';
import { signInAs, signInByApi } from './helpers';
import { PAPER_RISKS } from './paper';
import { extractPdfText } from '../lib/report-file';
import paper from '../db/seed/register-2018-05.json';

test.describe.serial('meeting snapshots', () => {
  let url = '';

  test('staff freeze the register as at 8 May 2018 (the paper’s last review, I9’s) for the Panel meeting; its CSV reproduces the paper', async ({
    page,
    request,
  }) => {
    await signInAs(page, 'staff');
    await page.getByRole('link', { name: 'Snapshots' }).click();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Freeze the register' }).click();
    await expect(page.getByRole('link', { name: 'Select the meeting’s forum, or choose a recorded meeting' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Enter the meeting date, or choose a recorded meeting' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Enter the as-at date' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Police and Crime Panel').check();
    const meeting = page.getByRole('group', { name: 'Meeting date' });
    await meeting.getByLabel('Day').fill('14');
    await meeting.getByLabel('Month').fill('6');
    await meeting.getByLabel('Year').fill('2018');
    const asAt = page.getByRole('group', { name: 'Register as at' });
    await asAt.getByLabel('Day').fill('8');
    await asAt.getByLabel('Month').fill('5');
    await asAt.getByLabel('Year').fill('2018');
    await page.getByRole('button', { name: 'Freeze the register' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Dynamic risk register as at 8 May 2018');
    await expect(page.getByTestId('snapshot-hash')).toContainText('(verified: the content matches)');
    await expect(page.getByTestId('snapshot-table').locator('tbody tr')).toHaveCount(16);
    await expectNoAxeViolations(page);
    url = new URL(page.url()).pathname;

    // The dashboard now compares with it: the monthly reviews earlier in the suite raised I1 to 32.
    await page.goto('/dashboard');
    await expect(page.getByTestId('since-report')).toContainText(
      'Compared with the register as at 8 May 2018, frozen for the Police and Crime Panel on 14 June 2018',
    );
    await expect(page.getByTestId('since-report-changes')).toContainText('I1 increased from 24 to 32');
    await page.goto('/dashboard?asAt=2018-06-01');
    await expect(page.getByText('Nothing has changed since then.')).toBeVisible();

    await signInByApi(request, 'auditor@example.org');
    const response = await request.get(`/api${url}/csv`);
    expect(response.status()).toBe(200);
    const rows = parseCsv(await response.text(), { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => [r.ref, r.dateIdentified, r.event, r.likelihood, r.control, r.impact, r.score, r.dateReviewed])).toEqual(
      paper.risks.map((r) => [r.id, r.dateIdentified, r.event, String(r.likelihood), String(r.control), String(r.impact), String(r.score), r.dateReviewed]),
    );
    expect(rows.map((r) => r.summary)).toEqual(PAPER_RISKS.map((r) => r.summary.replace('Reduce (previously 24) -', 'Reduced (previously 24)')));
  });

  test('board members open it but cannot export it or freeze one', async ({ page, request }) => {
    await signInAs(page, 'board');
    await page.goto(url);
    await expect(page.getByTestId('snapshot-table').locator('tbody tr')).toHaveCount(16);
    await expect(page.getByRole('link', { name: 'Download this register as CSV' })).toHaveCount(0);
    await page.goto('/snapshots');
    await expect(page.getByRole('button', { name: 'Freeze the register' })).toHaveCount(0);
    await signInByApi(request, 'board@example.org');
    expect((await request.get(`/api${url}/csv`)).status()).toBe(403);
  });

  test('staff draft the covering report from it, edit the narrative (nothing typed is lost on an error), and publish it', async ({ page, request }) => {
    await signInAs(page, 'staff');
    await page.goto(url);
    await page.getByRole('link', { name: 'Covering report for this meeting' }).click();
    await expect(page.getByText('No covering report has been drafted for this meeting yet.')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Draft the covering report' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Edit the covering report');
    const i1 = page.getByLabel(
      'Risk I1: Failure to deliver the priorities set out in the Police and Crime Plan due to lack of resources or emerging threats (moderate risk)',
    );
    await expect(i1).toHaveValue(
      'The review on 4 May 2018 recorded: due to impact of Op Fairline on resources. As a result, the likelihood has increased from 2 to 3, increasing the overall score from 16 to 24.',
    );
    await expect(page.getByLabel(/^Risk I9: /)).toHaveValue(
      'The review on 8 May 2018 recorded: risk to be reviewed following strategic seminar. Scoring for this risk is maintained.',
    );
    await expect(page.getByLabel(/^Risk T7: /)).toHaveValue(/^This risk was identified on 4 May 2018\./);
    await expectNoAxeViolations(page);

    await page.getByLabel('1. Purpose of Report').fill('');
    await page.getByLabel('Extra section heading (optional)').fill('Op Fairline');
    await page
      .getByLabel('Extra section text (optional)')
      .fill('Op Fairline (the investigation into the Salisbury poisoning incident) started at the beginning of March 2018.');
    await i1.fill(
      'The Force is reviewing delivery against the Police and Crime Plan as a result of Op Fairline. The likelihood has increased from 2 to 3, increasing the overall score from 16 to 24.',
    );
    await page.getByRole('button', { name: 'Save the draft' }).click();
    await expect(page.getByRole('link', { name: 'Enter the purpose of the report' })).toBeVisible();
    await expect(page.getByLabel('Extra section heading (optional)')).toHaveValue('Op Fairline');
    await expect(i1).toHaveValue(/^The Force is reviewing delivery/);
    await expectNoAxeViolations(page);
    await page.getByLabel('1. Purpose of Report').fill('To update the Police and Crime Panel on the PCC Risk Register.');
    await page.getByLabel('Signed off by (optional)').fill('Deputy Chief Executive');
    await page.getByLabel('Agenda item (optional)').fill('8');
    await page.getByLabel('The Plan the register is aligned to (optional)').fill('Police and Crime Plan (2017-2021)');
    await page.getByLabel('Who reviews the register monthly (optional)').fill('the Deputy Chief Executive');
    await page.getByRole('button', { name: 'Save the draft' }).click();

    await expect(page.getByText('Draft saved.')).toBeVisible();
    const report = page.getByTestId('covering-report');
    await expect(report.getByRole('heading', { level: 3 })).toHaveText([
      '1. Purpose of Report',
      '2. Background and Main Considerations for the Committee',
      '3. Op Fairline',
      '4. Key Risks to Consider – Inherent',
      '5. Key Risks to Consider – Topical',
      '6. New Risks',
      '7. Risks Removed Since the Last Report',
      '8. Future Reviews of Risk Register',
      'Appendix A: PCC Dynamic Risk Register as at 8 May 2018 (risk appetite 30; topical risks removed with a score under 10)',
      'Appendix B: Glossary and risk key',
    ]);
    await expect(report).toContainText(
      '4.1The register identifies ten inherent risks; seven are considered as either minor or acceptable and three are considered moderate.',
    );
    await expect(report).toContainText(
      'The register identifies six topical risks; two are considered moderate. Details on these risks are provided in Paragraphs 5.3 and 6.1 below.',
    );
    await expect(page.getByTestId('agenda-item')).toHaveText('Agenda item 8');
    await expect(report).toContainText(
      '2.1The risk register is now aligned to the lifespan of the Police and Crime Plan (2017-2021) and has been reviewed and updated as at 8 May 2018.',
    );
    await expect(report).toContainText('2.4The register is reviewed monthly on an informal basis by the Deputy Chief Executive and formally');
    await expect(report).toContainText('2.6The risk appetite remains at 30. No risk is at or above the appetite.');
    await expect(report.locator('.app-key-risk[data-ref]')).toHaveCount(5);
    await expect(report.locator('.app-key-risk[data-ref]').evaluateAll((els) => els.map((e) => e.getAttribute('data-ref')))).resolves.toEqual([
      'I1',
      'I8',
      'I9',
      'T4',
      'T7',
    ]);
    // Appendix A is a heading of its own, as Appendix B is, and its table has the paper's divider rows.
    await expect(page.getByRole('heading', { level: 3, name: /^Appendix A: PCC Dynamic Risk Register as at/ })).toBeVisible();
    const appendix = page.getByTestId('appendix-a');
    await expect(appendix.locator('tbody tr[data-ref]')).toHaveCount(16);
    await expect(appendix.locator('tbody tr[data-divider]')).toHaveText(['Inherent Risks', 'Topical Risks']);
    // The register as the paper prints it: every column, lists as lists, the score banded with its name in words.
    await expect(appendix.locator('thead th')).toHaveText([
      'ID',
      'Date identified',
      'Event',
      'Consequence',
      'Main impact area(s)',
      'Mitigation and Controls',
      'L',
      'C',
      'I',
      'Score',
      'Date Reviewed',
      'Summary',
    ]);
    await expect(appendix.locator('tr[data-ref="T7"] [data-col="score"]')).toHaveText('24 Moderate');
    await expect(appendix.locator('tr[data-ref="T3"] [data-col="mitigations"] li')).toContainText(['Funding allocated in capital plan']);
    await expect(page.getByTestId('report-status')).toContainText('Draft');
    await expectNoAxeViolations(page);

    // Board members do not see a draft, on the page or as a file.
    await signInByApi(request, 'board@example.org');
    expect((await request.get(`/api${url}/report/pdf`)).status()).toBe(404);

    await page.getByRole('button', { name: 'Publish the covering report' }).click();
    await expect(page.getByRole('link', { name: /Confirm that the report is ready to publish/ })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('I have read the draft and it is ready to publish').check();
    await page.getByRole('button', { name: 'Publish the covering report' }).click();
    await expect(page.getByText('Covering report published.')).toBeVisible();
    await expect(page.getByTestId('report-status')).toContainText('(verified: the content matches)');
    await expect(page.getByRole('link', { name: 'Edit the narrative' })).toHaveCount(0);
    await expectNoAxeViolations(page);
  });

  test('board members open the published report and download it as PDF and Word, which hold its text', async ({ page, request }) => {
    await signInAs(page, 'board');
    await page.goto('/snapshots');
    await page.getByRole('link', { name: 'Published covering report for this meeting' }).first().click();
    await expect(page.getByTestId('report-status')).toContainText('Published');
    await expect(page.getByRole('button', { name: 'Publish the covering report' })).toHaveCount(0);
    // The audit checkpoint is a record note after the appendices, for the auditor, not in the report's body.
    await expect(page.getByTestId('audit-checkpoint')).toContainText(/Audit log checkpoint at publication: \d+:[0-9a-f]{64}/);
    expect(
      await page.evaluate(
        () => document.getElementById('appendix-b')!.compareDocumentPosition(document.getElementById('report-record')!) & Node.DOCUMENT_POSITION_FOLLOWING,
      ),
    ).toBeTruthy();
    await expectNoAxeViolations(page);

    await signInByApi(request, 'board@example.org');
    const pdf = await request.get(`/api${url}/report/pdf`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const text = (await extractPdfText(new Uint8Array(await pdf.body()))).replace(/\s+/g, ' ');
    expect(text).toContain('3. Op Fairline');
    expect(text).toContain('The register identifies ten inherent risks; seven are considered as either minor or acceptable and three are considered moderate.');
    expect(text).toContain('Risk T4: Wiltshire Police fail to have operational and organisational policies');
    expect(text).toContain('The Force is reviewing delivery against the Police and Crime Plan as a result of Op Fairline.');
    expect(text).toContain('Deputy Chief Executive');
    expect(text).toContain('Mitigation and Controls');
    expect(text).not.toContain('DRAFT');
    expect(text.indexOf('Audit log checkpoint at publication')).toBeGreaterThan(text.indexOf('Appendix B'));
    // Tagged for assistive technology, in English, with its fonts embedded.
    const raw = Buffer.from(await pdf.body()).toString('latin1');
    expect(raw).toContain('/StructTreeRoot');
    expect(raw).toMatch(/\/Lang \(en-GB\)/);
    expect(raw).toContain('/FontFile2');

    const docx = await request.get(`/api${url}/report/docx`);
    expect(docx.status()).toBe(200);
    const xml = strFromU8(unzipSync(new Uint8Array(await docx.body()))['word/document.xml']!);
    expect(xml).toContain('The register identifies six topical risks; two are considered moderate.');
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
    // Published means frozen: the same file every time, its hash on the page.
    expect((await (await request.get(`/api${url}/report/docx`)).body()).equals(await docx.body())).toBe(true);
  });
});
