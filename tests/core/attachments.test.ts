import Database from 'better-sqlite3';
import { existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/createCore.js';
import { invoicePdf, pngHeader } from '../helpers/attachmentFiles.js';
import { openTestCore } from '../helpers/core.js';
import { failure } from '../helpers/failure.js';
import { minimalPdf } from '../helpers/minimalPdf.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
const fileTempDir = useTempDirs('file');

async function coreWithCase(): Promise<{ core: Core; dataDir: string; caseId: number }> {
  const dataDir = tempDir();
  const core = await openTestCore(dataDir);
  const record = await core.createCase({ title: 'Counterfeit claim', noticeReceived: '2026-05-01' });
  return { core, dataDir, caseId: record.id };
}

function fileIn(dir: string, name: string, bytes: Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

function countRows(dataDir: string, table: string): number {
  const db = new Database(join(dataDir, 'notebook.db'), { readonly: true });
  try {
    return db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
  } finally {
    db.close();
  }
}

describe('attachments on a case', () => {
  it('gives back the bytes of an attached PDF exactly, and stores the same file attached twice once', async () => {
    const { core, dataDir, caseId } = await coreWithCase();
    const bytes = invoicePdf();
    const path = fileIn(tempDir(), 'invoice.pdf', bytes);
    const first = await core.addAttachment({ caseId, path });
    expect(first).toMatchObject({
      caseId,
      name: 'invoice.pdf',
      type: 'pdf',
      size: bytes.length,
      pages: 1,
      textStatus: 'done',
    });
    const content = await core.getAttachment({ id: first.id });
    expect(Buffer.from(content.base64, 'base64').equals(bytes)).toBe(true);

    const again = await core.addAttachment({ caseId, name: 'copy of invoice.pdf', base64: bytes.toString('base64') });
    expect(again.id).toBe(first.id);
    const other = await core.createCase({ title: 'Second case' });
    await core.addAttachment({ caseId: other.id, path });
    expect((await core.listAttachments({ caseId })).map((attachment) => [attachment.id, attachment.name])).toEqual([
      [first.id, 'invoice.pdf'],
    ]);
    core.close();
    expect(countRows(dataDir, 'attachments')).toBe(2);
    expect(countRows(dataDir, 'attachment_blobs')).toBe(1);
  });

  it('indexes the text of a PDF in notes search, and forgets it when the attachment is deleted', async () => {
    const { core, dataDir, caseId } = await coreWithCase();
    const attachment = await core.addAttachment({
      caseId,
      name: 'invoice.pdf',
      base64: invoicePdf().toString('base64'),
    });
    const hits = await core.searchNotes({ text: 'Widgetworks' });
    expect(hits).toHaveLength(1);
    expect(hits[0]).toMatchObject({ noteId: attachment.textNoteId, caseId, title: 'invoice.pdf' });

    await core.deleteAttachment({ id: attachment.id });
    expect(await core.searchNotes({ text: 'Widgetworks' })).toEqual([]);
    expect(await core.listAttachments({ caseId })).toEqual([]);
    core.close();
    expect(countRows(dataDir, 'attachment_blobs')).toBe(0);
  });

  it('keeps plain text and saved e-mails with their text searchable', async () => {
    const { core, caseId } = await coreWithCase();
    const email =
      'From: seller-performance@amazon.com\r\nSubject: Your listing was removed\r\n\r\nWe removed ASIN B00TESTASIN for 商标 complaints.\r\n';
    const attachment = await core.addAttachment({
      caseId,
      name: 'notice.eml',
      base64: Buffer.from(email).toString('base64'),
    });
    expect(attachment.type).toBe('eml');
    expect((await core.searchNotes({ text: 'B00TESTASIN' })).map((hit) => hit.noteId)).toEqual([attachment.textNoteId]);
    expect(
      (
        await core.addAttachment({
          caseId,
          name: 'chat.txt',
          base64: Buffer.from('供应商说发票下周到').toString('base64'),
        })
      ).type,
    ).toBe('text');
    core.close();
  });

  it('checks an invoice: a date within 365 days of the notice, supplier, address, phone, website, quantities', async () => {
    const { core, caseId } = await coreWithCase();
    const attachment = await core.addAttachment({
      caseId,
      name: 'invoice.pdf',
      base64: invoicePdf().toString('base64'),
    });
    const check = await core.checkAttachmentInvoice({ id: attachment.id });
    expect(check.referenceDate).toBe('2026-05-01');
    expect(Object.fromEntries(check.items.map((item) => [item.key, item.found]))).toEqual({
      date: true,
      supplier: true,
      address: true,
      phone: true,
      website: true,
      quantities: true,
    });
    expect(check.complete).toBe(true);

    const old = minimalPdf([['INVOICE', 'Date: 2024-01-02', 'Widgetworks Ltd']]);
    const stale = await core.checkAttachmentInvoice({
      id: (await core.addAttachment({ caseId, name: 'old.pdf', base64: old.toString('base64') })).id,
    });
    expect(stale.items.find((item) => item.key === 'date')).toEqual({
      key: 'date',
      found: false,
      detail: '2024-01-02 is not within 365 days before 2026-05-01',
    });
    expect(stale.items.filter((item) => !item.found).map((item) => item.key)).toEqual([
      'date',
      'address',
      'phone',
      'website',
      'quantities',
    ]);
    core.close();
  });
});

describe('bad files get a clear message and nothing is stored', () => {
  // One notebook for these tests: each refusal must leave it as empty as it was.
  let shared: { core: Core; dataDir: string; caseId: number };
  beforeAll(async () => {
    const dataDir = fileTempDir();
    const core = await openTestCore(dataDir);
    shared = { core, dataDir, caseId: (await core.createCase({ title: 'Refusals' })).id };
  });
  afterAll(() => shared.core.close());
  const nothingStored = async () => {
    expect(await shared.core.listAttachments({ caseId: shared.caseId })).toEqual([]);
    expect(countRows(shared.dataDir, 'attachment_blobs')).toBe(0);
    expect(countRows(shared.dataDir, "notes WHERE kind = 'attachment'")).toBe(0);
  };
  const cases: [what: string, name: string, bytes: () => Buffer, message: RegExp][] = [
    [
      'a file that claims to be a PDF but is not',
      'invoice.pdf',
      () => Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]),
      /invoice\.pdf is named as a PDF but its content is not a file type Seller KB keeps/,
    ],
    [
      'a text file named .pdf',
      'invoice.pdf',
      () => Buffer.from('Dear supplier, please send the invoice'),
      /invoice\.pdf is named as a PDF but its content is plain text/,
    ],
    ['an empty file', 'empty.png', () => Buffer.alloc(0), /empty\.png is empty \(0 bytes\)/],
    [
      'a 50,000 × 50,000-pixel image',
      'huge.png',
      () => pngHeader(50_000, 50_000),
      /huge\.png is 50000 × 50000 pixels; images up to 40 megapixels/,
    ],
    [
      'a password-protected PDF',
      'locked.pdf',
      () => minimalPdf([['secret']], { encrypt: true }),
      /locked\.pdf is a password-protected \(encrypted\) PDF/,
    ],
    [
      'a PDF whose body is damaged',
      'broken.pdf',
      () => Buffer.from('%PDF-1.7\n garbage garbage garbage'),
      /broken\.pdf starts like a PDF but is damaged or not one/,
    ],
    [
      'a file of another type',
      'tool.exe',
      () => Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]),
      /tool\.exe is not a PDF, PNG, JPEG, WebP, plain text or \.eml file/,
    ],
  ];
  for (const [what, name, bytes, message] of cases) {
    it(`refuses ${what}`, async () => {
      const error = await failure(
        shared.core.addAttachment({ caseId: shared.caseId, path: fileIn(tempDir(), name, bytes()) }),
      );
      expect(error.code).toBe('INVALID_INPUT');
      expect(error.message).toMatch(message);
      expect(error.message).toMatch(/Nothing was attached|nothing was attached/);
      await nothingStored();
    });
  }

  it('refuses a 500 MB file by its size, before reading it', async () => {
    const { core, caseId } = shared;
    const path = join(tempDir(), 'scan.pdf');
    writeFileSync(path, '');
    truncateSync(path, 500 * 1024 * 1024); // Sparse: no 500 MB written, and none read.
    const error = await failure(core.addAttachment({ caseId, path }));
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toBe(
      'Attachments: scan.pdf is 500.0 MB; a file may be at most 50 MB. Nothing was attached: split or compress it first',
    );
    await nothingStored();
  });

  it('refuses base64 content over 50 MB by its length, before decoding it', async () => {
    const { core, caseId } = shared;
    const error = await failure(core.addAttachment({ caseId, name: 'big.png', base64: 'A'.repeat(70 * 1024 * 1024) }));
    expect(error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(error.message).toMatch(/big\.png is 52\.5 MB; a file may be at most 50 MB/);
    await nothingStored();
  });

  it('names the input that is wrong: no case, a relative path, both path and base64, a case in the trash', async () => {
    const { core, caseId } = await coreWithCase();
    expect((await failure(core.addAttachment({ caseId: 999, name: 'a.txt', base64: 'aGk=' }))).message).toBe(
      'Notebook: case 999 not found',
    );
    expect((await failure(core.addAttachment({ caseId, path: 'relative/a.txt' }))).message).toMatch(
      /"path" must be an absolute path/,
    );
    expect((await failure(core.addAttachment({ caseId, path: '/tmp/a.txt', base64: 'aGk=' }))).message).toMatch(
      /give exactly one of "path" and "base64"/,
    );
    expect((await failure(core.addAttachment({ caseId, path: join(tempDir(), 'missing.pdf') }))).code).toBe(
      'NOT_FOUND',
    );
    await core.deleteCase({ id: caseId });
    expect((await failure(core.addAttachment({ caseId, name: 'a.txt', base64: 'aGk=' }))).message).toMatch(
      /case \d+ is in the trash/,
    );
    core.close();
  });
});

describe('attachments in exports and backups', () => {
  it('exports attachments as base64 in the JSON file and imports them back with their searchable text', async () => {
    const { core, caseId } = await coreWithCase();
    const pdf = invoicePdf();
    await core.addAttachment({ caseId, name: 'invoice.pdf', base64: pdf.toString('base64') });
    const [file] = await core.exportNotebook({ format: 'json' });
    const exported = JSON.parse(file!.content) as {
      cases: { attachments: { name: string; base64: string; textNoteIndex: number | null }[] }[];
    };
    expect(exported.cases[0]!.attachments).toEqual([
      expect.objectContaining({ name: 'invoice.pdf', base64: pdf.toString('base64'), textNoteIndex: 0 }),
    ]);
    core.close();

    const other = await openTestCore(tempDir());
    expect(await other.importNotebook({ json: file!.content })).toEqual({ cases: 1, notes: 1 });
    const [imported] = await other.listCases();
    const [attachment] = await other.listAttachments({ caseId: imported!.id });
    expect(attachment).toMatchObject({ name: 'invoice.pdf', textStatus: 'done' });
    expect(Buffer.from((await other.getAttachment({ id: attachment!.id })).base64, 'base64').equals(pdf)).toBe(true);
    expect((await other.searchNotes({ text: 'Widgetworks' })).map((hit) => hit.noteId)).toEqual([
      attachment!.textNoteId,
    ]);

    const damaged = file!.content.replace(/"sha256": "[0-9a-f]+"/, `"sha256": "${'0'.repeat(64)}"`);
    const error = await failure(other.importNotebook({ json: damaged }));
    expect(error.message).toMatch(/^Import: case 1: Attachments: attachment 1 \(invoice\.pdf\) is damaged/);
    expect(await other.listCases()).toHaveLength(1);
    other.close();
  });

  it('keeps attachments in backups and restores them', async () => {
    const { core, caseId } = await coreWithCase();
    const pdf = invoicePdf();
    const attachment = await core.addAttachment({ caseId, name: 'invoice.pdf', base64: pdf.toString('base64') });
    const backup = await core.backupNotebook({});
    await core.deleteAttachment({ id: attachment.id });
    await core.restoreNotebook({ path: backup.path });
    expect(Buffer.from((await core.getAttachment({ id: attachment.id })).base64, 'base64').equals(pdf)).toBe(true);
    core.close();
  });
});

describe('opening an attachment in the system viewer', () => {
  it('hands the viewer a private copy outside the data folder, removed when the core closes; elsewhere it says why not', async () => {
    const opened: string[] = [];
    const dataDir = tempDir();
    const core = await openTestCore(dataDir, { openFile: async (path) => void opened.push(path) });
    const { id: caseId } = await core.createCase({ title: 'Viewer' });
    const pdf = invoicePdf();
    const attachment = await core.addAttachment({ caseId, name: 'invoice.pdf', base64: pdf.toString('base64') });
    const { path } = await core.openAttachmentExternally({ id: attachment.id });
    expect(opened).toEqual([path]);
    expect(path.startsWith(dataDir)).toBe(false);
    expect(path).toMatch(/seller-kb-open-[^/]+\/invoice\.pdf$/);
    expect(readFileSync(path).equals(pdf)).toBe(true);
    expect(statSync(path).mode & 0o077).toBe(0);
    core.close();
    expect(existsSync(path)).toBe(false);

    const web = await openTestCore(dataDir);
    expect((await failure(web.openAttachmentExternally({ id: attachment.id }))).message).toMatch(
      /only in the desktop app/,
    );
    web.close();
  });
});
