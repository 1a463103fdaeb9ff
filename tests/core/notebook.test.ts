import Database from 'better-sqlite3';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS, SCHEMA_VERSION } from '../../electron/core/notes/migrations.js';
import { fixedClock, openTestCore } from '../helpers/core.js';
import { failure } from '../helpers/failure.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();

describe('the case notebook', () => {
  it('sets a follow-up 7 days after an appeal is sent, names the rule, and lists it as due', async () => {
    const clock = fixedClock('2026-11-10T09:00:00Z');
    const core = await openTestCore(tempDir(), { now: clock.now });
    const record = await core.createCase({ title: 'ODR suspension', cause: 'order-defect-rate', marketplace: 'DE' });
    const sent = await core.updateCase({ id: record.id, changes: { status: 'appeal-sent' } });
    expect([sent.appealSent, sent.nextFollowUp]).toEqual(['2026-11-10', '2026-11-17']);
    expect(await core.listDue({ withinDays: 3 })).toEqual([]);
    clock.set('2026-11-18T09:00:00Z');
    const [due] = await core.listDue({ withinDays: 0 });
    expect(due).toMatchObject({
      caseId: record.id,
      overdue: true,
      ruleArticle: 'after-appeal',
      nextFollowUp: '2026-11-17',
    });
    const edited = await core.updateCase({ id: record.id, changes: { nextFollowUp: '2026-11-25' } });
    expect(edited.nextFollowUp).toBe('2026-11-25');
    expect((await core.listDue({ withinDays: 30 }))[0]?.ruleArticle).toBeNull();
    core.close();
  });

  it('moves deleted notes and cases to the trash and restores them', async () => {
    const core = await openTestCore(tempDir());
    const record = await core.createCase({ title: 'Counterfeit complaint' });
    const note = await core.saveNote({ caseId: record.id, body: 'Invoices from the supplier' });
    await core.deleteNote({ id: note.id });
    expect((await core.getCase({ id: record.id })).notes).toEqual([]);
    expect((await core.listTrash()).notes.map((item) => item.id)).toEqual([note.id]);
    await core.restoreNote({ id: note.id });
    await core.deleteCase({ id: record.id });
    expect(await core.listCases()).toEqual([]);
    expect((await core.searchNotes({ text: 'supplier' })).length).toBe(0);
    await core.restoreCase({ id: record.id });
    expect((await core.searchNotes({ text: 'supplier' })).length).toBe(1);
    core.close();
  });

  it('refuses a save from an editor that started from an older revision', async () => {
    const core = await openTestCore(tempDir());
    const record = await core.createCase({ title: 'IP' });
    const first = await core.saveNote({ caseId: record.id, body: 'v1' });
    const second = await core.saveNote({ id: first.id, caseId: record.id, body: 'v2', baseRevision: first.revision });
    expect(second.revision).toBe(first.revision + 1);
    const stale = await failure(
      core.saveNote({ id: first.id, caseId: record.id, body: 'v1 edited', baseRevision: first.revision }),
    );
    expect(stale.code).toBe('CONFLICT');
    expect((await core.getCase({ id: record.id })).notes[0]?.body).toBe('v2');
    core.close();
  });

  it('finds notes by one- and two-character Chinese words and by longer mixed words', async () => {
    const core = await openTestCore(tempDir());
    const record = await core.createCase({ title: '关联封号' });
    await core.saveNote({ caseId: record.id, body: '收到通知：账号关联，需要提交申诉信。ASIN B07XYZ1234' });
    await core.saveNote({ caseId: record.id, body: 'Removal order placed for all FBA stock' });
    expect((await core.searchNotes({ text: '关联' })).length).toBe(1);
    expect((await core.searchNotes({ text: '信' })).length).toBe(1);
    expect((await core.searchNotes({ text: '申诉信' })).length).toBe(1);
    expect((await core.searchNotes({ text: 'b07xyz' })).length).toBe(1);
    expect((await core.searchNotes({ text: 'removal stock' })).length).toBe(1);
    expect((await core.searchNotes({ text: '仲裁' })).length).toBe(0);
    const [hit] = await core.searchNotes({ text: '关联' });
    expect(hit?.snippet.filter((part) => part.match).map((part) => part.text)).toContain('关联');
    core.close();
  });

  it('drafts a Plan of Action from the cause template with the case facts filled in', async () => {
    const core = await openTestCore(tempDir());
    const record = await core.createCase({
      title: 'Restricted',
      cause: 'restricted-products',
      marketplace: 'US',
      asins: ['B000TEST01'],
      noticeReceived: '2026-11-02',
    });
    const draft = await core.draftPlanOfAction({ caseId: record.id });
    expect(draft.kind).toBe('plan-of-action');
    expect(draft.body).toContain('B000TEST01');
    expect(draft.body).toContain('2026-11-02');
    expect(draft.body).not.toContain('{{ASIN}}');
    const other = await core.createCase({ title: 'Unclear', cause: 'other' });
    expect((await core.draftPlanOfAction({ caseId: other.id })).body).toContain('Root cause');
    core.close();
  });

  it('exports to JSON and imports it back into another notebook, and exports Markdown per case', async () => {
    const source = await openTestCore(tempDir());
    const record = await source.createCase({
      title: 'A-to-Z claims',
      cause: 'a-to-z-chargebacks',
      asins: ['B000TEST02'],
    });
    await source.saveNote({ caseId: record.id, title: 'Carrier', body: '换了物流商', tags: ['logistics'] });
    const [json] = await source.exportNotebook({ format: 'json' });
    const markdown = await source.exportNotebook({ format: 'md' });
    expect(markdown[0]?.content).toContain('# A-to-Z claims');
    expect(markdown[0]?.content).toContain('换了物流商');
    expect((await source.getCase({ id: record.id })).activity.some((entry) => entry.kind === 'exported')).toBe(true);
    source.close();
    const target = await openTestCore(tempDir());
    expect(await target.importNotebook({ json: json!.content })).toEqual({ cases: 1, notes: 1 });
    const [imported] = await target.listCases();
    expect(imported).toMatchObject({ title: 'A-to-Z claims', asins: ['B000TEST02'], noteCount: 1 });
    const broken = await failure(
      target.importNotebook({ json: '{"format":"seller-kb-notebook","version":1,"cases":[{"title":""}]}' }),
    );
    expect(broken.message).toContain('case 1');
    expect((await target.listCases()).length).toBe(1);
    target.close();
  });

  it('backs up with the online backup and restores, keeping the previous file beside it', async () => {
    const dataDir = tempDir();
    const core = await openTestCore(dataDir);
    const record = await core.createCase({ title: 'Before backup' });
    const backup = await core.backupNotebook({ path: join(tempDir(), 'copy.db') });
    expect(backup.bytes).toBeGreaterThan(0);
    await core.createCase({ title: 'After backup' });
    const restored = await core.restoreNotebook({ path: backup.path });
    expect(existsSync(restored.path)).toBe(true);
    expect((await core.listCases()).map((item) => item.id)).toEqual([record.id]);
    expect((await core.checkNotebook()).ok).toBe(true);
    core.close();
  });

  it('refuses a backup to a relative path or over an existing file', async () => {
    const core = await openTestCore(tempDir());
    expect((await failure(core.backupNotebook({ path: 'relative.db' }))).message).toContain(
      'absolute path ending in .db',
    );
    const existing = join(tempDir(), 'taken.db');
    writeFileSync(existing, 'keep me');
    expect((await failure(core.backupNotebook({ path: existing }))).message).toContain('already exists');
    expect(readFileSync(existing, 'utf8')).toBe('keep me');
    core.close();
  });

  it('makes one automatic backup a day and keeps at most seven', async () => {
    const dataDir = tempDir();
    const clock = fixedClock('2026-11-01T08:00:00Z');
    for (let day = 1; day <= 9; day++) {
      clock.set(`2026-11-${String(day).padStart(2, '0')}T08:00:00Z`);
      (await openTestCore(dataDir, { now: clock.now, autoBackup: true })).close();
      (await openTestCore(dataDir, { now: clock.now, autoBackup: true })).close();
    }
    expect(readdirSync(join(dataDir, 'backups')).filter((name) => name.startsWith('auto-')).length).toBe(7);
  });
});

describe('the notebook file', () => {
  it('leaves a damaged file untouched and says so clearly, while the library keeps working', async () => {
    const dataDir = tempDir();
    const garbage = Buffer.from('SQLite format 3\u0000'.padEnd(4096, 'x'));
    writeFileSync(join(dataDir, 'notebook.db'), garbage);
    const core = await openTestCore(dataDir);
    const error = await failure(core.listCases());
    expect(error.code).toBe('CORRUPT_DATABASE');
    expect(error.message).toContain('notebook.db');
    expect((await core.checkNotebook()).ok).toBe(false);
    expect((await core.search({ text: 'ODR' })).hits.length).toBeGreaterThan(0);
    expect(readFileSync(join(dataDir, 'notebook.db')).equals(garbage)).toBe(true);
    core.close();
  });

  it('refuses a file from a newer version without changing it', async () => {
    const dataDir = tempDir();
    const db = new Database(join(dataDir, 'notebook.db'));
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const core = await openTestCore(dataDir);
    expect((await failure(core.listCases())).code).toBe('SCHEMA_TOO_NEW');
    core.close();
    const after = new Database(join(dataDir, 'notebook.db'));
    expect(after.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION + 1);
    after.close();
  });

  it('migrates a notebook of the first schema, backing it up first and keeping its notes searchable', async () => {
    const dataDir = tempDir();
    const db = new Database(join(dataDir, 'notebook.db'));
    db.exec(MIGRATIONS[0] as string);
    db.prepare(
      "INSERT INTO cases (id, title, created_at, updated_at) VALUES (1, 'Old case', '2025-01-01', '2025-01-01')",
    ).run();
    db.prepare(
      "INSERT INTO notes (case_id, body, created_at, updated_at) VALUES (1, '旧笔记 about chargebacks', '2025-01-01', '2025-01-01')",
    ).run();
    db.pragma('user_version = 1');
    db.close();
    const core = await openTestCore(dataDir);
    expect(existsSync(join(dataDir, 'notebook.db.schema-1.bak'))).toBe(true);
    expect((await core.searchNotes({ text: 'chargebacks' })).length).toBe(1);
    expect((await core.searchNotes({ text: '笔记' })).length).toBe(1);
    expect((await core.checkNotebook()).schemaVersion).toBe(SCHEMA_VERSION);
    core.close();
  });

  it('rejects a note larger than the limit with a message that says what to do', async () => {
    const core = await openTestCore(tempDir());
    const record = await core.createCase({ title: 'Huge' });
    const error = await failure(core.saveNote({ caseId: record.id, body: 'x'.repeat(1_000_001) }));
    expect(error.message).toMatch(/at most 1000000.*Split/);
    core.close();
  });
});
