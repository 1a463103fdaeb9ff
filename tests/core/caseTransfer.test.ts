import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixedClock, openTestCore } from '../helpers/core.js';
import { APP_ROOT, useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
const notice = (name: string) => readFileSync(join(APP_ROOT, 'tests', 'fixtures', 'notices', name), 'utf8');
const clock = () => fixedClock('2025-10-08T09:00:00Z').now;

/** A case made from a notice, with two Plan-of-Action answers and two appeals sent. */
async function caseWithAppeals() {
  const core = await openTestCore(tempDir(), { now: clock() });
  const record = await core.createCaseFromNotice({ text: notice('01-related-us-forwarded.txt') });
  const [first, second] = (await core.getPoaForm({ caseId: record.id })).questions;
  await core.answerPoaQuestion({
    caseId: record.id,
    question: first!.id,
    text: 'The second account was my brother’s.',
  });
  await core.answerPoaQuestion({ caseId: record.id, question: second!.id, text: '我们已关闭该账户。' });
  await core.submitAppeal({ caseId: record.id, text: 'Appeal one: the accounts are not related.' });
  await core.submitAppeal({ caseId: record.id, text: 'Appeal two, with the utility bills attached.' });
  return { core, caseId: record.id };
}

describe('a case in a JSON export', () => {
  it('carries its notice, its Plan-of-Action answers and its appeals, and an import brings them all back', async () => {
    const { core, caseId } = await caseWithAppeals();
    const [file] = await core.exportNotebook({ format: 'json', caseId });
    const before = {
      notice: await core.getCaseNotice({ caseId }),
      deadlines: await core.listCaseDeadlines({ caseId }),
      answers: (await core.getPoaForm({ caseId })).answers,
      appeals: (await core.listAppeals({ caseId })).submissions,
    };
    core.close();

    const target = await openTestCore(tempDir(), { now: clock() });
    expect(await target.importNotebook({ json: file!.content })).toEqual({ cases: 1, notes: 1 });
    const [imported] = await target.listCases();
    const id = imported!.id;
    expect(await target.getCaseNotice({ caseId: id })).toEqual({ ...before.notice, caseId: id });
    expect(await target.listCaseDeadlines({ caseId: id })).toEqual(before.deadlines);
    expect((await target.getPoaForm({ caseId: id })).answers).toEqual(before.answers);
    expect((await target.listAppeals({ caseId: id })).submissions).toEqual(
      before.appeals.map((appeal) => ({ ...appeal, caseId: id })),
    );
    target.close();
  });

  it('refuses a damaged appeal list, naming the case and the appeal, and imports nothing', async () => {
    const { core, caseId } = await caseWithAppeals();
    const [file] = await core.exportNotebook({ format: 'json', caseId });
    core.close();
    const data = JSON.parse(file!.content) as { cases: { appeals: { number: number }[] }[] };
    data.cases[0]!.appeals[1]!.number = 1;
    const target = await openTestCore(tempDir(), { now: clock() });
    await expect(target.importNotebook({ json: JSON.stringify(data) })).rejects.toThrow(
      /Import: case 1: .*appeals\[1\]: Appeal #1 appears twice/,
    );
    data.cases[0]!.appeals = 'none' as never;
    await expect(target.importNotebook({ json: JSON.stringify(data) })).rejects.toThrow(/"appeals" must be a list/);
    expect(await target.listCases()).toEqual([]);
    target.close();
  });

  it('lists the appeals word for word, numbered and dated, in the Markdown export, in the language asked', async () => {
    const { core, caseId } = await caseWithAppeals();
    const [english] = await core.exportNotebook({ format: 'md', caseId });
    expect(english!.content).toContain('## Appeals sent');
    expect(english!.content).toMatch(
      /### Appeal #2 · sent 2025-10-08[^\n]*\n\nAppeal two, with the utility bills attached\./,
    );
    const [chinese] = await core.exportNotebook({ format: 'md', caseId, lang: 'zh' });
    expect(chinese!.content).toContain('### 第 1 次申诉 · 发送于 2025-10-08');
    core.close();
  });
});
