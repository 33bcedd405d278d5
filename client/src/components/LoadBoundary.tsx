import { Component, type ReactNode } from 'react';

/**
 * Catches a failure to load a part of the app that is fetched on demand (the facilitator panel,
 * the plenary views, the export dialog, the inspiration panel), so a lost connection shows a message instead of taking the board down.
 */
export class LoadBoundary extends Component<
  { readonly fallback: ReactNode; readonly children: ReactNode },
  { failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

/** The one-path icon of the on-demand parts' buttons (kept here, where those buttons import it). */
export { PathIcon } from './icons';
