// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { en } from '../../renderer/src/i18n/en.js';
import { BackupSettings } from '../../renderer/src/settings/BackupSettings.js';
import { uiLanguageStore } from '../../renderer/src/settings/preferences.js';
import { installFakeKb } from './fakeKb.js';

afterEach(() => {
  cleanup();
  act(() => uiLanguageStore.set('system'));
});

describe('focus after a confirmation', () => {
  it('goes back to the Restore button when the confirmation is cancelled or closed with Esc', async () => {
    installFakeKb({
      getNotebookSecurity: async () => ({ encrypted: false, locked: false }),
      listBackups: async () => [
        {
          path: '/data/backups/notebook-2026-11-30.db',
          bytes: 4096,
          createdAt: '2026-11-30T08:00:00Z',
          encrypted: false,
        },
      ],
    });
    act(() => uiLanguageStore.set('en'));
    render(<BackupSettings />);
    const restore = await screen.findByRole('button', { name: en.settings.restoreBackup });
    fireEvent.click(restore);
    expect(document.activeElement?.textContent).toBe(en.settings.confirmRestoreYes);
    fireEvent.click(screen.getByRole('button', { name: en.common.cancel }));
    expect(document.activeElement?.textContent).toBe(en.settings.restoreBackup);

    fireEvent.click(screen.getByRole('button', { name: en.settings.restoreBackup }));
    fireEvent.keyDown(screen.getByRole('button', { name: en.settings.confirmRestoreYes }), { key: 'Escape' });
    expect(screen.queryByRole('button', { name: en.settings.confirmRestoreYes })).toBeNull();
    expect(document.activeElement?.textContent).toBe(en.settings.restoreBackup);
  });
});
