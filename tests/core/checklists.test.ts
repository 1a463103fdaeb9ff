import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../electron/core/notes/migrations.js';
import { openTestCore } from '../helpers/core.js';
import { failure } from '../helpers/failure.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();

describe('checklist progress per checklist name', () => {
  it('is shared by both language twins, and a reset clears it for both', async () => {
    const core = await openTestCore(tempDir());
    await core.setChecklistStep({ articleId: 'fba-removal-order-en', checklist: 'removal-order', step: 1, done: true });
    await core.setChecklistStep({ articleId: 'fba-removal-order-zh', checklist: 'removal-order', step: 3, done: true });
    const zh = await core.getChecklistProgress({ articleId: 'fba-removal-order-zh' });
    expect(zh.ticked['removal-order']).toEqual([1, 3]);
    expect(Object.getPrototypeOf(zh.ticked)).toBeNull();
    expect((await core.getChecklistProgress({ articleId: 'fba-removal-order-en' })).ticked['removal-order']).toEqual([
      1, 3,
    ]);
    expect((await core.resetChecklist({ articleId: 'fba-removal-order-zh' })).ticked).toEqual({});
    expect((await core.getChecklistProgress({ articleId: 'fba-removal-order-en' })).ticked).toEqual({});
    expect((await failure(core.getChecklistProgress({ articleId: 'no-such-article' }))).code).toBe('NOT_FOUND');
    core.close();
  });

  it('keeps the ticks of either twin when an older notebook is migrated', async () => {
    const dataDir = tempDir();
    const db = new Database(join(dataDir, 'notebook.db'));
    db.exec(MIGRATIONS[0] as string);
    const insert = db.prepare('INSERT INTO checklist_steps (article_id, checklist, step) VALUES (?, ?, ?)');
    insert.run('fba-removal-order-en', 'removal-order', 0);
    insert.run('fba-removal-order-zh', 'removal-order', 0);
    insert.run('fba-removal-order-zh', 'removal-order', 2);
    insert.run('__proto__', 'constructor', 1);
    db.pragma('user_version = 1');
    db.close();
    const core = await openTestCore(dataDir);
    expect((await core.getChecklistProgress({ articleId: 'fba-removal-order-en' })).ticked['removal-order']).toEqual([
      0, 2,
    ]);
    core.close();
  });
});
