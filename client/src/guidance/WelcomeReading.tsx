import { useId, useState } from 'react';
import { useAppStore } from '../store';
import { useT } from '../i18n';
import './guidance.css';

/**
 * The welcome phase's panel ("Tijdens de workshop — Plenair"): the reading list the facilitator
 * prepared ("Vooraf lezen"), and the two questions the group discusses about it, which the
 * plenary board's welcome sheet also asks. The titles link to the documents in a new tab; the page
 * itself never requests them (no previews, no icons fetched from elsewhere).
 */
export function WelcomeReading() {
  const t = useT();
  const readings = useAppStore((s) => s.readings);
  const [open, setOpen] = useState(true);
  const headingId = useId();
  const bodyId = useId();
  return (
    <section
      className={`welcome-reading${open ? '' : ' welcome-reading--closed'}`}
      aria-labelledby={headingId}
      data-testid="welcome-reading"
    >
      <div className="welcome-reading__head">
        <h2 id={headingId} className="welcome-reading__heading">
          {t('reading.heading')}
        </h2>
        <button
          type="button"
          className="link-button welcome-reading__toggle"
          aria-expanded={open}
          aria-controls={bodyId}
          data-testid="welcome-reading-toggle"
          onClick={() => setOpen((o) => !o)}
        >
          {open ? t('reading.hide') : t('reading.show')}
        </button>
      </div>
      <div id={bodyId} className="welcome-reading__body" hidden={!open}>
        {readings.length > 0 && (
          <div className="welcome-reading__list">
            <p className="welcome-reading__intro">{t('reading.intro')}</p>
            <ul data-testid="welcome-readings">
              {readings.map((reading) => (
                <li key={reading.order} data-testid={`welcome-reading-${reading.order}`}>
                  {reading.url ? (
                    <a href={reading.url} target="_blank" rel="noopener noreferrer">
                      {reading.title}
                      <span aria-hidden="true"> ↗</span>
                      <span className="visually-hidden"> {t('reading.newTab')}</span>
                    </a>
                  ) : (
                    reading.title
                  )}
                </li>
              ))}
            </ul>
          </div>
        )}
        <div className="welcome-reading__questions">
          <p className="welcome-reading__intro">{t('reading.discuss')}</p>
          <ul data-testid="welcome-questions">
            <li>{t('reading.stoodOut')}</li>
            <li>{t('reading.questions')}</li>
          </ul>
          <p className="welcome-reading__hint">{t('reading.onBoard')}</p>
        </div>
      </div>
    </section>
  );
}
