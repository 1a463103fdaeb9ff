// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryInfo } from '../../electron/common/index.js';
import { refreshLibrary } from '../../renderer/src/services/library.js';
import { Sidebar } from '../../renderer/src/shell/Sidebar.js';
import { articleLanguageStore, uiLanguageStore } from '../../renderer/src/settings/preferences.js';
import { installFakeKb } from './fakeKb.js';

afterEach(() => {
  cleanup();
  act(() => {
    uiLanguageStore.set('system');
    articleLanguageStore.set('ui');
  });
});

const info: LibraryInfo = { articleCount: 9, categories: [{ category: 'causes', count: 9, byLang: { zh: 4, en: 5 } }], problems: [], userFolders: [] };

describe('the sidebar', () => {
  it('counts the articles of a category a reader in the article language sees, not both twins', async () => {
    installFakeKb({ listArticles: async () => [] });
    act(() => {
      uiLanguageStore.set('en');
      articleLanguageStore.set('zh');
    });
    await act(() => refreshLibrary(info));
    render(<Sidebar open={false} onClose={() => undefined} />);
    const link = await screen.findByRole('link', { name: /Causes/ });
    expect(link.textContent).toContain('4');
    act(() => articleLanguageStore.set('en'));
    await waitFor(() => expect(link.textContent).toContain('5'));
    expect(link.textContent).not.toContain('9');
  });
});
