import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestCore } from '../helpers/core.js';
import { failure } from '../helpers/failure.js';
import { CANARY, filesContaining } from '../helpers/plaintext.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
const PASSPHRASE = 'drafts passphrase 草稿';

describe('note drafts kept in the notebook', () => {
  it('saves, reads back and discards a draft per note and one for the note not saved yet', async () => {
    const core = await openTestCore(tempDir());
    const record = await core.createCase({ title: 'Drafts' });
    const note = await core.saveNote({ caseId: record.id, body: 'saved' });
    expect(await core.getNoteDraft({ caseId: record.id, noteId: note.id })).toBeNull();
    await core.saveNoteDraft({
      caseId: record.id,
      noteId: note.id,
      title: 't',
      tags: 'a, b',
      body: 'typed',
      baseRevision: note.revision,
    });
    await core.saveNoteDraft({ caseId: record.id, title: '', tags: '', body: 'a new note' });
    expect(await core.getNoteDraft({ caseId: record.id, noteId: note.id })).toMatchObject({
      noteId: note.id,
      body: 'typed',
      tags: 'a, b',
      baseRevision: note.revision,
    });
    expect(await core.getNoteDraft({ caseId: record.id })).toMatchObject({
      noteId: null,
      body: 'a new note',
      baseRevision: null,
    });
    await core.saveNoteDraft({
      caseId: record.id,
      noteId: note.id,
      title: 't',
      tags: '',
      body: 'typed more',
      baseRevision: note.revision,
    });
    expect((await core.getNoteDraft({ caseId: record.id, noteId: note.id }))?.body).toBe('typed more');
    await core.discardNoteDraft({ caseId: record.id, noteId: note.id });
    expect(await core.getNoteDraft({ caseId: record.id, noteId: note.id })).toBeNull();
    expect((await core.getNoteDraft({ caseId: record.id }))?.body).toBe('a new note');
    expect(
      (await core.getCase({ id: record.id })).activity.map((item) => item.kind),
      'a draft is not an edit of the case',
    ).not.toContain('note-edited');
    core.close();
  });

  it('refuses a draft for a missing case or with malformed fields', async () => {
    const core = await openTestCore(tempDir());
    expect((await failure(core.saveNoteDraft({ caseId: 99, title: '', tags: '', body: 'x' }))).code).toBe('NOT_FOUND');
    const record = await core.createCase({ title: 'Drafts' });
    const malformed = await failure(core.saveNoteDraft({ caseId: record.id, title: '', tags: '', body: 42 } as never));
    expect([malformed.code, malformed.message]).toEqual(['INVALID_INPUT', 'Notebook: draft "body" must be text']);
    expect((await failure(core.getNoteDraft({ caseId: record.id, noteId: -1 }))).code).toBe('INVALID_INPUT');
    core.close();
  });

  it('keeps an encrypted notebook’s drafts encrypted: typed text is in no file of the data folder', async () => {
    const dataDir = tempDir();
    const core = await openTestCore(dataDir);
    const record = await core.createCase({ title: 'Drafts' });
    await core.saveNoteDraft({ caseId: record.id, title: '', tags: '', body: `plain draft ${CANARY}` });
    // The control: in a plain notebook the draft's text is in the WAL, so the scan can fail.
    expect(filesContaining(dataDir, CANARY)).toEqual([join(dataDir, 'notebook.db-wal')]);
    await core.encryptNotebook({ passphrase: PASSPHRASE });
    expect(filesContaining(dataDir, CANARY)).toEqual([]);
    await core.saveNoteDraft({
      caseId: record.id,
      title: `title ${CANARY}`,
      tags: CANARY,
      body: `typed after encrypting ${CANARY}`,
    });
    expect(filesContaining(dataDir, CANARY)).toEqual([]);
    await core.lockNotebook();
    expect((await failure(core.saveNoteDraft({ caseId: record.id, title: '', tags: '', body: CANARY }))).code).toBe(
      'PASSPHRASE_REQUIRED',
    );
    await core.unlockNotebook({ passphrase: PASSPHRASE });
    expect((await core.getNoteDraft({ caseId: record.id }))?.body).toBe(`typed after encrypting ${CANARY}`);
    core.close();
    expect(filesContaining(dataDir, CANARY)).toEqual([]);
  });
});
