import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoicePdf } from '../helpers/attachmentFiles.js';
import { APP_ROOT, useTempDirs } from '../helpers/tempDir.js';
import { closeEachWebApp, openWebApp } from './harness.js';

const tempDir = useTempDirs();
const keep = closeEachWebApp();

describe('evidence in web mode', () => {
  it(
    'attaches a PDF by drag and drop and a screenshot by the file picker, views both, and checks the invoice',
    { timeout: 120_000 },
    async () => {
      const app = keep(await openWebApp(tempDir(), { locale: 'en-US' }));
      const { page } = app;
      const record = await app.core.createCase({ title: 'Inauthentic complaint', noticeReceived: '2026-05-01' });
      await page.goto(`${page.url().split('#')[0]}#/cases/${record.id}`);
      await page.getByTestId('attachments-panel').waitFor();

      // Drag and drop: a real DataTransfer holding a File, dropped on the drop zone.
      const dataTransfer = await page.evaluateHandle((base64) => {
        const bytes = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], 'invoice.pdf', { type: 'application/pdf' }));
        return transfer;
      }, invoicePdf().toString('base64'));
      await page.getByTestId('attachment-drop').dispatchEvent('dragover', { dataTransfer });
      await page.getByTestId('attachment-drop').dispatchEvent('drop', { dataTransfer });
      const pdfRow = page.getByTestId('attachment-row').filter({ hasText: 'invoice.pdf' });
      await expect.poll(() => pdfRow.getAttribute('data-status'), { timeout: 30_000 }).toBe('done');
      await pdfRow.getByRole('button', { name: 'View' }).click();
      await expect
        .poll(async () => (await page.getByTestId('attachment-text').textContent()) ?? '')
        .toContain('Widgetworks Ltd');
      await page.getByTestId('invoice-check').waitFor();
      // pdf.js draws the first page on a canvas (its worker from the app's own files): dark pixels of the text appear.
      const darkPixels = () =>
        page.getByTestId('attachment-pdf-page').evaluate((element) => {
          const canvas = element as HTMLCanvasElement;
          if (canvas.width === 0) return 0;
          const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
          let dark = 0;
          for (let index = 0; index < data.length; index += 4) if (data[index + 3]! > 0 && data[index]! < 100) dark++;
          return dark;
        });
      await expect.poll(darkPixels, { timeout: 30_000 }).toBeGreaterThan(100);
      for (const key of ['date', 'supplier', 'address', 'phone', 'website', 'quantities']) {
        expect(await page.getByTestId(`invoice-${key}`).getAttribute('data-found'), key).toBe('true');
      }

      // The file picker, with a screenshot: OCR runs in the core while the list shows its progress.
      await page
        .getByTestId('attachment-input')
        .setInputFiles(join(APP_ROOT, 'tests/fixtures/attachments/invoice-scan.png'));
      const scanRow = page.getByTestId('attachment-row').filter({ hasText: 'invoice-scan.png' });
      await expect.poll(() => scanRow.getAttribute('data-status'), { timeout: 90_000 }).toBe('done');
      await scanRow.getByTestId('attachment-thumbnail').waitFor();
      await scanRow.getByRole('button', { name: 'View' }).click();
      const image = page.getByTestId('attachment-image');
      await image.waitFor();
      expect(await image.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
      expect(await image.evaluate((element) => (element as HTMLImageElement).naturalWidth)).toBe(560);
      await expect
        .poll(async () => (await page.getByTestId('attachment-text').textContent()) ?? '')
        .toMatch(/Widgetworks/);
      expect((await app.core.searchNotes({ text: 'Widgetworks' })).map((hit) => hit.title).sort()).toEqual([
        'invoice-scan.png',
        'invoice.pdf',
      ]);
      mkdirSync('test-results', { recursive: true });
      await page.getByTestId('attachments-panel').screenshot({ path: 'test-results/evidence.png' });
      expect(app.consoleErrors).toEqual([]);
    },
  );

  it('says why a dropped file is refused and attaches nothing', { timeout: 60_000 }, async () => {
    const app = keep(await openWebApp(tempDir(), { locale: 'en-US' }));
    const { page } = app;
    const record = await app.core.createCase({ title: 'Refusal' });
    await page.goto(`${page.url().split('#')[0]}#/cases/${record.id}`);
    await page.getByTestId('attachments-panel').waitFor();
    const dataTransfer = await page.evaluateHandle(() => {
      const transfer = new DataTransfer();
      transfer.items.add(
        new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])], 'fake.pdf', { type: 'application/pdf' }),
      );
      return transfer;
    });
    await page.getByTestId('attachment-drop').dispatchEvent('drop', { dataTransfer });
    await page.getByText('fake.pdf is named as a PDF but its content is not a file type Seller KB keeps').waitFor();
    expect(await app.core.listAttachments({ caseId: record.id })).toEqual([]);
  });

  it(
    'attaches a file to one of the case’s notes when that note is chosen, and says so in the list',
    { timeout: 60_000 },
    async () => {
      const app = keep(await openWebApp(tempDir(), { locale: 'en-US' }));
      const { page } = app;
      const record = await app.core.createCase({ title: 'Supplier evidence' });
      const note = await app.core.saveNote({
        caseId: record.id,
        title: 'Call with the supplier',
        body: 'Asked for invoices.',
      });
      await page.goto(`${page.url().split('#')[0]}#/cases/${record.id}`);
      await page.getByTestId('attachments-panel').waitFor();
      await expect.poll(() => page.getByTestId('attachment-target').locator('option').count()).toBe(2);
      await page.getByTestId('attachment-target').selectOption({ label: 'Call with the supplier' });
      await page.getByTestId('attachment-input').setInputFiles({
        name: 'invoice.pdf',
        mimeType: 'application/pdf',
        buffer: invoicePdf(),
      });
      const row = page.getByTestId('attachment-row').filter({ hasText: 'invoice.pdf' });
      await expect
        .poll(() => row.getByTestId('attachment-note').textContent())
        .toBe('on note “Call with the supplier”');
      expect((await app.core.listAttachments({ caseId: record.id })).map((attachment) => attachment.noteId)).toEqual([
        note.id,
      ]);
    },
  );
});
