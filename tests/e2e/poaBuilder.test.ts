import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { invoicePdf } from '../helpers/attachmentFiles.js';
import { fixedClock, openTestCore } from '../helpers/core.js';
import { calmAnswer } from '../helpers/poaAnswers.js';
import { useTempDirs } from '../helpers/tempDir.js';
import { closeEachWebApp, openWebApp, type WebApp } from './harness.js';

const tempDir = useTempDirs();
const keep = closeEachWebApp();

async function openCase(app: WebApp): Promise<number> {
  const record = await app.core.createCase({
    title: 'Lamp complaint',
    cause: 'counterfeit',
    marketplace: 'US',
    noticeReceived: '2026-11-02',
    asins: ['B0ABCDEFGH'],
  });
  await app.page.goto(`${app.page.url().split('#')[0]}#/cases/${record.id}`);
  await app.page.getByTestId('poa-builder').waitFor();
  return record.id;
}

describe('the guided Plan-of-Action form in the browser', () => {
  it(
    'in Chinese: asks the questions, saves an answer, flags its emotive wording, highlights what is unfilled and warns before copying',
    { timeout: 90_000 },
    async () => {
      mkdirSync('test-results', { recursive: true });
      const app = keep(await openWebApp(tempDir(), { locale: 'zh-CN' }));
      const { page } = app;
      const caseId = await openCase(app);
      expect(await page.getByTestId('poa-builder').textContent()).toContain('为什么会发生');
      await page.getByTestId('poa-q-what-happened').fill('这太不公平了!!买家撒谎。');
      await page.getByTestId('poa-q-what-happened').press('Tab');
      await expect
        .poll(async () => (await app.core.getPoaForm({ caseId })).answers['what-happened'])
        .toBe('这太不公平了!!买家撒谎。');
      await page.getByTestId('poa-build').click();
      await page.getByTestId('poa-checks').waitFor();
      expect(await page.getByTestId('poa-check-tone').getAttribute('data-ok')).toBe('false');
      expect(await page.getByTestId('poa-check-tone').textContent()).toContain('不公平');
      expect(await page.getByTestId('poa-check-english-only').getAttribute('data-ok')).toBe('false');
      expect(await page.getByTestId('poa-unfilled').textContent()).toContain('请回答');
      expect(await page.getByTestId('poa-letter-highlights').locator('mark').count()).toBeGreaterThan(3);
      await page.getByTestId('poa-copy').click();
      expect(await page.getByTestId('poa-confirm').textContent()).toMatch(/还有 \d+ 个占位符没填/);
      await page.screenshot({ path: 'test-results/poa-zh.png', fullPage: true });
    },
  );

  it(
    'in English: a complete calm letter passes every check, is marked as sent twice, and the two appeals are compared',
    { timeout: 90_000 },
    async () => {
      const app = keep(await openWebApp(tempDir(), { locale: 'en-US' }));
      const { page } = app;
      const caseId = await openCase(app);
      const form = await app.core.getPoaForm({ caseId });
      for (const question of form.questions.filter((candidate) => candidate.id !== 'root-cause'))
        await app.core.answerPoaQuestion({ caseId, question: question.id, text: calmAnswer(question) });
      // The supplier's invoice, which the evidence check looks for in an authenticity case.
      await app.core.addAttachment({ caseId, name: 'invoice.pdf', base64: invoicePdf().toString('base64') });
      await page.reload();
      await page.getByTestId('poa-builder').waitFor();
      expect(await page.getByTestId('poa-builder').textContent()).toContain('Why did it happen?');
      await page
        .getByTestId('poa-q-root-cause')
        .fill(calmAnswer(form.questions.find((question) => question.id === 'root-cause')!));
      await page.getByTestId('poa-build').click();
      await page.getByTestId('poa-checks').waitFor();
      expect(await page.locator('[data-testid^="poa-check-"][data-ok="false"]').count()).toBe(0);
      expect(await page.getByTestId('poa-check-evidence').textContent()).toContain('Supplier invoices');
      expect(await page.getByTestId('poa-letter-highlights').locator('mark').count()).toBe(0);
      expect(await page.getByTestId('poa-letter').inputValue()).toContain('We bought the lamps from a wholesaler');
      await page.getByTestId('poa-mark-sent').click();
      await page.getByTestId('poa-confirm-yes').click();
      await expect.poll(() => page.getByTestId('poa-appeal').count()).toBe(1);
      await expect
        .poll(async () => (await app.core.getCase({ id: caseId })).case.nextFollowUp)
        .toMatch(/\d{4}-\d{2}-\d{2}/);
      const letter = page.getByTestId('poa-letter');
      await letter.fill(`${await letter.inputValue()}\nWe attach the supplier's authorisation letter.`);
      await page.getByTestId('poa-recheck').click();
      await page.getByTestId('poa-mark-sent').click();
      await page.getByTestId('poa-confirm-yes').click();
      await expect.poll(() => page.getByTestId('poa-appeal').count()).toBe(2);
      expect(await page.getByTestId('poa-strike-warning').textContent()).toMatch(/two unsuccessful appeals/);
      await page.getByTestId('poa-compare').click();
      expect((await page.getByTestId('diff-view').locator('pre ins').allTextContents()).join('')).toContain(
        'authorisation',
      );
      await page.screenshot({ path: 'test-results/poa-en.png', fullPage: true });
    },
  );

  it(
    "lists a note's revisions in its editor, compares one with the one before, and restores the older one",
    { timeout: 90_000 },
    async () => {
      const dataDir = tempDir();
      // Two hours ago and one hour ago: both within the 7 days in which every revision is kept.
      const clock = fixedClock(new Date(Date.now() - 2 * 3_600_000).toISOString());
      const before = await openTestCore(dataDir, { now: clock.now });
      const { id: caseId } = await before.createCase({ title: 'History' });
      const note = await before.saveNote({ caseId, title: 'Letter', body: 'We ship with the old carrier.' });
      clock.set(new Date(Date.now() - 3_600_000).toISOString());
      await before.saveNote({
        id: note.id,
        caseId,
        title: 'Letter',
        body: 'We ship with a tracked carrier.',
        baseRevision: note.revision,
      });
      before.close();
      const app = keep(await openWebApp(dataDir, { locale: 'en-US' }));
      const { page } = app;
      await page.goto(`${page.url().split('#')[0]}#/cases/${caseId}?note=${note.id}`);
      await page.getByTestId('note-history').click();
      await expect.poll(() => page.getByTestId('note-revision').count()).toBe(2);
      await page.getByTestId('note-revision').first().getByRole('button', { name: 'Compare' }).click();
      expect((await page.getByTestId('diff-view').locator('pre del').allTextContents()).join('')).toContain('the old');
      await page.getByTestId('note-revision-restore').click();
      await expect.poll(() => page.getByTestId('note-body').inputValue()).toBe('We ship with the old carrier.');
      expect(
        (await app.core.listNoteRevisions({ noteId: note.id })).revisions.map((revision) => revision.body),
      ).toEqual(['We ship with the old carrier.', 'We ship with a tracked carrier.', 'We ship with the old carrier.']);
    },
  );
});
