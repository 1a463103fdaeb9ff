import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CASE_CAUSES, type CaseRecord } from '../../electron/common/index.js';
import { ContentError } from '../../electron/core/content/frontMatter.js';
import { letterOrSkeleton } from '../../electron/core/notes/planOfAction.js';
import { draftLetter, placeholdersOf, unfilledPlaceholders } from '../../electron/core/planOfAction/draftLetter.js';
import {
  loadPoaContent,
  parsePoaQuestions,
  parsePoaWording,
  questionsFor,
} from '../../electron/core/planOfAction/poaContent.js';
import { APP_ROOT } from '../helpers/tempDir.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const question = (fields: Record<string, unknown>) =>
  JSON.stringify({
    questions: [
      {
        id: 'root-cause',
        part: 'root-cause',
        label: { zh: '原因', en: 'Why' },
        hint: { zh: '提示', en: 'Hint' },
        ...fields,
      },
    ],
  });
const template = (cause: string) =>
  letterOrSkeleton(
    readFileSync(join(APP_ROOT, 'content', 'articles', 'plan-of-action', `poa-template-${cause}.en.md`), 'utf8'),
  );

describe('the Plan-of-Action content files', () => {
  it('load, with questions in both languages for every cause', () => {
    const { bank, wording } = loadPoaContent(APP_ROOT);
    for (const cause of CASE_CAUSES) {
      for (const entry of questionsFor(bank, cause))
        expect([entry.label.zh, entry.label.en, entry.hint.zh, entry.hint.en].every((text) => text.trim() !== '')).toBe(
          true,
        );
    }
    expect(wording.emotive.zh.length).toBeGreaterThan(5);
    expect(wording.appealLimit.characters).toBeGreaterThan(1000);
  });

  it('are refused with an error naming the question and the field', () => {
    expect(() => parsePoaQuestions(question({ part: 'feelings' }))).toThrow(
      new ContentError(
        'question 1 ("root-cause"): part "feelings" is not one of account, facts, root-cause, actions, prevention, evidence',
      ),
    );
    expect(() => parsePoaQuestions(question({ causes: ['weather'] }))).toThrow(/"weather" is not a cause/);
    expect(() => parsePoaQuestions(question({ label: { en: 'Why' } }))).toThrow(
      /question 1 \("root-cause"\) label: "zh" must be non-empty text/,
    );
    expect(() =>
      parsePoaQuestions(JSON.stringify({ questions: [], causeHints: { counterfeit: { nope: { zh: 'a', en: 'b' } } } })),
    ).toThrow(/causeHints.counterfeit: no question "nope"/);
    expect(() => parsePoaWording('{"appealLimit": {"characters": 3, "note": "x"}}')).toThrow(
      /appealLimit.characters must be a whole number/,
    );
  });
});

describe('the draft letter', () => {
  const { bank } = loadPoaContent(APP_ROOT);
  const record: CaseRecord = {
    id: 1,
    title: 'Case',
    marketplace: 'US',
    cause: 'counterfeit',
    status: 'open',
    noticeReceived: '2026-11-02',
    appealSent: null,
    nextFollowUp: null,
    asins: ['B0ABCDEFGH'],
    linkedArticles: [],
    createdAt: '',
    updatedAt: '',
    deletedAt: null,
    noteCount: 0,
  };
  const causes = CASE_CAUSES.filter((cause) => cause !== 'other');

  it('lists exactly the placeholders it leaves, whatever the answers', () => {
    const answerText = fc.oneof(
      fc.constant(''),
      fc.string({ maxLength: 40 }),
      fc.array(fc.string({ maxLength: 20 }), { maxLength: 5 }).map((lines) => lines.join('\n')),
    );
    fc.assert(
      fc.property(
        fc.constantFrom(...causes),
        fc.dictionary(fc.constantFrom(...bank.questions.map((entry) => entry.id)), answerText),
        (cause, answers) => {
          const questions = questionsFor(bank, cause);
          const text = draftLetter(
            template(cause),
            { ...record, cause },
            questions,
            new Map(Object.entries(answers).filter(([, value]) => !value.includes('{{'))),
          );
          const listed = unfilledPlaceholders(text, questions).map((item) => item.placeholder.toLowerCase());
          expect(listed).toEqual(placeholdersOf(text));
          for (const item of unfilledPlaceholders(text, questions))
            expect(item.question !== null || item.caseField !== null).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });
});
