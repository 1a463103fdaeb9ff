import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/common/csp.js';
import { useTempDirs } from '../helpers/tempDir.js';
import { openWebApp, settled, type WebApp } from './harness.js';

const tempDir = useTempDirs();
let app: WebApp | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});

const PAYLOADS = [
  '<script>window.__pwned = 1</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '<svg onload="window.__pwned = 3"></svg>',
  '[click](javascript:window.__pwned=4)',
  '<a href="javascript:window.__pwned=5">x</a>',
  '<iframe srcdoc="<script>parent.__pwned=6</script>"></iframe>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=7">',
  '![t](https://tracker.example/pixel.png)',
  '<img src="http://127.0.0.2/leak">',
  '<form action="https://evil.example"><button>go</button></form>',
  '<div style="background:url(https://evil.example/x)">styled</div>',
  '<object data="https://evil.example/x.swf"></object>',
];

describe('hostile HTML in a note', () => {
  it('runs no script and makes no request outside the app when previewed', async () => {
    app = await openWebApp(tempDir());
    const record = await app.core.createCase({ title: 'Pasted notice' });
    await app.core.saveNote({ caseId: record.id, title: 'Pasted', body: PAYLOADS.join('\n\n') });
    let dialogs = 0;
    app.page.on('dialog', (dialog) => {
      dialogs++;
      void dialog.dismiss();
    });
    await app.page.goto(`${app.page.url().split('#')[0]}#/cases/${record.id}`);
    await app.page.getByTestId('note-item').first().click();
    await app.page.getByTestId('note-preview').waitFor();
    await app.page
      .getByTestId('note-preview')
      .locator('a')
      .first()
      .click({ trial: false })
      .catch(() => undefined);
    await settled(app.page);
    expect(await app.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(dialogs).toBe(0);
    expect(app.foreignRequests).toEqual([]);
    const html = await app.page.getByTestId('note-preview').innerHTML();
    expect(html).not.toMatch(/<script|onerror|onload|javascript:|<iframe|<form|<object|tracker\.example|style=/i);
  });
});

describe('the Content-Security-Policy', () => {
  it('is strict in the built index.html', () => {
    const html = readFileSync('dist/renderer/index.html', 'utf8');
    const policy = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self'");
    for (const directive of ["object-src 'none'", "base-uri 'none'", "form-action 'none'"])
      expect(policy).toContain(directive);
    expect(policy).not.toMatch(/unsafe-|https?:|\*/);
    expect(/img-src ([^;]+)/.exec(policy)?.[1]?.trim()).toBe("'self' data:");
    expect(html).not.toMatch(/<script>(?!<\/script>)|<script(?![^>]*src=)[^>]*>[^<]/);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-/);
  });

  it('blocks remote fetches, remote images and eval in the running page', async () => {
    app = await openWebApp(tempDir());
    const outcome = await app.page.evaluate(async () => {
      const results: Record<string, string> = {};
      try {
        await fetch('https://example.com/');
        results.fetch = 'allowed';
      } catch {
        results.fetch = 'blocked';
      }
      results.image = await new Promise<string>((resolve) => {
        const image = new Image();
        image.onload = () => resolve('allowed');
        image.onerror = () => resolve('blocked');
        image.src = 'https://example.com/pixel.png';
      });
      try {
        eval('1 + 1');
        results.eval = 'allowed';
      } catch {
        results.eval = 'blocked';
      }
      return results;
    });
    expect(outcome).toEqual({ fetch: 'blocked', image: 'blocked', eval: 'blocked' });
  });
});

describe('hostile HTML in a user-folder article', () => {
  it('runs no script and makes no request outside the app when read', async () => {
    const folder = tempDir();
    writeFileSync(join(folder, 'pasted.md'), `# Pasted page\n\n${PAYLOADS.join('\n\n')}`);
    app = await openWebApp(tempDir());
    await app.core.addUserFolder({ path: folder });
    const [hit] = (await app.core.search({ text: 'pasted page' })).hits;
    await app.page.goto(`${app.page.url().split('#')[0]}#/article/${hit!.id}`);
    await app.page.getByRole('article').waitFor();
    await settled(app.page);
    expect(await app.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(app.foreignRequests).toEqual([]);
    expect(await app.page.getByRole('article').innerHTML()).not.toMatch(
      /<script|onerror=|onload=|javascript:|<iframe|<form|<object/i,
    );
  });
});
