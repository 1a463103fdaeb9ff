import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoicePdf } from '../helpers/attachmentFiles.js';
import { cli } from '../helpers/cli.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();

describe('seller-kb attach, attachments, attachment get', () => {
  it('attaches a PDF, lists it with id and name, writes it back byte for byte, and finds its text with notes search', async () => {
    const data = tempDir();
    const files = tempDir();
    const pdf = invoicePdf();
    writeFileSync(join(files, 'invoice.pdf'), pdf);
    const created = await cli('case', 'new', '--title', 'Inauthentic claim', '--json', '--data', data);
    const caseId = String((JSON.parse(created.out) as { id: number }).id);

    const attached = await cli('attach', caseId, join(files, 'invoice.pdf'), '--json', '--data', data);
    expect(attached.code, attached.err).toBe(0);
    const record = JSON.parse(attached.out) as { id: number; name: string; type: string; textStatus: string };
    expect(record).toMatchObject({ name: 'invoice.pdf', type: 'pdf', textStatus: 'done' });

    const listed = await cli('attachments', caseId, '--json', '--data', data);
    expect((JSON.parse(listed.out) as { id: number; name: string }[]).map(({ id, name }) => ({ id, name }))).toEqual([
      { id: record.id, name: 'invoice.pdf' },
    ]);
    expect((await cli('attachments', caseId, '--data', data)).out).toMatch(/^#\d+ {2}invoice\.pdf {2}\(pdf, \d+ KB\)/);

    const out = join(files, 'copy.pdf');
    const got = await cli('attachment', 'get', String(record.id), '--out', out, '--data', data);
    expect(got.code, got.err).toBe(0);
    expect(readFileSync(out).equals(pdf)).toBe(true);
    const again = await cli('attachment', 'get', String(record.id), '--out', out, '--data', data);
    expect([again.code, again.err]).toEqual([1, expect.stringContaining('already exists; choose a new file name')]);

    const search = await cli('notes', 'search', 'Widgetworks', '--json', '--data', data);
    expect(
      (JSON.parse(search.out) as { title: string; caseId: number }[]).map((hit) => [hit.title, hit.caseId]),
    ).toEqual([['invoice.pdf', Number(caseId)]]);

    const check = await cli('attachment', 'check', String(record.id), '--data', data);
    expect(check.out).toMatch(/✓ supplier: Widgetworks Ltd/);
  });

  it('says why a file is refused, with exit code 1, and a missing --out with exit code 2', async () => {
    const data = tempDir();
    const files = tempDir();
    writeFileSync(join(files, 'fake.pdf'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    await cli('case', 'new', '--title', 'Case', '--data', data);
    const refused = await cli('attach', '1', join(files, 'fake.pdf'), '--data', data);
    expect([refused.code, refused.err.trim()]).toEqual([
      1,
      'seller-kb: Attachments: fake.pdf is named as a PDF but its content is not a file type Seller KB keeps; nothing was attached',
    ]);
    expect((await cli('attachment', 'get', '1', '--data', data)).code).toBe(2);
    expect((await cli('attach', '--help')).out).toContain('up to 50 MB');
  });
});
