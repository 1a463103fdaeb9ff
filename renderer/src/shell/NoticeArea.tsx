import { useEffect, useRef } from 'react';
import { useT } from '../i18n/useT.js';
import { dismissError, dismissToast, errorMessage, useNotices } from '../services/notices.js';

/** The error banner (role="alert") and the toasts (a polite live region). */
export function ErrorBanner() {
  const t = useT();
  const { errors } = useNotices();
  if (errors.length === 0) return null;
  return (
    <div className="error-banner" role="alert">
      {errors.map((notice) => (
        <div key={notice.id} className="error-banner-item">
          <p>
            <strong>
              {t.errors.title}
              {t.common.colon}
            </strong>
            {errorMessage(notice.error, t)}
          </p>
          <button type="button" className="button-quiet" onClick={() => dismissError(notice.id)}>
            {t.common.dismiss}
          </button>
        </div>
      ))}
    </div>
  );
}

/**
 * The one toast region. It floats at the bottom of the window, and the page is given as much room
 * below its end (--toast-space), so no toast ever hides the end of a page.
 */
export function Toasts() {
  const t = useT();
  const { toasts } = useNotices();
  const region = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = region.current;
    if (!element || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() =>
      document.documentElement.style.setProperty('--toast-space', `${element.offsetHeight}px`),
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={region} className="toasts" role="status" aria-live="polite" aria-label={t.notices.region}>
      {toasts.map((toast) => (
        <div key={toast.id} className="toast">
          <span>{toast.message}</span>
          {toast.action && (
            <button
              type="button"
              className="button-small"
              onClick={() => {
                dismissToast(toast.id);
                toast.action?.run();
              }}
            >
              {toast.action.label}
            </button>
          )}
          <button
            type="button"
            className="button-icon"
            aria-label={t.common.close}
            onClick={() => dismissToast(toast.id)}
          >
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
