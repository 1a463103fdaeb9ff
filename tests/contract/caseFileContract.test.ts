import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KbApi } from '../../electron/common/index.js';
import { KbError } from '../../electron/common/index.js';
import { startBridge } from '../../electron/bridge/server.js';
import { createHttpClient } from '../../renderer/src/api/httpClient.js';
import { openTestCore } from '../helpers/core.js';
import { APP_ROOT, useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
const NOTICE = readFileSync(join(APP_ROOT, 'tests', 'fixtures', 'notices', '12-counterfeit-de.txt'), 'utf8');

describe('notices and deadlines through the HTTP bridge', () => {
  it(
    'analyzes, makes the case, lists its deadlines and calendar, and refuses a 10 MB paste with "no Amazon notice found"',
    { timeout: 60_000 },
    async () => {
      const core = await openTestCore(tempDir());
      const bridge = await startBridge({ api: core, staticDir: null });
      const origin = `http://127.0.0.1:${bridge.port}`;
      const api: KbApi = createHttpClient(bridge.token, (input, init) => fetch(new URL(String(input), origin), init));
      try {
        expect(await api.analyzeNotice({ text: NOTICE })).toMatchObject({
          found: true,
          cause: 'counterfeit',
          marketplace: 'DE',
          noticeDate: '2025-10-14',
        });
        const huge = await api.analyzeNotice({ text: 'Amazon.de gefälscht '.repeat(550_000) });
        expect(huge).toMatchObject({ found: false, rejection: 'too-long' });
        const refused = await api.createCaseFromNotice({ text: '\u0000\u0001binary' }).catch((error: unknown) => error);
        expect(refused).toBeInstanceOf(KbError);
        expect((refused as KbError).code).toBe('INVALID_INPUT');
        expect(await api.listCases()).toEqual([]);

        const record = await api.createCaseFromNotice({ text: NOTICE, title: 'Gefälscht DE' });
        expect(record).toMatchObject({ title: 'Gefälscht DE', asins: ['B0B9K3L5N7'] });
        expect((await api.getCaseNotice({ caseId: record.id }))?.analysis.documents).toEqual([
          'invoices',
          'plan-of-action',
        ]);
        const schedule = await api.listCaseDeadlines({ caseId: record.id });
        expect(schedule.deadlines.find((deadline) => deadline.id === 'removal-required-eu')?.due).toBe('2025-11-13');
        expect((await api.exportCaseCalendar({ caseId: record.id })).content).toContain('BEGIN:VCALENDAR');
        await expect(api.listCaseDeadlines({ caseId: -1 })).rejects.toThrow(/caseId/);
      } finally {
        await bridge.close();
        core.close();
      }
    },
  );
});
