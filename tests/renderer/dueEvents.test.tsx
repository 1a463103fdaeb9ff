// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { DueItem } from '../../electron/common/index.js';
import { usePushEvents } from '../../renderer/src/services/pushEvents.js';
import { DueList } from '../../renderer/src/home/DueList.js';
import { uiLanguageStore } from '../../renderer/src/settings/preferences.js';
import { installFakeKb } from './fakeKb.js';

afterEach(() => {
  cleanup();
  act(() => uiLanguageStore.set('system'));
});

describe('the home page’s due list', () => {
  it('looks again when the core says a deadline fell due, without a page change', async () => {
    let due: DueItem[] = [];
    const fake = installFakeKb({ listDue: async () => due, listDueDeadlines: async () => [] });
    act(() => uiLanguageStore.set('en'));
    function Home() {
      usePushEvents();
      return <DueList />;
    }
    render(<Home />);
    await screen.findByText(/No follow-ups due/);
    due = [
      {
        caseId: 7,
        caseTitle: 'German account review',
        status: 'appeal-sent',
        nextFollowUp: '2025-10-20',
        overdue: true,
        ruleArticle: null,
      },
    ];
    await act(async () => fake.emit({ event: 'due', payload: [] }));
    expect((await screen.findByRole('link', { name: 'German account review' })).getAttribute('href')).toBe('#/cases/7');
    expect(fake.calls.filter((call) => call.method === 'listDue')).toHaveLength(2);
  });
});
