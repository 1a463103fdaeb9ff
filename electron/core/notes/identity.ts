import type { Statement } from 'better-sqlite3';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { KbError } from '../../common/index.js';
import type { Db } from './database.js';
import { PRIVATE_FILE_MODE, makePrivate } from '../files/privateFiles.js';

/** PRAGMA application_id of a Seller KB notebook: "SKB1" (set by the migration that added the identity). */
export const SELLER_KB_APPLICATION_ID = 0x534b4231;

/** The tables every Seller KB notebook has had since its first schema (how one from before the application id is known). */
const NOTEBOOK_TABLES = ['cases', 'notes', 'settings'];

/**
 * Refuses a file that is not a Seller KB notebook: another application's SQLite file, an empty one
 * where a notebook was expected (`allowEmpty` false: a backup, a file to restore), or one without the
 * notebook's tables. A file with no tables at all is a new notebook when `allowEmpty` is true.
 */
export function requireSellerKbNotebook(db: Db, path: string, version: number, allowEmpty: boolean): void {
  const applicationId = (db.pragma('application_id', { simple: true }) as number) >>> 0;
  const tables = new Set(
    (db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as { name: string }[]).map(
      (row) => row.name,
    ),
  );
  let problem: string | null = null;
  if (applicationId !== SELLER_KB_APPLICATION_ID && applicationId !== 0)
    problem = `it belongs to another application (application_id 0x${applicationId.toString(16)})`;
  else if (version === 0 && tables.size === 0) problem = allowEmpty ? null : 'it is empty';
  else if (version === 0) problem = 'it is another SQLite database: it has tables but no Seller KB schema version';
  else if (!NOTEBOOK_TABLES.every((table) => tables.has(table)))
    problem = `it lacks the notebook's tables (${NOTEBOOK_TABLES.join(', ')})`;
  if (problem)
    throw new KbError(
      'CORRUPT_DATABASE',
      `Notebook: ${path} is not a Seller KB notebook (${problem}). It was left untouched.`,
    );
}

/** The sidecar file beside the notebook that names the notebook its WAL must belong to. */
export function identityPath(path: string): string {
  return `${path}.id`;
}

/** The notebook's own id (a random one, made by its migration), as this connection sees it; null when it has none. */
function readIdentity(db: Db): string | null {
  try {
    const row = db.prepare('SELECT id FROM notebook_identity LIMIT 1').get() as { id: string } | undefined;
    return row?.id ?? null;
  } catch {
    return null;
  }
}

function readSidecar(path: string): string | null {
  try {
    return readFileSync(identityPath(path), 'utf8').trim() || null;
  } catch {
    return null;
  }
}

/**
 * Every write transaction rewrites the identity row, so every commit in a WAL carries the id of
 * the notebook that wrote it: a WAL from another notebook shows that notebook's id.
 */
export function touchIdentity(db: Db): void {
  let statement = touchStatements.get(db);
  if (!statement) touchStatements.set(db, (statement = db.prepare('UPDATE notebook_identity SET writes = writes + 1')));
  statement.run();
}

const touchStatements = new WeakMap<Db, Statement>();

/** Writes the sidecar with the id the open notebook has (removes it when the notebook has none yet), before anything writes to its WAL. */
export function recordIdentity(db: Db, path: string): void {
  const id = readIdentity(db);
  if (id === readSidecar(path)) return;
  if (id === null) return rmSync(identityPath(path), { force: true });
  const partial = `${identityPath(path)}.partial`;
  rmSync(partial, { force: true });
  writeFileSync(partial, `${id}\n`, { mode: PRIVATE_FILE_MODE, flag: 'wx' });
  makePrivate(partial);
  renameSync(partial, identityPath(path));
}

/**
 * Refuses a WAL that does not belong to the notebook, read through `db` (a read-only connection
 * that sees the WAL): the id it shows must be the one in the sidecar. A notebook without a sidecar
 * (from before the identity, or copied without it) cannot be checked and passes.
 */
export function requireOwnWal(db: Db | null, path: string): void {
  const expected = readSidecar(path);
  if (expected === null) return;
  const found = db ? readIdentity(db) : null;
  if (found === expected) return;
  const wal = `${path}-wal`;
  throw new KbError(
    'CORRUPT_DATABASE',
    `Notebook: the write-ahead log ${wal} does not belong to ${path} (it holds ${found === null ? 'changes of another database' : `changes of another notebook, ${found}`}). Both were left untouched: move ${wal} away to open the notebook as last checkpointed, or restore a backup.`,
  );
}
