import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useTempDirs } from '../helpers/tempDir.js';
import { openWebApp, type WebApp } from './harness.js';

const tempDir = useTempDirs();
let app: WebApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

const ARTICLE = `# Names that are object keys

<!-- checklist: constructor -->

1. First step
2. Second step

<!-- checklist: tostring -->

1. Only step

Write to [support](mailto:%zz) or <mailto:100%@example.com>.
`;

describe('an article whose names are Object.prototype keys, with malformed mailto: links', () => {
  it('renders, ticks and keeps its steps, and offers the addresses as written', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'names.md'), ARTICLE);
    app = await openWebApp(tempDir());
    await app.core.addUserFolder({ path: folder });
    const [hit] = (await app.core.search({ text: 'names that are object keys' })).hits;
    const errors: string[] = [];
    app.page.on('pageerror', (error) => errors.push(error.message));
    await app.page.goto(`${app.page.url().split('#')[0]}#/article/${hit!.id}`);
    const steps = app.page.getByTestId('checklist-step');
    await steps.first().waitFor();
    expect(await steps.count()).toBe(3);
    expect(await steps.nth(0).isChecked()).toBe(false);
    await steps.nth(1).check();
    await expect
      .poll(async () => (await app!.core.getChecklistProgress({ articleId: hit!.id })).ticked)
      .toEqual({ constructor: [1] });
    await app.page.reload();
    await expect.poll(() => app!.page.getByTestId('checklist-step').nth(1).isChecked()).toBe(true);
    expect(await app.page.getByTestId('checklist-step').nth(0).isChecked()).toBe(false);
    expect(await app.page.getByRole('article').locator('a[href^="mailto:"]').count()).toBe(2);
    expect(errors).toEqual([]);
  });
});
