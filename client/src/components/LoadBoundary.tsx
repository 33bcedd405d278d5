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

/** A small icon in the style of components/icons (decorative: the button has the label). */
export function PathIcon({ d, size = 20 }: { d: string; size?: number }) {
  return (
    <svg
      className="icon"
      viewBox="0 0 24 24"
      width={size}
      height={size}
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d={d} />
    </svg>
  );
}
