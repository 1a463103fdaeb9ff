import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** A text that appears nowhere but in what a test writes, in both scripts. */
export const CANARY = 'CANARY-封号申诉-7f3a9c';

/** Every file under `dir` (recursively) whose raw bytes contain `text` as UTF-8. */
export function filesContaining(dir: string, text: string): string[] {
  const needle = Buffer.from(text, 'utf8');
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile() && readFileSync(path).includes(needle));
}

/** Every file under `dir` (recursively) whose raw bytes contain `needle` (an attachment's bytes, say). */
export function filesContainingBytes(dir: string, needle: Buffer): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile() && readFileSync(path).includes(needle));
}
