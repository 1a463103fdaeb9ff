/**
 * Reads the text inside one attached file, off the core's thread: PDF text through pdf.js (legacy
 * build, no eval, no scripting, no fonts loaded) and image text through tesseract.js (its own
 * worker; the core and the trained data come from the app's files, never from a CDN).
 * Self-contained (imports only packages), so Node runs this file as it is in development and the
 * build bundles it to dist/workers/attachmentText.mjs.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);

/** The trained data the app ships (npm packages @tesseract.js-data/*): the only files OCR reads. */
const TRAINED_DATA = new Map([
  ['eng.traineddata.gz', '@tesseract.js-data/eng/package.json'],
  ['chi_sim.traineddata.gz', '@tesseract.js-data/chi_sim/package.json'],
]);
export type OcrLanguage = 'eng' | 'chi_sim';

/** The LSTM-only ("best_int") model of a language, from its package's folder. */
function trainedDataFile(name: string): string {
  const manifest = TRAINED_DATA.get(name);
  if (!manifest) throw new Error(`Seller KB: no trained data named ${name}`);
  return join(dirname(require.resolve(manifest)), '4.0.0_best_int', name);
}

export interface TextJob {
  role: 'text';
  kind: 'pdf' | 'image';
  bytes: Uint8Array;
  /** Languages for OCR, in the order tesseract tries them. */
  languages: OcrLanguage[];
  maxPages: number;
}

export type TextWorkerMessage =
  | { type: 'progress'; progress: number }
  | { type: 'done'; text: string; pages: number | null }
  | { type: 'failed'; reason: 'password' | 'invalid' | 'other'; message: string };

function send(message: TextWorkerMessage): void {
  parentPort?.postMessage(message);
}

async function pdfText(job: TextJob): Promise<{ text: string; pages: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const task = pdfjs.getDocument({
    data: job.bytes,
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  const document = await task.promise;
  const pages = Math.min(document.numPages, job.maxPages);
  const texts: string[] = [];
  for (let number = 1; number <= pages; number++) {
    const page = await document.getPage(number);
    const content = await page.getTextContent();
    texts.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : ' ') : '')).join(''));
    page.cleanup();
    send({ type: 'progress', progress: number / pages });
  }
  await document.destroy();
  return { text: texts.join('\n\n'), pages: document.numPages };
}

async function imageText(job: TextJob): Promise<string> {
  const { createWorker, OEM } = (await import('tesseract.js')).default;
  const worker = await createWorker(job.languages, OEM.LSTM_ONLY, {
    // Used by tesseract.js only in browsers; in Node it requires tesseract.js-core, named here for clarity.
    corePath: dirname(require.resolve('tesseract.js-core/package.json')),
    // tesseract.js's own thread runs this same file (see tesseractThread below), so it reads
    // trained data only from the files named here and has no way to fetch or cache anything.
    workerPath: fileURLToPath(import.meta.url),
    langPath: 'seller-kb-trained-data',
    cacheMethod: 'none',
    gzip: true,
    logger: (message) => {
      if (message.status === 'recognizing text') send({ type: 'progress', progress: message.progress });
    },
    errorHandler: () => {},
  });
  try {
    const result = await worker.recognize(Buffer.from(job.bytes));
    return result.data.text;
  } finally {
    await worker.terminate();
  }
}

interface TesseractWorkerScript {
  dispatchHandlers(packet: unknown, send: (message: unknown) => void): void;
  setAdapter(adapter: Record<string, unknown>): void;
}

/**
 * tesseract.js's worker thread, with an adapter of ours: language files come only from the app's
 * trained-data packages, fetch always fails, and the cache writes nothing.
 */
function tesseractThread(port: NonNullable<typeof parentPort>): void {
  const script = require('tesseract.js/src/worker-script') as TesseractWorkerScript;
  script.setAdapter({
    getCore: require('tesseract.js/src/worker-script/node/getCore') as unknown,
    gunzip: require('tesseract.js/src/worker-script/node/gunzip') as unknown,
    fetch: async (url: string) => {
      throw new Error(`Seller KB: OCR never uses the network (asked for ${url})`);
    },
    readCache: async (path: string) => readFile(trainedDataFile(basename(path))),
    writeCache: async () => {},
    deleteCache: async () => {},
    checkCache: async () => false,
  });
  port.on('message', (packet: unknown) => script.dispatchHandlers(packet, (message) => port.postMessage(message)));
}

function failure(error: unknown): TextWorkerMessage {
  const name = (error as { name?: string })?.name ?? '';
  const message = (error as Error)?.message ?? String(error);
  if (name === 'PasswordException') return { type: 'failed', reason: 'password', message };
  if (name === 'InvalidPDFException' || name === 'FormatError') return { type: 'failed', reason: 'invalid', message };
  return { type: 'failed', reason: 'other', message };
}

async function run(job: TextJob): Promise<void> {
  try {
    if (job.kind === 'pdf') {
      const { text, pages } = await pdfText(job);
      send({ type: 'done', text, pages });
    } else {
      send({ type: 'done', text: await imageText(job), pages: null });
    }
  } catch (error) {
    send(failure(error));
  }
}

const job = workerData as TextJob | null;
if (parentPort && job?.role === 'text') void run(job);
else if (parentPort) tesseractThread(parentPort);
