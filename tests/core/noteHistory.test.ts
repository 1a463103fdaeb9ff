import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REVISION_POLICY, revisionsToDrop } from '../../electron/core/notes/noteRevisions.js';
import { fixedClock, openTestCore } from '../helpers/core.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
const DAY = 86_400_000;

describe('note history', () => {
  it('keeps one revision per minute while typing, and nothing extra for a note never edited', async () => {
    const clock = fixedClock('2026-11-10T09:00:00Z');
    const core = await openTestCore(tempDir(), { now: clock.now });
    const { id: caseId } = await core.createCase({ title: 'History' });
    let note = await core.saveNote({ caseId, body: 'D' });
    for (const [at, body] of [
      ['09:00:20', 'Dr'],
      ['09:00:50', 'Draft'],
    ] as const) {
      clock.set(`2026-11-10T${at}Z`);
      note = await core.saveNote({ id: note.id, caseId, body, baseRevision: note.revision });
    }
    expect(
      (await core.listNoteRevisions({ noteId: note.id })).revisions.map((revision) => [revision.id, revision.body]),
    ).toEqual([[0, 'Draft']]);
    clock.set('2026-11-10T09:01:05Z');
    note = await core.saveNote({ id: note.id, caseId, body: 'Draft two', baseRevision: note.revision });
    const { revisions } = await core.listNoteRevisions({ noteId: note.id });
    expect(revisions.map((revision) => [revision.body, revision.savedAt, revision.revision])).toEqual([
      ['Draft two', '2026-11-10T09:01:05.000Z', 4],
      ['Draft', '2026-11-10T09:00:50.000Z', 3],
    ]);
    core.close();
  });

  it('compares two revisions and restores an old one without losing what was typed since', async () => {
    const clock = fixedClock('2026-11-10T09:00:00Z');
    const core = await openTestCore(tempDir(), { now: clock.now });
    const { id: caseId } = await core.createCase({ title: 'Restore' });
    const first = await core.saveNote({ caseId, title: 'Letter', body: 'We ship late.' });
    clock.set('2026-11-10T10:00:00Z');
    const second = await core.saveNote({
      id: first.id,
      caseId,
      title: 'Letter',
      body: 'We ship on time.',
      baseRevision: first.revision,
    });
    const [newer, older] = (await core.listNoteRevisions({ noteId: first.id })).revisions;
    const parts = await core.compareNoteRevisions({ noteId: first.id, from: older!.id, to: newer!.id });
    expect(parts.filter((part) => part.removed).map((part) => part.value.trim())).toEqual(['late']);
    expect(parts.filter((part) => part.added).map((part) => part.value.trim())).toEqual(['on time']);
    clock.set('2026-11-10T10:00:10Z');
    const restored = await core.restoreNoteRevision({ noteId: first.id, revisionId: older!.id });
    expect(restored).toMatchObject({ body: 'We ship late.', revision: second.revision + 1 });
    const bodies = (await core.listNoteRevisions({ noteId: first.id })).revisions.map((revision) => revision.body);
    expect(bodies).toEqual(['We ship late.', 'We ship on time.', 'We ship late.']);
    core.close();
  });

  it('keeps the history of a note in the trash, restores it, and still exports the note', async () => {
    const core = await openTestCore(tempDir());
    const { id: caseId } = await core.createCase({ title: 'Trash' });
    const note = await core.saveNote({ caseId, body: 'Evidence list' });
    await core.deleteNote({ id: note.id });
    expect((await core.listNoteRevisions({ noteId: note.id })).revisions).toHaveLength(1);
    await core.restoreNote({ id: note.id });
    const [file] = await core.exportNotebook({ format: 'json' });
    expect(file!.content).toContain('Evidence list');
    core.close();
  });

  it('keeps a note that is saved twice a day for over a year within 100 revisions', async () => {
    const clock = fixedClock('2025-11-10T00:00:00Z');
    const core = await openTestCore(tempDir(), { now: clock.now });
    const { id: caseId } = await core.createCase({ title: 'Bounded' });
    let note = await core.saveNote({ caseId, body: 'start' });
    const start = Date.parse('2025-11-10T00:00:00Z');
    for (let hour = 12; hour <= 400 * 24; hour += 12) {
      clock.set(new Date(start + hour * 3_600_000).toISOString());
      note = await core.saveNote({ id: note.id, caseId, body: `save ${hour}`, baseRevision: note.revision });
    }
    const { revisions } = await core.listNoteRevisions({ noteId: note.id });
    expect(revisions.length).toBeLessThanOrEqual(REVISION_POLICY.maxPerNote + 1);
    expect(revisions.length).toBeGreaterThan(30);
    expect(revisions[0]).toMatchObject({ id: 0, body: note.body });
    core.close();
  });

  it('follows the stated retention policy for any history', () => {
    const now = new Date('2026-11-10T00:00:00Z');
    const ages = fc.array(fc.integer({ min: 0, max: 200 * DAY }), { minLength: 1, maxLength: 300 });
    fc.assert(
      fc.property(ages, (offsets) => {
        const newestFirst = [...offsets]
          .sort((a, b) => a - b)
          .map((offset, index) => ({ id: index + 1, savedAt: new Date(now.getTime() - offset).toISOString() }));
        const dropped = new Set(revisionsToDrop(newestFirst, now));
        const kept = newestFirst.filter((revision) => !dropped.has(revision.id));
        const age = (revision: { savedAt: string }) => now.getTime() - Date.parse(revision.savedAt);
        expect(kept.length).toBeLessThanOrEqual(REVISION_POLICY.maxPerNote);
        const recent = newestFirst.filter((revision) => age(revision) <= 7 * DAY);
        if (recent.length <= REVISION_POLICY.maxPerNote)
          for (const revision of recent) expect(dropped.has(revision.id)).toBe(false);
        const olderDays = kept
          .filter((revision) => age(revision) > 7 * DAY)
          .map((revision) => revision.savedAt.slice(0, 10));
        expect(new Set(olderDays).size).toBe(olderDays.length);
        for (const revision of kept) expect(age(revision)).toBeLessThanOrEqual(90 * DAY);
      }),
    );
  });
});
