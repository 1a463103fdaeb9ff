import { readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import type { AttachmentUpload } from '../../common/index.js';
import { KbError, MAX_ATTACHMENT_BYTES } from '../../common/index.js';
import { requireId } from '../notes/validate.js';

const MAX_NAME_CHARS = 255;
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function tooLarge(name: string, size: number): KbError {
  return new KbError('PAYLOAD_TOO_LARGE', `Attachments: ${name} is ${megabytes(size)}; a file may be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB. Nothing was attached: split or compress it first`);
}

/** A file name to show: the last path segment, without control characters, at most 255 characters. */
export function cleanName(value: unknown): string {
  if (typeof value !== 'string') throw new KbError('INVALID_INPUT', 'Attachments: "name" must be text');
  const name = basename(value.replace(/\\/g, '/')).replace(/\p{Cc}/gu, '').trim().slice(0, MAX_NAME_CHARS);
  if (name === '' || name === '.' || name === '..') throw new KbError('INVALID_INPUT', `Attachments: ${JSON.stringify(value)} is not a file name`);
  return name;
}

export interface UploadedFile {
  caseId: number;
  noteId: number | null;
  name: string;
  bytes: Uint8Array;
  waitForText: boolean;
}

/**
 * Validates an upload where it enters and reads its bytes: a path is checked for size before one
 * byte is read, base64 by its length before it is decoded, so a 500 MB file is refused cheaply.
 */
export function readUpload(request: unknown): UploadedFile {
  if (!request || typeof request !== 'object') throw new KbError('INVALID_INPUT', 'Attachments: the upload must be an object with "caseId" and "path" or "base64"');
  const fields = request as Record<keyof AttachmentUpload, unknown>;
  const caseId = requireId(fields.caseId, 'caseId');
  const noteId = fields.noteId === undefined || fields.noteId === null ? null : requireId(fields.noteId, 'noteId');
  const waitForText = fields.waitForText === true;
  if ((fields.path === undefined) === (fields.base64 === undefined)) throw new KbError('INVALID_INPUT', 'Attachments: give exactly one of "path" and "base64"');
  if (fields.path !== undefined) {
    if (typeof fields.path !== 'string' || !isAbsolute(fields.path)) throw new KbError('INVALID_INPUT', `Attachments: "path" must be an absolute path, not ${JSON.stringify(fields.path)}`);
    const name = cleanName(fields.name ?? fields.path);
    return { caseId, noteId, name, bytes: readPath(fields.path, name), waitForText };
  }
  const name = cleanName(fields.name);
  if (typeof fields.base64 !== 'string') throw new KbError('INVALID_INPUT', 'Attachments: "base64" must be text');
  const size = Math.floor((fields.base64.length * 3) / 4);
  if (size > MAX_ATTACHMENT_BYTES + 2) throw tooLarge(name, size);
  if (!BASE64.test(fields.base64)) throw new KbError('INVALID_INPUT', `Attachments: the content of ${name} is not base64`);
  return { caseId, noteId, name, bytes: Buffer.from(fields.base64, 'base64'), waitForText };
}

function readPath(path: string, name: string): Uint8Array {
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new KbError('INVALID_INPUT', `Attachments: ${path} is not a file`);
    size = stats.size;
  } catch (error) {
    if (error instanceof KbError) throw error;
    throw new KbError('NOT_FOUND', `Attachments: ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  if (size > MAX_ATTACHMENT_BYTES) throw tooLarge(name, size);
  const bytes = readFileSync(path);
  // The file may have grown between the check and the read.
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw tooLarge(name, bytes.length);
  return bytes;
}
