import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openTestCore } from '../helpers/core.js';
import { useTempDirs } from '../helpers/tempDir.js';

const tempDir = useTempDirs();
const ROUNDS = 50;
/** The kill moments come from a seeded generator, so a failing round can be replayed (SELLER_KB_CRASH_SEED). */
const SEED = Number(process.env.SELLER_KB_CRASH_SEED ?? 20261201);
const killDelay = killDelays(SEED);

/** Delays of 5–125 ms after the first acknowledgement, the same for the same seed (mulberry32). */
function killDelays(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return 5 + (((t ^ (t >>> 14)) >>> 0) / 4294967296) * 120;
  };
}

/** Starts the writer, kills it with SIGKILL at a seeded moment after its first acknowledgement, returns what it acknowledged. */
function writeUntilKilled(path: string, round: number): Promise<Map<number, string>> {
  return new Promise((resolve, reject) => {
    // One process (not the tsx wrapper, which would leave its child writing after the kill).
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/crashWriter.ts', path, String(round)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acknowledged = new Map<number, string>();
    let buffer = '';
    let errors = '';
    let timer: NodeJS.Timeout | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) {
        const { id, body } = JSON.parse(line) as { id: number; body: string };
        acknowledged.set(id, body);
      }
      timer ??= setTimeout(() => child.kill('SIGKILL'), killDelay());
    });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString('utf8')));
    child.on('exit', (_code, signal) => {
      clearTimeout(timer);
      if (signal === 'SIGKILL') resolve(acknowledged);
      else reject(new Error(`writer exited without being killed: ${errors}`));
    });
  });
}

describe('a writer killed with SIGKILL', () => {
  it(
    `loses no acknowledged note and leaves an intact file, ${ROUNDS} rounds (seed ${SEED})`,
    { timeout: 300_000 },
    async () => {
      const path = join(tempDir(), 'notebook.db');
      const everyAcknowledged = new Map<number, string>();
      for (let round = 0; round < ROUNDS; round++) {
        for (const [id, body] of await writeUntilKilled(path, round)) everyAcknowledged.set(id, body);
        const db = new Database(path);
        try {
          expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
          const stored = new Map(
            (db.prepare('SELECT id, body FROM notes').all() as { id: number; body: string }[]).map((row) => [
              row.id,
              row.body,
            ]),
          );
          for (const [id, body] of everyAcknowledged)
            expect(stored.get(id), `note ${id} after round ${round}`).toBe(body);
        } finally {
          db.close();
        }
      }
      expect(everyAcknowledged.size).toBeGreaterThan(ROUNDS);
    },
  );
});

describe('a backup taken while another process writes', () => {
  it('is complete, intact and published only when finished', async () => {
    const dataDir = tempDir();
    const path = join(dataDir, 'notebook.db');
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/fixtures/crashWriter.ts', path, 'backup'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    const core = await openTestCore(dataDir);
    try {
      const backups = [];
      for (let index = 0; index < 3; index++)
        backups.push(await core.backupNotebook({ path: join(dataDir, `while-writing-${index}.db`) }));
      for (const backup of backups) {
        const copy = new Database(backup.path, { readonly: true });
        expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
        expect((copy.prepare('SELECT COUNT(*) AS count FROM notes').get() as { count: number }).count).toBeGreaterThan(
          0,
        );
        copy.close();
      }
      expect(readdirSync(dataDir).filter((name) => name.includes('.partial'))).toEqual([]);
    } finally {
      child.kill('SIGKILL');
      core.close();
    }
  });
});
