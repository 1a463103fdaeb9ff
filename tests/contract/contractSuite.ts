import { describe, expect, it } from 'vitest';
import type { KbApi } from '../../electron/common/index.js';
import { KbError } from '../../electron/common/index.js';
import { invoicePdf } from '../helpers/attachmentFiles.js';
import { useTempDirs } from '../helpers/tempDir.js';

export interface Door {
  api: KbApi;
  close(): Promise<void>;
}

async function rejection(promise: Promise<unknown>): Promise<KbError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(KbError);
  return error as KbError;
}

/** One behaviour suite that every door, opened on a data folder, must pass identically. */
export function contractSuite(name: string, openDoor: (dataDir: string) => Promise<Door>): void {
  describe(`the contract through ${name}`, () => {
    const tempDir = useTempDirs();
    const withDoor = (test: (api: KbApi) => Promise<void>) => async () => {
      const door = await openDoor(tempDir());
      try {
        await test(door.api);
      } finally {
        await door.close();
      }
    };

    it(
      'lists the library and opens an article with sanitized HTML',
      withDoor(async (api) => {
        const info = await api.getLibraryInfo();
        expect(info.articleCount).toBeGreaterThanOrEqual(50);
        const article = await api.getArticle({ id: 'fba-removal-order-en' });
        expect(article.lang).toBe('en');
        expect(article.translation).toBe('fba-removal-order-zh');
        expect(article.html).toContain('data-checklist="removal-order"');
        expect(article.html).not.toMatch(/<script/i);
        expect(article.path).toBe('content/articles/fba-removal/fba-removal-order.en.md');
      }),
    );

    it(
      'finds the removal-order article for a Chinese query',
      withDoor(async (api) => {
        const result = await api.search({ text: '移除订单', preferLang: 'zh' });
        expect(result.hits[0]?.id).toBe('fba-removal-order-zh');
        expect(result.hits[0]?.snippet.some((part) => part.match)).toBe(true);
      }),
    );

    it(
      'reports a missing article as NOT_FOUND and a bad argument as INVALID_INPUT',
      withDoor(async (api) => {
        const missing = await rejection(api.getArticle({ id: 'no-such-article' }));
        expect(missing.code).toBe('NOT_FOUND');
        // {code, message, details} cross every door: the renderer words the error from them.
        expect(missing.details).toEqual({ what: 'article', name: 'no-such-article' });
        expect((await rejection(api.search({ text: 42 as unknown as string }))).code).toBe('INVALID_INPUT');
        expect((await rejection(api.createCase({ title: '' }))).code).toBe('INVALID_INPUT');
      }),
    );

    it(
      'keeps a case, its note and the follow-up its status implies',
      withDoor(async (api) => {
        const created = await api.createCase({
          title: 'Restricted product notice',
          marketplace: 'US',
          cause: 'restricted-products',
        });
        await api.saveNote({ caseId: created.id, body: '亚马逊说我们的商品属于违禁品' });
        const updated = await api.updateCase({
          id: created.id,
          changes: { status: 'appeal-sent', appealSent: '2026-11-01' },
        });
        expect(updated.nextFollowUp).toBe('2026-11-08');
        const hits = await api.searchNotes({ text: '违禁' });
        expect(hits.map((hit) => hit.caseId)).toContain(created.id);
        const detail = await api.getCase({ id: created.id });
        expect(detail.activity.map((entry) => entry.kind)).toEqual(
          expect.arrayContaining(['case-created', 'note-added', 'status-changed']),
        );
      }),
    );

    it(
      'saves checklist progress per checklist name, shared by both twins',
      withDoor(async (api) => {
        await api.setChecklistStep({
          articleId: 'fba-removal-order-en',
          checklist: 'removal-order',
          step: 2,
          done: true,
        });
        const progress = await api.getChecklistProgress({ articleId: 'fba-removal-order-en' });
        expect(progress.ticked['removal-order']).toEqual([2]);
        expect((await api.getChecklistProgress({ articleId: 'fba-removal-order-zh' })).ticked['removal-order']).toEqual(
          [2],
        );
        const reset = await api.resetChecklist({ articleId: 'fba-removal-order-en' });
        expect(reset.ticked).toEqual({});
      }),
    );

    it(
      'keeps a note draft in the notebook until it is discarded',
      withDoor(async (api) => {
        const record = await api.createCase({ title: 'Draft door' });
        const saved = await api.saveNoteDraft({ caseId: record.id, title: '标题', tags: 'a', body: '草稿 draft' });
        expect(saved).toMatchObject({ caseId: record.id, noteId: null, body: '草稿 draft', baseRevision: null });
        expect(await api.getNoteDraft({ caseId: record.id })).toEqual(saved);
        expect(await api.discardNoteDraft({ caseId: record.id })).toBeNull();
        expect(await api.getNoteDraft({ caseId: record.id })).toBeNull();
        expect((await rejection(api.saveNoteDraft({ caseId: 0, title: '', tags: '', body: '' }))).code).toBe(
          'INVALID_INPUT',
        );
      }),
    );

    it(
      'attaches a PDF as base64, lists it, gives its bytes back, finds its text, checks it as an invoice and deletes it',
      withDoor(async (api) => {
        const { id: caseId } = await api.createCase({ title: 'Evidence', noticeReceived: '2026-05-01' });
        const base64 = invoicePdf().toString('base64');
        const attachment = await api.addAttachment({ caseId, name: 'invoice.pdf', base64 });
        expect(
          (await api.listAttachments({ caseId })).map((record) => [record.id, record.name, record.textStatus]),
        ).toEqual([[attachment.id, 'invoice.pdf', 'done']]);
        expect((await api.getAttachment({ id: attachment.id })).base64).toBe(base64);
        expect((await api.searchNotes({ text: 'Widgetworks' })).map((hit) => hit.noteId)).toEqual([
          attachment.textNoteId,
        ]);
        expect((await api.checkAttachmentInvoice({ id: attachment.id })).complete).toBe(true);
        expect((await rejection(api.addAttachment({ caseId, name: 'fake.pdf', base64: 'UEsDBAAA' }))).code).toBe(
          'INVALID_INPUT',
        );
        expect((await rejection(api.getAttachment({ id: 999 }))).code).toBe('NOT_FOUND');
        await api.deleteAttachment({ id: attachment.id });
        expect(await api.listAttachments({ caseId })).toEqual([]);
      }),
    );

    it(
      'keeps preferences (issue 19) and refuses a wrong one with its code',
      withDoor(async (api) => {
        const changed = await api.setPreferences({
          uiLanguage: 'zh',
          bookmarks: [{ id: 'arbitration-zh', title: '仲裁', lang: 'zh' }],
        });
        expect(changed).toMatchObject({ uiLanguage: 'zh', theme: 'system' });
        expect((await api.getPreferences()).bookmarks).toEqual([{ id: 'arbitration-zh', title: '仲裁', lang: 'zh' }]);
        expect((await rejection(api.setPreferences({ theme: 'purple' } as never))).code).toBe('INVALID_INPUT');
      }),
    );

    it(
      'encrypts the notebook, changes its passphrase, backs it up encrypted and turns encryption off',
      withDoor(async (api) => {
        expect(await api.getNotebookSecurity()).toEqual({ encrypted: false, locked: false });
        const created = await api.createCase({ title: 'Private case' });
        expect((await rejection(api.lockNotebook())).code).toBe('CONFLICT');
        expect((await rejection(api.encryptNotebook({ passphrase: 'short' }))).code).toBe('INVALID_INPUT');
        expect(await api.encryptNotebook({ passphrase: 'contract passphrase' })).toEqual({
          encrypted: true,
          locked: false,
          convertedBackups: [],
          skippedBackups: [],
        });
        expect(
          (
            await rejection(
              api.changeNotebookPassphrase({ current: 'wrong passphrase', next: 'contract passphrase 2' }),
            )
          ).code,
        ).toBe('WRONG_PASSPHRASE');
        await api.changeNotebookPassphrase({ current: 'contract passphrase', next: 'contract passphrase 2' });
        const backup = await api.backupNotebook({});
        expect(backup.encrypted).toBe(true);
        expect(await api.checkNotebook({ path: backup.path })).toMatchObject({ ok: true, encrypted: true });
        const change = await api.decryptNotebook({ passphrase: 'contract passphrase 2' });
        expect(change).toEqual({
          encrypted: false,
          locked: false,
          convertedBackups: [backup.path],
          skippedBackups: [],
        });
        expect((await api.listCases()).map((record) => record.id)).toEqual([created.id]);
      }),
    );

    it('starts locked on an encrypted notebook, refuses a wrong passphrase, and opens with the right one', async () => {
      const dataDir = tempDir();
      const first = await openDoor(dataDir);
      await first.api.createCase({ title: 'Locked away' });
      await first.api.encryptNotebook({ passphrase: 'contract passphrase' });
      await first.close();
      const door = await openDoor(dataDir);
      try {
        const { api } = door;
        expect(await api.getNotebookSecurity()).toEqual({ encrypted: true, locked: true });
        expect((await rejection(api.listCases())).code).toBe('PASSPHRASE_REQUIRED');
        expect((await api.search({ text: 'ODR' })).hits.length).toBeGreaterThan(0);
        expect((await rejection(api.unlockNotebook({ passphrase: 'wrong passphrase' }))).code).toBe('WRONG_PASSPHRASE');
        expect(await api.unlockNotebook({ passphrase: 'contract passphrase' })).toEqual({
          encrypted: true,
          locked: false,
        });
        expect((await api.listCases()).map((record) => record.title)).toEqual(['Locked away']);
        expect(await api.lockNotebook()).toEqual({ encrypted: true, locked: true });
        expect((await rejection(api.listCases())).code).toBe('PASSPHRASE_REQUIRED');
        expect((await rejection(api.backupNotebook({}))).code).toBe('PASSPHRASE_REQUIRED');
        expect(await api.unlockNotebook({ passphrase: 'contract passphrase' })).toEqual({
          encrypted: true,
          locked: false,
        });
        expect((await api.listCases()).map((record) => record.title)).toEqual(['Locked away']);
      } finally {
        await door.close();
      }
    });
  });
}
