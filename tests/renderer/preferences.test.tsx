// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ReadingLists } from '../../renderer/src/home/ReadingLists.js';
import { toggleBookmark } from '../../renderer/src/home/readingHistory.js';
import { AppearanceSettings } from '../../renderer/src/settings/AppearanceSettings.js';
import { loadPreferences } from '../../renderer/src/settings/preferenceStores.js';
import { installFakeKb } from './fakeKb.js';

afterEach(() => {
  cleanup();
  window.localStorage.clear();
});

describe('preferences in the renderer (a fake core, no server)', () => {
  it('shows the preferences the core keeps and sends a change to the core', async () => {
    const fake = installFakeKb();
    await fake.api.setPreferences({ uiLanguage: 'en', theme: 'dark' });
    await act(() => loadPreferences());
    render(<AppearanceSettings />);
    expect((screen.getByTestId('theme') as HTMLSelectElement).value).toBe('dark');
    expect(screen.getByText('Language and appearance')).toBeTruthy();
    fireEvent.change(screen.getByTestId('zoom'), { target: { value: '125' } });
    expect(fake.calls.at(-1)).toEqual({ method: 'setPreferences', argument: { zoom: '125' } });
    expect((await fake.api.getPreferences()).zoom).toBe('125');
  });

  it('lists a bookmark at once and saves the list in the core', async () => {
    const fake = installFakeKb();
    await act(() => loadPreferences());
    render(<ReadingLists />);
    act(() => toggleBookmark({ id: 'arbitration-en', title: 'Arbitration', lang: 'en' }));
    expect(screen.getByRole('link', { name: 'Arbitration' }).getAttribute('href')).toContain('arbitration-en');
    expect((await fake.api.getPreferences()).bookmarks).toEqual([
      { id: 'arbitration-en', title: 'Arbitration', lang: 'en' },
    ]);
  });

  it('keeps the cached preferences when the core cannot be reached', async () => {
    installFakeKb({ getPreferences: () => Promise.reject(new TypeError('Failed to fetch')) });
    await act(() => loadPreferences());
    render(<AppearanceSettings />);
    expect(screen.getByTestId('ui-language')).toBeTruthy();
  });

  it('hands what an older version kept in localStorage to the core once, where the core has its default', async () => {
    const fake = installFakeKb();
    await fake.api.setPreferences({ theme: 'light' });
    window.localStorage.setItem('seller-kb:zoom', JSON.stringify('150'));
    window.localStorage.setItem('seller-kb:theme', JSON.stringify('dark'));
    window.localStorage.removeItem('seller-kb:preferences-in-core');
    // The stores read the cache when the module loads; a fresh copy of the modules stands for a new start.
    vi.resetModules();
    const fresh = await import('../../renderer/src/settings/preferenceStores.js');
    const { provideKbApi } = await import('../../renderer/src/api/index.js');
    provideKbApi(fake.api);
    await fresh.loadPreferences();
    expect(await fake.api.getPreferences()).toMatchObject({ zoom: '150', theme: 'light' });
    expect(window.localStorage.getItem('seller-kb:preferences-in-core')).toBe('true');
    await fake.api.setPreferences({ zoom: '100' });
    await fresh.loadPreferences();
    expect((await fake.api.getPreferences()).zoom).toBe('100');
  });
});
