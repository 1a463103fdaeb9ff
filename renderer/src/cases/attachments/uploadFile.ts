import type { AttachmentRecord } from '../../../../electron/common/index.js';
import { KbError, MAX_ATTACHMENT_BYTES } from '../../../../electron/common/index.js';
import { kb } from '../../api/index.js';

declare global {
  interface Window {
    /** The desktop preload's one file helper: the path of a dropped or picked file (webUtils.getPathForFile). */
    kbFiles?: { pathForFile(file: File): string };
  }
}

/** The file's bytes as base64, read by the browser (web mode, where no path is known). */
function base64Of(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error(`cannot read ${file.name}`));
    reader.readAsDataURL(file);
  });
}

/**
 * Attaches one file to a case (and to one of its notes when `noteId` is given): in the desktop app
 * by its path (the core reads it, checking its size first), in a browser by its bytes. A file over
 * the limit is refused before it is read.
 */
export async function uploadFile(caseId: number, file: File, noteId: number | null = null): Promise<AttachmentRecord> {
  if (file.size > MAX_ATTACHMENT_BYTES)
    throw new KbError(
      'PAYLOAD_TOO_LARGE',
      `Attachments: ${file.name} is ${(file.size / 1024 / 1024).toFixed(1)} MB; a file may be at most 50 MB. Nothing was attached`,
    );
  const path = window.kbFiles?.pathForFile(file);
  const target = { caseId, name: file.name, ...(noteId !== null && { noteId }) };
  if (path) return kb.addAttachment({ ...target, path });
  return kb.addAttachment({ ...target, base64: await base64Of(file) });
}

/** A data: URL for an image attachment (img-src allows data:; the type is the one sniffed from its bytes). */
export function dataUrl(mime: string, base64: string): string {
  return `data:${mime};base64,${base64}`;
}

export function isImage(record: AttachmentRecord): boolean {
  return record.type === 'png' || record.type === 'jpeg' || record.type === 'webp';
}

export function sizeText(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
