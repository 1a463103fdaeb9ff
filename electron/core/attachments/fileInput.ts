import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import type { AttachmentUpload } from '../../common/index.js';
import { KbError, MAX_ATTACHMENT_BYTES } from '../../common/index.js';
import { requireId } from '../notes/validate.js';
import { argumentFields, optionalBoolean, optionalId, requireAbsolutePath, requireString } from '../validation.js';

const MAX_NAME_CHARS = 255;
const ATTACHMENTS = 'Attachments: ';
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function tooLarge(name: string, size: number): KbError {
  return new KbError(
    'PAYLOAD_TOO_LARGE',
    `Attachments: ${name} is ${megabytes(size)}; a file may be at most ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB. Nothing was attached: split or compress it first`,
  );
}

/** A file name to show: the last path segment, without control characters, at most 255 characters. */
export function cleanName(value: unknown): string {
  const name = basename(requireString(value, 'name', ATTACHMENTS).replace(/\\/g, '/'))
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, MAX_NAME_CHARS);
  if (name === '' || name === '.' || name === '..')
    throw new KbError('INVALID_INPUT', `Attachments: ${JSON.stringify(value)} is not a file name`);
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
  const fields = argumentFields(request, ATTACHMENTS, [
    'caseId',
    'path',
    'base64',
    'name',
    'noteId',
    'waitForText',
  ] satisfies (keyof AttachmentUpload)[]);
  const caseId = requireId(fields.caseId, 'caseId');
  const noteId = optionalId(fields.noteId, 'noteId', 'Notebook: ');
  const waitForText = optionalBoolean(fields.waitForText, 'waitForText', ATTACHMENTS, false);
  if ((fields.path === undefined) === (fields.base64 === undefined))
    throw new KbError('INVALID_INPUT', 'Attachments: give exactly one of "path" and "base64"');
  if (fields.path !== undefined) {
    const path = requireAbsolutePath(fields.path, 'path', ATTACHMENTS);
    const name = cleanName(fields.name ?? path);
    return { caseId, noteId, name, bytes: readPath(path, name), waitForText };
  }
  const name = cleanName(fields.name);
  const base64 = requireString(fields.base64, 'base64', ATTACHMENTS);
  const size = Math.floor((base64.length * 3) / 4);
  if (size > MAX_ATTACHMENT_BYTES + 2) throw tooLarge(name, size);
  if (!BASE64.test(base64)) throw new KbError('INVALID_INPUT', `Attachments: the content of ${name} is not base64`);
  return { caseId, noteId, name, bytes: Buffer.from(base64, 'base64'), waitForText };
}

function readPath(path: string, name: string): Uint8Array {
  let size: number;
  try {
    const stats = statSync(path);
    if (!stats.isFile()) throw new KbError('INVALID_INPUT', `Attachments: ${path} is not a file`);
    size = stats.size;
  } catch (error) {
    if (error instanceof KbError) throw error;
    throw new KbError(
      'NOT_FOUND',
      `Attachments: ${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  if (size > MAX_ATTACHMENT_BYTES) throw tooLarge(name, size);
  const bytes = readFileSync(path);
  // The file may have grown between the check and the read.
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw tooLarge(name, bytes.length);
  return bytes;
}
