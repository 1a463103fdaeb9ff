import { Component, type ErrorInfo, type ReactNode } from 'react';
import type { Messages } from '../i18n/en.js';
import { reportError } from '../services/notices.js';

interface Props {
  t: Messages;
  children: ReactNode;
}

/** Catches a page that fails to render, so the header, sidebar and other pages keep working. */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    reportError(error);
    console.error(info.componentStack);
  }

  override render(): ReactNode {
    const { t, children } = this.props;
    if (!this.state.failed) return children;
    return (
      <div className="page">
        <h1>{t.errors.boundary}</h1>
        <p>{t.errors.boundaryHint}</p>
        <p className="button-row">
          <button type="button" onClick={() => window.history.back()}>
            {t.common.back}
          </button>
          <button type="button" onClick={() => this.setState({ failed: false })}>
            {t.common.retry}
          </button>
        </p>
      </div>
    );
  }
}
