import { KbError } from '../../../electron/common/index.js';
import type { Messages } from '../i18n/en.js';
import { createStore, useStore } from './store.js';

/** An error to show in the banner; kept as the error so its text follows the interface language. */
export interface ErrorNotice {
  id: number;
  error: unknown;
}

/** A short confirmation, optionally with one action such as Undo. */
export interface Toast {
  id: number;
  message: string;
  action?: { label: string; run: () => void };
}

interface Notices {
  errors: ErrorNotice[];
  toasts: Toast[];
}

const noticesStore = createStore<Notices>({ errors: [], toasts: [] });
let nextId = 1;

export function useNotices(): Notices {
  return useStore(noticesStore);
}

/** Shows a failed call's message in the banner; the same message twice is shown once. */
export function reportError(error: unknown): void {
  if (error instanceof KbError) console.warn(`${error.code}: ${error.message}`);
  else console.error(error);
  const key = errorKey(error);
  const notices = noticesStore.get();
  if (notices.errors.some((notice) => errorKey(notice.error) === key)) return;
  noticesStore.set({ ...notices, errors: [...notices.errors.slice(-2), { id: nextId++, error }] });
}

export function dismissError(id: number): void {
  const notices = noticesStore.get();
  noticesStore.set({ ...notices, errors: notices.errors.filter((notice) => notice.id !== id) });
}

const TOAST_MS = 8000;

/**
 * Shows a confirmation. One with an action (Undo) stays until it is used or dismissed, so there is
 * time to reach it by keyboard; a plain one goes away by itself.
 */
export function showToast(message: string, action?: Toast['action']): void {
  const toast: Toast = action ? { id: nextId++, message, action } : { id: nextId++, message };
  const notices = noticesStore.get();
  noticesStore.set({ ...notices, toasts: [...notices.toasts.slice(-2), toast] });
  if (!action) window.setTimeout(() => dismissToast(toast.id), TOAST_MS);
}

export function dismissToast(id: number): void {
  const notices = noticesStore.get();
  if (notices.toasts.some((toast) => toast.id === id))
    noticesStore.set({ ...notices, toasts: notices.toasts.filter((toast) => toast.id !== id) });
}

function errorKey(error: unknown): string {
  return error instanceof Error ? `${error.name}:${error.message}` : String(error);
}

/**
 * The calm, readable text of an error in the interface language: worded from its code (the core's
 * own message, which names what and where, in the English interface).
 */
export function errorMessage(error: unknown, t: Messages): string {
  if (error instanceof KbError)
    return t.showsCoreMessages ? error.message : (wordedFromDetails(error, t) ?? t.errorCodes[error.code]);
  if (error instanceof TypeError && /fetch|network/i.test(error.message)) return t.errors.unreachable;
  return t.errors.unexpected;
}

/** A NOT_FOUND that names what and which (its details), in the interface language. */
function wordedFromDetails(error: KbError, t: Messages): string | null {
  const what = error.details?.what;
  const name = error.details?.name;
  if (
    error.code !== 'NOT_FOUND' ||
    typeof what !== 'string' ||
    typeof name !== 'string' ||
    !Object.hasOwn(t.notFound, what)
  )
    return null;
  return t.notFound[what]!(name);
}
