import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import {
  DEFERRAL_TEXT_LENGTH,
  FORMULATION_LENGTH,
  type Deferral,
  type Formulation,
} from '@dmc/shared/domain/discussion';
import { mayRemoveDeferral } from '@dmc/shared/domain/policies';
import { getField, localize } from '@dmc/shared/template/lookup';
import type { FieldTemplate, SheetTemplate } from '@dmc/shared/template/types';
import { newNoteId } from '../collab/boardClient';
import { mayChoose, toggleNoteChoice, toggleWordingChoice } from '../workshop/choices';
import { ChoiceToggle, ChosenMark } from '../guidance/ChoiceToggle';
import { adviceText, choiceKindOf, chosenCount, isNoteChosen, isWordingChosen } from '../workshop/guidance';
import { selectWarningsShown, useSheetAdvice } from '../workshop/useGuidance';
import { useAppStore, type FieldPanelState } from '../store';
import { useLocale, useT } from '../i18n';
import { mayUse, useCapabilities } from '../workshop/capabilities';
import { useDiscussionIndex } from '../workshop/discussionIndex';
import { useBoard } from '../workshop/boardContext';
import { Modal } from '../components/Modal';
import { useFocusAfter } from '../components/focus';
import { ChangedMeanwhile } from '../components/ChangedMeanwhile';

/** Characters of the action owner ("wie doet het"), as the schema allows. */
const OWNER_LENGTH = 120;
/** Source notes a wording may name, as the schema allows. */
const MAX_SOURCES = 50;

/**
 * The discussion of one field, in a dialog: the group's agreed wording ("in welke formulering
 * kunnen we ons allemaal vinden?") with the notes it came from; in DOEL and the concrete
 * questions, what the group chose (one goal, at most two questions); and the questions the group
 * cannot answer now, each an action point (what to find out, whom to ask, who does it).
 * Opened from the field's button on the canvas, a note's menu, the toolbar or the list view.
 */
export function FieldPanel() {
  const panel = useAppStore((s) => s.fieldPanel);
  const openFieldPanel = useAppStore((s) => s.openFieldPanel);
  const close = useCallback(() => openFieldPanel(null), [openFieldPanel]);
  const fallbackFocus = useCallback(() => document.querySelector<HTMLElement>('.canvas, #main'), []);
  const { template } = useBoard();
  if (!panel) return null;
  const found = getField(template, panel.fieldId);
  if (!found) return null;
  return (
    <Modal titleId="field-panel-title" onClose={close} fallbackFocus={fallbackFocus}>
      <FieldPanelBody
        key={`${panel.fieldId}:${panel.noteId ?? ''}:${panel.deferralId ?? ''}:${panel.focus}`}
        panel={panel}
        field={found.field}
        sheet={found.sheet}
        onClose={close}
      />
    </Modal>
  );
}

function FieldPanelBody({
  panel,
  field,
  sheet,
  onClose,
}: {
  panel: FieldPanelState;
  field: FieldTemplate;
  sheet: SheetTemplate;
  onClose: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const caps = useCapabilities();
  const formulate = mayUse(caps, 'formulate', sheet.id);
  const defer = mayUse(caps, 'defer', sheet.id);
  useEffect(() => {
    if (panel.focus === 'none') document.getElementById('field-panel-title')?.focus();
  }, [panel.focus]);
  return (
    <div className="info field-panel" data-testid="field-panel" data-field-id={field.id}>
      <p className="info__eyebrow">
        {localize(sheet.label, locale)} — {t('fieldPanel.eyebrow')}
      </p>
      <h2 id="field-panel-title" tabIndex={-1}>
        {localize(field.title, locale)}
      </h2>
      {field.questions.map((q, i) => (
        <p key={i} className="info__question">
          {localize(q, locale)}
        </p>
      ))}
      {!formulate && !defer && <p className="muted">{t('fieldPanel.readOnly')}</p>}
      <FormulationSection
        field={field}
        sheet={sheet}
        editable={formulate}
        startEditing={panel.focus === 'formulation'}
        closeAfterSave={panel.focus === 'formulation'}
        onClose={onClose}
      />
      <ChoiceSection field={field} sheet={sheet} />
      <DeferralSection field={field} sheet={sheet} editable={defer} panel={panel} onClose={onClose} />
    </div>
  );
}

/** A member's name by id (or the id when they left). */
function useNameOf(): (id: string) => string {
  const members = useAppStore((s) => s.members);
  return useMemo(() => {
    const names = new Map(members.map((m) => [m.id, m.name]));
    return (id: string) => names.get(id) ?? id;
  }, [members]);
}

function FormulationSection(props: {
  field: FieldTemplate;
  sheet: SheetTemplate;
  editable: boolean;
  startEditing: boolean;
  closeAfterSave: boolean;
  onClose: () => void;
}) {
  const { field, sheet, editable, closeAfterSave, onClose } = props;
  const t = useT();
  const ctx = useBoard();
  const listView = useAppStore((s) => s.listView);
  const current = useDiscussionIndex().formulationByField.get(field.id);
  const nameOf = useNameOf();
  const [editing, setEditing] = useState(props.startEditing && editable);
  const headingId = `field-panel-formulation-${field.id}`;
  // Saved or cancelled, the form is gone: the focus goes to the button that opens it again.
  const editButton = useRef<HTMLButtonElement>(null);
  const focusAfter = useFocusAfter();
  const isFacilitator = ctx.board.actor.role === 'facilitator';

  return (
    <section className="info__section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('formulation.heading')}</h3>
      {current && current.text.trim() !== '' ? (
        <blockquote className="formulation" data-testid={listView ? undefined : `formulation-${field.id}`}>
          <p className="formulation__text">{current.text}</p>
          <footer className="formulation__by">{t('formulation.by', { name: nameOf(current.updatedBy) })}</footer>
        </blockquote>
      ) : (
        !editing && <p className="muted">{t('formulation.none')}</p>
      )}
      {editable && !editing && (
        <p>
          <button
            ref={editButton}
            type="button"
            className="button button--small"
            data-testid={listView ? undefined : `formulation-edit-${field.id}`}
            onClick={() => setEditing(true)}
          >
            {current?.text ? t('formulation.edit') : t('formulation.write')}
          </button>
          {isFacilitator && current && (
            <button
              type="button"
              className="button button--small button--danger field-panel__secondary"
              onClick={() => {
                ctx.board.removeFormulation(field.id);
                ctx.store.getState().announce(t('formulation.removed'));
              }}
            >
              {t('formulation.remove')}
            </button>
          )}
        </p>
      )}
      {editable && editing && (
        <FormulationEditor
          field={field}
          sheet={sheet}
          current={current}
          focus={props.startEditing}
          onDone={(saved) => {
            setEditing(false);
            if (saved) ctx.store.getState().announce(t('formulation.saved'));
            if (saved && closeAfterSave) onClose();
            else focusAfter(editButton);
          }}
        />
      )}
    </section>
  );
}

function FormulationEditor({
  field,
  sheet,
  current,
  focus,
  onDone,
}: {
  field: FieldTemplate;
  sheet: SheetTemplate;
  current: Formulation | undefined;
  focus: boolean;
  onDone: (saved: boolean) => void;
}) {
  const t = useT();
  const ctx = useBoard();
  const notes = useAppStore((s) => s.notes);
  const privateOwners = useAppStore((s) => s.privateOwners);
  const nameOf = useNameOf();
  const [text, setText] = useState(current?.text ?? '');
  const [sources, setSources] = useState<ReadonlySet<string>>(() => new Set(current?.sourceNoteIds ?? []));
  const base = useRef(current?.updatedAt ?? 0);
  const textRef = useRef<HTMLTextAreaElement>(null);
  const textId = useId();
  const countId = useId();
  const fieldNotes = notes.filter((n) => n.fieldId === field.id && !privateOwners.has(n.id));
  const changedMeanwhile =
    current !== undefined && current.updatedAt !== base.current && current.updatedBy !== ctx.board.actor.id;

  useEffect(() => {
    if (focus) textRef.current?.focus();
  }, [focus]);

  const save = (e: FormEvent) => {
    e.preventDefault();
    const known = new Set(notes.map((n) => n.id));
    ctx.board.setFormulation({
      fieldId: field.id,
      sheetId: sheet.id,
      text: text.slice(0, FORMULATION_LENGTH),
      sourceNoteIds: [...sources].filter((id) => known.has(id)).slice(0, MAX_SOURCES),
    });
    onDone(true);
  };

  return (
    <form className="field-panel__form" onSubmit={save}>
      {changedMeanwhile && (
        <ChangedMeanwhile
          name={nameOf(current.updatedBy)}
          onLoadLatest={() => {
            setText(current.text);
            setSources(new Set(current.sourceNoteIds));
            base.current = current.updatedAt;
          }}
        />
      )}
      <label htmlFor={textId} className="field-panel__label">
        {t('formulation.textLabel')}
      </label>
      <textarea
        ref={textRef}
        id={textId}
        className="textarea"
        data-testid={`formulation-text-${field.id}`}
        rows={4}
        maxLength={FORMULATION_LENGTH}
        value={text}
        aria-describedby={countId}
        onChange={(e) => setText(e.target.value)}
      />
      <p id={countId} className="hint">
        {t('formulation.chars', { count: text.length, max: FORMULATION_LENGTH })}
      </p>
      <fieldset className="field-panel__sources">
        <legend>{t('formulation.sources')}</legend>
        {fieldNotes.length === 0 ? (
          <p className="muted">{t('formulation.noSources')}</p>
        ) : (
          <ul>
            {fieldNotes.map((note) => (
              <li key={note.id}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={sources.has(note.id)}
                    data-testid={`formulation-source-${note.id}`}
                    onChange={(e) =>
                      setSources((prev) => {
                        const next = new Set(prev);
                        if (e.target.checked) next.add(note.id);
                        else next.delete(note.id);
                        return next;
                      })
                    }
                  />
                  <span>{note.text.trim() || t('note.empty')}</span>
                </label>
              </li>
            ))}
          </ul>
        )}
      </fieldset>
      <div className="field-panel__buttons">
        <button type="submit" className="button button--primary" data-testid={`formulation-save-${field.id}`}>
          {t('formulation.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => onDone(false)}>
          {t('deferral.cancel')}
        </button>
      </div>
    </form>
  );
}

/**
 * What the group chose in a field that asks for a choice: the count, the gentle warning while the
 * discussion is under way, and every note and the agreed wording with "Kies als ons doel / onze
 * vraag" (pressed again to take it back).
 */
function ChoiceSection({ field, sheet }: { field: FieldTemplate; sheet: SheetTemplate }) {
  const t = useT();
  const locale = useLocale();
  const ctx = useBoard();
  const kind = choiceKindOf(field);
  const notes = useAppStore((s) => s.notes);
  const privateOwners = useAppStore((s) => s.privateOwners);
  const choices = useAppStore((s) => s.discussion.choices);
  const may = useAppStore((s) => mayChoose(s, sheet.id));
  const shown = useAppStore((s) => selectWarningsShown(s, sheet.id));
  const advice = useSheetAdvice(sheet);
  const wording = useDiscussionIndex().formulationByField.get(field.id)?.text ?? '';
  const headingId = `field-panel-choice-${field.id}`;
  const introId = `field-panel-choice-intro-${field.id}`;
  if (!kind) return null;
  const fieldNotes = notes.filter((n) => n.fieldId === field.id && !privateOwners.has(n.id));
  const count = chosenCount(choices, field, fieldNotes, wording);
  const warning = shown ? advice.find((a) => a.fieldId === field.id && a.kind !== 'empty') : undefined;
  const said = warning ? adviceText(warning, locale) : null;
  const max = field.maxChosen ?? 1;
  const hasWording = wording.trim() !== '';
  const control = (chosen: boolean, testId: string, toggle: () => void) =>
    may ? (
      <ChoiceToggle kind={kind} chosen={chosen} testId={testId} describedBy={introId} onToggle={toggle} />
    ) : chosen ? (
      <ChosenMark kind={kind} />
    ) : null;

  return (
    <section
      className="info__section choice-section"
      aria-labelledby={headingId}
      data-testid={`panel-choice-${field.id}`}
    >
      <h3 id={headingId}>{kind === 'goal' ? t('choice.headingGoal') : t('choice.headingQuestions', { max })}</h3>
      <div className="choice-section__status">
        <span className="choice-section__count" data-testid={`panel-chosen-count-${field.id}`}>
          {t('choice.chosenCount', { count })}
        </span>
        {said && (
          <span className="guide-warning" data-testid={`panel-guide-${field.id}`}>
            <span aria-hidden="true">⚠</span>
            <span className="visually-hidden">{t('guide.warning')}: </span>
            {t(said.key, said.vars)}
          </span>
        )}
      </div>
      {may && (
        <p className="hint" id={introId}>
          {kind === 'goal' ? t('choice.introGoal') : t('choice.introQuestions', { max })}
        </p>
      )}
      {fieldNotes.length === 0 && !hasWording ? (
        <p className="muted">{t('choice.noCandidates')}</p>
      ) : (
        <ul className="choice-list" aria-label={t('choice.candidates')}>
          {hasWording && (
            <li className="choice-list__item">
              <p className="choice-list__text">
                <span className="choice-list__kind">{t('formulation.heading')}</span>
                {wording}
              </p>
              {control(isWordingChosen(choices, field.id, wording), `panel-choose-wording-${field.id}`, () =>
                toggleWordingChoice(ctx, field.id),
              )}
            </li>
          )}
          {fieldNotes.map((note) => (
            <li key={note.id} className="choice-list__item">
              <p className="choice-list__text">{note.text.trim() || t('note.empty')}</p>
              {control(isNoteChosen(choices, note), `panel-choose-${note.id}`, () => toggleNoteChoice(ctx, note.id))}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

type DeferralDraft = Pick<Deferral, 'question' | 'findOut' | 'askWhom' | 'owner'>;

/** What the deferral form asks besides the question, in its order (the action point it may become). */
const OPTIONAL_DEFERRAL_FIELDS = ['findOut', 'askWhom', 'owner'] as const;

function DeferralSection({
  field,
  sheet,
  editable,
  panel,
  onClose,
}: {
  field: FieldTemplate;
  sheet: SheetTemplate;
  editable: boolean;
  panel: FieldPanelState;
  onClose: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const ctx = useBoard();
  const listView = useAppStore((s) => s.listView);
  const deferrals = useDiscussionIndex().deferralsByField.get(field.id) ?? [];
  const nameOf = useNameOf();
  const note = useAppStore((s) => (panel.noteId ? s.notes.find((n) => n.id === panel.noteId) : undefined));
  const opened = panel.focus === 'deferral' && editable;
  const [form, setForm] = useState<{ id: string | null } | null>(opened ? { id: panel.deferralId ?? null } : null);
  // How many new action points were saved here: after one, the form opens again, empty, for the next.
  const [added, setAdded] = useState(0);
  const [confirmation, setConfirmation] = useState<string | null>(null);
  const headingId = `field-panel-deferrals-${field.id}`;
  const me = ctx.board.actor;

  const prefill = (id: string | null): DeferralDraft => {
    const existing = id ? deferrals.find((d) => d.id === id) : undefined;
    if (existing) return existing;
    if (added > 0) return { question: '', findOut: '', askWhom: '', owner: '' };
    const question = note?.text.trim() || localize(field.questions[0] ?? field.title, locale);
    return { question: question.slice(0, DEFERRAL_TEXT_LENGTH), findOut: '', askWhom: '', owner: '' };
  };

  const save = (draft: DeferralDraft, id: string | null) => {
    const existing = id ? deferrals.find((d) => d.id === id) : undefined;
    const deferral: Deferral = existing
      ? { ...existing, ...draft }
      : {
          id: newNoteId(),
          sheetId: sheet.id,
          fieldId: field.id,
          noteId: note && !ctx.store.getState().privateOwners.has(note.id) ? note.id : null,
          ...draft,
          createdBy: me.id,
          createdAt: Date.now(),
        };
    ctx.board.putDeferral(deferral);
    if (!existing) {
      // Stay open, cleared, for the next one: a discussion often yields several at once.
      setAdded((n) => n + 1);
      setConfirmation(t('deferral.savedNext', { question: deferral.question }));
      setForm({ id: null });
      return;
    }
    setConfirmation(t('deferral.saved'));
    // The panel may close now: the app's live region says it too.
    ctx.store.getState().announce(t('deferral.saved'));
    if (opened) onClose();
    else setForm(null);
  };

  return (
    <section className="info__section" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('deferral.heading')}</h3>
      <p className="hint">{t('deferral.intro')}</p>
      {deferrals.length === 0 ? (
        <p className="muted">{t('deferral.none')}</p>
      ) : (
        <ul className="deferrals">
          {deferrals.map((d) => (
            <DeferralItem
              key={d.id}
              deferral={d}
              testId={listView ? undefined : `deferral-${d.id}`}
              by={nameOf(d.createdBy)}
              mayEdit={editable}
              mayDelete={editable && mayRemoveDeferral(me, d)}
              onEdit={() => setForm({ id: d.id })}
              onDelete={() => {
                ctx.board.removeDeferral(d.id);
                ctx.store.getState().announce(t('deferral.deleted'));
              }}
            />
          ))}
        </ul>
      )}
      {editable && form === null && (
        <p>
          <button
            type="button"
            className="button button--small"
            data-testid={listView ? undefined : `defer-${field.id}`}
            onClick={() => setForm({ id: null })}
          >
            {t('deferral.add')}
          </button>
        </p>
      )}
      <p className="field-panel__saved" role="status" data-testid="defer-saved">
        {confirmation}
      </p>
      {editable && form !== null && (
        <DeferralForm
          key={form.id ?? `new-${added}`}
          initial={prefill(form.id)}
          editing={form.id !== null}
          cancelLabel={added > 0 && form.id === null ? t('common.close') : t('deferral.cancel')}
          onSave={(draft) => save(draft, form.id)}
          onCancel={() => (opened ? onClose() : setForm(null))}
        />
      )}
    </section>
  );
}

/** One action point, as the panel and the list view show it. */
export function DeferralItem(props: {
  deferral: Deferral;
  testId: string | undefined;
  by: string;
  mayEdit: boolean;
  mayDelete: boolean;
  onEdit: () => void;
  onDelete: () => void;
}) {
  const { deferral: d } = props;
  const t = useT();
  const excerpt = d.question.length > 40 ? `${d.question.slice(0, 39)}…` : d.question;
  return (
    <li className="deferral" data-testid={props.testId}>
      <p className="deferral__question">{d.question}</p>
      {d.findOut && <p className="deferral__part">{t('deferral.shownFindOut', { text: d.findOut })}</p>}
      {d.askWhom && <p className="deferral__part">{t('deferral.shownAskWhom', { text: d.askWhom })}</p>}
      {d.owner && <p className="deferral__part">{t('deferral.shownOwner', { text: d.owner })}</p>}
      <p className="deferral__by">{t('deferral.by', { name: props.by })}</p>
      {(props.mayEdit || props.mayDelete) && (
        <div className="deferral__buttons">
          {props.mayEdit && (
            <button
              type="button"
              className="button button--small button--secondary"
              aria-label={t('deferral.editLabel', { text: excerpt })}
              onClick={props.onEdit}
            >
              {t('deferral.edit')}
            </button>
          )}
          {props.mayDelete && (
            <button
              type="button"
              className="button button--small button--danger"
              aria-label={t('deferral.deleteLabel', { text: excerpt })}
              onClick={props.onDelete}
            >
              {t('deferral.delete')}
            </button>
          )}
        </div>
      )}
    </li>
  );
}

function DeferralForm({
  initial,
  editing,
  cancelLabel,
  onSave,
  onCancel,
}: {
  initial: DeferralDraft;
  editing: boolean;
  /** "Annuleren", or "Sluiten" once an action point was saved from this form. */
  cancelLabel: string;
  onSave: (draft: DeferralDraft) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState<DeferralDraft>(initial);
  const [missing, setMissing] = useState(false);
  const questionRef = useRef<HTMLTextAreaElement>(null);
  const ids = {
    question: useId(),
    error: useId(),
    heading: useId(),
  };

  useEffect(() => {
    questionRef.current?.focus();
  }, []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (draft.question.trim() === '') {
      setMissing(true);
      questionRef.current?.focus();
      return;
    }
    onSave({
      question: draft.question.trim(),
      findOut: draft.findOut.trim(),
      askWhom: draft.askWhom.trim(),
      owner: draft.owner.trim(),
    });
  };
  const set = (key: keyof DeferralDraft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [key]: e.target.value }));

  return (
    <form className="field-panel__form" onSubmit={submit} aria-labelledby={ids.heading} noValidate>
      <h4 id={ids.heading}>{editing ? t('deferral.editHeading') : t('deferral.newHeading')}</h4>
      <label htmlFor={ids.question} className="field-panel__label">
        {t('deferral.question')}
      </label>
      <textarea
        ref={questionRef}
        id={ids.question}
        className="textarea"
        rows={2}
        maxLength={DEFERRAL_TEXT_LENGTH}
        value={draft.question}
        data-testid="defer-question"
        aria-invalid={missing && draft.question.trim() === ''}
        aria-describedby={missing ? ids.error : undefined}
        onChange={set('question')}
      />
      {missing && draft.question.trim() === '' && (
        <p id={ids.error} className="error" role="alert">
          {t('deferral.questionRequired')}
        </p>
      )}
      {OPTIONAL_DEFERRAL_FIELDS.map((key) => (
        <OptionalField
          key={key}
          label={t(`deferral.${key}`)}
          multiline={key === 'findOut'}
          maxLength={key === 'owner' ? OWNER_LENGTH : DEFERRAL_TEXT_LENGTH}
          value={draft[key]}
          testId={`defer-${key.toLowerCase()}`}
          onChange={set(key)}
        />
      ))}
      <div className="field-panel__buttons">
        <button type="submit" className="button button--primary" data-testid="defer-save">
          {t('deferral.save')}
        </button>
        <button type="button" className="button button--secondary" data-testid="defer-cancel" onClick={onCancel}>
          {cancelLabel}
        </button>
      </div>
    </form>
  );
}

/** An optional line (or, multiline, a two-row box) of the deferral form, its label marked "optioneel". */
function OptionalField(props: {
  label: string;
  multiline?: boolean;
  maxLength: number;
  value: string;
  testId: string;
  onChange: (e: { target: { value: string } }) => void;
}) {
  const t = useT();
  const id = useId();
  const { label, multiline = false, testId, ...control } = props;
  const shared = { id, ...control, 'data-testid': testId };
  return (
    <>
      <label htmlFor={id} className="field-panel__label">
        {label} <span className="optional">{t('common.optional')}</span>
      </label>
      {multiline ? <textarea className="textarea" rows={2} {...shared} /> : <input className="input" {...shared} />}
    </>
  );
}
