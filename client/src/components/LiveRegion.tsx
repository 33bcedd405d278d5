import { useAppStore } from '../store';

/** A polite live region for short confirmations ("note moved to …") to screen readers. */
export function LiveRegion() {
  const announcement = useAppStore((s) => s.announcement);
  return (
    <div className="visually-hidden" aria-live="polite" aria-atomic="true">
      {announcement ? <span key={announcement.id}>{announcement.text}</span> : null}
    </div>
  );
}
