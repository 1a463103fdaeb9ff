import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { invoiceScanPng } from '../helpers/attachmentFiles.js';
import { openTestCore } from '../helpers/core.js';
import { filesContaining, filesContainingBytes } from '../helpers/plaintext.js';
import { APP_ROOT, useTempDirs } from '../helpers/tempDir.js';

// OCR is the heaviest work of the app: this file runs it twice, on one small screenshot.
const tempDir = useTempDirs();
const SCAN = join(APP_ROOT, 'tests/fixtures/attachments/invoice-scan.png');

function runChild(
  args: string[],
  environment: NodeJS.ProcessEnv,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: APP_ROOT,
      env: { ...process.env, ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('exit', (code) => resolve({ code, out, err }));
  });
}

describe('text of images by OCR', () => {
  it(
    'reads a screenshot in worker threads with progress, from the app’s own trained data, never trying the network',
    { timeout: 120_000 },
    async () => {
      const networkLog = join(tempDir(), 'network.log');
      const run = await runChild(
        ['--import', './tests/fixtures/blockNetwork.mjs', '--import', 'tsx', 'tests/fixtures/ocrOnce.ts', SCAN],
        { NETWORK_LOG: networkLog },
      );
      expect(run.code, run.err).toBe(0);
      const { outcome, progress } = JSON.parse(run.out) as {
        outcome: { ok: boolean; text: string };
        progress: number[];
      };
      expect(outcome.ok).toBe(true);
      expect(outcome.text).toMatch(/Widgetworks/);
      expect(outcome.text).toMatch(/2026-03-14/);
      expect(progress.at(-1)).toBe(1);
      expect(progress).toEqual([...progress].sort((a, b) => a - b));
      // The control thread's attempt is logged, so the block reaches worker threads; OCR made none.
      const attempts = readFileSync(networkLog, 'utf8').trim().split('\n');
      expect(attempts).toEqual([expect.stringMatching(/fetch http:\/\/127\.0\.0\.1:9\//)]);
      expect(readdirSync(APP_ROOT).filter((name) => name.endsWith('.traineddata'))).toEqual([]);
    },
  );

  it(
    'indexes OCR text in notes search, leaves no plaintext of image or text in an encrypted data folder, and can be canceled',
    { timeout: 120_000 },
    async () => {
      const dataDir = tempDir();
      const core = await openTestCore(dataDir);
      await core.encryptNotebook({ passphrase: 'correct horse 电池 staple' });
      const { id: caseId } = await core.createCase({ title: 'Screenshots' });
      const scan = await core.addAttachment({
        caseId,
        name: 'scan.png',
        base64: invoiceScanPng().toString('base64'),
        waitForText: true,
      });
      expect(scan).toMatchObject({ type: 'png', width: 560, height: 150, textStatus: 'done', textProgress: 1 });
      expect((await core.searchNotes({ text: 'Widgetworks' })).map((hit) => hit.noteId)).toEqual([scan.textNoteId]);
      expect(filesContaining(dataDir, 'Widgetworks')).toEqual([]);
      expect(filesContainingBytes(dataDir, invoiceScanPng().subarray(0, 400))).toEqual([]);

      const other = await core.createCase({ title: 'Second case' });
      const pending = await core.addAttachment({
        caseId: other.id,
        name: 'scan again.png',
        base64: invoiceScanPng().toString('base64'),
      });
      expect(['pending', 'running']).toContain(pending.textStatus);
      // OCR runs off the core's thread: other calls are answered meanwhile.
      expect((await core.listCases()).map((record) => record.title)).toEqual(['Second case', 'Screenshots']);
      expect((await core.search({ text: 'removal order' })).hits.length).toBeGreaterThan(0);
      expect(['pending', 'running']).toContain((await core.listAttachments({ caseId: other.id }))[0]!.textStatus);
      const canceled = await core.cancelAttachmentText({ id: pending.id });
      expect(canceled).toMatchObject({ textStatus: 'canceled', textNoteId: null });
      expect((await core.listAttachments({ caseId: other.id }))[0]!.textStatus).toBe('canceled');
      core.close();
      expect(readdirSync(dataDir).filter((name) => !/^notebook\.db(-wal|-shm|\.id)?$/.test(name))).toEqual([]);
      expect(existsSync(join(APP_ROOT, 'eng.traineddata'))).toBe(false);
    },
  );
});
