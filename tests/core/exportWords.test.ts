import { describe, expect, it } from 'vitest';
import { openTestCore } from '../helpers/core.js';
import { failure } from '../helpers/failure.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();

describe('the Markdown export in the words of the interface', () => {
  it('words causes, statuses and note kinds in the language asked for, never as raw ids', async () => {
    const core = await openTestCore(tempDir());
    const record = await core.createCase({
      title: 'ODR 封号',
      cause: 'order-defect-rate',
      status: 'appeal-sent',
      marketplace: 'DE',
    });
    await core.draftPlanOfAction({ caseId: record.id });
    const [zh] = await core.exportNotebook({ format: 'md', caseId: record.id, lang: 'zh' });
    expect(zh!.content).toContain('- **原因：** 订单缺陷率过高');
    expect(zh!.content).toContain('- **状态：** 已提交申诉');
    expect(zh!.content).toContain('_行动计划（POA） · 更新于');
    const [en] = await core.exportNotebook({ format: 'md', caseId: record.id, lang: 'en' });
    expect(en!.content).toContain('- **Cause:** Order defect rate');
    expect(en!.content).toContain('- **Status:** Appeal sent');
    expect(en!.content).toContain('_Plan of Action · updated');
    for (const file of [zh!, en!]) expect(file.content).not.toMatch(/order-defect-rate|appeal-sent|plan-of-action/);
    // Without a language (the CLI): English, as before.
    const [plain] = await core.exportNotebook({ format: 'md', caseId: record.id });
    expect(plain!.content).toContain('- **Cause:** Order defect rate');
    expect((await failure(core.exportNotebook({ format: 'md', lang: 'fr' as never }))).message).toContain('"lang"');
    core.close();
  });
});
