import { Component, type ReactNode } from 'react';
import { allowRetry } from './retryableLazy';

interface Props {
  /** What shows instead of the part; as a function it gets `retry`, for a "try again" button. */
  readonly fallback: ReactNode | ((retry: () => void) => ReactNode);
  readonly children: ReactNode;
}

/**
 * Catches a failure to load a part of the app that is fetched on demand (the facilitator panel,
 * the plenary views, the list view, the export dialog, the inspiration panel), so a lost
 * connection shows a message instead of taking the board down. The part is tried again when the
 * browser is back online, on `retry`, and when a boundary is mounted again (a dialog reopened);
 * with `retryableLazy` that fetches it anew.
 */
export class LoadBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  constructor(props: Props) {
    super(props);
    // A part opened again (a dialog, the list view) is fetched again if it failed before.
    allowRetry();
  }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  private readonly retry = (): void => {
    if (!this.state.failed) return;
    allowRetry();
    this.setState({ failed: false });
  };

  override componentDidMount(): void {
    window.addEventListener('online', this.retry);
  }

  override componentWillUnmount(): void {
    window.removeEventListener('online', this.retry);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const { fallback } = this.props;
    return typeof fallback === 'function' ? fallback(this.retry) : fallback;
  }
}

/** The one-path icon of the on-demand parts' buttons (kept here, where those buttons import it). */
export { PathIcon } from './icons';
