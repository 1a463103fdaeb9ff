import type { ExportFile } from '../../../electron/common/index.js';

/** Saves each exported file through the browser's download (a same-origin object URL). */
export function downloadFiles(files: ExportFile[]): void {
  for (const file of files) {
    const type = file.path.endsWith('.json')
      ? 'application/json'
      : file.path.endsWith('.ics')
        ? 'text/calendar'
        : 'text/markdown';
    const url = URL.createObjectURL(new Blob([file.content], { type: `${type};charset=utf-8` }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.path.split(/[\\/]/).pop() || file.path;
    link.className = 'clipboard-helper';
    document.body.append(link);
    link.click();
    link.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
