// @vitest-environment happy-dom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { LibraryInfo } from '../../electron/common/index.js';
import { refreshLibrary } from '../../renderer/src/services/library.js';
import { Sidebar } from '../../renderer/src/shell/Sidebar.js';
import { usePushEvents } from '../../renderer/src/services/pushEvents.js';
import { articleLanguageStore, uiLanguageStore } from '../../renderer/src/settings/preferences.js';
import { installFakeKb } from './fakeKb.js';

afterEach(() => {
  cleanup();
  act(() => {
    uiLanguageStore.set('system');
    articleLanguageStore.set('ui');
  });
});

const info: LibraryInfo = {
  articleCount: 9,
  categories: [{ category: 'causes', count: 9, byLang: { zh: 4, en: 5 } }],
  problems: [],
  userFolders: [],
};

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

  it('shows a folder the core says was added, without being asked, once the app listens to push events', async () => {
    const fake = installFakeKb({ listArticles: async () => [] });
    act(() => uiLanguageStore.set('en'));
    await act(() => refreshLibrary(info));
    function Listening() {
      usePushEvents();
      return <Sidebar open={false} onClose={() => undefined} />;
    }
    render(<Listening />);
    expect(screen.queryByRole('link', { name: /My articles/ })).toBeNull();
    const withFolder: LibraryInfo = {
      ...info,
      categories: [...info.categories, { category: 'user', count: 2, byLang: { zh: 1, en: 2 } }],
    };
    await act(async () => fake.emit({ event: 'libraryChanged', payload: withFolder }));
    expect((await screen.findByRole('link', { name: /My articles/ })).textContent).toContain('2');
  });
});
