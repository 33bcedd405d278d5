import type { ReactElement, ReactNode } from 'react';

/** Small inline icons (no icon font, no external images). Decorative: the button has the label. */
export type IconName =
  | 'note'
  | 'undo'
  | 'redo'
  | 'zoomIn'
  | 'zoomOut'
  | 'fit'
  | 'list'
  | 'info'
  | 'trash'
  | 'edit'
  | 'lock'
  | 'eyeOff'
  | 'eye'
  | 'clock'
  | 'check'
  | 'discuss'
  | 'flag';

/** A circle with strokes over or beside it (a lens, a dial, an "i"). */
const circled = (r: number, d: string, centre = 12): ReactElement => (
  <>
    <circle cx={centre} cy={centre} r={r} />
    <path d={d} />
  </>
);

const paths: Readonly<Record<IconName, ReactElement>> = {
  note: (
    <>
      <path d="M5 4h14v10l-5 6H5z" />
      <path d="M14 20v-6h5" />
    </>
  ),
  undo: (
    <>
      <path d="M9 7 4 12l5 5" />
      <path d="M4 12h10a6 6 0 0 1 0 12h-2" transform="translate(0 -6)" />
    </>
  ),
  redo: (
    <>
      <path d="m15 7 5 5-5 5" />
      <path d="M20 12H10a6 6 0 0 0 0 12h2" transform="translate(0 -6)" />
    </>
  ),
  zoomIn: circled(6.5, 'm15.5 15.5 5 5M10.5 7.5v6M7.5 10.5h6', 10.5),
  zoomOut: circled(6.5, 'm15.5 15.5 5 5M7.5 10.5h6', 10.5),
  fit: <path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5" />,
  list: <path d="M9 6h11M9 12h11M9 18h11M4.5 6h.01M4.5 12h.01M4.5 18h.01" />,
  info: circled(9, 'M12 11v6M12 7.5v.01'),
  trash: <path d="M4 7h16M9 7V4h6v3M6 7l1 13h10l1-13" />,
  edit: <path d="M4 20h4L19 9l-4-4L4 16zM13 7l4 4" />,
  lock: (
    <>
      <rect x="5" y="11" width="14" height="9" rx="1.5" />
      <path d="M8 11V8a4 4 0 0 1 8 0v3" />
    </>
  ),
  eyeOff: (
    <path d="M3 3l18 18M10.6 6.1A9.8 9.8 0 0 1 12 6c5 0 9 4.5 10 6-.5.8-1.6 2.2-3.1 3.5M6.6 6.6C4.4 8 2.8 10.1 2 12c1 1.5 5 6 10 6 1.6 0 3-.4 4.3-1M9.9 9.9a3 3 0 0 0 4.2 4.2" />
  ),
  eye: (
    <>
      <path d="M2 12c1-1.5 5-6 10-6s9 4.5 10 6c-1 1.5-5 6-10 6S3 13.5 2 12z" />
      <circle cx="12" cy="12" r="3" />
    </>
  ),
  clock: circled(9, 'M12 7v5l3 2'),
  check: <path d="m5 12 5 5 9-10" />,
  discuss: <path d="M4 5h16v10H9l-5 4zM8 9h8M8 12h5" />,
  flag: <path d="M5 21V4M5 4h11l-2 4 2 4H5" />,
};

/** An icon by name. */
export function Icon({ name, size = 20 }: { name: IconName; size?: number }) {
  return <IconSvg size={size}>{paths[name]}</IconSvg>;
}

/** A small icon of one path, in the same style (decorative: the button has the label). */
export function PathIcon({ d, size = 20 }: { d: string; size?: number }) {
  return (
    <IconSvg size={size}>
      <path d={d} />
    </IconSvg>
  );
}

/** The 24×24 stroked frame every icon is drawn in, hidden from assistive technology. */
function IconSvg({ size, children }: { size: number; children: ReactNode }) {
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
      {children}
    </svg>
  );
}
