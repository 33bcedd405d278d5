import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CreateWorkshopResponse } from '@dmc/shared/protocol/api';
import { LIMITS } from '@dmc/shared/domain/limits';
import type { Locale } from '@dmc/shared/template/types';
import { createWorkshop } from '../api/http';
import { listSessions, saveSession } from '../api/sessions';
import { useLocale, useT } from '../i18n';
import { navigate, paths } from '../routing';
import { CopyButton } from './CopyButton';
import { errorMessage } from './errors';
import { JoinCodeForm } from './JoinCodeForm';
import { PageShell } from './PageShell';

/** Start page: create a workshop, or join one with a code. */
export function HomePage() {
  const t = useT();
  const [created, setCreated] = useState<CreateWorkshopResponse | null>(null);
  return (
    <PageShell>
      <div className="home">
        <section className="home__intro">
          <h1>{t('app.name')}</h1>
          <p className="lead">{t('home.intro')}</p>
        </section>
        <div className="home__grid">
          <section className="card" aria-labelledby="create-heading">
            {created ? <Created workshop={created} /> : <CreateForm onCreated={setCreated} />}
          </section>
          <section className="card">
            <JoinCodeForm />
            <RecentWorkshops />
          </section>
        </div>
        <p className="privacy-note">{t('home.privacy')}</p>
      </div>
    </PageShell>
  );
}

function CreateForm({ onCreated }: { onCreated: (response: CreateWorkshopResponse) => void }) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const [title, setTitle] = useState('');
  const [language, setLanguage] = useState<Locale>(locale);
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy || title.trim() === '') return;
    setBusy(true);
    setError(null);
    try {
      const trimmedName = name.trim();
      const response = await createWorkshop({ title: title.trim(), language, ...(trimmedName ? { facilitatorName: trimmedName } : {}) });
      saveSession(response);
      onCreated(response);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate={false}>
      <h2 id="create-heading">{t('home.create.heading')}</h2>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('home.create.title')}</label>
        <p className="hint" id={`${id}-title-hint`}>
          {t('home.create.titleHint')}
        </p>
        <input
          id={`${id}-title`}
          className="input"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          maxLength={LIMITS.workshopTitleLength}
          required
          aria-describedby={`${id}-title-hint`}
          data-testid="create-title"
        />
      </div>
      <fieldset className="field">
        <legend>{t('home.create.language')}</legend>
        <div className="radio-row">
          {(['nl', 'en'] as const).map((l) => (
            <label key={l} className="radio">
              <input type="radio" name={`${id}-language`} value={l} checked={language === l} onChange={() => setLanguage(l)} />
              <span lang={l}>{t(l === 'nl' ? 'lang.nl' : 'lang.en')}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={`${id}-name`}>
          {t('home.create.name')} <span className="optional">{t('common.optional')}</span>
        </label>
        <p className="hint" id={`${id}-name-hint`}>
          {t('home.create.nameHint')}
        </p>
        <input
          id={`${id}-name`}
          className="input"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={LIMITS.displayNameLength}
          autoComplete="name"
          aria-describedby={`${id}-name-hint`}
          data-testid="create-name"
        />
      </div>
      {error !== null && (
        <p className="error" role="alert">
          {errorMessage(t, error)}
        </p>
      )}
      <button type="submit" className="button button--primary" disabled={busy} data-testid="create-submit">
        {busy ? t('home.create.busy') : t('home.create.submit')}
      </button>
    </form>
  );
}

function Created({ workshop: response }: { workshop: CreateWorkshopResponse }) {
  const t = useT();
  const origin = location.origin;
  const { workshop } = response;
  const joinLink = `${origin}${paths.join(workshop.code)}`;
  const facilitatorLink = `${origin}${paths.facilitate(workshop.id, response.facilitatorSecret)}`;
  const heading = useRef<HTMLHeadingElement>(null);
  // The form this replaces had the focus; move it to the result so keyboard users land there.
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="created">
      <h2 id="create-heading" tabIndex={-1} ref={heading}>
        {t('home.created.heading', { title: workshop.title })}
      </h2>
      <div className="created__block">
        <h3>{t('home.created.joinCode')}</h3>
        <p className="join-code">
          <output data-testid="join-code" aria-label={t('home.created.joinCode')}>
            {workshop.code}
          </output>
          <CopyButton text={workshop.code} label={`${t('common.copy')}: ${t('home.created.joinCode')}`} />
        </p>
        <p className="hint">{t('home.created.codeHint', { origin })}</p>
      </div>
      <div className="created__block">
        <h3>{t('home.created.joinLink')}</h3>
        <p className="link-row">
          <a href={joinLink} data-testid="join-link" className="link-row__link">
            {joinLink}
          </a>
          <CopyButton text={joinLink} label={`${t('common.copy')}: ${t('home.created.joinLink')}`} />
        </p>
      </div>
      <div className="created__block created__block--warning">
        <h3>{t('home.created.facilitatorLink')}</h3>
        <p className="warning" id="facilitator-warning">
          {t('home.created.facilitatorWarning')}
        </p>
        <p className="link-row">
          <code data-testid="facilitator-link" className="link-row__link" aria-describedby="facilitator-warning">
            {facilitatorLink}
          </code>
          <CopyButton text={facilitatorLink} label={`${t('common.copy')}: ${t('home.created.facilitatorLink')}`} />
        </p>
      </div>
      <button type="button" className="button button--primary" data-testid="open-board" onClick={() => navigate(paths.workshop(workshop.id))}>
        {t('home.created.open')}
      </button>
    </div>
  );
}

function RecentWorkshops() {
  const t = useT();
  const sessions = listSessions();
  if (sessions.length === 0) return null;
  return (
    <div className="recent">
      <h2>{t('home.recent.heading')}</h2>
      <ul className="recent__list">
        {sessions.slice(0, 8).map((s) => (
          <li key={s.workshop.id}>
            <a
              href={paths.workshop(s.workshop.id)}
              onClick={(e) => {
                e.preventDefault();
                navigate(paths.workshop(s.workshop.id));
              }}
            >
              {s.workshop.title}
            </a>{' '}
            <span className="muted">
              {t('home.recent.as', {
                name: s.participant.name,
                role: t(s.participant.role === 'facilitator' ? 'home.recent.facilitator' : 'home.recent.participant'),
              })}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
