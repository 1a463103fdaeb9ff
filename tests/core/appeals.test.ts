import { describe, expect, it } from 'vitest';
import { fixedClock, openTestCore } from '../helpers/core.js';
import { failure } from '../helpers/failure.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();

describe('the submissions log', () => {
  it('keeps each appeal marked as sent, word for word, as Appeal #1, #2 with its date, and restarts the follow-up clock from it', async () => {
    const clock = fixedClock('2026-11-10T09:00:00Z');
    const core = await openTestCore(tempDir(), { now: clock.now });
    const record = await core.createCase({ title: 'ODR', cause: 'order-defect-rate' });
    const first = await core.submitAppeal({
      caseId: record.id,
      text: 'Root cause: late dispatch.\nWe now ship daily.',
    });
    expect(first.submissions).toEqual([
      {
        caseId: record.id,
        number: 1,
        text: 'Root cause: late dispatch.\nWe now ship daily.',
        sentAt: '2026-11-10T09:00:00.000Z',
      },
    ]);
    expect((await core.getCase({ id: record.id })).case).toMatchObject({
      status: 'appeal-sent',
      appealSent: '2026-11-10',
      nextFollowUp: '2026-11-17',
    });
    clock.set('2026-11-20T08:00:00Z');
    const second = await core.submitAppeal({
      caseId: record.id,
      text: 'Root cause: late dispatch and stock-outs.\nWe now ship daily.',
    });
    expect(second.submissions.map((submission) => [submission.number, submission.sentAt])).toEqual([
      [1, '2026-11-10T09:00:00.000Z'],
      [2, '2026-11-20T08:00:00.000Z'],
    ]);
    expect((await core.getCase({ id: record.id })).case).toMatchObject({
      appealSent: '2026-11-20',
      nextFollowUp: '2026-11-27',
    });
    expect((await core.listDue({ withinDays: 7 })).map((item) => [item.caseId, item.ruleArticle])).toEqual([
      [record.id, 'after-appeal'],
    ]);
    const timeline = (await core.getCase({ id: record.id })).activity.map((entry) => entry.detail);
    expect(timeline).toEqual(expect.arrayContaining(['Appeal #1 sent', 'Appeal #2 sent']));
    core.close();
  });

  it('compares two submissions: what was removed and what was added', async () => {
    const core = await openTestCore(tempDir());
    const { id } = await core.createCase({ title: 'Compare' });
    await core.submitAppeal({ caseId: id, text: 'We ship with the old carrier.' });
    await core.submitAppeal({ caseId: id, text: 'We ship with a tracked carrier.' });
    const parts = await core.compareAppeals({ caseId: id, from: 1, to: 2 });
    expect(parts.filter((part) => part.removed).map((part) => part.value.trim())).toEqual(['the old']);
    expect(parts.filter((part) => part.added).map((part) => part.value.trim())).toEqual(['a tracked']);
    expect(
      parts
        .filter((part) => !part.removed)
        .map((part) => part.value)
        .join(''),
    ).toBe('We ship with a tracked carrier.');
    expect((await failure(core.compareAppeals({ caseId: id, from: 1, to: 3 }))).message).toMatch(/has no Appeal #3/);
    core.close();
  });

  it('counts unsuccessful appeals and warns that two can be final', async () => {
    const core = await openTestCore(tempDir());
    const { id } = await core.createCase({ title: 'Strikes' });
    expect(await core.listAppeals({ caseId: id })).toMatchObject({ unsuccessful: 0, warning: null });
    await core.submitAppeal({ caseId: id, text: 'First appeal.' });
    expect((await core.listAppeals({ caseId: id })).warning).toBeNull();
    await core.submitAppeal({ caseId: id, text: 'Second appeal.' });
    const afterTwo = await core.listAppeals({ caseId: id });
    expect(afterTwo).toMatchObject({
      unsuccessful: 1,
      warning: expect.stringContaining('two unsuccessful appeals the decision is final'),
      warningZh: expect.stringContaining('最终决定'),
    });
    await core.updateCase({ id, changes: { status: 'denied' } });
    expect((await core.listAppeals({ caseId: id })).unsuccessful).toBe(2);
    core.close();
  });

  it('warns from the first appeal when the notes on the case say the decision can be final', async () => {
    const core = await openTestCore(tempDir());
    const { id } = await core.createCase({ title: 'Final' });
    await core.saveNote({ caseId: id, body: 'Notice: this decision is final if the next appeal is unsuccessful.' });
    await core.submitAppeal({ caseId: id, text: 'First appeal.' });
    expect((await core.listAppeals({ caseId: id })).warning).toMatch(/mention a final decision/);
    core.close();
  });

  it('refuses an empty appeal and one for a case in the trash', async () => {
    const core = await openTestCore(tempDir());
    const { id } = await core.createCase({ title: 'Refused' });
    expect((await failure(core.submitAppeal({ caseId: id, text: '  ' }))).message).toMatch(
      /appeal to mark as sent is empty/,
    );
    await core.deleteCase({ id });
    expect((await failure(core.submitAppeal({ caseId: id, text: 'Text' }))).message).toMatch(
      /case \d+ is in the trash/,
    );
    core.close();
  });
});
