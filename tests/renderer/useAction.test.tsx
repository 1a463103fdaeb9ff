// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KbError } from '../../electron/common/index.js';
import { UnlockForm } from '../../renderer/src/privacy/UnlockForm.js';
import { dismissError, dismissToast, useNotices } from '../../renderer/src/services/notices.js';
import { useAction, type ActionOptions } from '../../renderer/src/services/useAction.js';
import { ErrorBanner, Toasts } from '../../renderer/src/shell/NoticeArea.js';
import { en } from '../../renderer/src/i18n/en.js';
import { zh } from '../../renderer/src/i18n/zh.js';
import { uiLanguageStore } from '../../renderer/src/settings/preferences.js';
import { installFakeKb } from './fakeKb.js';

/** Clears the notices a test left (they are shared by the page), through the app's own dismiss calls. */
function clearNotices(): void {
  let notices: ReturnType<typeof useNotices> = { errors: [], toasts: [] };
  function Peek() {
    notices = useNotices();
    return null;
  }
  render(<Peek />);
  act(() => {
    for (const notice of notices.errors) dismissError(notice.id);
    for (const toast of notices.toasts) dismissToast(toast.id);
  });
}

afterEach(() => {
  clearNotices();
  cleanup();
  act(() => uiLanguageStore.set('system'));
  vi.restoreAllMocks();
});

/** A promise the test settles by hand, so "while it runs" needs no timing. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

/** One button running `work` through useAction; what `run` resolved to goes to `outcomes`. */
function ActionButton<R>({
  work,
  options,
  outcomes,
}: {
  work: () => Promise<R>;
  options?: ActionOptions<R>;
  outcomes: boolean[];
}) {
  const { busy, run } = useAction();
  return (
    <>
      <button
        type="button"
        disabled={busy}
        onClick={() => void run(work, options).then((outcome) => outcomes.push(outcome))}
      >
        Go
      </button>
      <Toasts />
      <ErrorBanner />
    </>
  );
}

const button = () => screen.getByRole<HTMLButtonElement>('button', { name: 'Go' });
const banner = () => document.querySelector('.error-banner');

describe('the action helper', () => {
  it('is busy while the work runs, then says it is done in a toast and resolves true', async () => {
    const call = deferred<string>();
    const outcomes: boolean[] = [];
    render(<ActionButton work={() => call.promise} options={{ done: 'Backup created' }} outcomes={outcomes} />);
    fireEvent.click(button());
    expect(button().disabled).toBe(true);
    expect(screen.queryByText('Backup created')).toBeNull();
    await act(async () => call.resolve('ok'));
    await waitFor(() => expect(button().disabled).toBe(false));
    expect(screen.getByRole('status').textContent).toContain('Backup created');
    expect(outcomes).toEqual([true]);
    expect(banner()).toBeNull();
  });

  it('words the toast from the result when asked to', async () => {
    const outcomes: boolean[] = [];
    render(
      <ActionButton
        work={async () => ['a.md', 'b.md', 'c.md']}
        options={{ done: (files) => en.cases.exported(files.length) }}
        outcomes={outcomes}
      />,
    );
    fireEvent.click(button());
    await waitFor(() => expect(outcomes).toEqual([true]));
    expect(screen.getByRole('status').textContent).toContain(en.cases.exported(3));
  });

  it('shows no toast when none is asked for', async () => {
    const outcomes: boolean[] = [];
    render(<ActionButton work={async () => 1} outcomes={outcomes} />);
    fireEvent.click(button());
    await waitFor(() => expect(outcomes).toEqual([true]));
    expect(document.querySelectorAll('.toast')).toHaveLength(0);
  });

  it('puts a failure in the banner, worded from its code in the interface language, with no toast; it resolves false and is no longer busy', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    act(() => uiLanguageStore.set('zh'));
    const call = deferred<never>();
    const outcomes: boolean[] = [];
    render(<ActionButton work={() => call.promise} options={{ done: '已备份' }} outcomes={outcomes} />);
    fireEvent.click(button());
    expect(button().disabled).toBe(true);
    await act(async () => call.reject(new KbError('STORAGE', 'Backups: /data/backups is read-only')));
    await waitFor(() => expect(outcomes).toEqual([false]));
    expect(button().disabled).toBe(false);
    expect(banner()?.textContent).toContain(zh.errorCodes.STORAGE);
    expect(screen.getByRole('status').textContent).not.toContain('已备份');
  });

  it('leaves an error the form takes in place out of the banner, and any other in it', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const taken: unknown[] = [];
    const handleError = (error: unknown) =>
      error instanceof KbError && error.code === 'WRONG_PASSPHRASE' && taken.push(error) > 0;
    const outcomes: boolean[] = [];
    const wrong = new KbError('WRONG_PASSPHRASE', 'Notebook: wrong passphrase');
    const { unmount } = render(
      <ActionButton work={() => Promise.reject(wrong)} options={{ handleError }} outcomes={outcomes} />,
    );
    fireEvent.click(button());
    await waitFor(() => expect(outcomes).toEqual([false]));
    expect(taken).toEqual([wrong]);
    expect(banner()).toBeNull();
    unmount();
    render(
      <ActionButton
        work={() => Promise.reject(new KbError('NOT_FOUND', 'Library: folder /x not found'))}
        options={{ handleError }}
        outcomes={outcomes}
      />,
    );
    fireEvent.click(button());
    await waitFor(() => expect(outcomes).toEqual([false, false]));
    expect(banner()?.textContent).toContain('Library: folder /x not found');
  });
});

describe('a form built on it (unlocking the notebook)', () => {
  it('says a wrong passphrase in place and not in the banner, then unlocks with a toast', async () => {
    act(() => uiLanguageStore.set('en'));
    installFakeKb({
      unlockNotebook: async ({ passphrase }) => {
        if (passphrase !== 'correct horse') throw new KbError('WRONG_PASSPHRASE', 'Notebook: wrong passphrase');
        return { encrypted: true, locked: false };
      },
      getLibraryInfo: async () => ({ articleCount: 0, categories: [], problems: [], userFolders: [] }),
      listArticles: async () => [],
    });
    render(
      <>
        <UnlockForm />
        <Toasts />
        <ErrorBanner />
      </>,
    );
    const field = screen.getByLabelText(en.privacy.passphrase);
    fireEvent.change(field, { target: { value: 'wrong one' } });
    fireEvent.click(screen.getByTestId('unlock-submit'));
    expect(await screen.findByTestId('unlock-error')).toHaveProperty('textContent', en.privacy.wrongPassphrase);
    expect(banner()).toBeNull();
    fireEvent.change(field, { target: { value: 'correct horse' } });
    fireEvent.click(screen.getByTestId('unlock-submit'));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain(en.privacy.unlocked));
    expect(screen.queryByTestId('unlock-error')).toBeNull();
  });
});
