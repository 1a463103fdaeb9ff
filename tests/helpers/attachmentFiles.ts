import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { minimalPdf } from './minimalPdf.js';
import { APP_ROOT } from './tempDir.js';

/** A supplier invoice as Amazon wants it, as a PDF with real text. */
export function invoicePdf(extraLine = ''): Buffer {
  return minimalPdf([
    [
      'INVOICE INV-2026-0042',
      'Date: 2026-03-14',
      'Supplier: Widgetworks Ltd',
      'Address: 88 Harbour Road, Shenzhen',
      'Tel: +86 755 1234 5678',
      'www.widgetworks.example',
      'Qty 120 pcs  blue widget',
      extraLine,
    ],
  ]);
}

/** A PNG screenshot of text (rendered once with Chromium and committed): "INVOICE 2026-03-14 / Widgetworks Ltd / Qty 12 cartons". */
export function invoiceScanPng(): Buffer {
  return readFileSync(join(APP_ROOT, 'tests/fixtures/attachments/invoice-scan.png'));
}

/** The first bytes of a PNG claiming `width` × `height` pixels: a header any decoder would believe. */
export function pngHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(25);
  ihdr.writeUInt32BE(13, 0);
  ihdr.write('IHDR', 4, 'latin1');
  ihdr.writeUInt32BE(width, 8);
  ihdr.writeUInt32BE(height, 12);
  ihdr.set([8, 2, 0, 0, 0], 16);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), ihdr, Buffer.alloc(64)]);
}
