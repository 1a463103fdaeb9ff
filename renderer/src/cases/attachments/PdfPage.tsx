import { useEffect, useRef } from 'react';
import workerUrl from 'pdfjs-dist/legacy/build/pdf.worker.min.mjs?url';
import { kb } from '../../api/index.js';

/**
 * Draws the first page of a PDF attachment on a canvas with pdf.js: its worker comes from the
 * app's own files (script-src 'self'), no eval, no fonts installed in the page, and no scripting
 * (the display layer never runs a PDF's JavaScript; only pdf.js's viewer could, and it is not used).
 */
async function drawFirstPage(base64: string, canvas: HTMLCanvasElement, width: number): Promise<void> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
  const data = Uint8Array.from(atob(base64), (character) => character.charCodeAt(0));
  const document = await pdfjs.getDocument({
    data,
    isEvalSupported: false,
    enableXfa: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  }).promise;
  try {
    const page = await document.getPage(1);
    const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
    canvas.width = Math.floor(viewport.width);
    canvas.height = Math.floor(viewport.height);
    await page.render({ canvas, viewport }).promise;
  } finally {
    await document.destroy();
  }
}

/** The first page of a PDF attachment, `width` CSS pixels wide (a thumbnail or the viewer's page). */
export function PdfPage({ id, width, label, testId }: { id: number; width: number; label: string; testId: string }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let current = true;
    kb.getAttachment({ id })
      .then((content) => (current && canvas.current ? drawFirstPage(content.base64, canvas.current, width) : undefined))
      .catch(() => {
        // A page that cannot be drawn leaves the canvas empty; the text view still shows what the file says.
      });
    return () => {
      current = false;
    };
  }, [id, width]);
  return <canvas ref={canvas} className="pdf-page" aria-label={label} data-testid={testId} />;
}
