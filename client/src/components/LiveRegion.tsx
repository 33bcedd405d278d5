/** A short confirmation for screen readers; `id` tells a repeated text apart. */
export interface Announcement {
  readonly id: number;
  readonly text: string;
}

/** A polite live region for short confirmations ("note moved to …") to screen readers. */
export function LiveRegion({ announcement }: { announcement: Announcement | null }) {
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true">
      {announcement ? <span key={announcement.id}>{announcement.text}</span> : null}
    </div>
  );
}
