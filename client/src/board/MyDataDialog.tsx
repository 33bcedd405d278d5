import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { DEFAULT_LEAVE_RULE, type DepartureMode } from '@dmc/shared/domain/departure';
import { LIMITS } from '@dmc/shared/domain/limits';
import { TABLE_ROLE_LABELS, isTableRole } from '@dmc/shared/domain/roles';
import { OWN_DATA_FORMATS, type OwnData, type OwnDataFormat } from '@dmc/shared/export/ownData';
import { localize } from '@dmc/shared/template/lookup';
import { downloadOwnData, getOwnData, leaveWorkshop, renameSelf } from '../api/http';
import { saveBlob } from '../api/saveFile';
import { dropSession, replaceSession } from '../api/sessions';
import { useAppStore } from '../store';
import { useLocale, useT } from '../i18n';
import { navigate } from '../routing';
import { Modal } from '../components/Modal';
import { errorMessage } from '../components/errors';
import { rememberRename } from './MyDataButton';
import './myData.css';

/**
 * What this workshop stores about me (AVG art. 15): my name, role and every record of mine, read
 * from the server (only mine); change my name (art. 16), download my contributions (art. 20) and
 * leave, my notes removed or kept anonymously as the facilitator set it (art. 17).
 */
export default function MyDataDialog({ onClose, renamed }: { onClose: () => void; renamed: string | null }) {
  const t = useT();
  const session = useAppStore((s) => s.session);
  const [data, setData] = useState<OwnData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  const token = session?.token;
  const workshopId = session?.workshop.id;
  // The name too: a rename gives a new session, and the overview is read again under it.
  const name = session?.participant.name;

  useEffect(() => {
    if (!token || !workshopId) return;
    let cancelled = false;
    getOwnData(token, workshopId)
      .then((response) => {
        if (!cancelled) setData(response);
      })
      .catch((err: unknown) => {
        if (!cancelled) setError(err);
      });
    return () => {
      cancelled = true;
    };
  }, [token, workshopId, name, reload]);

  if (!session) return null;
  return (
    <Modal titleId="my-data-title" onClose={onClose}>
      <div className="my-data" data-testid="my-data">
        <h2 id="my-data-title" tabIndex={-1}>
          {t('mydata.heading')}
        </h2>
        <p>{t('mydata.intro')}</p>
        {error !== null && (
          <p className="error" role="alert">
            {errorMessage(t, error)}{' '}
            <button type="button" className="button button--small" onClick={() => setReload((n) => n + 1)}>
              {t('common.tryAgain')}
            </button>
          </p>
        )}
        {data === null && error === null && <p role="status">{t('mydata.loading')}</p>}
        {data && <Overview data={data} />}
        <Rename renamed={renamed} />
        <Download />
        {session.participant.role === 'participant' ? <Leave /> : <p>{t('mydata.leave.facilitator')}</p>}
      </div>
    </Modal>
  );
}

function Overview({ data }: { data: OwnData }) {
  const t = useT();
  const locale = useLocale();
  const day = (ms: number) =>
    new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeStyle: 'short' }).format(ms);
  const p = data.participant;
  return (
    <>
      <dl className="my-data__facts" data-testid="my-data-facts">
        <dt>{t('mydata.name')}</dt>
        <dd data-testid="my-data-name">{p.name}</dd>
        <dt>{t('mydata.role')}</dt>
        <dd>{t(p.role === 'facilitator' ? 'mydata.role.facilitator' : 'mydata.role.participant')}</dd>
        <dt>{t('mydata.tableRole')}</dt>
        <dd>
          {p.tableRole && isTableRole(p.tableRole)
            ? localize(TABLE_ROLE_LABELS[p.tableRole], locale)
            : t('mydata.noTableRole')}
        </dd>
        <dt>{t('mydata.joined')}</dt>
        <dd>{day(p.joinedAt)}</dd>
        <dt>{t('mydata.deleteBy')}</dt>
        <dd>{day(data.workshop.expiresAt)}</dd>
      </dl>
      <h3>{t('mydata.contributions')}</h3>
      <Records
        heading={t('mydata.notes', { n: data.notes.length })}
        testId="my-data-notes"
        items={data.notes.map((n) => `${n.text || '…'}${n.boardId === 'draft' ? ` ${t('mydata.private')}` : ''}`)}
      />
      <Records
        heading={t('mydata.marks', { n: data.marks.length })}
        items={data.marks.map((m) => `${t(`mydata.mark.${m.value}`)}: “${m.noteText}”`)}
      />
      <Records heading={t('mydata.votes', { n: data.votes.length })} items={data.votes.map((v) => `“${v.noteText}”`)} />
      <Records heading={t('mydata.wordings', { n: data.wordings.length })} items={data.wordings.map((w) => w.text)} />
      <Records
        heading={t('mydata.deferrals', { n: data.deferrals.length })}
        items={data.deferrals.map((d) => d.question)}
      />
      <Records heading={t('mydata.actions', { n: data.actions.length })} items={data.actions.map((a) => a.what)} />
    </>
  );
}

/** One kind of record: a heading with the count, and the list when there is anything. */
function Records({ heading, items, testId }: { heading: string; items: readonly string[]; testId?: string }) {
  return (
    <section className="my-data__records" data-testid={testId}>
      <h4>{heading}</h4>
      {items.length > 0 && (
        <ul>
          {items.map((item, i) => (
            <li key={i}>{item}</li>
          ))}
        </ul>
      )}
    </section>
  );
}

function Rename({ renamed }: { renamed: string | null }) {
  const t = useT();
  const id = useId();
  const session = useAppStore((s) => s.session);
  const [name, setName] = useState(session?.participant.name ?? '');
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<{ ok: boolean; text: string } | null>(
    renamed === null ? null : { ok: true, text: renamed },
  );
  const input = useRef<HTMLInputElement>(null);
  if (!session) return null;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (name.trim() === '') {
      setStatus({ ok: false, text: t('mydata.rename.missing') });
      input.current?.focus();
      return;
    }
    setBusy(true);
    try {
      const fresh = await renameSelf(session.token, session.workshop.id, name.trim());
      // The workshop screen reconnects under the new name, so presence and the members list follow.
      const done = t('mydata.rename.done', { name: fresh.participant.name });
      rememberRename(done);
      replaceSession(fresh);
      setStatus({ ok: true, text: done });
    } catch (err) {
      setStatus({ ok: false, text: errorMessage(t, err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="my-data__section" onSubmit={(e) => void submit(e)} noValidate>
      <h3>{t('mydata.rename.heading')}</h3>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('mydata.rename.label')}</label>
        <input
          ref={input}
          id={`${id}-name`}
          className="input"
          value={name}
          maxLength={LIMITS.displayNameLength}
          onChange={(e) => {
            setName(e.target.value);
            setStatus(null);
          }}
          aria-describedby={status ? `${id}-status` : undefined}
          aria-invalid={status && !status.ok ? true : undefined}
          data-testid="my-data-rename-input"
        />
      </div>
      <button type="submit" className="button" disabled={busy} data-testid="my-data-rename">
        {t('mydata.rename.submit')}
      </button>
      <p id={`${id}-status`} role="status" className={status && !status.ok ? 'error' : undefined}>
        {status?.text ?? ''}
      </p>
    </form>
  );
}

const FORMAT_LABELS = { json: 'mydata.download.json', md: 'mydata.download.md', csv: 'mydata.download.csv' } as const;

function Download() {
  const t = useT();
  const locale = useLocale();
  const session = useAppStore((s) => s.session);
  const [problem, setProblem] = useState<unknown>(null);
  if (!session) return null;
  const download = async (format: OwnDataFormat) => {
    setProblem(null);
    try {
      const file = await downloadOwnData(session.token, session.workshop.id, format, locale);
      saveBlob(file.blob, file.filename);
    } catch (err) {
      setProblem(err);
    }
  };
  return (
    <section className="my-data__section">
      <h3>{t('mydata.download.heading')}</h3>
      <p className="my-data__buttons">
        {OWN_DATA_FORMATS.map((format) => (
          <button
            key={format}
            type="button"
            className="button button--secondary"
            onClick={() => void download(format)}
            data-testid={`my-data-download-${format}`}
          >
            {t(FORMAT_LABELS[format])}
          </button>
        ))}
      </p>
      {problem !== null && (
        <p className="error" role="alert">
          {errorMessage(t, problem)}
        </p>
      )}
    </section>
  );
}

function Leave() {
  const t = useT();
  const id = useId();
  const session = useAppStore((s) => s.session);
  const rule = useAppStore((s) => s.settings?.onLeave ?? DEFAULT_LEAVE_RULE);
  const [choice, setChoice] = useState<DepartureMode | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  if (!session) return null;
  const ask = () => {
    if (rule === 'choose' && choice === null) {
      setProblem(t('mydata.leave.chooseFirst'));
      return;
    }
    setProblem(null);
    setConfirming(true);
  };
  const leave = async () => {
    setBusy(true);
    try {
      await leaveWorkshop(session.token, session.workshop.id, choice ? { notes: choice } : {});
      dropSession(session.workshop.id);
      navigate('/?left=1', { replace: true });
    } catch (err) {
      setProblem(errorMessage(t, err));
      setBusy(false);
      setConfirming(false);
    }
  };
  return (
    <section className="my-data__section" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`}>{t('mydata.leave.heading')}</h3>
      {rule === 'remove' && <p>{t('mydata.leave.ruleRemove')}</p>}
      {rule === 'anonymise' && <p>{t('mydata.leave.ruleAnonymise')}</p>}
      {rule === 'choose' && (
        <fieldset className="field">
          <legend>{t('mydata.leave.choose')}</legend>
          {(['remove', 'anonymise'] as const).map((mode) => (
            <label key={mode} className="radio">
              <input
                type="radio"
                name={`${id}-choice`}
                value={mode}
                checked={choice === mode}
                onChange={() => {
                  setChoice(mode);
                  setProblem(null);
                }}
                data-testid={`my-data-leave-${mode}`}
              />{' '}
              {t(mode === 'remove' ? 'mydata.leave.remove' : 'mydata.leave.anonymise')}
            </label>
          ))}
        </fieldset>
      )}
      <p className="hint">{t('mydata.leave.explain')}</p>
      {problem && (
        <p className="error" role="alert">
          {problem}
        </p>
      )}
      {confirming ? (
        <p className="my-data__buttons">
          <button
            ref={confirmButton}
            type="button"
            className="button button--danger"
            disabled={busy}
            onClick={() => void leave()}
            data-testid="my-data-leave-confirm"
          >
            {t('mydata.leave.confirm')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => setConfirming(false)}>
            {t('mydata.leave.cancel')}
          </button>
        </p>
      ) : (
        <button type="button" className="button" onClick={ask} data-testid="my-data-leave">
          {t('mydata.leave.submit')}
        </button>
      )}
    </section>
  );
}
