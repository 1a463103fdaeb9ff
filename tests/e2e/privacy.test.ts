import { describe, expect, it } from 'vitest';
import { CANARY, filesContaining } from '../helpers/plaintext.js';
import { useTempDirs } from '../helpers/tempDir.js';
import { closeEachWebApp, openWebApp, type WebApp } from './harness.js';

const tempDir = useTempDirs();
const keep = closeEachWebApp();
const PASSPHRASE = '我的 secret passphrase';

const visit = (webApp: WebApp, route: string) => webApp.page.goto(`${webApp.page.url().split('#')[0]}#/${route}`);

describe('encryption in the browser', () => {
  it(
    'is turned on in Settings; after a restart the notebook pages ask for the passphrase, refuse a wrong one and open with the right one',
    { timeout: 90_000 },
    async () => {
      const dataDir = tempDir();
      const app = keep(await openWebApp(dataDir, { locale: 'zh-CN' }));
      const record = await app.core.createCase({ title: `案件 ${CANARY}` });
      await app.core.saveNote({ caseId: record.id, body: `笔记 ${CANARY}` });
      await visit(app, 'settings');
      const page = app.page;
      expect(await page.getByTestId('privacy-status').textContent()).toContain('未加密');
      await page.getByTestId('encrypt-next').fill('short');
      await page.getByTestId('encrypt-repeat').fill('short');
      await page.getByTestId('privacy-encrypt').click();
      expect(await page.getByRole('alert').filter({ hasText: '至少需要 8 个字符' }).count()).toBe(1);
      await page.getByTestId('encrypt-next').fill(PASSPHRASE);
      await page.getByTestId('encrypt-repeat').fill(PASSPHRASE);
      await page.getByTestId('privacy-encrypt').click();
      await expect
        .poll(async () => (await page.getByTestId('privacy-status').textContent()) ?? '', { timeout: 15_000 })
        .toContain('已加密');
      expect(filesContaining(dataDir, CANARY)).toEqual([]);

      const restarted = keep(await app.restart());
      const locked = restarted.page;
      expect(await locked.getByTestId('notebook-locked').textContent()).toContain('笔记本已锁定');
      await locked.getByTestId('search-input').fill('ODR');
      await locked.getByTestId('search-result').first().waitFor();
      await locked.getByTestId('search-input').press('Escape');
      await visit(restarted, 'cases');
      await locked.getByTestId('unlock-passphrase').fill('not the passphrase');
      await locked.getByTestId('unlock-submit').click();
      await expect
        .poll(async () => (await locked.getByTestId('unlock-error').textContent()) ?? '', { timeout: 15_000 })
        .toContain('密码错误');
      expect(await locked.getByTestId('unlock-passphrase').inputValue()).toBe('');
      await locked.getByTestId('unlock-passphrase').fill(PASSPHRASE);
      await locked.getByTestId('unlock-submit').click();
      await locked.getByTestId('case-item').first().waitFor({ timeout: 15_000 });
      expect(await locked.getByTestId('case-item').first().textContent()).toContain(CANARY);
      expect(await locked.locator('.error-banner').count(), 'no notebook call failed while locked').toBe(0);
    },
  );

  it(
    'changes the passphrase, locks and unlocks, and turns encryption off in Settings',
    { timeout: 90_000 },
    async () => {
      const dataDir = tempDir();
      const app = keep(await openWebApp(dataDir, { locale: 'en-US' }));
      await app.core.createCase({ title: `Case ${CANARY}` });
      await app.core.encryptNotebook({ passphrase: PASSPHRASE });
      await visit(app, 'settings');
      const page = app.page;
      await page.reload(); // The page asks the core afresh: it was encrypted behind its back.
      await page.getByTestId('change-current').waitFor();
      await page.getByTestId('change-current').fill('not the passphrase');
      await page.getByTestId('change-next').fill('the next passphrase');
      await page.getByTestId('change-repeat').fill('the next passphrase');
      await page.getByTestId('privacy-change').click();
      await page.getByRole('alert').filter({ hasText: 'Wrong passphrase' }).waitFor({ timeout: 15_000 });
      await page.getByTestId('change-current').fill(PASSPHRASE);
      await page.getByTestId('privacy-change').click();
      await page.getByText('Passphrase changed.').waitFor({ timeout: 15_000 });
      await page.getByTestId('privacy-lock').click();
      await page.getByTestId('unlock-passphrase').waitFor({ timeout: 15_000 });
      expect(await app.core.getNotebookSecurity()).toEqual({ encrypted: true, locked: true });
      await page.getByTestId('unlock-passphrase').fill('the next passphrase');
      await page.getByTestId('unlock-submit').click();
      await page.getByTestId('decrypt-current').waitFor({ timeout: 15_000 });
      await page.getByTestId('decrypt-current').fill('the next passphrase');
      await page.getByTestId('privacy-decrypt').click();
      await expect
        .poll(async () => (await page.getByTestId('privacy-status').textContent()) ?? '', { timeout: 15_000 })
        .toContain('not encrypted');
      expect(await app.core.getNotebookSecurity()).toEqual({ encrypted: false, locked: false });
      expect(filesContaining(dataDir, CANARY).length).toBeGreaterThan(0);
    },
  );

  it(
    'keeps a draft typed into an encrypted notebook out of localStorage and every file, and offers it again from the notebook',
    { timeout: 90_000 },
    async () => {
      const dataDir = tempDir();
      const app = keep(await openWebApp(dataDir, { locale: 'en-US' }));
      const record = await app.core.createCase({ title: 'Drafts' });
      const note = await app.core.saveNote({ caseId: record.id, body: 'saved text' });
      await app.core.encryptNotebook({ passphrase: PASSPHRASE });
      await visit(app, `cases/${record.id}?note=${note.id}`);
      const page = app.page;
      await page.reload();
      await page.getByTestId('note-body').waitFor({ timeout: 15_000 });
      // Changed elsewhere meanwhile: the editor's save meets a conflict, so what is typed stays a draft.
      await app.core.saveNote({
        id: note.id,
        baseRevision: note.revision,
        caseId: record.id,
        body: 'changed elsewhere',
      });
      await page.getByTestId('note-body').fill(`typed ${CANARY}`);
      await expect
        .poll(async () => (await app.core.getNoteDraft({ caseId: record.id, noteId: note.id }))?.body, {
          timeout: 15_000,
        })
        .toBe(`typed ${CANARY}`);
      await page.getByRole('alert').filter({ hasText: 'changed somewhere else' }).waitFor({ timeout: 15_000 });
      const storage = await page.evaluate(
        () => JSON.stringify({ ...window.localStorage }) + JSON.stringify({ ...window.sessionStorage }),
      );
      expect(storage).not.toContain(CANARY);
      expect(filesContaining(dataDir, CANARY)).toEqual([]);

      await page.reload();
      await page.getByText(/An unsaved draft of this note from .* was found/).waitFor({ timeout: 15_000 });
      await page.getByRole('button', { name: 'Restore draft' }).click();
      expect(await page.getByTestId('note-body').inputValue()).toBe(`typed ${CANARY}`);

      // A draft an earlier version left in localStorage leaves it at start, and moves into the notebook.
      const legacy = {
        title: '',
        tags: '',
        body: `legacy ${CANARY}`,
        baseRevision: null,
        savedAt: '2026-01-01T00:00:00.000Z',
      };
      await page.evaluate(
        ([key, value]) => window.localStorage.setItem(key!, value!),
        [`seller-kb:note-draft:${record.id}:new`, JSON.stringify(legacy)],
      );
      await page.reload();
      await page.getByTestId('note-new').waitFor({ timeout: 15_000 });
      expect(await page.evaluate(() => JSON.stringify({ ...window.localStorage }))).not.toContain(CANARY);
      await page.getByTestId('note-new').click();
      await page.getByText(/An unsaved draft of this note from .* was found/).waitFor({ timeout: 15_000 });
      await expect
        .poll(async () => (await app.core.getNoteDraft({ caseId: record.id }))?.body, { timeout: 15_000 })
        .toBe(`legacy ${CANARY}`);
      expect(filesContaining(dataDir, CANARY)).toEqual([]);
    },
  );
});
