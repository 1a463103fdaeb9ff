import { describe, expect, it } from 'vitest';
import type { PoaDraft } from '../../electron/common/index.js';
import { invoicePdf } from '../helpers/attachmentFiles.js';
import { openTestCore } from '../helpers/core.js';
import { minimalPdf } from '../helpers/minimalPdf.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
const evidence = (draft: PoaDraft) => draft.checks.find((check) => check.id === 'evidence')!;

describe("the Plan of Action's evidence check", () => {
  it('reads the invoices attached to the case against Amazon’s checklist, naming each gap', async () => {
    const core = await openTestCore(tempDir());
    const { id: caseId } = await core.createCase({
      title: 'Inauthentic complaint',
      cause: 'counterfeit',
      noticeReceived: '2026-05-01',
    });
    expect(evidence(await core.buildPoaDraft({ caseId }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('No supplier invoice is attached'),
      messageZh: expect.stringContaining('供应商发票'),
    });

    // A photo of the warehouse is not an invoice: the check does not count it.
    await core.addAttachment({
      caseId,
      name: 'shelf.pdf',
      base64: minimalPdf([['Shelf 4, row 2']]).toString('base64'),
    });
    await core.addAttachment({ caseId, name: 'invoice.pdf', base64: invoicePdf().toString('base64') });
    expect(evidence(await core.buildPoaDraft({ caseId }))).toMatchObject({
      ok: true,
      message: "1 attached invoice shows everything Amazon's checklist asks for.",
    });

    const stale = minimalPdf([['INVOICE', 'Date: 2024-01-02', 'Widgetworks Ltd']]);
    await core.addAttachment({ caseId, name: 'old-invoice.pdf', base64: stale.toString('base64') });
    const check = evidence(await core.buildPoaDraft({ caseId }));
    expect(check.ok).toBe(false);
    expect(check.message).toContain(
      'old-invoice.pdf: no date within 365 days of the notice, no address, no phone number, no website, no quantities',
    );
    expect(check.messageZh).toContain('old-invoice.pdf: 没有通知前 365 天内的日期、没有地址');
    core.close();
  });

  it('passes a case of another cause without invoices, since its appeal does not stand on them', async () => {
    const core = await openTestCore(tempDir());
    const { id: caseId } = await core.createCase({ title: 'Linked accounts', cause: 'related-accounts' });
    expect(evidence(await core.buildPoaDraft({ caseId }))).toMatchObject({
      ok: true,
      message: 'No supplier invoice is attached to this case.',
    });
    core.close();
  });
});
