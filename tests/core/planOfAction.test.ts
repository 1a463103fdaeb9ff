import { describe, expect, it } from 'vitest';
import { CASE_CAUSES, POA_CHECK_IDS, type CaseCause, type PoaDraft } from '../../electron/common/index.js';
import type { Core } from '../../electron/core/createCore.js';
import { invoicePdf } from '../helpers/attachmentFiles.js';
import { openTestCore } from '../helpers/core.js';
import { failure } from '../helpers/failure.js';
import { CANARY, filesContaining } from '../helpers/plaintext.js';
import { calmAnswer } from '../helpers/poaAnswers.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
const failed = (draft: PoaDraft) => draft.checks.filter((check) => !check.ok).map((check) => check.id);
const check = (draft: PoaDraft, id: string) => draft.checks.find((candidate) => candidate.id === id)!;

async function answerAll(core: Core, caseId: number, overrides: Record<string, string> = {}): Promise<void> {
  const form = await core.getPoaForm({ caseId });
  for (const question of form.questions)
    await core.answerPoaQuestion({
      caseId,
      question: question.id,
      text: overrides[question.id] ?? calmAnswer(question),
    });
}

async function calmCase(
  core: Core,
  cause: CaseCause = 'counterfeit',
  overrides: Record<string, string> = {},
): Promise<number> {
  const record = await core.createCase({
    title: 'Lamp complaint',
    cause,
    marketplace: 'US',
    noticeReceived: '2026-11-02',
    asins: ['B0ABCDEFGH', 'B0ZZZZZZZZ'],
  });
  await answerAll(core, record.id, overrides);
  return record.id;
}

describe('the Plan-of-Action builder', () => {
  it("lists every unfilled placeholder of an empty case's draft, says what fills each, and fails the checks", async () => {
    const core = await openTestCore(tempDir());
    const record = await core.createCase({ title: 'Empty', cause: 'counterfeit' });
    const draft = await core.buildPoaDraft({ caseId: record.id });
    const names = draft.unfilled.map((item) => item.placeholder);
    expect(names).toEqual(
      expect.arrayContaining([
        'store_name',
        'merchant_token',
        'notice_date',
        'marketplace',
        'ASIN',
        'root_cause',
        'attachment_list',
      ]),
    );
    for (const item of draft.unfilled) expect(draft.text).toContain(`{{${item.placeholder}}}`);
    expect(draft.unfilled.find((item) => item.placeholder === 'root_cause')).toMatchObject({
      question: 'root-cause',
      message: expect.stringContaining('Why did it happen'),
    });
    expect(draft.unfilled.find((item) => item.placeholder === 'notice_date')).toMatchObject({
      question: null,
      caseField: 'noticeReceived',
    });
    expect(failed(draft)).toEqual(expect.arrayContaining(['placeholders', 'three-parts', 'coverage']));
    expect(check(draft, 'placeholders').message).toContain('{{store_name}}');
    core.close();
  });

  it('passes every check with a complete, calm set of answers, for every cause', async () => {
    const core = await openTestCore(tempDir());
    for (const cause of CASE_CAUSES) {
      const caseId = await calmCase(core, cause);
      // An authenticity appeal is complete only with the supplier's invoice attached (the evidence check).
      if (cause === 'counterfeit')
        await core.addAttachment({ caseId, name: 'invoice.pdf', base64: invoicePdf().toString('base64') });
      const draft = await core.buildPoaDraft({ caseId });
      expect({ cause, failed: failed(draft), unfilled: draft.unfilled }).toEqual({ cause, failed: [], unfilled: [] });
      expect(draft.checks.map((item) => item.id)).toEqual([...POA_CHECK_IDS]);
      expect(draft.text).toContain('B0ZZZZZZZZ');
      expect(draft.text).toContain('Invoice no. 123');
    }
    core.close();
  });

  it('puts every line of the answers into the letter: causes in their slots, further actions and steps as numbered items', async () => {
    const core = await openTestCore(tempDir());
    const caseId = await calmCase(core, 'order-defect-rate', {
      actions: 'First action taken.\nSecond action taken.\nThird action taken.',
    });
    const { text } = await core.buildPoaDraft({ caseId });
    expect(text).toContain('1. We bought the lamps from a wholesaler');
    expect(text).toContain('2. Nobody checked the invoices');
    expect(text).toContain('4. First action taken.');
    expect(text).toContain('5. Second action taken.');
    expect(text).toContain('6. Third action taken.');
    expect(text).toContain('Two buyers reported');
    expect(text).toContain('ASINs B0ABCDEFGH, B0ZZZZZZZZ');
    core.close();
  });

  it('fails the tone check for an emotive or blaming answer, in English or Chinese', async () => {
    const core = await openTestCore(tempDir());
    const english = await core.buildPoaDraft({
      caseId: await calmCase(core, 'counterfeit', { 'what-happened': 'This suspension is unfair!!! The buyer lied.' }),
    });
    expect(failed(english)).toContain('tone');
    expect(check(english, 'tone').message).toMatch(/unfair.*What happened/);
    const chinese = await core.buildPoaDraft({
      caseId: await calmCase(core, 'counterfeit', { orders: '太不公平了,买家撒谎' }),
    });
    expect(check(chinese, 'tone')).toMatchObject({ ok: false, messageZh: expect.stringContaining('不公平') });
    core.close();
  });

  it('fails an empty promise, and accepts the same promise with its measure', async () => {
    const core = await openTestCore(tempDir());
    const empty = await core.buildPoaDraft({
      caseId: await calmCase(core, 'other', { prevention: 'This will never happen again.\nWe are sorry.' }),
    });
    expect(check(empty, 'promises')).toMatchObject({
      ok: false,
      message: expect.stringContaining('This will never happen again'),
    });
    const measured = await core.buildPoaDraft({
      caseId: await calmCase(core, 'other', {
        prevention:
          'This will not happen again, because our manager checks every listing before it goes live.\nEvery month we review our offers.',
      }),
    });
    expect(check(measured, 'promises').ok).toBe(true);
    core.close();
  });

  it('finds Chinese left in the English letter and misspelt words, with suggestions', async () => {
    const core = await openTestCore(tempDir());
    const draft = await core.buildPoaDraft({
      caseId: await calmCase(core, 'counterfeit', {
        'root-cause': '供应商没有授权。\nWe did not recieve the invoices.',
      }),
    });
    expect(check(draft, 'english-only')).toMatchObject({ ok: false, message: expect.stringContaining('供应商') });
    expect(check(draft, 'spelling')).toMatchObject({
      ok: false,
      message: expect.stringContaining('recieve → receive'),
    });
    core.close();
  });

  it('checks an edited letter: its own placeholders, the notice ASINs, and the length limit', async () => {
    const core = await openTestCore(tempDir());
    const caseId = await calmCase(core);
    const edited = await core.buildPoaDraft({
      caseId,
      text: 'Root cause\nActions\nPrevention\nDear team, {{store_name}} writes about B0ABCDEFGH.',
    });
    expect(edited.unfilled.map((item) => item.placeholder)).toEqual(['store_name']);
    expect(check(edited, 'asins')).toMatchObject({ ok: false, message: expect.stringContaining('B0ZZZZZZZZ') });
    const long = await core.buildPoaDraft({ caseId, text: 'word '.repeat(3000) });
    expect(check(long, 'length')).toMatchObject({ ok: false, message: expect.stringContaining('15000 characters') });
    core.close();
  });

  it('keeps answers in the notebook file across restarts and refuses a question the cause does not ask', async () => {
    const dataDir = tempDir();
    let core = await openTestCore(dataDir);
    const record = await core.createCase({ title: 'Related', cause: 'related-accounts' });
    await core.answerPoaQuestion({ caseId: record.id, question: 'root-cause', text: 'A shared office computer.' });
    core.close();
    core = await openTestCore(dataDir);
    expect((await core.getPoaForm({ caseId: record.id })).answers).toEqual({
      'root-cause': 'A shared office computer.',
    });
    const wrong = await failure(core.answerPoaQuestion({ caseId: record.id, question: 'supplier', text: 'x' }));
    expect(wrong.message).toMatch(/"supplier" is not a question for cause related-accounts/);
    await core.answerPoaQuestion({ caseId: record.id, question: 'root-cause', text: '' });
    expect((await core.getPoaForm({ caseId: record.id })).answers).toEqual({});
    core.close();
  });

  it('tailors the questions and their hints to the cause', async () => {
    const core = await openTestCore(tempDir());
    const counterfeit = await core.getPoaForm({
      caseId: (await core.createCase({ title: 'a', cause: 'counterfeit' })).id,
    });
    const related = await core.getPoaForm({
      caseId: (await core.createCase({ title: 'b', cause: 'related-accounts' })).id,
    });
    expect(counterfeit.questions.map((question) => question.id)).toContain('supplier');
    expect(related.questions.map((question) => question.id)).not.toContain('supplier');
    const hint = (form: typeof related) => form.questions.find((question) => question.id === 'root-cause')!.hint.en;
    expect(hint(counterfeit)).not.toBe(hint(related));
    for (const form of [counterfeit, related])
      for (const part of ['what-happened', 'orders', 'root-cause', 'actions', 'prevention', 'evidence'])
        expect(form.questions.map((question) => question.id)).toContain(part);
    core.close();
  });

  it('saves the existing "Draft Plan of Action" note from the answers too', async () => {
    const core = await openTestCore(tempDir());
    const note = await core.draftPlanOfAction({ caseId: await calmCase(core) });
    expect(note).toMatchObject({ kind: 'plan-of-action', body: expect.stringContaining('Bright Home') });
    expect(note.body).not.toContain('{{');
    core.close();
  });

  it('keeps answers, appeals and note revisions encrypted with an encrypted notebook', async () => {
    const dataDir = tempDir();
    const core = await openTestCore(dataDir);
    await core.encryptNotebook({ passphrase: 'correct horse battery' });
    const { id } = await core.createCase({ title: 'Secret' });
    await core.answerPoaQuestion({ caseId: id, question: 'root-cause', text: `Cause ${CANARY}` });
    await core.submitAppeal({ caseId: id, text: `Appeal ${CANARY}` });
    const note = await core.saveNote({ caseId: id, body: `Note ${CANARY}` });
    await core.saveNote({ id: note.id, caseId: id, body: `Edited ${CANARY}`, baseRevision: note.revision });
    core.close();
    expect(filesContaining(dataDir, CANARY)).toEqual([]);
  });
});
