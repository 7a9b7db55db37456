/**
 * The review journeys, in the order an office would walk them (this file runs after the read-only
 * register and risk specs, since it changes the register).
 */
import { officeDay } from '../lib/domain/dates';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations } from './accessibility';
import { callAction } from './actions';
import { cellOf, dbFingerprint, openTestDb, registerCell, registerColumn, signIn, signInAs, signInByApi } from './helpers';

const historyRows = (page: Page) => page.getByTestId('review-history').locator('tbody tr');

function riskVersion(ref: string): string {
  const db = openTestDb();
  try {
    return String((db.prepare('select version from risks where ref = ?').get(ref) as { version: number }).version);
  } finally {
    db.close();
  }
}

const REVIEW_ACTION = 'app/(signed-in)/risks/[ref]/review/server-actions.ts#reviewRiskAction';
const OWNERS_ACTION = 'app/(signed-in)/risks/owners/server-actions.ts#assignOwnersAction';

test.describe.serial('reviewing risks', () => {
  test('a monthly review of I1 raising likelihood from 3 to 4 makes it high and outside appetite', async ({ page }) => {
    await signInAs(page, 'staff');
    await page.goto('/risks/I1');
    await page.getByRole('button', { name: 'Review this risk' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Review I1' })).toBeVisible();
    const likelihood = page.getByRole('group', { name: /^Likelihood/ });
    await expect(likelihood.getByLabel('3')).toBeChecked();
    await expect(page.getByRole('group', { name: /^Control/ }).getByLabel('2')).toBeChecked();
    await expect(page.getByLabel('Event')).toHaveValue(/Failure to deliver the priorities/);
    await expect(page.getByLabel('Mitigation 1', { exact: true })).toHaveValue('P&C Plan integral part of planning cycle');
    await expectNoAxeViolations(page);

    await likelihood.getByLabel('4').check();
    await expect(page.getByTestId('score-preview')).toContainText('Score 32: High');
    await expect(page.getByTestId('score-preview')).toContainText('At or above the risk appetite of 30');

    await page.getByRole('button', { name: 'Save review' }).click();
    await expect(page.getByRole('link', { name: 'Enter the reason the score changed from 24 to 32' })).toBeVisible();
    await expect(likelihood.getByLabel('4')).toBeChecked();
    await expectNoAxeViolations(page);

    await page.getByLabel('Reason').fill('further demand from Op Fairline');
    await page.getByRole('button', { name: 'Save review' }).click();
    await expect(page).toHaveURL(/\/risks\/I1\?reviewed=1$/);
    await expect(page.getByText('Review saved: Increased (previously 24) - further demand from Op Fairline.')).toBeVisible();
    await expect(historyRows(page)).toHaveCount(3);
    await expect(historyRows(page).first().locator('[data-col="direction"]')).toHaveText('Increased from 24');
    await expect(page.getByText('Outside appetite').first()).toBeVisible();

    await page.goto('/register');
    const row = page.locator('tr[data-ref="I1"]');
    await expect(cellOf(row, 'score')).toHaveText('32');
    await expect(cellOf(row, 'band')).toHaveText('High');
    await expect(cellOf(row, 'appetite')).toHaveText('Outside appetite');
    await expect(cellOf(row, 'summary')).toHaveText('Increased (previously 24) - further demand from Op Fairline');
    await expect(cellOf(row, 'review-status')).toContainText('Up to date');
    await expect(page.getByText('1 risk is at or above the risk appetite of 30: I1.')).toBeVisible();

    // The register as it stood before this review is unchanged by it.
    await page.goto('/register?asAt=2018-05-04');
    await expect(registerCell(page, 'I1', 'score')).toHaveText('24');
  });

  test('without JavaScript, “Check score” shows the result and saves nothing', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signIn(page, 'staff@example.org');
    await page.goto('/risks/I4/review');
    const before = dbFingerprint();
    await page
      .getByRole('group', { name: /^Impact/ })
      .getByLabel('2')
      .check();
    await page.getByRole('button', { name: 'Check score' }).click();
    await expect(page.getByTestId('score-preview')).toContainText('Score 4: Minor');
    await expect(page.getByRole('group', { name: /^Impact/ }).getByLabel('2')).toBeChecked();
    expect(dbFingerprint()).toBe(before);
    await context.close();
  });

  test('by keyboard alone, a review that changes only the score reaches Save in a handful of Tab presses', async ({ page }) => {
    await signInAs(page, 'staff');
    await page.goto('/risks/I5/review');
    await page.getByRole('group', { name: 'Date of review' }).getByLabel('Day').focus();
    let presses = 0;
    while (presses < 100 && !(await page.evaluate(() => document.activeElement?.textContent?.trim() === 'Save review'))) {
      await page.keyboard.press('Tab');
      presses++;
    }
    console.log(`Tab presses from the review date to Save: ${presses}`);
    expect(presses).toBeLessThanOrEqual(15);
  });

  test('bad input is answered field by field and saves nothing', async ({ page, request }) => {
    await signInAs(page, 'staff');
    await page.goto('/risks/I5/review');
    const before = dbFingerprint();
    await page.getByLabel('Year').fill('2099');
    await page.getByText('Change the risk’s details').click();
    await page.getByLabel('Event').fill('');
    await page.getByRole('button', { name: 'Save review' }).click();
    await expect(page.getByRole('link', { name: 'The review date must be today or in the past' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Enter the event' })).toBeVisible();
    // The section holding the error opens by itself; the one without stays closed.
    await expect(page.getByTestId('risk-details')).toHaveAttribute('open', '');
    await expect(page.getByTestId('mitigations-details')).not.toHaveAttribute('open', '');
    await expect(page.getByLabel('Year')).toHaveValue('2099');
    expect(dbFingerprint()).toBe(before);

    await signInByApi(request, 'staff@example.org');
    const afterSignIn = dbFingerprint();
    const forged = await callAction(request, REVIEW_ACTION, '/risks/I5/review', {
      ref: 'I5',
      version: riskVersion('I5'),
      'reviewedOn-day': '1',
      'reviewedOn-month': '1',
      'reviewedOn-year': '2026',
      forum: 'monthly',
      likelihood: '5',
      control: '0',
      impact: '2.5',
      reason: 'x',
      event: 'e',
      consequences: 'c',
      impactAreas: 'Legal',
    });
    expect(forged.status).toBe(200);
    expect(forged.text).toContain('Select a likelihood score from 1 to 4');
    expect(forged.text).toContain('Select a control score from 1 to 4');
    expect(forged.text).toContain('Select an impact score from 1 to 4');
    expect(dbFingerprint()).toBe(afterSignIn);
  });

  test('a review of I7 dated 1 January 2010 is refused and the register keeps its latest review', async ({ page }) => {
    await signInAs(page, 'staff');
    await page.goto('/risks/I7/review');
    const before = dbFingerprint();
    await page.getByLabel('Day', { exact: true }).fill('1');
    await page.getByLabel('Month', { exact: true }).fill('1');
    await page.getByLabel('Year', { exact: true }).fill('2010');
    await page.getByLabel('Reason').fill('back-dated');
    await page.getByRole('button', { name: 'Save review' }).click();
    await expect(page.getByRole('link', { name: /The review date must be on or after .*, the day I7 was identified/ })).toBeVisible();
    await expect(page.getByLabel('Year', { exact: true })).toHaveValue('2010');
    expect(dbFingerprint()).toBe(before);
  });

  test('reviewing T5 to L1 C2 I3 = 6 removes it; it stays readable, and the next topical risk is T8', async ({ page }) => {
    await signInAs(page, 'staff');
    await page.goto('/risks/T5/review');
    await page
      .getByRole('group', { name: /^Likelihood/ })
      .getByLabel('1')
      .check();
    await expect(page.getByTestId('score-preview')).toContainText('Score 6: Minor');
    const question = page.getByRole('group', { name: 'T5 now scores below the removal threshold. Remove it from the live register?' });
    await expect(question.getByLabel('Yes, remove it')).not.toBeChecked();
    await expect(question.getByLabel('No, keep it on the register')).not.toBeChecked();
    await page.getByLabel('Reason', { exact: true }).fill('permanent Chief Constable appointed');
    await page.getByRole('button', { name: 'Save review' }).click();
    await expect(page.getByRole('link', { name: 'Select whether to remove T5 from the live register' })).toBeVisible();
    await expect(page.getByLabel('Reason', { exact: true })).toHaveValue('permanent Chief Constable appointed');
    await question.getByLabel('Yes, remove it').check();
    await page.getByRole('button', { name: 'Save review' }).click();
    await expect(page).toHaveURL(/\/risks\/T5\?reviewed=1$/);
    await expect(page.getByText(/This risk was removed from the live register on/)).toBeVisible();
    await expect(historyRows(page)).toHaveCount(3);

    await page.goto('/register');
    await expect(page.locator('tr[data-ref="T5"]')).toHaveCount(0);
    await expect(page.getByRole('table', { name: /Topical risks/ }).locator('tbody tr')).toHaveCount(5);
    await page.getByRole('link', { name: 'Archived risks' }).click();
    await expect(page.locator('tr[data-ref="T5"]')).toContainText('Score below the removal threshold');
    await expectNoAxeViolations(page);

    await page.goto('/risks/new');
    await expect(page.getByLabel('Topical (will be T8)')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Risk owner').selectOption({ label: 'Demo Risk Owner' });
    await page.getByRole('button', { name: 'Add risk' }).click();
    await expect(page.getByRole('link', { name: 'Select whether the risk is inherent or topical' })).toBeVisible();
    // Every field is kept after an error, the owner included (a select's choice was lost before).
    await expect(page.getByLabel('Risk owner')).toHaveValue(/^\d+$/);
    await expect(page.getByLabel('Risk owner').locator('option:checked')).toHaveText('Demo Risk Owner');
    await expectNoAxeViolations(page);
    // Each field says its limit; a longer entry is refused by name and kept to be shortened.
    await expect(page.locator('#event-limit')).toHaveText('You can enter up to 2,000 characters');
    await expect(page.locator('#consequences-limit')).toHaveText('Each line can be up to 1,000 characters');
    await page.getByLabel('Topical (will be T8)').check();
    await page.getByLabel('Event').fill('x'.repeat(2001));
    await page.getByRole('button', { name: 'Add risk' }).click();
    await expect(page.getByRole('link', { name: 'Event must be 2,000 characters or fewer' })).toBeVisible();
    await expect(page.getByLabel('Event')).toHaveValue('x'.repeat(2001));
    await page.getByLabel('Event').fill('Cost of living pressure on victim services');
    await page.getByLabel('Consequences').fill('Services reduce hours\nVictims wait longer');
    await page.getByLabel('Financial').check();
    await page.getByLabel('Mitigation and controls').fill('Quarterly contract monitoring');
    await page
      .getByRole('group', { name: /^Likelihood/ })
      .getByLabel('3')
      .check();
    await page
      .getByRole('group', { name: /^Control/ })
      .getByLabel('3')
      .check();
    await page
      .getByRole('group', { name: /^Impact/ })
      .getByLabel('2')
      .check();
    // The score shows as the factors are chosen, as on the review form.
    await expect(page.getByTestId('score-preview')).toHaveText('Score 18: Moderate. Within the risk appetite of 30.');
    await page.getByRole('button', { name: 'Add risk' }).click();
    await expect(page).toHaveURL(/\/risks\/T8\?created=1$/);
    await expect(page.getByRole('definition').filter({ hasText: /^NEW$/ })).toBeVisible();
  });

  test('an inherent risk can never be archived: the server refuses and nothing changes', async ({ request }) => {
    await signInByApi(request, 'staff@example.org');
    const before = dbFingerprint();
    const result = await callAction(request, REVIEW_ACTION, '/risks/I3/review', {
      ref: 'I3',
      intent: 'save',
      version: riskVersion('I3'),
      'reviewedOn-day': '1',
      'reviewedOn-month': '11',
      'reviewedOn-year': '2026',
      forum: 'monthly',
      likelihood: '1',
      control: '1',
      impact: '1',
      reason: 'trying to remove it',
      event: 'OPCC commissioning arrangements are not in place or are ineffective',
      consequences: 'Insufficient resources available',
      impactAreas: 'Legal',
      remove: 'yes',
      removalReason: 'no longer relevant',
    });
    expect(result.text).toContain('I3 is an inherent risk: inherent risks always remain on the register and cannot be archived');
    expect(dbFingerprint()).toBe(before);
  });

  test('two people reviewing one risk at once: the second is refused, keeps what they typed, and can reapply', async ({ page, browser }) => {
    await signInAs(page, 'staff');
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signInAs(otherPage, 'admin');
    await page.goto('/risks/I6/review');
    await otherPage.goto('/risks/I6/review');

    await otherPage.getByLabel('Reason').fill('first in');
    await otherPage
      .getByRole('group', { name: /^Impact/ })
      .getByLabel('3')
      .check();
    await otherPage.getByRole('button', { name: 'Save review' }).click();
    await expect(otherPage).toHaveURL(/reviewed=1/);

    await page
      .getByRole('group', { name: /^Likelihood/ })
      .getByLabel('1')
      .check();
    await page.getByLabel('Reason').fill('my own assessment');
    await page.getByRole('button', { name: 'Save review' }).click();
    await expect(page.getByRole('link', { name: /Someone else changed I6 while you were reviewing it/ })).toBeVisible();
    await expect(page.getByRole('link', { name: /by Demo Administrator \(Increased \(previously 16\) - first in\)/ })).toBeVisible();
    await expect(page.getByLabel('Reason')).toHaveValue('my own assessment');
    await expect(page.getByRole('group', { name: /^Likelihood/ }).getByLabel('1')).toBeChecked();
    await expectNoAxeViolations(page);

    await page.getByRole('button', { name: 'Save review' }).click();
    await expect(page).toHaveURL(/\/risks\/I6\?reviewed=1$/);
    await expect(historyRows(page)).toHaveCount(4);
    await expect(historyRows(page).first().locator('[data-col="reason"]')).toHaveText('my own assessment');
    await other.close();
  });

  test('an owner proposes updates to the risks they own; staff confirm one by reviewing it', async ({ page, browser, request }) => {
    await signInAs(page, 'owner');
    await page.goto('/risks/I1');
    await expect(page.getByRole('button', { name: 'Propose an update' })).toHaveCount(0);
    const forbidden = await page.goto('/risks/I1/propose');
    expect(forbidden?.status()).toBe(403);

    for (const [ref, reason] of [
      ['T4', 'final audit report received'],
      ['I8', 'contract renewal at risk'],
      ['T7', 'operation scaled down'],
    ] as const) {
      await page.goto(`/risks/${ref}`);
      await page.getByRole('button', { name: 'Propose an update' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Propose an update' })).toBeVisible();
      if (ref === 'T4') await expectNoAxeViolations(page);
      await page
        .getByRole('group', { name: /^Likelihood/ })
        .getByLabel('3')
        .check();
      await page.getByLabel('Why').fill(reason);
      if (ref === 'T4') await page.getByLabel('Mitigation updates (optional)').fill('Action plan agreed with the Force');
      await page.getByRole('button', { name: 'Send proposal' }).click();
      await expect(page.getByText('Your proposal has been sent to office staff.')).toBeVisible();
    }

    await signInByApi(request, 'owner@example.org');
    const before = dbFingerprint();
    const forged = await callAction(request, 'app/(signed-in)/risks/[ref]/propose/server-actions.ts#proposeReviewAction', '/risks/I1/propose', {
      ref: 'I1',
      likelihood: '1',
      control: '1',
      impact: '1',
      reason: 'not mine',
      mitigationUpdate: '',
    });
    expect(forged.text).toContain('You do not have permission to do this');
    expect(dbFingerprint()).toBe(before);

    const staff = await browser.newContext();
    const staffPage = await staff.newPage();
    await signInAs(staffPage, 'staff');
    await staffPage.goto('/risks/T4');
    await expect(staffPage.getByTestId('proposal')).toContainText('Demo Risk Owner proposes L3 C3 I3 = 27: final audit report received');
    await staffPage.getByRole('button', { name: 'Review using this proposal' }).click();
    await expect(staffPage.getByRole('group', { name: /^Likelihood/ }).getByLabel('3')).toBeChecked();
    await expect(staffPage.getByLabel('Reason')).toHaveValue('final audit report received');
    await expect(staffPage.getByLabel('Add mitigations')).toHaveValue('Action plan agreed with the Force');
    await staffPage.getByRole('button', { name: 'Save review' }).click();
    await expect(staffPage).toHaveURL(/\/risks\/T4\?reviewed=1$/);
    await expect(staffPage.getByTestId('proposal')).toHaveCount(0);
    await expect(staffPage.getByText('Action plan agreed with the Force')).toBeVisible();
    await expect(historyRows(staffPage).first().locator('[data-col="reason"]')).toHaveText('final audit report received');
    await staff.close();
  });

  test('the monthly session walks every due risk with “No change” and ends with what moved', async ({ page }) => {
    await signInAs(page, 'staff');
    await page.goto('/reviews');
    await expect(page.getByRole('heading', { level: 1, name: 'Reviews due' })).toBeVisible();
    await expect(page.locator('tr[data-ref="I2"] [data-col="overdue-by"]')).toHaveText(/year/);
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Start the monthly review' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Monthly review' })).toBeVisible();
    await expectNoAxeViolations(page);
    const progress = page.getByTestId('monthly-progress');
    const match = /(\d+) of (\d+) reviewed/.exec((await progress.textContent()) ?? '');
    let done = Number(match![1]);
    const total = Number(match![2]);
    expect(total).toBeGreaterThan(done);
    while (done < total) {
      const next = (await page.getByRole('heading', { level: 2, name: /^Next: / }).textContent())!.replace('Next: ', '');
      await page.getByRole('button', { name: 'No change' }).click();
      done++;
      await expect(progress).toContainText(`${done} of ${total} reviewed`);
      if (done < total) {
        // What was recorded is said above the next risk, not between its heading and its form.
        const banner = page.getByRole('region', { name: 'Success' });
        await expect(banner).toHaveText(new RegExp(`${next}: no change recorded \\(Maintain - business as usual\\)\\.`));
        const [bannerBox, headingBox] = [await banner.boundingBox(), await page.getByRole('heading', { level: 2, name: /^Next: / }).boundingBox()];
        expect(bannerBox!.y + bannerBox!.height).toBeLessThan(headingBox!.y);
      }
    }
    await expect(page.getByRole('heading', { name: 'Monthly review complete' })).toBeVisible();
    const moved = page.getByTestId('moved');
    await expect(moved).toContainText('I1: Increased (previously 24) - further demand from Op Fairline');
    await expect(moved).toContainText('T8: NEW');
    await expectNoAxeViolations(page);
    await page.goto('/register');
    await expect(
      registerColumn(page, 'review-status')
        .locator('.govuk-tag')
        .filter({ hasText: /^Overdue$/ }),
    ).toHaveCount(0);
  });

  test('an administrator changes the appetite, sees who moves, and the register follows', async ({ page }) => {
    await signInAs(page, 'admin');
    await page.getByRole('link', { name: 'Settings' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Register settings' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Risk appetite').fill('24');
    await expect(page.getByTestId('appetite-moves')).toContainText('move outside appetite: I8 (24), I9 (27), T4 (27), T7 (24)');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await expect(page.getByRole('link', { name: 'Enter who approved the decision' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Approved by').fill('Commissioner’s Monitoring Board');
    await page.getByLabel('Minute reference (optional)').fill('CMB 24 November 2026, item 5');
    await page.getByRole('button', { name: 'Record decision' }).click();
    await expect(page.getByText(/the risk appetite is 24\./)).toBeVisible();
    await page.goto('/register');
    await expect(registerCell(page, 'I8', 'appetite')).toHaveText('Outside appetite');
    await expect(registerCell(page, 'T1', 'appetite')).toHaveText('Within appetite');
    // I8 has scored 24 since 2018, when the appetite was 30: it is at or above the appetite from today's decision on.
    await page.goto('/dashboard');
    const attention = page.getByTestId('attention');
    await expect(attention).toContainText('I8 (24, since today)');
    await expect(attention).not.toContainText(/\d+ days/);
  });
  test('staff correct a mistaken review: the original stays, marked and linked, and the register uses the correction', async ({ page, request }) => {
    await signInAs(page, 'staff');
    await page.goto('/risks/I1');
    const history = page.getByTestId('review-history');
    // I1's newest review (made earlier in this file) is L4 C2 I4 = 32.
    await expect(historyRows(page).first().locator('[data-col="score"]')).toHaveText('32');
    const sequence = await historyRows(page).first().getAttribute('data-sequence');
    await history.getByRole('link', { name: `Correct review ${sequence}` }).click();
    await expect(page.getByRole('heading', { level: 1, name: `Correct review ${sequence}` })).toBeVisible();
    await expectNoAxeViolations(page);
    const likelihood = page.getByRole('group', { name: /^Likelihood/ });
    await expect(likelihood.getByLabel('4')).toBeChecked();
    const before = dbFingerprint();

    // Nothing typed is lost when the form is refused: no reason why, then a date after today.
    await likelihood.getByLabel('3').check();
    await page.getByRole('button', { name: 'Save correction' }).click();
    await expect(page.getByRole('link', { name: 'Enter why the review as recorded was wrong' })).toBeVisible();
    await expect(likelihood.getByLabel('3')).toBeChecked();
    await expectNoAxeViolations(page);
    await page.getByLabel('Why the review as recorded was wrong').fill('The board minutes record likelihood 3, not 4');
    await page.getByLabel('Year', { exact: true }).fill('2099');
    await page.getByRole('button', { name: 'Save correction' }).click();
    await expect(page.getByRole('link', { name: 'The date of the review must be today or in the past' })).toBeVisible();
    await expect(page.getByLabel('Why the review as recorded was wrong')).toHaveValue('The board minutes record likelihood 3, not 4');
    expect(dbFingerprint()).toBe(before);

    await page.getByLabel('Year', { exact: true }).fill(officeDay(new Date()).slice(0, 4));
    await page.getByRole('button', { name: 'Save correction' }).click();
    await expect(page).toHaveURL(new RegExp(`/risks/I1\\?corrected=${sequence}#review-${sequence}$`));
    await expect(page.getByText(`Correction of review ${sequence} saved.`)).toBeVisible();
    const original = history.locator(`tr[data-as-recorded="true"][data-sequence="${sequence}"]`);
    await expect(original.locator('[data-col="date"]')).toContainText('Corrected');
    await expect(original.locator('[data-col="score"]')).toHaveText('32');
    await expect(original.locator('[data-col="direction"]')).toHaveText('Replaced by its correction');
    await original.getByRole('link', { name: 'See its correction' }).click();
    const corrected = history.locator('tr[id^="correction-"]');
    await expect(corrected.locator('[data-col="score"]')).toHaveText('24');
    await expect(corrected.locator('[data-col="reason"]')).toContainText(`Correction of review ${sequence}, recorded`);
    await expect(corrected.locator('[data-col="reason"]')).toContainText('by Demo Staff Officer: The board minutes record likelihood 3, not 4');
    await expectNoAxeViolations(page);

    await page.goto('/register');
    await expect(registerCell(page, 'I1', 'score')).toHaveText('24');
    // The review row itself is as it was written; the correction and its audit entry are new.
    const db = openTestDb();
    try {
      const row = db.prepare("select v.score from reviews v join risks r on r.id = v.risk_id where r.ref = 'I1' and v.sequence = ?").get(Number(sequence));
      expect(row).toEqual({ score: 32 });
      expect(db.prepare("select count(*) as n from audit_log where action = 'review.correct' and entity_id = 'I1'").get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }

    // The auditors' export carries both rows.
    await signInByApi(request, 'auditor@example.org');
    const csv = await (await request.get('/api/exports/reviews?format=csv&risk=I1')).text();
    expect(csv.split('\r\n')[0]).toContain(',reviewNumber,entry,correctedBy,correctionReason');
    expect(csv).toMatch(/,32,high,.*,review \(corrected\),"correction \d+, recorded .* by Demo Staff Officer"/);
    expect(csv).toMatch(/,24,moderate,.*,correction \(in force\),,"The board minutes record likelihood 3, not 4"/);

    // Corrected again, back to what it first said: the latest correction is in force, and every step is kept.
    await page.goto(`/risks/I1/reviews/${sequence}/correct`);
    await expect(page.getByText('Once, last by Demo Staff Officer')).toBeVisible();
    await likelihood.getByLabel('4').check();
    await page.getByLabel('Why the review as recorded was wrong').fill('The minutes were themselves corrected: likelihood 4 stands');
    await page.getByRole('button', { name: 'Save correction' }).click();
    await expect(page.getByText(`Correction of review ${sequence} saved.`)).toBeVisible();
    await page.goto('/register');
    await expect(registerCell(page, 'I1', 'score')).toHaveText('32');
  });

  test('staff assign owners to several risks on one page; each change is audited and the register names them', async ({ page, request }) => {
    await signInAs(page, 'staff');
    await page.getByRole('button', { name: 'Assign owners' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Assign risk owners' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByLabel('Owner of I3', { exact: true }).selectOption({ label: 'Demo Staff Officer' });
    await page.getByLabel('Owner of I5', { exact: true }).selectOption({ label: 'Demo Administrator' });
    await page.getByRole('button', { name: 'Save owners' }).click();
    await expect(page.getByText('2 risks’ owners were changed. Each change is in the audit log.')).toBeVisible();
    await expect(page.getByLabel('Owner of I3', { exact: true }).locator('option:checked')).toHaveText('Demo Staff Officer');
    await page.goto('/register');
    await expect(registerCell(page, 'I3', 'owner')).toHaveText('Demo Staff Officer');
    await expect(registerCell(page, 'I5', 'owner')).toHaveText('Demo Administrator');
    const db = openTestDb();
    try {
      const entries = db.prepare("select summary from audit_log where action = 'risk.owner' order by id desc limit 2").all() as Array<{ summary: string }>;
      expect(entries.map((e) => e.summary).sort()).toEqual(['I3 owner: Demo Staff Officer', 'I5 owner: Demo Administrator']);
    } finally {
      db.close();
    }

    // Saving with nothing changed says so; a person who is not on the list is refused; neither writes anything.
    await page.goto('/risks/owners');
    await page.getByRole('button', { name: 'Save owners' }).click();
    await expect(page.getByRole('link', { name: 'No owner was changed, so nothing was saved' })).toBeVisible();
    await signInByApi(request, 'staff@example.org');
    const before = dbFingerprint();
    const refused = await callAction(request, OWNERS_ACTION, '/risks/owners', { 'owner-I3': '999', 'version-I3': riskVersion('I3') });
    expect(refused.text).toContain('Choose I3’s owner from the list, or Unassigned');
    const stale = await callAction(request, OWNERS_ACTION, '/risks/owners', { 'owner-I3': '1', 'version-I3': '1' });
    expect(stale.text).toContain('Someone else changed I3 after you opened this page');
    expect(dbFingerprint()).toBe(before);
  });
});
