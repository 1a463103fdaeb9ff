/**
 * The index file: a small JSON header (ids and Latin words), then the typed arrays as raw bytes,
 * each 8-byte aligned, so loading makes views over the buffer instead of parsing it.
 *
 * Layout: "SKBI" · u32 version · u32 header bytes · header JSON · padding ·
 * cjkKeys f64[cjk] · offsets u32[terms + 1] · docs u32[postings] · weights u8[postings]
 */
import type { SegmentParts } from './segment.js';

const MAGIC = 'SKBI';
// 3: Latin words sorted (they are the look-up structure: SortedVocabulary).
export const INDEX_FILE_VERSION = 3;
const PREAMBLE_BYTES = 12;

interface Header {
  ids: string[];
  latinTerms: string[];
  cjkCount: number;
  postingCount: number;
}

// Typed arrays use the machine's byte order; every platform Electron ships on is little-endian.
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

const align = (bytes: number) => Math.ceil(bytes / 8) * 8;

/** Serializes a segment's parts into one buffer. */
export function writeSegment(parts: SegmentParts): Uint8Array {
  const header: Header = {
    ids: parts.ids,
    latinTerms: parts.latinTerms,
    cjkCount: parts.cjkKeys.length,
    postingCount: parts.docs.length,
  };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const arrays = [parts.cjkKeys, parts.offsets, parts.docs, parts.weights];
  let size = align(PREAMBLE_BYTES + headerBytes.length);
  for (const array of arrays) size = align(size + array.byteLength);
  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes.set(new TextEncoder().encode(MAGIC), 0);
  view.setUint32(4, INDEX_FILE_VERSION, true);
  view.setUint32(8, headerBytes.length, true);
  bytes.set(headerBytes, PREAMBLE_BYTES);
  let at = align(PREAMBLE_BYTES + headerBytes.length);
  for (const array of arrays) {
    bytes.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at = align(at + array.byteLength);
  }
  return bytes;
}

export class IndexFileError extends Error {}

/**
 * Reads a buffer written by writeSegment. The arrays are views over it (copied once when the
 * buffer is not 8-byte aligned); every offset and document number is checked, so a damaged file
 * fails here with a clear message instead of returning wrong results later.
 */
export function readSegment(input: Uint8Array): SegmentParts {
  if (!LITTLE_ENDIAN) throw new IndexFileError('the search index format needs a little-endian machine');
  // new Uint8Array(view) copies (a Buffer's slice() would not), giving the arrays an aligned start.
  const bytes = input.byteOffset % 8 === 0 ? input : new Uint8Array(input);
  const fail = (reason: string): never => {
    throw new IndexFileError(`the search index is damaged (${reason}); rebuild it with npm run build`);
  };
  if (bytes.length < PREAMBLE_BYTES || new TextDecoder().decode(bytes.subarray(0, 4)) !== MAGIC)
    fail('not a Seller KB index');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint32(4, true);
  if (version !== INDEX_FILE_VERSION) fail(`format ${version}, expected ${INDEX_FILE_VERSION}`);
  const headerLength = view.getUint32(8, true);
  if (PREAMBLE_BYTES + headerLength > bytes.length) fail('header runs past the end');
  let header: Header;
  try {
    header = JSON.parse(
      new TextDecoder().decode(bytes.subarray(PREAMBLE_BYTES, PREAMBLE_BYTES + headerLength)),
    ) as Header;
  } catch {
    return fail('unreadable header');
  }
  const { ids, latinTerms, cjkCount, postingCount } = header;
  if (
    !Array.isArray(ids) ||
    !Array.isArray(latinTerms) ||
    !Number.isInteger(cjkCount) ||
    !Number.isInteger(postingCount)
  )
    fail('incomplete header');

  let at = align(PREAMBLE_BYTES + headerLength);
  const take = <T>(
    make: (buffer: ArrayBuffer, offset: number, length: number) => T,
    length: number,
    bytesPer: number,
  ): T => {
    if (at + length * bytesPer > bytes.byteLength) fail('arrays run past the end');
    const array = make(bytes.buffer as ArrayBuffer, bytes.byteOffset + at, length);
    at = align(at + length * bytesPer);
    return array;
  };
  const termCount = cjkCount + latinTerms.length;
  const parts: SegmentParts = {
    ids,
    latinTerms,
    cjkKeys: take((buffer, offset, length) => new Float64Array(buffer, offset, length), cjkCount, 8),
    offsets: take((buffer, offset, length) => new Uint32Array(buffer, offset, length), termCount + 1, 4),
    docs: take((buffer, offset, length) => new Uint32Array(buffer, offset, length), postingCount, 4),
    weights: take((buffer, offset, length) => new Uint8Array(buffer, offset, length), postingCount, 1),
  };
  checkParts(parts, fail);
  return parts;
}

function checkParts(parts: SegmentParts, fail: (reason: string) => never): void {
  const { offsets, docs, cjkKeys, ids, latinTerms } = parts;
  if (offsets[0] !== 0 || offsets[offsets.length - 1] !== docs.length) fail('postings do not add up');
  for (let term = 0; term + 1 < offsets.length; term++) {
    if (offsets[term]! > offsets[term + 1]!) fail(`postings of term ${term} are out of order`);
  }
  for (let index = 1; index < cjkKeys.length; index++)
    if (!(cjkKeys[index - 1]! < cjkKeys[index]!)) fail('CJK terms are out of order');
  if (latinTerms.some((term) => typeof term !== 'string')) fail('a Latin term is not text');
  for (let index = 1; index < latinTerms.length; index++)
    if (!(latinTerms[index - 1]! < latinTerms[index]!)) fail('Latin terms are out of order');
  for (let index = 0; index < docs.length; index++)
    if (docs[index]! >= ids.length) fail(`posting ${index} names document ${docs[index]} of ${ids.length}`);
}
