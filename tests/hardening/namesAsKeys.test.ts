import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
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
  it('a checklist named constructor is ticked, read back and reset like any other; other object keys are refused as names', async () => {
    const folder = tempDir();
    // Checklist names in content are lower-case slugs: "constructor" is the object key one can write.
    writeFileSync(join(folder, 'names.md'), '# Names\n\n<!-- checklist: constructor -->\n\n1. First\n2. Second\n');
    const core = await openTestCore(tempDir());
    try {
      await core.addUserFolder({ path: folder });
      const articleId = (await core.listArticles()).find((article) => article.folder !== null)!.id;
      const empty = await core.getChecklistProgress({ articleId });
      expect(Object.keys(empty.ticked)).toEqual([]);
      const progress = await core.setChecklistStep({ articleId, checklist: 'constructor', step: 1, done: true });
      expect(Object.entries(progress.ticked)).toEqual([['constructor', [1]]]);
      const again = await core.setChecklistStep({ articleId, checklist: 'constructor', step: 0, done: true });
      expect(Object.entries(again.ticked)).toEqual([['constructor', [0, 1]]]);
      // What crosses the bridge is JSON: the name survives as an own key there too.
      expect(Object.entries(JSON.parse(JSON.stringify(again)).ticked)).toEqual([['constructor', [0, 1]]]);
      for (const name of PROTOTYPE_NAMES.filter((other) => other !== 'constructor')) {
        await expect(core.setChecklistStep({ articleId, checklist: name, step: 0, done: true })).rejects.toMatchObject({
          code: 'INVALID_INPUT',
        });
      }
      expect(Object.entries((await core.getChecklistProgress({ articleId })).ticked)).toEqual([
        ['constructor', [0, 1]],
      ]);
      expect(Object.keys((await core.resetChecklist({ articleId })).ticked)).toEqual([]);
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
    const record = {
      title: 'T',
      asins: [],
      marketplace: 'DE',
      noticeReceived: null,
      appealSent: null,
    } as unknown as CaseRecord;
    expect(draftLetter('{{constructor}} {{toString}} {{__proto__}} {{marketplace}}', record, [], new Map())).toBe(
      '{{constructor}} {{toString}} {{__proto__}} DE',
    );
  });
});
