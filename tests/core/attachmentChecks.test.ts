import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KbError } from '../../electron/common/index.js';
import { sniffFile } from '../../electron/core/attachments/fileType.js';
import { checkInvoice, datesIn } from '../../electron/core/attachments/invoiceCheck.js';
import { invoicePdf, invoiceScanPng, pngHeader } from '../helpers/attachmentFiles.js';
import { APP_ROOT } from '../helpers/tempDir.js';

const fixture = (name: string) => readFileSync(join(APP_ROOT, 'tests/fixtures/attachments', name));

describe('telling a file by its bytes', () => {
  it('knows PDF, PNG, JPEG and WebP by their magic bytes, with image sizes from the header', () => {
    expect(sniffFile('invoice.pdf', invoicePdf())).toEqual({ type: 'pdf', width: null, height: null });
    expect(sniffFile('scan.png', invoiceScanPng())).toEqual({ type: 'png', width: 560, height: 150 });
    expect(sniffFile('photo.jpg', fixture('tiny.jpg'))).toEqual({ type: 'jpeg', width: 40, height: 20 });
    expect(sniffFile('photo.webp', fixture('tiny.webp'))).toEqual({ type: 'webp', width: 40, height: 20 });
    // The bytes decide, not the name: a PNG without an extension is still a PNG.
    expect(sniffFile('screenshot', invoiceScanPng()).type).toBe('png');
  });

  it('tells a saved e-mail from plain text by its name or its headers', () => {
    const mail = Buffer.from(
      'Received: from mx.amazon.com\r\nFrom: seller-performance@amazon.com\r\nSubject: Notice\r\n\r\nBody',
    );
    expect(sniffFile('notice.txt', mail).type).toBe('eml');
    expect(sniffFile('notice.eml', Buffer.from('Body only')).type).toBe('eml');
    expect(sniffFile('chat.txt', Buffer.from('供应商：深圳市小部件有限公司')).type).toBe('text');
  });

  it('refuses a JPEG named .png, an image whose header claims a size too large to decode, and bytes that are not UTF-8 text', () => {
    expect(() => sniffFile('scan.png', fixture('tiny.jpg'))).toThrow(
      'scan.png is named as a PNG image but its content is a JPEG image',
    );
    expect(() => sniffFile('wide.png', pngHeader(20_000, 10))).toThrow(/20000 × 10 pixels/);
    expect(() => sniffFile('data.bin', Buffer.from([0xc3, 0x28, 0x00]))).toThrow(KbError);
  });

  it('never throws anything but a clear KbError, whatever the bytes', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 64 }),
        fc.constantFrom('a.pdf', 'a.png', 'a.jpg', 'a.webp', 'a.txt', 'a.eml', 'a'),
        (bytes, name) => {
          try {
            sniffFile(name, bytes);
          } catch (error) {
            expect(error).toBeInstanceOf(KbError);
            expect((error as KbError).message).toMatch(/^Attachments: a/);
          }
        },
      ),
    );
  });
});

describe('the invoice check', () => {
  it('reads dates written in the usual ways, Chinese included', () => {
    expect(
      datesIn('Invoice date: 2026-03-14, due 14.04.2026; shipped March 2, 2026 / 5 Feb 2026；开票日期：2026年1月9日'),
    ).toEqual(['2026-03-14', '2026-04-14', '2026-03-02', '2026-02-05', '2026-01-09']);
    expect(datesIn('2026-02-30 is no date')).toEqual([]);
  });

  it('finds every item of a Chinese supplier invoice', () => {
    const text =
      '销售方：深圳市小部件科技有限公司\n地址：广东省深圳市南山区科技路88号\n电话：0755-12345678\n网址：www.widgets.cn\n开票日期：2026年3月14日\n数量：120 件';
    expect(checkInvoice(text, '2026-05-01').map((item) => [item.key, item.found])).toEqual([
      ['date', true],
      ['supplier', true],
      ['address', true],
      ['phone', true],
      ['website', true],
      ['quantities', true],
    ]);
  });

  it('counts a date only when it falls within the 365 days before the notice', () => {
    const dateOf = (text: string) => checkInvoice(text, '2026-05-01')[0]!;
    expect(dateOf('Date: 2025-05-01').found).toBe(true);
    expect(dateOf('Date: 2025-04-30')).toEqual({
      key: 'date',
      found: false,
      detail: '2025-04-30 is not within 365 days before 2026-05-01',
    });
    expect(dateOf('Date: 2026-05-02').found).toBe(false);
    expect(dateOf('no date here')).toEqual({ key: 'date', found: false, detail: null });
  });
});
