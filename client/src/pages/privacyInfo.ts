import { useEffect, useState } from 'react';
import type { PrivacyResponse } from '@dmc/shared/protocol/api';
import type { Locale } from '@dmc/shared/template/types';
import { getPrivacy } from '../api/http';

/** The operator's privacy settings (controller, contact, retention); null while loading or unreachable. */
export function usePrivacyInfo(): PrivacyResponse | null {
  const [info, setInfo] = useState<PrivacyResponse | null>(null);
  useEffect(() => {
    let cancelled = false;
    getPrivacy()
      .then((response) => {
        if (!cancelled) setInfo(response);
      })
      .catch(() => {
        // Unreachable: the notice names "the organisation that runs this service" meanwhile.
      });
    return () => {
      cancelled = true;
    };
  }, []);
  return info;
}

/** "10 maart 2027" / "10 March 2027": the day a workshop is deleted by. */
export function deletionDay(ms: number, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(ms);
}
