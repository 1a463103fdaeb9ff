// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KbError, type ChecklistProgress } from '../../electron/common/index.js';
import { ErrorBanner, Toasts } from '../../renderer/src/shell/NoticeArea.js';
import { NoAccessPage } from '../../renderer/src/shell/NoAccessPage.js';
import { errorMessage, reportError, showToast, useNotices } from '../../renderer/src/services/notices.js';
import { ChecklistSummary } from '../../renderer/src/article/ChecklistSummary.js';
import { useChecklistProgress } from '../../renderer/src/article/useChecklistProgress.js';
import { activityDetail } from '../../renderer/src/cases/activityDetail.js';
import { CaseTimeline } from '../../renderer/src/cases/CaseTimeline.js';
import { en } from '../../renderer/src/i18n/en.js';
import { zh } from '../../renderer/src/i18n/zh.js';
import { uiLanguageStore } from '../../renderer/src/settings/preferences.js';
import { installFakeKb } from './fakeKb.js';

afterEach(() => {
  cleanup();
  act(() => uiLanguageStore.set('system'));
});

describe('codes worded in the interface language', () => {
  it('words timeline details (statuses, fields, formats) instead of showing raw codes', () => {
    installFakeKb();
    act(() => uiLanguageStore.set('zh'));
    const activity = [
      { id: 1, caseId: 1, kind: 'status-changed' as const, detail: 'open → appeal-sent', at: '2026-11-01T09:00:00Z' },
      { id: 2, caseId: 1, kind: 'case-updated' as const, detail: 'asins, nextFollowUp', at: '2026-11-01T09:01:00Z' },
      { id: 3, caseId: 1, kind: 'exported' as const, detail: 'md', at: '2026-11-01T09:02:00Z' },
      { id: 4, caseId: 1, kind: 'exported' as const, detail: 'json', at: '2026-11-01T09:03:00Z' },
    ];
    const { container } = render(<CaseTimeline activity={activity} />);
    const text = container.textContent ?? '';
    expect(text).toContain('处理中 → 已提交申诉');
    expect(text).toContain('ASIN、下次跟进');
    expect(text).toContain('Markdown 文件');
    expect(text).not.toMatch(/appeal-sent|nextFollowUp|asins|\bjson\b|\bmd\b/);
    expect(activityDetail({ kind: 'case-updated', detail: 'asins, nextFollowUp' }, 'en')).toBe('ASINs, Next follow-up');
    expect(activityDetail({ kind: 'status-changed', detail: 'open → some-future-status' }, 'en')).toBe(
      'Open → some-future-status',
    );
  });

  it('words an error from its code in Chinese and keeps the core message in English', () => {
    installFakeKb();
    const error = new KbError('NOT_FOUND', 'Library: folder /tmp/x not found');
    expect(errorMessage(error, zh)).toBe(zh.errorCodes.NOT_FOUND);
    expect(errorMessage(error, en)).toBe('Library: folder /tmp/x not found');
    expect(errorMessage(new TypeError('Failed to fetch'), zh)).toBe(zh.errors.unreachable);
    const folder = new KbError('NOT_FOUND', 'Library: folder /media/usb/notes not found', {
      what: 'folder',
      name: '/media/usb/notes',
    });
    expect(errorMessage(folder, zh)).toBe('找不到文件夹 /media/usb/notes。请确认它存在且已连接。');
    expect(errorMessage(new KbError('NOT_FOUND', 'x', { what: '__proto__', name: 'y' }), zh)).toBe(
      zh.errorCodes.NOT_FOUND,
    );
  });

  it('shows a core error in the Chinese banner without its English text', () => {
    installFakeKb();
    act(() => uiLanguageStore.set('zh'));
    render(<ErrorBanner />);
    act(() => reportError(new KbError('STORAGE', 'Preferences: cannot write /data/preferences.json (EROFS)')));
    const banner = screen.getByRole('alert');
    expect(banner.textContent).toContain(zh.errorCodes.STORAGE);
    expect(banner.textContent).not.toContain('Preferences');
    fireEvent.click(screen.getByRole('button', { name: zh.common.dismiss }));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('explains how to open web mode when the page has no token', () => {
    installFakeKb();
    act(() => uiLanguageStore.set('en'));
    render(<NoAccessPage />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(en.access.title);
    expect(screen.getByText('npx seller-kb web')).toBeTruthy();
    expect(document.body.textContent).not.toContain('missing or wrong token');
  });
});

function Article() {
  const progress = useChecklistProgress('fba-removal-order-en', [{ name: 'removal-order', steps: ['a', 'b', 'c'] }]);
  return (
    <>
      <output data-testid="done">{progress.done}</output>
      <ChecklistSummary progress={progress} />
    </>
  );
}

describe('reset checklists with an Undo', () => {
  it('offers an Undo that stays until used, placed before the page, and ticks the steps again', async () => {
    act(() => uiLanguageStore.set('en'));
    let ticked: ChecklistProgress['ticked'] = { 'removal-order': [0, 2] };
    installFakeKb({
      getNotebookSecurity: async () => ({ encrypted: false, locked: false }),
      getChecklistProgress: async ({ articleId }) => ({ articleId, ticked }),
      resetChecklist: async ({ articleId }) => ((ticked = {}), { articleId, ticked }),
      setChecklistStep: async ({ articleId, checklist, step }) => {
        ticked = { ...ticked, [checklist]: [...(ticked[checklist] ?? []), step].sort() };
        return { articleId, ticked };
      },
    });
    render(
      <>
        <Toasts />
        <main>
          <Article />
        </main>
      </>,
    );
    await waitFor(() => expect(screen.getByTestId('done').textContent).toBe('2'));
    fireEvent.click(screen.getByTestId('checklist-reset'));
    const undo = await screen.findByRole('button', { name: en.common.undo });
    expect(screen.getByTestId('done').textContent).toBe('0');
    // The toast region comes before the page: one Shift+Tab from the page's start reaches it.
    expect(
      undo.compareDocumentPosition(screen.getByTestId('checklist-reset')) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    fireEvent.click(undo);
    await waitFor(() => expect(screen.getByTestId('done').textContent).toBe('2'));
    expect(ticked['removal-order']).toEqual([0, 2]);
    // The toast of the undo is a plain one; the Undo toast itself went away when used.
    expect(screen.queryByRole('button', { name: en.common.undo })).toBeNull();
    for (const close of screen.getAllByRole('button', { name: en.common.close })) fireEvent.click(close);
  });
});

function ToastMessages() {
  return (
    <output data-testid="toast-messages">
      {useNotices()
        .toasts.map((toast) => toast.message)
        .join('|')}
    </output>
  );
}

describe('toasts', () => {
  it('keeps a toast with an Undo until it is dismissed; a plain one goes by itself', () => {
    installFakeKb();
    vi.useFakeTimers();
    try {
      render(<ToastMessages />);
      act(() => {
        showToast('Case deleted', { label: 'Undo', run: () => undefined });
        showToast('Copied');
      });
      act(() => vi.advanceTimersByTime(10 * 60_000));
      expect(screen.getByTestId('toast-messages').textContent).toBe('Case deleted');
      render(<Toasts />);
      fireEvent.click(screen.getByRole('button', { name: en.common.close }));
      expect(screen.getByTestId('toast-messages').textContent).toBe('');
    } finally {
      vi.useRealTimers();
    }
  });
});
