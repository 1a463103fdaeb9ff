import { useEffect } from 'react';
import type { NotebookSecurity } from '../../../electron/common/index.js';
import { kb } from '../api/index.js';
import { reportError } from './notices.js';
import { createStore, useStore } from './store.js';

/** Whether the notebook is encrypted and locked, shared by every page; `loaded` turns true even when asking failed. */
export interface SecurityState {
  security: NotebookSecurity | null;
  loaded: boolean;
}

const securityStore = createStore<SecurityState>({ security: null, loaded: false });
let asked = false;

/** Shares a state the core just returned (after unlocking, encrypting, …). */
export function setNotebookSecurity({ encrypted, locked }: NotebookSecurity): void {
  securityStore.set({ security: { encrypted, locked }, loaded: true });
}

/** Asks the core again, e.g. after a restore, which may bring back an encrypted or a plain notebook. */
export function refreshNotebookSecurity(): Promise<void> {
  asked = true;
  return kb.getNotebookSecurity().then(setNotebookSecurity, (error: unknown) => {
    reportError(error);
    securityStore.set({ ...securityStore.get(), loaded: true });
  });
}

/** True while the notebook waits for its passphrase: its calls would fail, so callers skip them. */
export function notebookLocked(): boolean {
  return securityStore.get().security?.locked ?? false;
}

export function useNotebookSecurity(): SecurityState {
  useEffect(() => {
    if (!asked) void refreshNotebookSecurity();
  }, []);
  return useStore(securityStore);
}
