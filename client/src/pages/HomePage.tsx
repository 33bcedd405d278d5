import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { CreateWorkshopResponse } from '@dmc/shared/protocol/api';
import { LIMITS } from '@dmc/shared/domain/limits';
import type { Locale } from '@dmc/shared/template/types';
import { ApiError, createWorkshop } from '../api/http';
import { dropSession, listSessions, saveSession } from '../api/sessions';
import { backupTooLarge, createDemoWorkshop, importBackup } from '../exports/exchangeApi';
import { useLocale, useT } from '../i18n';
import { formatNumber } from '../i18n/format';
import { navigate, paths } from '../routing';
import { CopyButton } from '../components/CopyButton';
import { errorMessage } from '../components/errors';
import { JoinCodeForm } from './JoinCodeForm';
import { PageShell } from '../components/PageShell';
import './home.css';
import { ProblemBox } from '../components/ProblemBox';
import { NameField } from '../components/NameField';

/** How the workshop on the result card came to be. */
type Made = { readonly response: CreateWorkshopResponse; readonly how: 'created' | 'imported' };

/** Start page: create a workshop, join one with a code, open the demo, or import a backup. */
export function HomePage() {
  const t = useT();
  const [made, setMade] = useState<Made | null>(null);
  return (
    <PageShell title={t('title.home')}>
      <div className="home">
        <section className="home__intro">
          <h1>{t('app.name')}</h1>
          <p className="lead">{t('home.intro')}</p>
        </section>
        <div className="home__grid">
          <section className="card" aria-labelledby="create-heading">
            {made ? (
              <Created key={made.response.workshop.id} workshop={made.response} imported={made.how === 'imported'} />
            ) : (
              <CreateForm onCreated={(response) => setMade({ response, how: 'created' })} />
            )}
          </section>
          <section className="card">
            <JoinCodeForm />
            <RecentWorkshops />
          </section>
        </div>
        <section className="card home__more" aria-labelledby="more-heading">
          <h2 id="more-heading" className="visually-hidden">
            {t('home.more.heading')}
          </h2>
          <DemoWorkshop />
          <ImportBackup onImported={(response) => setMade({ response, how: 'imported' })} />
        </section>
        <footer className="privacy-note">
          {t('home.privacy')}{' '}
          <a
            href={paths.privacy()}
            onClick={(e) => {
              e.preventDefault();
              navigate(paths.privacy());
            }}
            data-testid="home-privacy-link"
          >
            {t('privacy.link')}
          </a>
        </footer>
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
  // Our own message for an empty title: the browser's would be in the browser's language.
  const [titleMissing, setTitleMissing] = useState(false);
  const titleInput = useRef<HTMLInputElement>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (title.trim() === '') {
      setTitleMissing(true);
      titleInput.current?.focus();
      return;
    }
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const trimmedName = name.trim();
      const response = await createWorkshop({
        title: title.trim(),
        language,
        ...(trimmedName ? { facilitatorName: trimmedName } : {}),
      });
      saveSession(response);
      onCreated(response);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="create-heading">{t('home.create.heading')}</h2>
      <div className="field">
        <label htmlFor={`${id}-title`}>{t('home.create.title')}</label>
        <p className="hint" id={`${id}-title-hint`}>
          {t('home.create.titleHint')}
        </p>
        <input
          ref={titleInput}
          id={`${id}-title`}
          className="input"
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            setTitleMissing(false);
          }}
          maxLength={LIMITS.workshopTitleLength}
          aria-required="true"
          aria-invalid={titleMissing || undefined}
          aria-describedby={titleMissing ? `${id}-title-hint ${id}-title-problem` : `${id}-title-hint`}
          data-testid="create-title"
        />
        {titleMissing && (
          <p className="field-problem" id={`${id}-title-problem`} role="alert" data-testid="create-title-problem">
            {t('home.create.titleMissing')}
          </p>
        )}
      </div>
      <fieldset className="field">
        <legend>{t('home.create.language')}</legend>
        <div className="radio-row">
          {(['nl', 'en'] as const).map((l) => (
            <label key={l} className="radio">
              <input
                type="radio"
                name={`${id}-language`}
                value={l}
                checked={language === l}
                onChange={() => setLanguage(l)}
              />
              <span lang={l}>{t(l === 'nl' ? 'lang.nl' : 'lang.en')}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <NameField
        id={`${id}-name`}
        label={t('home.create.name')}
        hint={t('home.create.nameHint')}
        value={name}
        onChange={setName}
        autoComplete="name"
        testId="create-name"
      />
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

function Created({ workshop: response, imported }: { workshop: CreateWorkshopResponse; imported: boolean }) {
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
        {t(imported ? 'home.import.heading.done' : 'home.created.heading', { title: workshop.title })}
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
      <button
        type="button"
        className="button button--primary"
        data-testid="open-board"
        onClick={() => navigate(paths.workshop(workshop.id))}
      >
        {t('home.created.open')}
      </button>
    </div>
  );
}

/** One click to a fully filled example workshop, opened as its facilitator in the synthesis phase. */
function DemoWorkshop() {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const open = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const response = await createDemoWorkshop();
      saveSession(response);
      navigate(paths.workshop(response.workshop.id));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  };
  return (
    <div className="home__more-part">
      <h3>{t('home.demo.heading')}</h3>
      <p className="hint">{t('home.demo.text')}</p>
      {error !== null && (
        <p className="error" role="alert">
          {errorMessage(t, error)}
        </p>
      )}
      <button
        type="button"
        className="button button--secondary"
        disabled={busy}
        aria-busy={busy || undefined}
        onClick={() => void open()}
        data-testid="demo-open"
      >
        {busy ? t('home.demo.busy') : t('home.demo.submit')}
      </button>
    </div>
  );
}

/** A backup file read back in as a new workshop; its validation errors listed as the server gives them. */
function ImportBackup({ onImported }: { onImported: (response: CreateWorkshopResponse) => void }) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ message: string; details: readonly string[] } | null>(null);
  const [fileName, setFileName] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setProblem({ message: t('home.import.noFileChosen'), details: [] });
      input.current?.focus();
      return;
    }
    if (busy) return;
    setProblem(null);
    if (backupTooLarge(file.size)) {
      const size = formatNumber(file.size / (1024 * 1024), locale, { maximumFractionDigits: 1 });
      setProblem({ message: t('home.import.tooLarge', { size: `${size} MB` }), details: [] });
      return;
    }
    setBusy(true);
    try {
      let text: string;
      try {
        text = await file.text();
      } catch {
        setProblem({ message: t('home.import.unreadable'), details: [] });
        return;
      }
      const response = await importBackup(text, locale);
      saveSession(response);
      if (input.current) input.current.value = '';
      setFileName(null);
      onImported(response);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'invalid_backup')
        setProblem({
          message: t('home.import.invalid'),
          details: err.details.length > 0 ? err.details : [err.message],
        });
      else if (err instanceof ApiError && err.status === 413)
        setProblem({ message: t('home.import.tooLarge', { size: '> 8 MB' }), details: [] });
      else setProblem({ message: errorMessage(t, err), details: [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="home__more-part" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-heading`} noValidate>
      <h3 id={`${id}-heading`}>{t('home.import.heading')}</h3>
      <p className="hint">{t('home.import.text')}</p>
      {/* Our own picker: the browser's says "Choose File / No file chosen" in the browser's language. */}
      <div className="field">
        <span className="field__label" id={`${id}-file-label`}>
          {t('home.import.file')}
        </span>
        <div className="file-picker">
          <input
            ref={input}
            id={`${id}-file`}
            className="file-picker__input"
            type="file"
            accept=".json,application/json"
            aria-labelledby={`${id}-file-label ${id}-file-button`}
            aria-describedby={problem ? `${id}-file-name ${id}-problem` : `${id}-file-name`}
            onChange={(e) => {
              setProblem(null);
              setFileName(e.target.files?.[0]?.name ?? null);
            }}
            data-testid="import-file"
          />
          <label
            htmlFor={`${id}-file`}
            id={`${id}-file-button`}
            className="button button--secondary file-picker__button"
          >
            {t('home.import.choose')}
          </label>
          <span id={`${id}-file-name`} className="file-picker__name" data-testid="import-file-name">
            {fileName ?? t('home.import.noFile')}
          </span>
        </div>
      </div>
      {problem && (
        <ProblemBox
          message={problem.message}
          details={problem.details}
          className="import-problem"
          id={`${id}-problem`}
          testId="import-error"
        />
      )}
      <button
        type="submit"
        className="button button--secondary"
        disabled={busy}
        aria-busy={busy || undefined}
        data-testid="import-submit"
      >
        {busy ? t('home.import.busy') : t('home.import.heading')}
      </button>
    </form>
  );
}

/** The workshops this device has a session for, each with "forget on this device". */
function RecentWorkshops() {
  const t = useT();
  const [, setVersion] = useState(0);
  const [forgotten, setForgotten] = useState<string | null>(null);
  // Arrived here after leaving a workshop (WorkshopPage sends ?left=1).
  const [left] = useState(() => new URLSearchParams(location.search).get('left') === '1');
  const heading = useRef<HTMLHeadingElement>(null);
  const statusLine = useRef<HTMLParagraphElement>(null);
  const sessions = listSessions();
  const forget = (workshopId: string, title: string) => {
    dropSession(workshopId);
    setForgotten(title);
    setVersion((v) => v + 1);
    // The button is gone: focus goes to the list's heading, or to the message when the list is empty.
    requestAnimationFrame(() => (heading.current ?? statusLine.current)?.focus());
  };
  const status = forgotten !== null ? t('home.recent.forgotten', { title: forgotten }) : left ? t('mydata.left') : '';
  if (sessions.length === 0)
    return status ? (
      <p ref={statusLine} tabIndex={-1} role="status" className="recent__status" data-testid="recent-status">
        {status}
      </p>
    ) : null;
  return (
    <div className="recent">
      <h2 ref={heading} tabIndex={-1}>
        {t('home.recent.heading')}
      </h2>
      <ul className="recent__list" data-testid="recent-list">
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
            </span>{' '}
            <button
              type="button"
              className="button button--small button--secondary"
              aria-label={t('home.recent.forgetLabel', { title: s.workshop.title })}
              onClick={() => forget(s.workshop.id, s.workshop.title)}
              data-testid="recent-forget"
            >
              {t('home.recent.forget')}
            </button>
          </li>
        ))}
      </ul>
      <p ref={statusLine} tabIndex={-1} role="status" className="recent__status" data-testid="recent-status">
        {status}
      </p>
    </div>
  );
}
