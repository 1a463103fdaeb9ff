import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openTestCore } from '../helpers/core.js';
import { minimalPdf } from '../helpers/minimalPdf.js';
import { CANARY, filesContaining, filesContainingBytes } from '../helpers/plaintext.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
const PASSPHRASE = 'correct horse 电池 staple';

describe('attachments in an encrypted notebook', () => {
  it('leave no plaintext of their bytes or their text anywhere in the data folder', async () => {
    const dataDir = tempDir();
    const core = await openTestCore(dataDir);
    const { id: caseId } = await core.createCase({ title: 'Private case' });
    // The PDF holds the canary as plain bytes (uncompressed text), so the scan can see it.
    const plainPdf = minimalPdf([['Invoice', `Supplier note ASCII-CANARY-7f3a9c`]]);
    await core.addAttachment({ caseId, name: 'before.pdf', base64: plainPdf.toString('base64') });
    await core.addAttachment({ caseId, name: 'before.txt', base64: Buffer.from(`text ${CANARY}`).toString('base64') });
    // The control: in a plain notebook both show up on disk.
    expect(filesContainingBytes(dataDir, Buffer.from('ASCII-CANARY-7f3a9c')).length).toBeGreaterThan(0);
    expect(filesContaining(dataDir, CANARY).length).toBeGreaterThan(0);

    await core.encryptNotebook({ passphrase: PASSPHRASE });
    const secretPdf = minimalPdf([['Invoice', 'Supplier SECRET-SUPPLIER-91b2']]);
    const attached = await core.addAttachment({ caseId, name: 'after.pdf', base64: secretPdf.toString('base64') });
    await core.addAttachment({ caseId, name: 'after.txt', base64: Buffer.from(`more ${CANARY}`).toString('base64') });
    await core.backupNotebook({});
    expect((await core.searchNotes({ text: 'SECRET-SUPPLIER' })).map((hit) => hit.noteId)).toEqual([
      attached.textNoteId,
    ]);
    expect((await core.getAttachment({ id: attached.id })).base64).toBe(secretPdf.toString('base64'));

    expect(filesContaining(dataDir, CANARY)).toEqual([]);
    expect(filesContainingBytes(dataDir, Buffer.from('ASCII-CANARY-7f3a9c'))).toEqual([]);
    expect(filesContainingBytes(dataDir, Buffer.from('SECRET-SUPPLIER-91b2'))).toEqual([]);
    expect(filesContainingBytes(dataDir, secretPdf.subarray(0, 200))).toEqual([]);
    core.close();
    // Nothing was written beside the notebook for the attachments: no temporary, thumbnail or cache files.
    expect(readdirSync(dataDir).filter((name) => !/^notebook\.db(-wal|-shm|\.id)?$|^backups$/.test(name))).toEqual([]);
  });
});
