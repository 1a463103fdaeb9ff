import Database from 'better-sqlite3';
import CipherDatabase from 'better-sqlite3-multiple-ciphers';
import { createHash, timingSafeEqual } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { KbError, MIN_PASSPHRASE_LENGTH } from '../../common/index.js';
import type { Db } from './database.js';
import { reservePrivateFile } from '../files/privateFiles.js';

/**
 * The passphrase of an encrypted notebook file, or null for a plain one.
 *
 * Plain files are opened with better-sqlite3, encrypted ones with better-sqlite3-multiple-ciphers
 * (the same API over SQLite3MultipleCiphers) in the SQLCipher 4 format. Two SQLite libraries must
 * never have the same file open in one process at once (their POSIX locks would clash), so the
 * notebook is closed before it is converted from one to the other.
 */
export type Passphrase = string | null;

const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');
const SAMPLE_BYTES = 1024;
/** Ciphertext is indistinguishable from random bytes: about 251 of 256 values appear in 1 KB. */
const RANDOM_DISTINCT_BYTES = 200;

/** What a notebook file is, judged from its first bytes without a key. */
export type FileKind = 'new' | 'plain' | 'encrypted' | 'unreadable';

/**
 * Tells a plain notebook ("SQLite format 3\0" header) from an encrypted one (SQLCipher encrypts the
 * header too: whole 512-byte pages of random-looking bytes) and from anything else (text, zeros, a
 * truncated file), which is unreadable. Random garbage of whole pages cannot be told from ciphertext
 * without the key: opening it reports a wrong passphrase, as SQLCipher itself does.
 */
export function notebookFileKind(path: string): FileKind {
  if (!existsSync(path)) return 'new';
  const stats = statSync(path);
  if (!stats.isFile()) return 'unreadable';
  const size = stats.size;
  if (size === 0) return 'new';
  const head = readHead(path, Math.min(size, SAMPLE_BYTES));
  if (head.subarray(0, SQLITE_HEADER.length).equals(SQLITE_HEADER)) return 'plain';
  const looksRandom = new Set(head).size >= RANDOM_DISTINCT_BYTES;
  return size % 512 === 0 && looksRandom ? 'encrypted' : 'unreadable';
}

function readHead(path: string, length: number): Buffer {
  const head = Buffer.alloc(length);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, head, 0, length, 0);
  } finally {
    closeSync(fd);
  }
  return head;
}

/** SQLCipher 4 ("legacy" in SQLite3MultipleCiphers' terms: the whole file, header included, is encrypted). */
function useSqlCipherFormat(db: Db): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
}

export function wrongPassphraseError(path: string): KbError {
  return new KbError(
    'WRONG_PASSPHRASE',
    `Notebook: wrong passphrase for ${path} (or the file is not a Seller KB notebook). Nothing was changed.`,
  );
}

function isNotADatabase(error: unknown): boolean {
  return (error as { code?: string })?.code === 'SQLITE_NOTADB';
}

/**
 * The forms of a passphrase to key a file with, the one new files get first. Passphrases are
 * NFC-normalised (composed: "é" is one code point, however it was typed), so the same passphrase
 * typed as NFC or NFD opens the same notebook. Files keyed before that with the text as it was
 * typed still open: the form as given and the NFD form are tried next.
 */
export function passphraseForms(passphrase: string): string[] {
  return [...new Set([passphrase.normalize('NFC'), passphrase, passphrase.normalize('NFD')])];
}

/** The one form a file is keyed with when Seller KB writes it. */
function keyForm(passphrase: string): string {
  return passphrase.normalize('NFC');
}

/** An encrypted connection to `path` keyed with `form`, checked at once by reading the schema. */
function openKeyed(path: string, form: string, options: Database.Options): Db {
  const db = new CipherDatabase(path, options);
  try {
    useSqlCipherFormat(db);
    db.key(Buffer.from(form, 'utf8'));
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/**
 * Opens a database file with the driver its passphrase calls for. With a passphrase the key is
 * checked at once by reading the schema (in each of its forms, see passphraseForms), so a wrong
 * one fails here with WRONG_PASSPHRASE and nothing has been written.
 */
export function openDatabase(path: string, passphrase: Passphrase, options: Database.Options = {}): Db {
  if (passphrase === null) return new Database(path, options);
  for (const form of passphraseForms(passphrase)) {
    try {
      return openKeyed(path, form, options);
    } catch (error) {
      if (!isNotADatabase(error)) throw error;
    }
  }
  throw wrongPassphraseError(path);
}

/** Attaches `from` as "source" with the first form of `fromKey` that reads it, its WAL merged in. */
function attachSource(db: Db, from: string, fromKey: Passphrase): void {
  const forms = fromKey === null ? [''] : passphraseForms(fromKey);
  for (const form of forms) {
    try {
      db.prepare('ATTACH DATABASE ? AS source KEY ?').run(from, form);
      // Merges any WAL into the source first, so no stale WAL can outlive a file replaced by its copy.
      db.pragma('source.wal_checkpoint(TRUNCATE)');
      return;
    } catch (error) {
      if (fromKey === null || !isNotADatabase(error)) throw error;
      if (db.prepare("SELECT 1 FROM pragma_database_list WHERE name = 'source'").get())
        db.exec('DETACH DATABASE source');
    }
  }
  throw wrongPassphraseError(from);
}

/**
 * Writes a compacted copy of the database at `from` (read with `fromKey`) to the new file `to`,
 * encrypted with `toKey` (null: plain). SQLite3MultipleCiphers gives VACUUM INTO's output the key
 * of the connection's main database, so the copy is made from a connection keyed with `toKey` whose
 * main database is an empty scratch file: encrypting never writes a plaintext copy.
 */
export function copyDatabase(from: string, fromKey: Passphrase, to: string, toKey: Passphrase): void {
  const scratch = `${to}.key`;
  rmSync(scratch, { force: true });
  reservePrivateFile(scratch);
  reservePrivateFile(to);
  const db = new CipherDatabase(scratch);
  try {
    useSqlCipherFormat(db);
    if (toKey !== null) db.key(Buffer.from(keyForm(toKey), 'utf8'));
    attachSource(db, from, fromKey);
    db.prepare('VACUUM source INTO ?').run(to);
  } finally {
    db.close();
    rmSync(scratch, { force: true });
  }
  flushToDisk(to);
}

/**
 * A consistent copy of an open database in a new file, under the same key: SQLite's online backup
 * for a plain notebook, VACUUM INTO for an encrypted one (its output keeps the connection's key,
 * while the backup API refuses to copy an encrypted database into a plain file).
 */
export async function snapshotDatabase(db: Db, target: string, encrypted: boolean): Promise<void> {
  reservePrivateFile(target);
  if (encrypted) db.prepare('VACUUM INTO ?').run(target);
  else await db.backup(target);
  flushToDisk(target);
}

/** Forces a file's bytes to disk, so a rename that publishes it cannot outlive its content. */
export function flushToDisk(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A new passphrase: text of at least MIN_PASSPHRASE_LENGTH characters, counted in the NFC form it keys files with. */
export function requireNewPassphrase(value: unknown, name: string): string {
  if (typeof value !== 'string' || [...keyForm(value)].length < MIN_PASSPHRASE_LENGTH) {
    throw new KbError(
      'INVALID_INPUT',
      `Privacy: "${name}" must be a passphrase of at least ${MIN_PASSPHRASE_LENGTH} characters`,
    );
  }
  return value;
}

/** A passphrase to try: any non-empty text (its length was checked when it was chosen). */
export function requirePassphrase(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '')
    throw new KbError('INVALID_INPUT', `Privacy: "${name}" must be the passphrase as non-empty text`);
  return value;
}

/** Compares two passphrases in constant time, as the NFC forms they key files with. */
export function samePassphrase(a: string, b: string): boolean {
  const digest = (text: string) => createHash('sha256').update(keyForm(text), 'utf8').digest();
  return timingSafeEqual(digest(a), digest(b));
}
