import { describe, expect, it } from 'vitest';
import { draftLetter } from '../../electron/core/planOfAction/draftLetter.js';
import type { CaseRecord } from '../../electron/common/index.js';
import { countDone, tickedFromProgress, withStep } from '../../renderer/src/article/tickedSteps.js';
import { tallyOf } from '../../renderer/src/library/checklistTotals.js';
import { openTestCore } from '../helpers/core.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
/** Names that are keys of every plain object: content and callers may use any of them. */
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

describe('names from content and users used as keys', () => {
  it.each(PROTOTYPE_NAMES)('a checklist named %s is ticked, read back and reset like any other', async (name) => {
    const core = await openTestCore(tempDir());
    try {
      const empty = await core.getChecklistProgress({ articleId: 'fba-removal-order-en' });
      expect(Object.keys(empty.ticked)).toEqual([]);
      const progress = await core.setChecklistStep({ articleId: 'fba-removal-order-en', checklist: name, step: 1, done: true });
      expect(Object.entries(progress.ticked)).toEqual([[name, [1]]]);
      const again = await core.setChecklistStep({ articleId: 'fba-removal-order-en', checklist: name, step: 0, done: true });
      expect(Object.entries(again.ticked)).toEqual([[name, [0, 1]]]);
      // What crosses the bridge is JSON: the name survives as an own key there too.
      expect(Object.entries(JSON.parse(JSON.stringify(again)).ticked)).toEqual([[name, [0, 1]]]);
      expect(Object.keys((await core.resetChecklist({ articleId: 'fba-removal-order-en' })).ticked)).toEqual([]);
    } finally {
      core.close();
    }
  });

  it.each(PROTOTYPE_NAMES)('the article page reads a checklist named %s only from what the core sent', (name) => {
    const received = JSON.parse(JSON.stringify({ articleId: 'a', ticked: { other: [0] } }));
    const ticked = tickedFromProgress(received);
    expect(ticked.get(name)).toBeUndefined();
    expect(countDone(ticked, name, 3)).toBe(0);
    const ticking = withStep(ticked, name, 2, true);
    expect(countDone(ticking, name, 3)).toBe(1);
    expect(countDone(withStep(ticking, name, 2, false), name, 3)).toBe(0);
    expect(tickedFromProgress(JSON.parse(`{"articleId":"a","ticked":{"${name}":[1]}}`)).get(name)).toEqual([1]);
  });

  it.each(PROTOTYPE_NAMES)('an article named %s has no remembered checklist tally until it gets one', (name) => {
    expect(tallyOf({}, name)).toBeUndefined();
    expect(tallyOf(JSON.parse(`{"${name}":{"done":1,"total":2}}`), name)).toEqual({ done: 1, total: 2 });
  });

  it('a letter placeholder named after an object key stays for the seller to fill', () => {
    const record = { title: 'T', asins: [], marketplace: 'DE', noticeReceived: null, appealSent: null } as unknown as CaseRecord;
    expect(draftLetter('{{constructor}} {{toString}} {{__proto__}} {{marketplace}}', record, [], new Map())).toBe('{{constructor}} {{toString}} {{__proto__}} DE');
  });
});
