import { imageSize } from 'image-size';
import type { AttachmentType } from '../../common/index.js';
import { KbError } from '../../common/index.js';

/** Images larger than this are refused before anything decodes them (OCR of a poster-sized scan stalls for minutes). */
export const MAX_IMAGE_PIXELS = 40_000_000;
export const MAX_IMAGE_SIDE = 16_384;

const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
/** The types a file name claims, so a "PDF" that is not one is refused rather than stored as text. */
const CLAIMED_BY_EXTENSION = new Map<string, AttachmentType>([
  ['pdf', 'pdf'],
  ['png', 'png'],
  ['jpg', 'jpeg'],
  ['jpeg', 'jpeg'],
  ['webp', 'webp'],
  ['txt', 'text'],
  ['eml', 'eml'],
]);
const TYPE_NAMES: Record<AttachmentType, string> = {
  pdf: 'a PDF',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  webp: 'a WebP image',
  text: 'plain text',
  eml: 'a saved e-mail',
};

export interface SniffedFile {
  type: AttachmentType;
  width: number | null;
  height: number | null;
}

function startsWith(bytes: Uint8Array, signature: number[], at = 0): boolean {
  return signature.every((byte, index) => bytes[at + index] === byte);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset + from, Math.max(0, Math.min(to, bytes.length) - from)).toString(
    'latin1',
  );
}

/** The type by magic bytes alone, or null. PDF's header may follow up to 1 KB of junk, as readers allow. */
function magicType(bytes: Uint8Array): AttachmentType | null {
  if (ascii(bytes, 0, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, PNG)) return 'png';
  if (startsWith(bytes, JPEG)) return 'jpeg';
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  return null;
}

/** Text when the bytes are valid UTF-8 without NUL bytes; an e-mail when it is named .eml or starts with mail headers. */
function textType(bytes: Uint8Array, extension: string): AttachmentType | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)), {
      stream: bytes.length > 64 * 1024,
    });
  } catch {
    return null;
  }
  if (text.includes('\u0000')) return null;
  const headers =
    /^(?:(?:Received|Return-Path|From|To|Subject|Date|Message-ID|MIME-Version|Delivered-To|Reply-To):[^\n]*\r?\n){2,}/im.test(
      text.slice(0, 4096),
    );
  return extension === 'eml' || headers ? 'eml' : 'text';
}

/**
 * What the file is, told by its bytes; refuses an empty file, a type we do not keep, a file whose
 * name claims another type, and an image too large to decode (its size read from the header only).
 */
export function sniffFile(name: string, bytes: Uint8Array): SniffedFile {
  if (bytes.length === 0)
    throw new KbError('INVALID_INPUT', `Attachments: ${name} is empty (0 bytes); nothing was attached`);
  const extension = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const claimed = CLAIMED_BY_EXTENSION.get(extension) ?? null;
  const type = magicType(bytes) ?? textType(bytes, extension);
  const textual = (kind: AttachmentType | null) => kind === 'text' || kind === 'eml';
  if (claimed && type !== claimed && !(textual(claimed) && textual(type))) {
    throw new KbError(
      'INVALID_INPUT',
      `Attachments: ${name} is named as ${TYPE_NAMES[claimed]} but its content is ${type ? TYPE_NAMES[type] : 'not a file type Seller KB keeps'}; nothing was attached`,
    );
  }
  if (!type)
    throw new KbError(
      'INVALID_INPUT',
      `Attachments: ${name} is not a PDF, PNG, JPEG, WebP, plain text or .eml file; nothing was attached`,
    );
  if (type === 'pdf' && namesEncryption(bytes)) {
    throw new KbError(
      'INVALID_INPUT',
      `Attachments: ${name} is a password-protected (encrypted) PDF, whose text cannot be read: save an unprotected copy (print it to PDF) and attach that. Nothing was attached`,
    );
  }
  if (type === 'png' || type === 'jpeg' || type === 'webp') return { type, ...imageDimensions(name, bytes) };
  return { type, width: null, height: null };
}

/** A PDF trailer naming an /Encrypt dictionary: the file needs a password (or at least a key) to read. */
function namesEncryption(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  for (let at = buffer.indexOf('/Encrypt'); at !== -1; at = buffer.indexOf('/Encrypt', at + 1)) {
    const next = buffer[at + 8];
    // "/EncryptMetadata" and the like are other names; the key is followed by a delimiter.
    if (next === undefined || !/[A-Za-z0-9]/.test(String.fromCharCode(next))) return true;
  }
  return false;
}

function imageDimensions(name: string, bytes: Uint8Array): { width: number; height: number } {
  let size: { width?: number; height?: number };
  try {
    size = imageSize(bytes);
  } catch (error) {
    throw new KbError(
      'INVALID_INPUT',
      `Attachments: ${name} is a damaged image (${(error as Error).message}); nothing was attached`,
    );
  }
  const { width = 0, height = 0 } = size;
  if (width < 1 || height < 1)
    throw new KbError(
      'INVALID_INPUT',
      `Attachments: ${name} is a damaged image (no size in its header); nothing was attached`,
    );
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    throw new KbError(
      'INVALID_INPUT',
      `Attachments: ${name} is ${width} × ${height} pixels; images up to ${MAX_IMAGE_PIXELS / 1_000_000} megapixels and ${MAX_IMAGE_SIDE} pixels a side are kept. Scale it down and attach it again; nothing was attached`,
    );
  }
  return { width, height };
}
