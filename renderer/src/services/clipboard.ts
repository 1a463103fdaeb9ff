import type { Messages } from '../i18n/en.js';
import { showToast } from './notices.js';

/** Copies text with the Clipboard API, or the older selection route where that is unavailable. */
async function writeText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // Fall through: app:// or an older shell may not offer the async clipboard.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.className = 'clipboard-helper';
  document.body.append(area);
  area.select();
  const copied = document.execCommand('copy');
  area.remove();
  if (!copied) throw new Error('copy refused');
}

/** Copies and says so in a toast. */
export async function copyWithToast(text: string, t: Messages): Promise<void> {
  try {
    await writeText(text);
    showToast(t.common.copied);
  } catch {
    showToast(t.common.copyFailed);
  }
}
